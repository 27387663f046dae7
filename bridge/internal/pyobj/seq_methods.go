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

// seqIndex is list.index / tuple.index.
func seqIndex(items []py.Object, args py.Tuple, what string) (py.Object, error) {
	start, end, err := sliceBounds(args[1:], len(items))
	if err != nil {
		return nil, err
	}
	for i := start; i < end && i < len(items); i++ {
		eq, err := Equal(items[i], args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			return py.Int(i), nil
		}
	}
	if what == "list" {
		r, err := Repr(args[0])
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

func listMethod(name string, min, max int, fn func(l *py.List, args py.Tuple) (py.Object, error)) {
	pyrt.AddMethod(py.ListType, name, func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyrt.NArgs(name, args, kw, min, max); err != nil {
			return nil, err
		}
		return fn(self.(*py.List), args)
	})
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "seq_methods", installSeqMethods)
}

func installSeqMethods() {
	listMethod("index", 1, 3, func(l *py.List, args py.Tuple) (py.Object, error) { return seqIndex(l.Items, args, "list") })
	listMethod("count", 1, 1, func(l *py.List, args py.Tuple) (py.Object, error) { return seqCount(l.Items, args[0]) })
	listMethod("insert", 2, 2, func(l *py.List, args py.Tuple) (py.Object, error) {
		i, err := py.IndexInt(args[0])
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
		l.Items[i] = args[1]
		return py.None, nil
	})
	listMethod("remove", 1, 1, func(l *py.List, args py.Tuple) (py.Object, error) {
		for i, it := range l.Items {
			eq, err := Equal(it, args[0])
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
	listMethod("pop", 0, 1, func(l *py.List, args py.Tuple) (py.Object, error) {
		n := len(l.Items)
		if n == 0 {
			return nil, py.ExceptionNewf(py.IndexError, "pop from empty list")
		}
		i := n - 1
		if len(args) == 1 {
			var err error
			if i, err = py.IndexInt(args[0]); err != nil {
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
	listMethod("reverse", 0, 0, func(l *py.List, _ py.Tuple) (py.Object, error) {
		for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return py.None, nil
	})
	listMethod("copy", 0, 0, func(l *py.List, _ py.Tuple) (py.Object, error) {
		return &py.List{Items: append([]py.Object(nil), l.Items...)}, nil
	})
	listMethod("clear", 0, 0, func(l *py.List, _ py.Tuple) (py.Object, error) {
		l.Items = l.Items[:0]
		return py.None, nil
	})
	pyrt.AddMethod(py.TupleType, "index", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyrt.NArgs("index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		return seqIndex(self.(py.Tuple), args, "tuple")
	})
	pyrt.AddMethod(py.TupleType, "count", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyrt.NArgs("count", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return seqCount(self.(py.Tuple), args[0])
	})

	// int
	pyrt.AddMethod(py.IntType, "bit_length", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
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
	pyrt.AddMethod(py.IntType, "bit_count", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		n := toBig(self)
		n.Abs(n)
		c := 0
		for _, w := range n.Bits() {
			c += bits.OnesCount64(uint64(w))
		}
		return py.Int(c), nil
	})
	pyrt.AddMethod(py.IntType, "conjugate", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) { return self, nil })
	pyrt.AddMethod(py.IntType, "to_bytes", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		length, order := 1, "big"
		signed := false
		if len(args) > 0 {
			n, err := py.IndexInt(args[0])
			if err != nil {
				return nil, err
			}
			length = n
		}
		if len(args) > 1 {
			order = string(args[1].(py.String))
		}
		if v, ok := kw["length"]; ok {
			length, _ = py.IndexInt(v)
		}
		if v, ok := kw["byteorder"].(py.String); ok {
			order = string(v)
		}
		if v, ok := kw["signed"]; ok {
			b, _ := py.MakeBool(v)
			signed = b == py.True
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
	py.IntType.Dict["from_bytes"] = py.MustNewMethod("from_bytes", func(_ py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if len(args) > 0 {
			if _, ok := args[0].(*py.Type); ok {
				args = args[1:]
			}
		}
		if len(args) == 0 {
			return nil, py.ExceptionNewf(py.TypeError, "from_bytes() missing required argument 'bytes'")
		}
		b, ok := args[0].(py.Bytes)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "cannot convert '%s' object to bytes", args[0].Type().Name)
		}
		order := "big"
		if len(args) > 1 {
			order = string(args[1].(py.String))
		}
		if v, ok := kw["byteorder"].(py.String); ok {
			order = string(v)
		}
		data := append([]byte(nil), b...)
		if order == "little" {
			for i, j := 0, len(data)-1; i < j; i, j = i+1, j-1 {
				data[i], data[j] = data[j], data[i]
			}
		}
		x := new(big.Int).SetBytes(data)
		if v, ok := kw["signed"]; ok {
			if s, _ := py.MakeBool(v); s == py.True && len(data) > 0 && data[0]&0x80 != 0 {
				x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(data))))
			}
		}
		return BigToInt(x), nil
	}, 0, "")

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
	pyrt.AddMethod(py.FloatType, "as_integer_ratio", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
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
	pyrt.AddMethod(py.FloatType, "hex", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return py.String(floatHex(float64(self.(py.Float)))), nil
	})
	pyrt.AddMethod(py.FloatType, "conjugate", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) { return self, nil })

	// bytes
	pyrt.AddMethod(py.BytesType, "decode", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		enc := "utf-8"
		if len(args) > 0 {
			enc = string(args[0].(py.String))
		}
		if v, ok := kw["encoding"].(py.String); ok {
			enc = string(v)
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
	pyrt.AddMethod(py.BytesType, "hex", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return py.String(hex.EncodeToString(self.(py.Bytes))), nil
	})
	bytesStr := func(name string, f func(b string, args py.Tuple) (py.Object, error)) {
		pyrt.AddMethod(py.BytesType, name, func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
			return f(string(self.(py.Bytes)), args)
		})
	}
	bytesArg := func(o py.Object) string {
		if b, ok := o.(py.Bytes); ok {
			return string(b)
		}
		return ""
	}
	bytesStr("upper", func(b string, _ py.Tuple) (py.Object, error) { return py.Bytes(strings.ToUpper(b)), nil })
	bytesStr("lower", func(b string, _ py.Tuple) (py.Object, error) { return py.Bytes(strings.ToLower(b)), nil })
	bytesStr("startswith", func(b string, a py.Tuple) (py.Object, error) {
		return py.NewBool(len(a) > 0 && strings.HasPrefix(b, bytesArg(a[0]))), nil
	})
	bytesStr("endswith", func(b string, a py.Tuple) (py.Object, error) {
		return py.NewBool(len(a) > 0 && strings.HasSuffix(b, bytesArg(a[0]))), nil
	})
	bytesStr("strip", func(b string, a py.Tuple) (py.Object, error) {
		if len(a) > 0 {
			return py.Bytes(strings.Trim(b, bytesArg(a[0]))), nil
		}
		return py.Bytes(strings.TrimSpace(b)), nil
	})
	bytesStr("find", func(b string, a py.Tuple) (py.Object, error) { return py.Int(strings.Index(b, bytesArg(a[0]))), nil })
	bytesStr("count", func(b string, a py.Tuple) (py.Object, error) { return py.Int(strings.Count(b, bytesArg(a[0]))), nil })
	bytesStr("split", func(b string, a py.Tuple) (py.Object, error) {
		var parts []string
		if len(a) == 0 || a[0] == py.None {
			parts = strings.Fields(b)
		} else {
			parts = strings.Split(b, bytesArg(a[0]))
		}
		out := make([]py.Object, len(parts))
		for i, p := range parts {
			out[i] = py.Bytes(p)
		}
		return py.NewListFromItems(out), nil
	})
	bytesStr("join", func(b string, a py.Tuple) (py.Object, error) {
		var parts []string
		var ierr error
		err := py.Iterate(a[0], func(o py.Object) bool {
			x, ok := o.(py.Bytes)
			if !ok {
				ierr = py.ExceptionNewf(py.TypeError, "sequence item %d: expected a bytes-like object, %s found", len(parts), o.Type().Name)
				return true
			}
			parts = append(parts, string(x))
			return false
		})
		if ierr != nil {
			return nil, ierr
		}
		return py.Bytes(strings.Join(parts, b)), err
	})
	py.BytesType.Dict["fromhex"] = py.MustNewMethod("fromhex", func(_ py.Object, args py.Tuple) (py.Object, error) {
		if len(args) > 0 {
			if _, ok := args[0].(*py.Type); ok {
				args = args[1:]
			}
		}
		s, _ := args[0].(py.String)
		b, err := hex.DecodeString(strings.ReplaceAll(string(s), " ", ""))
		if err != nil {
			return nil, py.ExceptionNewf(py.ValueError, "non-hexadecimal number found in fromhex() arg")
		}
		return py.Bytes(b), nil
	}, 0, "")
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
