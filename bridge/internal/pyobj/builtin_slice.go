package pyobj

// slice objects: CPython's repr (`slice(1, 5, 2)`; gpython prints
// `<slice instance at 0x…>`) and slice.indices(length).

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// sliceRepr is CPython's repr of a slice object.
func sliceRepr(s *py.Slice) (string, error) {
	out := "slice("
	for i, o := range []py.Object{s.Start, s.Stop, s.Step} {
		if i > 0 {
			out += ", "
		}
		r, err := Repr(o)
		if err != nil {
			return "", err
		}
		out += r
	}
	return out + ")", nil
}

func sliceIndices(self py.Object, a *pyrt.Args) (py.Object, error) {
	s, ok := self.(*py.Slice)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "descriptor 'indices' for 'slice' objects doesn't apply to a '%s' object", pyrt.TypeName(self))
	}
	n, err := py.IndexInt(a.Get("length"))
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "length should not be negative")
	}
	for _, o := range []py.Object{s.Start, s.Stop, s.Step} {
		if o != py.None {
			if _, err := py.IndexInt(o); err != nil {
				return nil, py.ExceptionNewf(py.TypeError, "slice indices must be integers or None or have an __index__ method")
			}
		}
	}
	start, stop, step, _, err := s.GetIndices(n)
	if err != nil {
		return nil, err
	}
	return py.Tuple{py.Int(start), py.Int(stop), py.Int(step)}, nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_slice", func() {
		pyrt.Method(py.SliceType, "slice.indices", "length, /", sliceIndices)
	})
}
