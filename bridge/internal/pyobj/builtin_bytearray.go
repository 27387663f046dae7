package pyobj

// bytearray: gpython has none. A mutable byte string sharing the bytes
// operations (builtin_bytes_ops.go); the bytes methods it lacks a mutable
// version of (upper, split, replace, find, decode, …) are delegated to the
// bytes type and return bytearrays where CPython does.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// ByteArrayType is the bytearray type.
var ByteArrayType = py.NewType("bytearray", "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array")

// ByteArray is a bytearray object.
type ByteArray struct {
	B []byte
}

func newByteArray(b []byte) py.Object { return &ByteArray{B: b} }

// Type returns ByteArrayType.
func (a *ByteArray) Type() *py.Type { return ByteArrayType }

// M__getitem__ is a[key].
func (a *ByteArray) M__getitem__(key py.Object) (py.Object, error) {
	return getBytesItem(a.B, key, "bytearray", newByteArray)
}

// M__setitem__ is a[key] = value.
func (a *ByteArray) M__setitem__(key, value py.Object) (py.Object, error) {
	if s, ok := key.(*py.Slice); ok {
		var src []byte
		if b, ok := BytesLike(value); ok {
			src = append([]byte{}, b...)
		} else if _, isInt := value.(py.Int); isInt {
			return nil, py.ExceptionNewf(py.TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
		} else {
			b, err := bytesFromIterable(value)
			if err != nil {
				return nil, py.ExceptionNewf(py.TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
			}
			src = b
		}
		start, stop, step, n, err := s.GetIndices(len(a.B))
		if err != nil {
			return nil, err
		}
		if step == 1 {
			if stop < start {
				stop = start
			}
			out := make([]byte, 0, len(a.B)-(stop-start)+len(src))
			out = append(out, a.B[:start]...)
			out = append(out, src...)
			a.B = append(out, a.B[stop:]...)
			return py.None, nil
		}
		if len(src) != n {
			return nil, py.ExceptionNewf(py.ValueError, "attempt to assign bytes of size %d to extended slice of size %d", len(src), n)
		}
		for i, k := start, 0; k < n; i, k = i+step, k+1 {
			a.B[i] = src[k]
		}
		return py.None, nil
	}
	i, err := byteIndex(len(a.B), key, "bytearray")
	if err != nil {
		return nil, err
	}
	v, err := byteValue(value)
	if err != nil {
		return nil, err
	}
	a.B[i] = v
	return py.None, nil
}

// M__delitem__ is del a[key].
func (a *ByteArray) M__delitem__(key py.Object) (py.Object, error) {
	if s, ok := key.(*py.Slice); ok {
		start, _, step, n, err := s.GetIndices(len(a.B))
		if err != nil {
			return nil, err
		}
		drop := make(map[int]bool, n)
		for i, k := start, 0; k < n; i, k = i+step, k+1 {
			drop[i] = true
		}
		out := a.B[:0:0]
		for i, c := range a.B {
			if !drop[i] {
				out = append(out, c)
			}
		}
		a.B = out
		return py.None, nil
	}
	i, err := byteIndex(len(a.B), key, "bytearray")
	if err != nil {
		return nil, err
	}
	a.B = append(a.B[:i:i], a.B[i+1:]...)
	return py.None, nil
}

// M__contains__ is x in a.
func (a *ByteArray) M__contains__(x py.Object) (py.Object, error) { return containsBytes(a.B, x) }

// M__len__ is len(a).
func (a *ByteArray) M__len__() (py.Object, error) { return py.Int(len(a.B)), nil }

// M__bool__ is bool(a).
func (a *ByteArray) M__bool__() (py.Object, error) { return py.NewBool(len(a.B) > 0), nil }

// M__iter__ iterates the ints of a (as it is when each is reached).
func (a *ByteArray) M__iter__() (py.Object, error) {
	return &byteIter{get: func() []byte { return a.B }}, nil
}

// M__mul__ is a * n.
func (a *ByteArray) M__mul__(n py.Object) (py.Object, error) {
	return repeatBytes(a.B, n, newByteArray)
}

// M__rmul__ is n * a.
func (a *ByteArray) M__rmul__(n py.Object) (py.Object, error) {
	return repeatBytes(a.B, n, newByteArray)
}

// M__imul__ is a *= n.
func (a *ByteArray) M__imul__(n py.Object) (py.Object, error) {
	r, err := repeatBytes(a.B, n, newByteArray)
	if err != nil || r == py.NotImplemented {
		return r, err
	}
	a.B = r.(*ByteArray).B
	return a, nil
}

// M__add__ is a + other.
func (a *ByteArray) M__add__(other py.Object) (py.Object, error) {
	return concatBytes(a.B, other, "bytearray", newByteArray)
}

// M__radd__ is other + a for bytes other (the result is bytes).
func (a *ByteArray) M__radd__(other py.Object) (py.Object, error) {
	b, ok := BytesLike(other)
	if !ok {
		return py.NotImplemented, nil
	}
	return concatBytes(b, a, "bytes", newBytes)
}

// M__iadd__ is a += other.
func (a *ByteArray) M__iadd__(other py.Object) (py.Object, error) {
	b, ok := BytesLike(other)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "can't concat %s to bytearray", pyrt.TypeName(other))
	}
	a.B = append(a.B, b...)
	return a, nil
}

