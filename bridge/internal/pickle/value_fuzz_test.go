package pickle

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// FuzzFromWire: whatever bytes arrive, decoding them as a wire value and
// then as a Python object either works or fails with an error; it never
// panics.
func FuzzFromWire(f *testing.F) {
	parent := pyrt.NewInterp(pyrt.Options{})
	code, err := py.Compile(classSrc+funcSrc, "main.py", py.ExecMode, 0, true)
	if err != nil {
		f.Fatal(err)
	}
	m, err := py.RunCode(parent.Ctx, code, "main.py", "__main__")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"p", "q", "n", "f", "g", "fib", "even", "rec", "bm", "Point3"} {
		v, err := ToWire(m.Globals[name])
		if err != nil {
			f.Fatal(err)
		}
		b, err := wire.EncodeValue(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	w, err := NewWorkerRuntime()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := wire.DecodeValue(b)
		if err != nil {
			return
		}
		w.Interp().GIL.Acquire()
		defer w.Interp().GIL.Release()
		_, _ = FromWire(w.Interp(), v)
	})
}
