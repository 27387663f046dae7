package pyobj

// bytes methods. The structural ones (find, split, partition, strip, just,
// …) run the str method of the same name on the bytes read as Latin-1 (one
// character per byte, so indices agree) and turn str results back into
// bytes; the case and classification ones are ASCII-only, as CPython's
// bytes methods are. bytes.maketrans/translate and `%` formatting are here
// too. All are installed for bytes and delegated to bytearray.

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

// unLatin1 turns a str made of characters below 256 back into bytes.
func unLatin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

// latinArg converts a bytes-like argument; intSub also takes an int as a
// one-byte subsequence (find/count/index).
func latinArg(o py.Object, intSub bool) (py.Object, error) {
	if b, ok := BytesLike(o); ok {
		return py.String(latin1(b)), nil
	}
	switch o.(type) {
	case py.String:
		return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not 'str'")
	case py.Int, py.Bool, *py.BigInt:
		if intSub {
			v, err := byteValue(o)
			if err != nil {
				return nil, err
			}
			return py.String(rune(v)), nil
		}
	case py.Tuple:
		t := o.(py.Tuple)
		out := make(py.Tuple, len(t))
		for i, x := range t {
			c, err := latinArg(x, false)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	return o, nil
}

// fromLatin turns str results (alone or in a list/tuple) into bytes.
func fromLatin(r py.Object, mk func([]byte) py.Object) py.Object {
	switch x := r.(type) {
	case py.String:
		return mk(unLatin1(string(x)))
	case py.Tuple:
		out := make(py.Tuple, len(x))
		for i, it := range x {
			out[i] = fromLatin(it, mk)
		}
		return out
	case *py.List:
		out := make([]py.Object, len(x.Items))
		for i, it := range x.Items {
			out[i] = fromLatin(it, mk)
		}
		return py.NewListFromItems(out)
	}
	return r
}

// bytesMethod is the Go signature of a bytes method (pyrt.Method's fn).
type bytesMethod = func(self py.Object, a *pyrt.Args) (py.Object, error)

// viaStrSpec passes every argument on to the str method, which checks them.
const viaStrSpec = "$self, *args, **kwargs"

// viaStr makes bytes method name from the str method of that name.
func viaStr(name string, intSub bool) bytesMethod {
	return func(self py.Object, a *pyrt.Args) (py.Object, error) {
		args, kw := a.Star, a.Kw
		m, ok := py.StringType.Dict[name].(*py.Method)
		if !ok {
			return nil, py.ExceptionNewf(py.NotImplementedError, "bytes.%s is not supported by pypool", name)
		}
		b, _ := BytesLike(self)
		cargs := make(py.Tuple, len(args))
		for i, arg := range args {
			c, err := latinArg(arg, intSub && i == 0)
			if err != nil {
				return nil, err
			}
			cargs[i] = c
		}
		var ckw py.StringDict
		if len(kw) > 0 {
			ckw = py.NewStringDict()
			for k, v := range kw {
				c, err := latinArg(v, false)
				if err != nil {
					return nil, err
				}
				ckw[k] = c
			}
		}
		r, err := m.CallWithKeywords(py.String(latin1(b)), cargs, ckw)
		if err != nil {
			if isExc(err, py.ValueError) && strings.Contains(err.Error(), "substring not found") {
				return nil, py.ExceptionNewf(py.ValueError, "subsection not found")
			}
			return nil, err
		}
		if _, isBA := self.(*ByteArray); isBA {
			return fromLatin(r, newByteArray), nil
		}
		return fromLatin(r, newBytes), nil
	}
}

func isASCIILower(c byte) bool { return c >= 'a' && c <= 'z' }
func isASCIIUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isASCIIAlpha(c byte) bool { return isASCIILower(c) || isASCIIUpper(c) }
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// mapBytes makes a bytes method mapping each byte (case conversions).
func mapBytes(f func(b []byte) []byte) bytesMethod {
	return func(self py.Object, _ *pyrt.Args) (py.Object, error) {
		b, _ := BytesLike(self)
		out := f(append([]byte{}, b...))
		if _, isBA := self.(*ByteArray); isBA {
			return newByteArray(out), nil
		}
		return newBytes(out), nil
	}
}

func each(f func(c byte) byte) func([]byte) []byte {
	return func(b []byte) []byte {
		for i, c := range b {
			b[i] = f(c)
		}
		return b
	}
}

func toLowerASCII(c byte) byte {
	if isASCIIUpper(c) {
		return c + 32
	}
	return c
}

func toUpperASCII(c byte) byte {
	if isASCIILower(c) {
		return c - 32
	}
	return c
}

// testBytes makes a bytes predicate method (isalpha, …).
func testBytes(f func(b []byte) bool) bytesMethod {
	return func(self py.Object, _ *pyrt.Args) (py.Object, error) {
		b, _ := BytesLike(self)
		return py.NewBool(f(b)), nil
	}
}

func all(pred func(c byte) bool) func([]byte) bool {
	return func(b []byte) bool {
		if len(b) == 0 {
			return false
		}
		for _, c := range b {
			if !pred(c) {
				return false
			}
		}
		return true
	}
}

// casedTest is islower/isupper: no byte of the other case, at least one cased.
func casedTest(want, other func(byte) bool) func([]byte) bool {
	return func(b []byte) bool {
		seen := false
		for _, c := range b {
			if other(c) {
				return false
			}
			if want(c) {
				seen = true
			}
		}
		return seen
	}
}

func titleBytes(b []byte) []byte {
	prevCased := false
	for i, c := range b {
		switch {
		case isASCIIAlpha(c) && !prevCased:
			b[i] = toUpperASCII(c)
			prevCased = true
		case isASCIIAlpha(c):
			b[i] = toLowerASCII(c)
		default:
			prevCased = false
		}
	}
	return b
}

func isTitleBytes(b []byte) bool {
	prevCased, cased := false, false
	for _, c := range b {
		switch {
		case isASCIIUpper(c):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case isASCIILower(c):
			if !prevCased {
				return false
			}
		default:
			prevCased = false
		}
	}
	return cased
}

// fmtArg stands for a bytes or str argument of bytes % args: %s inserts a
// bytes argument as it is (read as Latin-1) and refuses a str; %r/%a give
// the argument's repr.
type fmtArg struct {
	obj   py.Object
	bytes []byte
	isStr bool
}

var fmtArgType = py.NewType("bytes_format_arg", "")

func (f *fmtArg) Type() *py.Type { return fmtArgType }

func (f *fmtArg) M__str__() (py.Object, error) {
	if f.isStr {
		return nil, py.ExceptionNewf(py.TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not 'str'")
	}
	return py.String(latin1(f.bytes)), nil
}

func (f *fmtArg) M__repr__() (py.Object, error) {
	r, err := Repr(f.obj)
	return py.String(r), err
}

// bytesMod is bytes % args: CPython's printf-style formatting, with
// bytes-like arguments inserted as they are.
func bytesMod(fmtB []byte, args py.Object, mk func([]byte) py.Object) (py.Object, error) {
	conv := func(o py.Object) py.Object {
		if b, ok := BytesLike(o); ok {
			return &fmtArg{obj: o, bytes: b}
		}
		if _, ok := o.(py.String); ok {
			return &fmtArg{obj: o, isStr: true}
		}
		return o
	}
	switch x := args.(type) {
	case py.Tuple:
		t := make(py.Tuple, len(x))
		for i, o := range x {
			t[i] = conv(o)
		}
		args = t
	case *Dict:
		d := NewDict()
		for _, it := range x.Items() {
			k := it.Key
			if b, ok := BytesLike(k); ok {
				k = py.String(latin1(b))
			}
			if err := d.Set(k, conv(it.Value)); err != nil {
				return nil, err
			}
		}
		args = d
	default:
		args = conv(args)
	}
	s, err := PercentFormat(latin1(fmtB), args)
	if err != nil {
		return nil, err
	}
	for _, r := range s {
		if r > 0xff {
			return nil, py.ExceptionNewf(py.UnicodeEncodeError, "'latin-1' codec can't encode character '\\u%04x'", r)
		}
	}
	return mk(unLatin1(s)), nil
}

// M__mod__ is bytes % args.
func (b Bytes) M__mod__(args py.Object) (py.Object, error) { return bytesMod(b, args, newBytes) }

// M__mod__ is bytearray % args.
func (a *ByteArray) M__mod__(args py.Object) (py.Object, error) {
	return bytesMod(a.B, args, newByteArray)
}

// bytesMaketrans is the static method bytes.maketrans(frm, to).
func bytesMaketrans(_ py.Object, a *pyrt.Args) (py.Object, error) {
	from, ok1 := BytesLike(a.Get("frm"))
	to, ok2 := BytesLike(a.Get("to"))
	if !ok1 || !ok2 {
		return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyrt.TypeName(a.Get("frm")))
	}
	if len(from) != len(to) {
		return nil, py.ExceptionNewf(py.ValueError, "maketrans arguments must have same length")
	}
	table := make([]byte, 256)
	for i := range table {
		table[i] = byte(i)
	}
	for i, c := range from {
		table[c] = to[i]
	}
	return newBytes(table), nil
}

// bytesTranslate is bytes.translate(table, /, delete=b"").
func bytesTranslate(self py.Object, a *pyrt.Args) (py.Object, error) {
	b, _ := BytesLike(self)
	var table []byte
	if a.Get("table") != py.None {
		t, ok := BytesLike(a.Get("table"))
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyrt.TypeName(a.Get("table")))
		}
		if len(t) != 256 {
			return nil, py.ExceptionNewf(py.ValueError, "translation table must be 256 characters long")
		}
		table = t
	}
	var del [256]bool
	if a.Given("delete") {
		d, ok := BytesLike(a.Get("delete"))
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyrt.TypeName(a.Get("delete")))
		}
		for _, c := range d {
			del[c] = true
		}
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if del[c] {
			continue
		}
		if table != nil {
			c = table[c]
		}
		out = append(out, c)
	}
	if _, isBA := self.(*ByteArray); isBA {
		return newByteArray(out), nil
	}
	return newBytes(out), nil
}

