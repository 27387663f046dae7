package pyobj

// Operations shared by the project's bytes (Bytes) and bytearray
// (*ByteArray): indexing, slicing, membership, repetition, concatenation and
// comparison, which gpython's bytes cannot do (its Go type lacks the methods
// the VM dispatches on, and a type dict entry does not reach the VM).

import (
	"bytes"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// BytesLike returns the contents of a bytes-like object (bytes, either
// representation, or bytearray).
func BytesLike(o py.Object) ([]byte, bool) {
	switch x := o.(type) {
	case Bytes:
		return x, true
	case py.Bytes:
		return x, true
	case *ByteArray:
		return x.B, true
	case *MemoryView:
		b, err := x.bytes()
		return b, err == nil
	}
	return nil, false
}

// byteIndex resolves a Python index into b (what names the type in errors).
func byteIndex(n int, key py.Object, what string) (int, error) {
	i, err := py.IndexInt(key)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "%s indices must be integers or slices, not %s", what, pyrt.TypeName(key))
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		switch what {
		case "byte":
			return 0, py.ExceptionNewf(py.IndexError, "index out of range")
		case "memoryview":
			return 0, py.ExceptionNewf(py.IndexError, "index out of bounds on dimension 1")
		}
		return 0, py.ExceptionNewf(py.IndexError, "%s index out of range", what)
	}
	return i, nil
}

// sliceBytes returns a fresh copy of b[s].
func sliceBytes(b []byte, s *py.Slice) ([]byte, error) {
	start, stop, step, n, err := s.GetIndices(len(b))
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, n)
	if step == 1 {
		if n > 0 {
			out = append(out, b[start:stop]...)
		}
		return out, nil
	}
	for i, k := start, 0; k < n; i, k = i+step, k+1 {
		out = append(out, b[i])
	}
	return out, nil
}

// getBytesItem is b[key]: an int for an index, mk(copy) for a slice.
func getBytesItem(b []byte, key py.Object, what string, mk func([]byte) py.Object) (py.Object, error) {
	if s, ok := key.(*py.Slice); ok {
		out, err := sliceBytes(b, s)
		if err != nil {
			return nil, err
		}
		return mk(out), nil
	}
	i, err := byteIndex(len(b), key, what)
	if err != nil {
		return nil, err
	}
	return py.Int(b[i]), nil
}

// byteValue checks an int meant as one byte.
func byteValue(o py.Object) (byte, error) {
	v, err := py.IndexInt(o)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", pyrt.TypeName(o))
	}
	if v < 0 || v > 255 {
		return 0, py.ExceptionNewf(py.ValueError, "byte must be in range(0, 256)")
	}
	return byte(v), nil
}

// containsBytes is `x in b`.
func containsBytes(b []byte, x py.Object) (py.Object, error) {
	if sub, ok := BytesLike(x); ok {
		return py.NewBool(bytes.Contains(b, sub)), nil
	}
	if _, err := py.IndexInt(x); err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyrt.TypeName(x))
	}
	v, err := byteValue(x)
	if err != nil {
		return nil, err
	}
	return py.NewBool(bytes.IndexByte(b, v) >= 0), nil
}

// repeatBytes is b * n, or NotImplemented when n is not an int.
func repeatBytes(b []byte, n py.Object, mk func([]byte) py.Object) (py.Object, error) {
	switch n.(type) {
	case py.Int, py.Bool, *py.BigInt:
	default:
		if _, ok, _ := pyrt.TypeLookup(n, "__index__"); !ok {
			return py.NotImplemented, nil
		}
	}
	k, err := py.IndexInt(n)
	if err != nil {
		return nil, py.ExceptionNewf(py.OverflowError, "cannot fit 'int' into an index-sized integer")
	}
	if k <= 0 {
		return mk([]byte{}), nil
	}
	if len(b) > 0 && k > (1<<40)/len(b) {
		return nil, py.ExceptionNewf(py.MemoryError, "")
	}
	return mk(bytes.Repeat(b, k)), nil
}

// concatBytes is a + other for bytes-like a.
func concatBytes(a []byte, other py.Object, selfType string, mk func([]byte) py.Object) (py.Object, error) {
	b, ok := BytesLike(other)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "can't concat %s to %s", pyrt.TypeName(other), selfType)
	}
	out := make([]byte, 0, len(a)+len(b))
	return mk(append(append(out, a...), b...)), nil
}

// compareBytes orders a against other, or reports that other is not bytes.
func compareBytes(a []byte, other py.Object) (int, bool) {
	b, ok := BytesLike(other)
	if !ok {
		return 0, false
	}
	return bytes.Compare(a, b), true
}

// byteIter iterates the ints of a byte string; get returns the current
// contents (a bytearray may change while it is iterated).
type byteIter struct {
	get func() []byte
	i   int
}

var byteIterType = py.NewType("bytes_iterator", "")

func (it *byteIter) Type() *py.Type { return byteIterType }

func (it *byteIter) M__iter__() (py.Object, error) { return it, nil }

func (it *byteIter) M__next__() (py.Object, error) {
	b := it.get()
	if it.i >= len(b) {
		return nil, py.StopIteration
	}
	v := b[it.i]
	it.i++
	return py.Int(v), nil
}

// toGoBytesArgs gives gpython's bytes methods the bytes representation they
// understand.
func toGoBytesArgs(args py.Tuple) py.Tuple {
	var out py.Tuple
	for i, a := range args {
		var conv py.Object
		switch x := a.(type) {
		case Bytes:
			conv = py.Bytes(x)
		case *ByteArray:
			conv = py.Bytes(append([]byte{}, x.B...))
		case py.Tuple:
			t := toGoBytesArgs(x)
			if len(t) > 0 && &t[0] == &x[0] {
				continue
			}
			conv = t
		default:
			continue
		}
		if out == nil {
			out = append(py.Tuple{}, args...)
		}
		out[i] = conv
	}
	if out == nil {
		return args
	}
	return out
}

// fromGoBytes turns gpython bytes in a result (alone, or items of a list or
// tuple) into mk's representation.
func fromGoBytes(r py.Object, mk func([]byte) py.Object) py.Object {
	switch x := r.(type) {
	case py.Bytes:
		return mk(x)
	case py.Tuple:
		out := make(py.Tuple, len(x))
		for i, it := range x {
			out[i] = fromGoBytes(it, mk)
		}
		return out
	case *py.List:
		for i, it := range x.Items {
			if b, ok := it.(py.Bytes); ok {
				x.Items[i] = mk(b)
			}
		}
	}
	return r
}
