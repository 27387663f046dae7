package bridge

import (
	"math"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// Str returns str(o) as CPython prints it: exceptions as their message (not
// Go-quoted; never a panic on no arguments), floats in CPython's shortest
// round-trip form (1e+16, inf, -0.0). Everything else is py.Str.
func Str(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.String:
		return string(x), nil
	case py.Float:
		return FloatRepr(float64(x)), nil
	case *py.Exception:
		return exceptionStr(x)
	}
	return py.StrAsString(o)
}

// Repr returns repr(o) as CPython prints it; see Str.
func Repr(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.Float:
		return FloatRepr(float64(x)), nil
	case *py.Exception:
		return exceptionRepr(x)
	}
	return py.ReprAsString(o)
}

// exceptionArgs returns the args tuple of e.
func exceptionArgs(e *py.Exception) py.Tuple {
	if t, ok := e.Args.(py.Tuple); ok {
		return t
	}
	if e.Args == nil {
		return nil
	}
	return py.Tuple{e.Args}
}

func exceptionStr(e *py.Exception) (string, error) {
	args := exceptionArgs(e)
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		if e.Base.IsSubtype(py.KeyError) {
			return Repr(args[0])
		}
		return Str(args[0])
	}
	return Repr(args)
}

func exceptionRepr(e *py.Exception) (string, error) {
	args := exceptionArgs(e)
	var b strings.Builder
	b.WriteString(e.Base.Name)
	if len(args) == 1 {
		b.WriteByte('(')
		r, err := Repr(args[0])
		if err != nil {
			return "", err
		}
		b.WriteString(r)
		b.WriteByte(')')
		return b.String(), nil
	}
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(a)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	b.WriteByte(')')
	return b.String(), nil
}

// FloatRepr formats f as CPython's repr(float): the shortest string that
// reads back as f, positional when 1e-4 <= |f| < 1e16, else scientific with
// at least two exponent digits.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return formatShortest(f, 'r', false, false)
}

// formatShortest renders f's shortest round-trip digits. mode 'r' is repr
// (positional for exponents -4..15, else scientific; ".0" added to
// integral values); alt keeps a trailing point. Used by repr and by format
// specs without a precision.
func formatShortest(f float64, mode byte, alt, noDotZero bool) string {
	neg := math.Signbit(f)
	if neg {
		f = -f
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expS, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expS)
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if -4 <= exp && exp < 16 {
		out = positional(digits, exp)
		if !strings.Contains(out, ".") && !noDotZero {
			out += ".0"
		}
	} else {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		e := strconv.Itoa(exp)
		if len(e) < 2 {
			e = "0" + e
		}
		out += "e" + sign + e
	}
	if neg {
		out = "-" + out
	}
	return out
}

// positional places the decimal point in digits (d.ddd × 10^exp).
func positional(digits string, exp int) string {
	if exp < 0 {
		return "0." + strings.Repeat("0", -exp-1) + digits
	}
	if exp+1 >= len(digits) {
		return digits + strings.Repeat("0", exp+1-len(digits))
	}
	return digits[:exp+1] + "." + digits[exp+1:]
}

func installStrRepr() {
	orig := py.StringType.New
	py.StringType.New = func(metatype *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if metatype == py.StringType && len(args) == 1 && len(kwargs) == 0 {
			s, err := Str(args[0])
			if err != nil {
				return nil, err
			}
			return py.String(s), nil
		}
		return orig(metatype, args, kwargs)
	}
	replaceMethod("builtins", py.MustNewMethod("repr", func(self, o py.Object) (py.Object, error) {
		s, err := Repr(o)
		if err != nil {
			return nil, err
		}
		return py.String(s), nil
	}, 0, "repr(object) -> string\n\nReturn the canonical string representation of the object."))
}