// installBytesMethods puts the methods above into bytes' dict (called from
// the late installer in builtin_bytes.go, before the dict is delegated to
// bytearray).
func installBytesMethods() {
	for _, name := range []string{"center", "expandtabs", "ljust", "lstrip", "partition", "removeprefix",
		"removesuffix", "replace", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
		"strip", "zfill"} {
		pyrt.Method(py.BytesType, "bytes."+name, viaStrSpec, viaStr(name, false))
	}
	for _, name := range []string{"count", "find", "index", "rfind", "rindex"} {
		pyrt.Method(py.BytesType, "bytes."+name, viaStrSpec, viaStr(name, true))
	}
	pyrt.Method(py.BytesType, "bytes.lower", "$self", mapBytes(each(toLowerASCII)))
	pyrt.Method(py.BytesType, "bytes.upper", "$self", mapBytes(each(toUpperASCII)))
	pyrt.Method(py.BytesType, "bytes.swapcase", "$self", mapBytes(each(func(c byte) byte {
		if isASCIILower(c) {
			return c - 32
		}
		return toLowerASCII(c)
	})))
	pyrt.Method(py.BytesType, "bytes.title", "$self", mapBytes(titleBytes))
	pyrt.Method(py.BytesType, "bytes.capitalize", "$self", mapBytes(func(b []byte) []byte {
		for i, c := range b {
			if i == 0 {
				b[i] = toUpperASCII(c)
			} else {
				b[i] = toLowerASCII(c)
			}
		}
		return b
	}))
	pyrt.Method(py.BytesType, "bytes.isalpha", "$self", testBytes(all(isASCIIAlpha)))
	pyrt.Method(py.BytesType, "bytes.isdigit", "$self", testBytes(all(func(c byte) bool { return c >= '0' && c <= '9' })))
	pyrt.Method(py.BytesType, "bytes.isalnum", "$self", testBytes(all(func(c byte) bool { return isASCIIAlpha(c) || c >= '0' && c <= '9' })))
	pyrt.Method(py.BytesType, "bytes.isspace", "$self", testBytes(all(isASCIISpace)))
	pyrt.Method(py.BytesType, "bytes.isascii", "$self", testBytes(func(b []byte) bool {
		for _, c := range b {
			if c >= 0x80 {
				return false
			}
		}
		return true
	}))
	pyrt.Method(py.BytesType, "bytes.islower", "$self", testBytes(casedTest(isASCIILower, isASCIIUpper)))
	pyrt.Method(py.BytesType, "bytes.isupper", "$self", testBytes(casedTest(isASCIIUpper, isASCIILower)))
	pyrt.Method(py.BytesType, "bytes.istitle", "$self", testBytes(isTitleBytes))
	pyrt.Method(py.BytesType, "bytes.translate", "$self, table, /, delete=None", bytesTranslate)
	py.BytesType.Dict["maketrans"] = pyrt.Func("maketrans", "$type, frm, to, /", bytesMaketrans)
}
