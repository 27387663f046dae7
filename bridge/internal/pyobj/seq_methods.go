package pyobj

// list, tuple, int, float and bytes methods gpython lacks.

import (
	"encoding/hex"
	"math"
	"math/big"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// seqIndexSpec is the parameter list of list.index and tuple.index.
const seqIndexSpec = "$self, value, start=None, stop=None, /"

// seqIndex is list.index / tuple.index.
func seqIndex(items []py.Object, a *pyrt.Args, what string) (py.Object, error) {
	value := a.Get("value")
	start, end, err := sliceBounds(a.Get("start"), a.Get("stop"), len(items))
	if err != nil {
		return nil, err
	}
	for i := start; i < end && i < len(items); i++ {
		eq, err := Equal(items[i], value)
		if err != nil {
			return nil, err
		}
		if eq {
			return py.Int(i), nil
		}
	}
	if what == "list" {
		r, err := Repr(value)
		if err != nil {
			return nil, err
		}
		return nil, py.ExceptionNewf(py.ValueError, "%s is not in list", r)
	}
	return nil, py.ExceptionNewf(py.ValueError, "tuple.index(x): x not in tuple")
}

func seqCount(items []py.Object, x py.Object) (py.Object, error) {
	n := 0
	for _, it := range items {
		eq, err := Equal(it, x)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return py.Int(n), nil
}

func listMethod(name, spec string, fn func(l *py.List, a *pyrt.Args) (py.Object, error)) {
	pyrt.Method(py.ListType, "list."+name, spec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return fn(self.(*py.List), a)
	})
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "seq_methods", installSeqMethods)
}

