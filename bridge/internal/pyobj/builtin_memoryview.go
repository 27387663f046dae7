package pyobj

// memoryview over bytes and bytearray (gpython has none): one-dimensional,
// format 'B'. A view of a bytearray shares its memory, so writes through
// either side are seen by the other; a view of bytes is read-only. Slices
// are views too (any step).

import (
	"fmt"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// MemoryViewType is the memoryview type.
var MemoryViewType = py.NewType("memoryview", "memoryview(object)\n--\n\nCreate a new memoryview object which references the given object.")

// MemoryView is a memoryview object.
type MemoryView struct {
	ba       *ByteArray // the exporter when it is a bytearray
	b        []byte     // the exporter's bytes otherwise
	obj      py.Object
	start    int
	step     int
	n        int
	released bool
	writable bool  // b is writable memory (NewMemoryView)
	gone     *bool // shared by a view and its slices: the exporter withdrew b
}

// NewMemoryView is a writable memoryview of b (memory obj exports, such as
// a shared memory block's mapping): writes go to b. release withdraws b
// from the view and every slice of it (they then fail as released views
// do), so the exporter may unmap it.
func NewMemoryView(b []byte, obj py.Object) (m *MemoryView, release func()) {
	gone := new(bool)
	m = &MemoryView{b: b, obj: obj, step: 1, n: len(b), writable: true, gone: gone}
	return m, func() { *gone = true }
}

// Type returns MemoryViewType.
func (m *MemoryView) Type() *py.Type { return MemoryViewType }

func (m *MemoryView) check() error {
	if m.released || (m.gone != nil && *m.gone) {
		return py.ExceptionNewf(py.ValueError, "operation forbidden on released memoryview object")
	}
	return nil
}

func (m *MemoryView) data() ([]byte, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	d := m.b
	if m.ba != nil {
		d = m.ba.B
	}
	if m.n > 0 {
		last := m.start + (m.n-1)*m.step
		if m.start >= len(d) || last < 0 || last >= len(d) {
			return nil, py.ExceptionNewf(py.IndexError, "memoryview: the underlying bytearray was resized")
		}
	}
	return d, nil
}

// bytes copies the viewed bytes.
func (m *MemoryView) bytes() ([]byte, error) {
	d, err := m.data()
	if err != nil {
		return nil, err
	}
	out := make([]byte, m.n)
	for i := range out {
		out[i] = d[m.start+i*m.step]
	}
	return out, nil
}

// M__len__ is len(m).
func (m *MemoryView) M__len__() (py.Object, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	return py.Int(m.n), nil
}

// M__getitem__ is m[i] (an int) or m[a:b:c] (a view).
func (m *MemoryView) M__getitem__(key py.Object) (py.Object, error) {
	d, err := m.data()
	if err != nil {
		return nil, err
	}
	if s, ok := key.(*py.Slice); ok {
		start, _, step, n, err := s.GetIndices(m.n)
		if err != nil {
			return nil, err
		}
		v := *m
		v.start = m.start + start*m.step
		v.step = m.step * step
		v.n = n
		return &v, nil
	}
	i, err := byteIndex(m.n, key, "memoryview")
	if err != nil {
		return nil, err
	}
	return py.Int(d[m.start+i*m.step]), nil
}

// M__setitem__ is m[i] = v or m[a:b] = bytes, for a bytearray's view.
func (m *MemoryView) M__setitem__(key, value py.Object) (py.Object, error) {
	d, err := m.data()
	if err != nil {
		return nil, err
	}
	if m.ba == nil && !m.writable {
		return nil, py.ExceptionNewf(py.TypeError, "cannot modify read-only memory")
	}
	if s, ok := key.(*py.Slice); ok {
		start, _, step, n, err := s.GetIndices(m.n)
		if err != nil {
			return nil, err
		}
		src, ok := BytesLike(value)
		if !ok {
			if mv, isMV := value.(*MemoryView); isMV {
				if src, err = mv.bytes(); err != nil {
					return nil, err
				}
			} else {
				return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyrt.TypeName(value))
			}
		}
		if len(src) != n {
			return nil, py.ExceptionNewf(py.ValueError, "memoryview assignment: lvalue and rvalue have different structures")
		}
		src = append([]byte{}, src...)
		for k := 0; k < n; k++ {
			d[m.start+(start+k*step)*m.step] = src[k]
		}
		return py.None, nil
	}
	i, err := byteIndex(m.n, key, "memoryview")
	if err != nil {
		return nil, err
	}
	v, err := byteValue(value)
	if err != nil {
		if isExc(err, py.ValueError) {
			return nil, py.ExceptionNewf(py.ValueError, "memoryview: invalid value for format 'B'")
		}
		return nil, err
	}
	d[m.start+i*m.step] = v
	return py.None, nil
}