// M__repr__ is CPython's bytearray(b'...').
func (a *ByteArray) M__repr__() (py.Object, error) {
	return py.String("bytearray(" + BytesRepr(a.B) + ")"), nil
}

// M__str__ is the repr.
func (a *ByteArray) M__str__() (py.Object, error) { return a.M__repr__() }

// M__hash__ refuses: a bytearray is mutable.
func (a *ByteArray) M__hash__() (py.Object, error) {
	return nil, py.ExceptionNewf(py.TypeError, "unhashable type: 'bytearray'")
}

func (a *ByteArray) cmp(other py.Object, ok func(int) bool) (py.Object, error) {
	c, isBytes := compareBytes(a.B, other)
	if !isBytes {
		return py.NotImplemented, nil
	}
	return py.NewBool(ok(c)), nil
}

// M__eq__ is a == other.
func (a *ByteArray) M__eq__(o py.Object) (py.Object, error) {
	return a.cmp(o, func(c int) bool { return c == 0 })
}

// M__ne__ is a != other.
func (a *ByteArray) M__ne__(o py.Object) (py.Object, error) {
	return a.cmp(o, func(c int) bool { return c != 0 })
}

// M__lt__ is a < other.
func (a *ByteArray) M__lt__(o py.Object) (py.Object, error) {
	return a.cmp(o, func(c int) bool { return c < 0 })
}

// M__le__ is a <= other.
func (a *ByteArray) M__le__(o py.Object) (py.Object, error) {
	return a.cmp(o, func(c int) bool { return c <= 0 })
}

// M__gt__ is a > other.
func (a *ByteArray) M__gt__(o py.Object) (py.Object, error) {
	return a.cmp(o, func(c int) bool { return c > 0 })
}

// M__ge__ is a >= other.
func (a *ByteArray) M__ge__(o py.Object) (py.Object, error) {
	return a.cmp(o, func(c int) bool { return c >= 0 })
}

var byteArraySig = pyrt.MustSig("bytearray", "source=None, encoding=None, errors=None")

func byteArrayNew(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
	a, err := byteArraySig.Parse(args, kw)
	if err != nil {
		return nil, err
	}
	b, err := bytesSource("bytearray", a)
	if err != nil {
		return nil, err
	}
	return &ByteArray{B: b}, nil
}

func byteArraySelf(self py.Object) (*ByteArray, error) {
	a, ok := self.(*ByteArray)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'bytearray' object but received a '%s'", pyrt.TypeName(self))
	}
	return a, nil
}