func installSeqMethods() {
	listMethod("index", seqIndexSpec, func(l *py.List, a *pyrt.Args) (py.Object, error) { return seqIndex(l.Items, a, "list") })
	listMethod("count", "$self, value, /", func(l *py.List, a *pyrt.Args) (py.Object, error) { return seqCount(l.Items, a.Get("value")) })
	listMethod("insert", "$self, index, object, /", func(l *py.List, a *pyrt.Args) (py.Object, error) {
		i, err := py.IndexInt(a.Get("index"))
		if err != nil {
			return nil, err
		}
		n := len(l.Items)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		l.Items = append(l.Items, nil)
		copy(l.Items[i+1:], l.Items[i:])
		l.Items[i] = a.Get("object")
		return py.None, nil
	})
	listMethod("remove", "$self, value, /", func(l *py.List, a *pyrt.Args) (py.Object, error) {
		value := a.Get("value")
		for i, it := range l.Items {
			eq, err := Equal(it, value)
			if err != nil {
				return nil, err
			}
			if eq {
				l.Items = append(l.Items[:i], l.Items[i+1:]...)
				return py.None, nil
			}
		}
		return nil, py.ExceptionNewf(py.ValueError, "list.remove(x): x not in list")
	})
	listMethod("pop", "$self, index=-1, /", func(l *py.List, a *pyrt.Args) (py.Object, error) {
		n := len(l.Items)
		if n == 0 {
			return nil, py.ExceptionNewf(py.IndexError, "pop from empty list")
		}
		i := n - 1
		if a.Given("index") {
			var err error
			if i, err = py.IndexInt(a.Get("index")); err != nil {
				return nil, err
			}
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return nil, py.ExceptionNewf(py.IndexError, "pop index out of range")
			}
		}
		v := l.Items[i]
		l.Items = append(l.Items[:i], l.Items[i+1:]...)
		return v, nil
	})
	listMethod("reverse", "$self", func(l *py.List, _ *pyrt.Args) (py.Object, error) {
		for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return py.None, nil
	})
	listMethod("copy", "$self", func(l *py.List, _ *pyrt.Args) (py.Object, error) {
		return &py.List{Items: append([]py.Object(nil), l.Items...)}, nil
	})
	listMethod("clear", "$self", func(l *py.List, _ *pyrt.Args) (py.Object, error) {
		l.Items = l.Items[:0]
		return py.None, nil
	})
	pyrt.Method(py.TupleType, "tuple.index", seqIndexSpec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return seqIndex(self.(py.Tuple), a, "tuple")
	})
	pyrt.Method(py.TupleType, "tuple.count", "$self, value, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return seqCount(self.(py.Tuple), a.Get("value"))
	})

	// int
	pyrt.Method(py.IntType, "int.bit_length", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		switch x := self.(type) {
		case py.Int:
			v := int64(x)
			if v < 0 {
				v = -v
			}
			return py.Int(bits.Len64(uint64(v))), nil
		case *py.BigInt:
			return py.Int((*big.Int)(x).BitLen()), nil
		}
		return py.Int(0), nil
	})
	pyrt.Method(py.IntType, "int.bit_count", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		n := toBig(self)
		n.Abs(n)
		c := 0
		for _, w := range n.Bits() {
			c += bits.OnesCount64(uint64(w))
		}
		return py.Int(c), nil
	})
	pyrt.Method(py.IntType, "int.conjugate", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) { return self, nil })
	pyrt.Method(py.IntType, "int.to_bytes", "$self, length=1, byteorder='big', *, signed=False", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		length, err := py.IndexInt(a.Get("length"))
		if err != nil {
			return nil, err
		}
		order, err := a.Str("byteorder")
		if err != nil {
			return nil, err
		}
		signed, err := a.Bool("signed")
		if err != nil {
			return nil, err
		}
		x := toBig(self)
		if x.Sign() < 0 && !signed {
			return nil, py.ExceptionNewf(py.OverflowError, "can't convert negative int to unsigned")
		}
		if x.Sign() < 0 {
			x = new(big.Int).Add(x, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
		}
		b := x.Bytes()
		if len(b) > length || signed && toBig(self).Sign() >= 0 && len(b) == length && length > 0 && b[0]&0x80 != 0 {
			return nil, py.ExceptionNewf(py.OverflowError, "int too big to convert")
		}
		out := make([]byte, length)
		copy(out[length-len(b):], b)
		if order == "little" {
			for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
		}
		return py.Bytes(out), nil
	})
	pyrt.ClassMethod(py.IntType, "int.from_bytes", "$type, bytes, byteorder='big', *, signed=False", func(_ *py.Type, a *pyrt.Args) (py.Object, error) {
		b, ok := BytesLike(a.Get("bytes"))
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "cannot convert '%s' object to bytes", a.Get("bytes").Type().Name)
		}
		order, err := a.Str("byteorder")
		if err != nil {
			return nil, err
		}
		signed, err := a.Bool("signed")
		if err != nil {
			return nil, err
		}
		data := append([]byte(nil), b...)
		if order == "little" {
			for i, j := 0, len(data)-1; i < j; i, j = i+1, j-1 {
				data[i], data[j] = data[j], data[i]
			}
		}
		x := new(big.Int).SetBytes(data)
		if signed && len(data) > 0 && data[0]&0x80 != 0 {
			x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(data))))
		}
		return BigToInt(x), nil
	})

	for _, name := range []string{"real", "numerator"} {
		py.IntType.Dict[name] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self, nil }}
	}
	py.IntType.Dict["imag"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.Int(0), nil }}
	py.IntType.Dict["denominator"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.Int(1), nil }}
	py.FloatType.Dict["real"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self, nil }}
	py.FloatType.Dict["imag"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.Float(0), nil }}

	intNew := py.IntType.New
	py.IntType.New = func(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if len(args) >= 1 {
			if s, ok := args[0].(py.String); ok && strings.Contains(string(s), "_") && validUnderscores(strings.TrimSpace(string(s))) {
				args = append(py.Tuple{py.String(strings.ReplaceAll(string(s), "_", ""))}, args[1:]...)
			}
		}
		return intNew(t, args, kw)
	}

	// float
	pyrt.Method(py.FloatType, "float.as_integer_ratio", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		f := float64(self.(py.Float))
		if math.IsInf(f, 0) {
			return nil, py.ExceptionNewf(py.OverflowError, "cannot convert Infinity to integer ratio")
		}
		if math.IsNaN(f) {
			return nil, py.ExceptionNewf(py.ValueError, "cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return py.Tuple{BigToInt(r.Num()), BigToInt(r.Denom())}, nil
	})
	pyrt.Method(py.FloatType, "float.hex", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.String(floatHex(float64(self.(py.Float)))), nil
	})
	pyrt.Method(py.FloatType, "float.conjugate", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) { return self, nil })

	// bytes
	pyrt.Method(py.BytesType, "bytes.decode", "$self, encoding='utf-8', errors='strict'", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		enc, err := a.Str("encoding")
		if err != nil {
			return nil, err
		}
		b := []byte(self.(py.Bytes))
		switch strings.ReplaceAll(strings.ToLower(enc), "_", "-") {
		case "utf-8", "utf8", "ascii":
			if !utf8.Valid(b) {
				for i := 0; i < len(b); {
					r, size := utf8.DecodeRune(b[i:])
					if r == utf8.RuneError && size == 1 {
						return nil, py.ExceptionNewf(py.UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i)
					}
					i += size
				}
			}
			return py.String(b), nil
		case "latin-1", "latin1", "iso-8859-1":
			rs := make([]rune, len(b))
			for i, c := range b {
				rs[i] = rune(c)
			}
			return py.String(string(rs)), nil
		}
		return nil, py.ExceptionNewf(py.LookupError, "unknown encoding: %s", enc)
	})
	pyrt.Method(py.BytesType, "bytes.hex", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.String(hex.EncodeToString(self.(py.Bytes))), nil
	})
	pyrt.ClassMethod(py.BytesType, "bytes.fromhex", "$type, string, /", func(_ *py.Type, a *pyrt.Args) (py.Object, error) {
		s, err := a.Str("string")
		if err != nil {
			return nil, err
		}
		b, err := hex.DecodeString(strings.ReplaceAll(string(s), " ", ""))
		if err != nil {
			return nil, py.ExceptionNewf(py.ValueError, "non-hexadecimal number found in fromhex() arg")
		}
		return py.Bytes(b), nil
	})
}