// M__iter__ iterates the viewed ints.
func (m *MemoryView) M__iter__() (py.Object, error) {
	b, err := m.bytes()
	if err != nil {
		return nil, err
	}
	return &byteIter{get: func() []byte { return b }}, nil
}

// M__eq__ compares the viewed bytes with a bytes-like object or view.
func (m *MemoryView) M__eq__(other py.Object) (py.Object, error) {
	if m.released {
		return py.NewBool(other == py.Object(m)), nil
	}
	b, err := m.bytes()
	if err != nil {
		return nil, err
	}
	if o, ok := other.(*MemoryView); ok {
		ob, err := o.bytes()
		if err != nil {
			return py.False, nil
		}
		return py.NewBool(string(b) == string(ob)), nil
	}
	c, ok := compareBytes(b, other)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(c == 0), nil
}

// M__ne__ is the negation of M__eq__.
func (m *MemoryView) M__ne__(other py.Object) (py.Object, error) {
	r, err := m.M__eq__(other)
	if err != nil || r == py.NotImplemented {
		return r, err
	}
	return py.NewBool(r == py.False), nil
}

// M__repr__ is <memory at 0x…> (<released memory at 0x…> once released).
func (m *MemoryView) M__repr__() (py.Object, error) {
	if m.released {
		return py.String(fmt.Sprintf("<released memory at %p>", m)), nil
	}
	return py.String(fmt.Sprintf("<memory at %p>", m)), nil
}

// M__enter__ is the with-statement entry.
func (m *MemoryView) M__enter__() (py.Object, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	return m, nil
}

// M__exit__ releases the view.
func (m *MemoryView) M__exit__(a, b, c py.Object) (py.Object, error) {
	m.released = true
	return py.False, nil
}

func memoryViewNew(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
	a, err := pyrt.MustSig("memoryview", "object").Parse(args, kw)
	if err != nil {
		return nil, err
	}
	o := a.Get("object")
	switch x := o.(type) {
	case *ByteArray:
		return &MemoryView{ba: x, obj: x, step: 1, n: len(x.B)}, nil
	case *MemoryView:
		if err := x.check(); err != nil {
			return nil, err
		}
		v := *x
		return &v, nil
	}
	if b, ok := BytesLike(o); ok {
		return &MemoryView{b: b, obj: o, step: 1, n: len(b)}, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "memoryview: a bytes-like object is required, not '%s'", pyrt.TypeName(o))
}

func mvSelf(self py.Object) (*MemoryView, error) {
	m, ok := self.(*MemoryView)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'memoryview' object but received a '%s'", pyrt.TypeName(self))
	}
	return m, m.check()
}

func installMemoryView() {
	t := MemoryViewType
	t.New = memoryViewNew
	pyrt.Method(t, "memoryview.tobytes", "order='C'", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		m, err := mvSelf(self)
		if err != nil {
			return nil, err
		}
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		return Bytes(b), nil
	})
	pyrt.Method(t, "memoryview.tolist", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		m, err := mvSelf(self)
		if err != nil {
			return nil, err
		}
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		out := make([]py.Object, len(b))
		for i, c := range b {
			out[i] = py.Int(c)
		}
		return py.NewListFromItems(out), nil
	})
	pyrt.Method(t, "memoryview.hex", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		m, err := mvSelf(self)
		if err != nil {
			return nil, err
		}
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		return py.String(fmt.Sprintf("%x", b)), nil
	})
	pyrt.Method(t, "memoryview.release", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		if m, ok := self.(*MemoryView); ok {
			m.released = true
		}
		return py.None, nil
	})
	prop := func(name string, f func(m *MemoryView) py.Object) {
		t.Dict[name] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			m, err := mvSelf(self)
			if err != nil {
				return nil, err
			}
			return f(m), nil
		}}
	}
	prop("obj", func(m *MemoryView) py.Object { return m.obj })
	prop("nbytes", func(m *MemoryView) py.Object { return py.Int(m.n) })
	prop("readonly", func(m *MemoryView) py.Object { return py.NewBool(m.ba == nil && !m.writable) })
	prop("itemsize", func(m *MemoryView) py.Object { return py.Int(1) })
	prop("ndim", func(m *MemoryView) py.Object { return py.Int(1) })
	prop("format", func(m *MemoryView) py.Object { return py.String("B") })
	prop("shape", func(m *MemoryView) py.Object { return py.Tuple{py.Int(m.n)} })
	SetBuiltin("memoryview", t)
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_memoryview", installMemoryView)
}
