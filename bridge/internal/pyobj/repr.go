package pyobj

// repr() and str() as CPython 3.11 writes them: floats (1234567.5, 1e+16,
// inf, -0.0), 1-tuples, nested containers, exceptions (ValueError('boom')),
// classes (<class '__main__.C'>). gpython's own M__repr__ methods on its
// builtin types cannot be changed, so these walkers do the formatting and the
// builtins repr/str/print go through them.

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// FloatRepr is CPython's repr(float): the shortest string that round-trips,
// positional for exponents -4..15, scientific otherwise.
func FloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	mant, exp := s[:epos], s[epos+1:]
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	if e >= -4 && e < 16 {
		if e < 0 {
			return sign + "0." + strings.Repeat("0", -e-1) + digits
		}
		if len(digits) <= e+1 {
			return sign + digits + strings.Repeat("0", e+1-len(digits)) + ".0"
		}
		return sign + digits[:e+1] + "." + digits[e+1:]
	}
	m := digits[:1]
	if len(digits) > 1 {
		m += "." + digits[1:]
	}
	es := "+"
	if e < 0 {
		es, e = "-", -e
	}
	return fmt.Sprintf("%s%se%s%02d", sign, m, es, e)
}

// StringRepr is CPython's repr(str).
func StringRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, "\\x%02x", s[i])
			i++
			continue
		}
		i += size
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x7f:
			b.WriteRune(r)
		case isPrintable(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r <= 0xffff:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// isPrintable approximates CPython's str.isprintable for one character.
func isPrintable(r rune) bool {
	if r == ' ' {
		return true
	}
	if unicode.Is(unicode.Zs, r) || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp) {
		return false
	}
	return unicode.IsPrint(r) || unicode.IsGraphic(r)
}

// BytesRepr is CPython's repr(bytes).
func BytesRepr(bs []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(bs), '\'') >= 0 && strings.IndexByte(string(bs), '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for _, c := range bs {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\x%02x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

var reprActive sync.Map // container pointer → struct{}: recursion guard

func reprEnter(p any) bool {
	_, loaded := reprActive.LoadOrStore(p, struct{}{})
	return !loaded
}

func reprLeave(p any) { reprActive.Delete(p) }

// Repr returns CPython's repr(o).
func Repr(o py.Object) (string, error) {
	if o == nil {
		return "", py.ExceptionNewf(py.SystemError, "NULL object in a container (a gpython tuple/list operation left a hole)")
	}
	switch x := o.(type) {
	case py.String:
		return StringRepr(string(x)), nil
	case py.Int:
		return strconv.FormatInt(int64(x), 10), nil
	case py.Bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case py.NoneType:
		return "None", nil
	case py.Float:
		return FloatRepr(float64(x)), nil
	case *py.BigInt:
		return (*big.Int)(x).String(), nil
	case py.Complex:
		return complexRepr(complex128(x)), nil
	case py.Bytes:
		return BytesRepr(x), nil
	case py.Tuple:
		return seqRepr(x, "(", ")", len(x) == 1)
	case *py.List:
		if !reprEnter(x) {
			return "[...]", nil
		}
		defer reprLeave(x)
		return seqRepr(x.Items, "[", "]", false)
	case *Dict:
		if x.Typ != nil {
			if m := userLookup(x.Typ, "__repr__"); m != nil {
				return callStrMethod(m, x, "__repr__")
			}
		}
		return x.Repr()
	case *Set:
		return x.reprWith(x)
	case *FrozenSet:
		return x.reprWith(x)
	case py.StringDict:
		return stringDictRepr(x)
	case *py.Exception:
		if m := userLookup(x.Base, "__repr__"); m != nil {
			return callStrMethod(m, x, "__repr__")
		}
		return exceptionRepr(x)
	case *py.Type:
		return typeRepr(x)
	case *py.Function:
		return fmt.Sprintf("<function %s at %p>", x.Qualname, x), nil
	case *py.Slice:
		return sliceRepr(x)
	}
	r, err := py.Repr(o)
	if err != nil {
		return "", err
	}
	s, ok := r.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return string(s), nil
}

func callStrMethod(m, self py.Object, name string) (string, error) {
	r, err := py.Call(m, py.Tuple{self}, nil)
	if err != nil {
		return "", err
	}
	s, ok := r.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "%s returned non-string (type %s)", name, r.Type().Name)
	}
	return string(s), nil
}

func complexRepr(c complex128) string {
	re, im := real(c), imag(c)
	ims := FloatRepr(im)
	ims = strings.TrimSuffix(ims, ".0")
	if re == 0 && !math.Signbit(re) {
		return ims + "j"
	}
	res := strings.TrimSuffix(FloatRepr(re), ".0")
	if !strings.HasPrefix(ims, "-") {
		ims = "+" + ims
	}
	return "(" + res + ims + "j)"
}