func toBig(o py.Object) *big.Int {
	switch x := o.(type) {
	case py.Int:
		return big.NewInt(int64(x))
	case py.Bool:
		return big.NewInt(int64(BoolInt(x)))
	case *py.BigInt:
		return new(big.Int).Set((*big.Int)(x))
	}
	return new(big.Int)
}

// IntArg is an integer argument as a big.Int: an int, a bool, or a float
// with no fraction; other types give CPython's "'T' object cannot be
// interpreted as an integer" TypeError.
func IntArg(name string, o py.Object) (*big.Int, error) {
	switch x := o.(type) {
	case py.Int, py.Bool, *py.BigInt:
		return toBig(x), nil
	case py.Float:
		if float64(x) == math.Trunc(float64(x)) {
			return big.NewInt(int64(x)), nil
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", o.Type().Name)
}

// BigToInt returns an Int when x fits, else a BigInt.
func BigToInt(x *big.Int) py.Object {
	if x.IsInt64() {
		return py.Int(x.Int64())
	}
	return (*py.BigInt)(new(big.Int).Set(x))
}

func floatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0x0.0p+0"
		}
		return "0x0.0p+0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	m, e := math.Frexp(f) // f = m * 2^e, m in [0.5, 1)
	m *= 2
	e--
	mant := uint64(m * (1 << 52))
	lead := mant >> 52
	frac := mant & (1<<52 - 1)
	s := strings.TrimRight(strings.ToLower(hexDigits(frac, 13)), "0")
	if s == "" {
		s = "0"
	}
	es := "+"
	if e < 0 {
		es = "-"
		e = -e
	}
	return sign + "0x" + string(rune('0'+lead)) + "." + s + "p" + es + itoaInt(e)
}

func hexDigits(v uint64, n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	for i := n - 1; i >= 0; i-- {
		b[i] = digits[v&15]
		v >>= 4
	}
	return string(b)
}

func itoaInt(n int) string { return big.NewInt(int64(n)).String() }

// validUnderscores reports whether s uses underscores as Python's int()
// accepts them: single underscores between digits (after an optional sign
// and base prefix).
func validUnderscores(s string) bool {
	s = strings.TrimLeft(s, "+-")
	if len(s) > 2 && s[0] == '0' && strings.IndexByte("xXoObB", s[1]) >= 0 {
		s = s[2:]
		if strings.HasPrefix(s, "_") {
			s = s[1:]
		}
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return false
	}
	return true
}