func installByteArray() {
	t := ByteArrayType
	t.New = byteArrayNew
	pyrt.Method(t, "bytearray.append", "item, /", func(self py.Object, args *pyrt.Args) (py.Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		v, err := byteValue(args.Get("item"))
		if err != nil {
			return nil, err
		}
		a.B = append(a.B, v)
		return py.None, nil
	})
	pyrt.Method(t, "bytearray.extend", "iterable_of_ints, /", func(self py.Object, args *pyrt.Args) (py.Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		src := args.Get("iterable_of_ints")
		if b, ok := BytesLike(src); ok {
			a.B = append(a.B, b...)
			return py.None, nil
		}
		if _, ok := src.(py.String); ok {
			return nil, py.ExceptionNewf(py.TypeError, "expected iterable of integers; got: 'str'")
		}
		b, err := bytesFromIterable(src)
		if err != nil {
			return nil, err
		}
		a.B = append(a.B, b...)
		return py.None, nil
	})
	pyrt.Method(t, "bytearray.insert", "index, item, /", func(self py.Object, args *pyrt.Args) (py.Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		i, err := py.IndexInt(args.Get("index"))
		if err != nil {
			return nil, err
		}
		v, err := byteValue(args.Get("item"))
		if err != nil {
			return nil, err
		}
		n := len(a.B)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		a.B = append(a.B[:i:i], append([]byte{v}, a.B[i:]...)...)
		return py.None, nil
	})
	pyrt.Method(t, "bytearray.pop", "index=-1, /", func(self py.Object, args *pyrt.Args) (py.Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		if len(a.B) == 0 {
			return nil, py.ExceptionNewf(py.IndexError, "pop from empty bytearray")
		}
		i, err := py.IndexInt(args.Get("index"))
		if err != nil {
			return nil, err
		}
		if i < 0 {
			i += len(a.B)
		}
		if i < 0 || i >= len(a.B) {
			return nil, py.ExceptionNewf(py.IndexError, "pop index out of range")
		}
		v := a.B[i]
		a.B = append(a.B[:i:i], a.B[i+1:]...)
		return py.Int(v), nil
	})
	pyrt.Method(t, "bytearray.remove", "value, /", func(self py.Object, args *pyrt.Args) (py.Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		v, err := byteValue(args.Get("value"))
		if err != nil {
			return nil, err
		}
		for i, c := range a.B {
			if c == v {
				a.B = append(a.B[:i:i], a.B[i+1:]...)
				return py.None, nil
			}
		}
		return nil, py.ExceptionNewf(py.ValueError, "value not found in bytearray")
	})
	pyrt.Method(t, "bytearray.clear", "", func(self py.Object, args *pyrt.Args) (py.Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		a.B = []byte{}
		return py.None, nil
	})
	pyrt.Method(t, "bytearray.copy", "", func(self py.Object, args *pyrt.Args) (py.Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		return &ByteArray{B: append([]byte{}, a.B...)}, nil
	})
	pyrt.Method(t, "bytearray.reverse", "", func(self py.Object, args *pyrt.Args) (py.Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		for i, j := 0, len(a.B)-1; i < j; i, j = i+1, j-1 {
			a.B[i], a.B[j] = a.B[j], a.B[i]
		}
		return py.None, nil
	})
	SetBuiltin("bytearray", t)
}

// wrapForByteArray runs a bytes method for a bytearray: bytes results
// (either representation) become bytearrays, as CPython's are.
func wrapForByteArray(orig *py.Method) *py.Method {
	return py.MustNewMethod(orig.Name, func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if a, ok := self.(*ByteArray); ok {
			self = Bytes(append([]byte{}, a.B...))
		}
		r, err := orig.CallWithKeywords(self, args, kw)
		if err != nil {
			return nil, err
		}
		return anyBytesTo(r, newByteArray), nil
	}, 0, orig.Doc)
}

// anyBytesTo turns bytes results (alone or in a list/tuple) into mk's type.
func anyBytesTo(r py.Object, mk func([]byte) py.Object) py.Object {
	switch x := r.(type) {
	case py.Bytes:
		return mk(x)
	case Bytes:
		return mk(x)
	case py.Tuple:
		out := make(py.Tuple, len(x))
		for i, it := range x {
			out[i] = anyBytesTo(it, mk)
		}
		return out
	case *py.List:
		for i, it := range x.Items {
			x.Items[i] = anyBytesTo(it, mk)
		}
	}
	return r
}

// delegateBytesMethods gives bytearray the bytes methods it has no own
// version of; bytes results become bytearrays (as CPython's do).
func delegateBytesMethods() {
	for k, v := range py.BytesType.Dict {
		m, ok := v.(*py.Method)
		if !ok || m.Internal() != py.InternalMethodNone {
			continue
		}
		if _, own := ByteArrayType.Dict[k]; own || k == "fromhex" {
			continue
		}
		ByteArrayType.Dict[k] = wrapForByteArray(m)
	}
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_bytearray", installByteArray)
}