func seqRepr(items []py.Object, open, close string, trailingComma bool) (string, error) {
	var b strings.Builder
	b.WriteString(open)
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(it)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if trailingComma {
		b.WriteByte(',')
	}
	b.WriteString(close)
	return b.String(), nil
}

func SortedKeys(d py.StringDict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func stringDictRepr(d py.StringDict) (string, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range SortedKeys(d) {
		if i > 0 {
			b.WriteString(", ")
		}
		v, err := Repr(d[k])
		if err != nil {
			return "", err
		}
		b.WriteString(StringRepr(k))
		b.WriteString(": ")
		b.WriteString(v)
	}
	b.WriteByte('}')
	return b.String(), nil
}

func ExceptionArgs(e *py.Exception) py.Tuple {
	if t, ok := e.Args.(py.Tuple); ok {
		return t
	}
	if e.Args == nil {
		return nil
	}
	return py.Tuple{e.Args}
}

func exceptionRepr(e *py.Exception) (string, error) {
	args := ExceptionArgs(e)
	s, err := seqRepr(args, "(", ")", false)
	if err != nil {
		return "", err
	}
	return e.Base.Name + s, nil
}

// ExceptionStr is CPython's str(exc): empty for no args, str(arg) for one
// (repr(key) for KeyError), repr(args) for several.
func ExceptionStr(e *py.Exception) (string, error) {
	if m := userLookup(e.Base, "__str__"); m != nil {
		return callStrMethod(m, e, "__str__")
	}
	if s, ok, err := osErrorStr(e); ok || err != nil {
		return s, err
	}
	args := ExceptionArgs(e)
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		if e.Base == py.KeyError {
			return Repr(args[0])
		}
		return Str(args[0])
	}
	return Repr(args)
}

// isClass reports whether t is a class rather than an instance of a user class.
func isPyClass(t *py.Type) bool {
	// gpython gives its builtin types the metatype object, and instances of
	// user classes are *py.Type values too (made by Type.Alloc, unnamed).
	return t.Name != ""
}

func typeRepr(t *py.Type) (string, error) {
	if !isPyClass(t) {
		// An instance of a user class.
		if t.Type().Lookup("__repr__") != nil {
			r, err := t.M__repr__()
			if err != nil {
				return "", err
			}
			if s, ok := r.(py.String); ok {
				return string(s), nil
			}
			return "", py.ExceptionNewf(py.TypeError, "__repr__ returned non-string (type %s)", r.Type().Name)
		}
		return fmt.Sprintf("<%s object at %p>", qualifiedName(t.Type()), t), nil
	}
	if mt := t.Type(); mt != nil && mt != py.TypeType && mt.Dict["__repr__"] != nil {
		// a Go metaclass's repr (enum.EnumType: <enum 'Color'>)
		r, err := py.Call(mt.Dict["__repr__"], py.Tuple{t}, nil)
		if err != nil {
			return "", err
		}
		if s, ok := r.(py.String); ok {
			return string(s), nil
		}
	}
	return fmt.Sprintf("<class '%s'>", qualifiedName(t)), nil
}

// qualifiedName is module.qualname for user classes, the bare name for builtins.
func qualifiedName(t *py.Type) string {
	name := t.Name
	if t.Qualname != "" {
		name = t.Qualname
	}
	if m, ok := t.Dict["__module__"].(py.String); ok && m != "builtins" {
		return string(m) + "." + name
	}
	return name
}

// Str returns CPython's str(o).
func Str(o py.Object) (string, error) {
	if o == nil {
		return Repr(o)
	}
	switch x := o.(type) {
	case py.String:
		return string(x), nil
	case py.Float:
		return FloatRepr(float64(x)), nil
	case *py.Exception:
		return ExceptionStr(x)
	case *py.Type:
		if !isPyClass(x) && x.Type().Lookup("__str__") != nil {
			r, err := x.M__str__()
			if err != nil {
				return "", err
			}
			if s, ok := r.(py.String); ok {
				return string(s), nil
			}
			return "", py.ExceptionNewf(py.TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
		}
		return typeRepr(x)
	case py.Int, py.Bool, py.NoneType, *py.BigInt, py.Complex, py.Bytes, py.Tuple, *py.List, *Dict, *Set, *FrozenSet, py.StringDict, *py.Function, *py.Slice:
		return Repr(o)
	}
	r, err := py.Str(o)
	if err != nil {
		return "", err
	}
	s, ok := r.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return string(s), nil
}
