package pyobj

// complex(): gpython's accepts only numbers (complex('1+2j') is a TypeError
// there) and drops the imaginary part of complex arguments. This one parses
// CPython's string syntax and combines complex arguments as real + imag*1j.

import (
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

const errComplexMalformed = "complex() arg is a malformed string"

// scanFloatLit returns the end of a float literal starting at i in s (an
// optional sign, digits with at most one '.', an optional exponent, or
// inf/infinity/nan), or -1.
func scanFloatLit(s string, i int) int {
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	lower := strings.ToLower(s[i:])
	for _, w := range []string{"infinity", "inf", "nan"} {
		if strings.HasPrefix(lower, w) {
			return i + len(w)
		}
	}
	start := i
	digits := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
			i++
			digits++
		}
	}
	if digits == 0 || i == start {
		return -1
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == '_') {
			k++
		}
		if k == j {
			return -1
		}
		i = k
	}
	return i
}

// parseFloatLit converts a literal found by scanFloatLit.
func parseFloatLit(lit string) (float64, bool) {
	if strings.Contains(lit, "_") {
		body := strings.TrimLeft(lit, "+-")
		for _, part := range strings.FieldsFunc(body, func(r rune) bool { return r == '.' || r == 'e' || r == 'E' || r == '+' || r == '-' }) {
			if !validUnderscores(part) {
				return 0, false
			}
		}
		lit = strings.ReplaceAll(lit, "_", "")
	}
	if strings.EqualFold(strings.TrimLeft(lit, "+-"), "nan") {
		lit = "nan" // Go does not accept a signed NaN
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

// parseComplex parses CPython's complex() string syntax: "1", "2j", "1+2j",
// "-j", "(1-2.5e3j)", surrounding spaces allowed, none inside.
func parseComplex(str string) (complex128, error) {
	bad := py.ExceptionNewf(py.ValueError, "%s", errComplexMalformed)
	s := strings.TrimSpace(str)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && len(s) >= 2 {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" {
		return 0, bad
	}
	if strings.Contains(s, "_") {
		for i := 0; i < len(s); i++ {
			if s[i] == '_' && (i == 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1])) {
				return 0, py.ExceptionNewf(py.ValueError, "could not convert string to complex: %s", StringRepr(str))
			}
		}
	}
	isJ := func(i int) bool { return i == len(s)-1 && (s[i] == 'j' || s[i] == 'J') }
	end1 := scanFloatLit(s, 0)
	if end1 < 0 {
		// "j", "+j", "-j"
		switch {
		case isJ(0):
			return complex(0, 1), nil
		case len(s) == 2 && isJ(1) && s[0] == '+':
			return complex(0, 1), nil
		case len(s) == 2 && isJ(1) && s[0] == '-':
			return complex(0, -1), nil
		}
		return 0, bad
	}
	x, ok := parseFloatLit(s[:end1])
	if !ok {
		return 0, bad
	}
	switch {
	case end1 == len(s):
		return complex(x, 0), nil
	case isJ(end1):
		return complex(0, x), nil
	case s[end1] == '+' || s[end1] == '-':
		end2 := scanFloatLit(s, end1)
		if end2 < 0 {
			if isJ(end1 + 1) {
				if s[end1] == '-' {
					return complex(x, -1), nil
				}
				return complex(x, 1), nil
			}
			return 0, bad
		}
		if !isJ(end2) {
			return 0, bad
		}
		y, ok := parseFloatLit(s[end1:end2])
		if !ok {
			return 0, bad
		}
		return complex(x, y), nil
	}
	return 0, bad
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// complexArg converts one numeric argument of complex().
func complexArg(o py.Object, which string) (complex128, error) {
	switch x := o.(type) {
	case py.Complex:
		return complex128(x), nil
	case py.Float:
		return complex(float64(x), 0), nil
	case py.Int:
		return complex(float64(x), 0), nil
	case py.Bool:
		return complex(float64(BoolInt(x)), 0), nil
	}
	if m := o.Type().Lookup("__complex__"); m != nil {
		r, err := py.Call(m, py.Tuple{o}, nil)
		if err != nil {
			return 0, err
		}
		if c, ok := r.(py.Complex); ok {
			return complex128(c), nil
		}
		return 0, py.ExceptionNewf(py.TypeError, "__complex__ returned non-complex (type %s)", r.Type().Name)
	}
	f, err := py.MakeFloat(o)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "complex() %s argument must be a string or a number, not '%s'", which, pyrt.TypeName(o))
	}
	return complex(float64(f.(py.Float)), 0), nil
}

var complexSig = pyrt.MustSig("complex", "real=0, imag=None")

func complexNew(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
	a, err := complexSig.Parse(args, kw)
	if err != nil {
		return nil, err
	}
	re, im := a.Get("real"), a.Get("imag")
	if s, ok := re.(py.String); ok {
		if a.Given("imag") {
			return nil, py.ExceptionNewf(py.TypeError, "complex() can't take second arg if first is a string")
		}
		c, err := parseComplex(string(s))
		if err != nil {
			return nil, err
		}
		return py.Complex(c), nil
	}
	if _, ok := im.(py.String); ok {
		return nil, py.ExceptionNewf(py.TypeError, "complex() second arg can't be a string")
	}
	r, err := complexArg(re, "first")
	if err != nil {
		return nil, err
	}
	if !a.Given("imag") {
		return py.Complex(r), nil
	}
	i, err := complexArg(im, "second")
	if err != nil {
		return nil, err
	}
	// real + imag*1j, keeping CPython's component arithmetic.
	return py.Complex(complex(real(r)-imag(i), imag(r)+real(i))), nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_complex", func() {
		py.ComplexType.New = complexNew
	})
}
