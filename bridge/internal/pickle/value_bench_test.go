package pickle

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

func BenchmarkToWireInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ToWire(py.Int(i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRoundTripList100(b *testing.B) {
	w, err := NewWorkerRuntime()
	if err != nil {
		b.Fatal(err)
	}
	items := make([]py.Object, 100)
	for i := range items {
		items[i] = py.Tuple{py.Int(i), py.String("x")}
	}
	l := py.NewListFromItems(items)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v, err := ToWire(l)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := FromWire(w.Interp(), v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorkerCall is one task through the "py" runtime: decode args,
// call a shipped function, encode the result.
func BenchmarkWorkerCall(b *testing.B) {
	interp := pyrt.NewInterp(pyrt.Options{})
	code, _ := py.Compile("def sq(x):\n    return x * x\n", "main.py", py.ExecMode, 0, true)
	main, err := py.RunCode(interp.Ctx, code, "main.py", "__main__")
	if err != nil {
		b.Fatal(err)
	}
	c, _ := CallableOf(interp, main.Globals["sq"])
	if err := c.Prepare(); err != nil {
		b.Fatal(err)
	}
	_, payload, _ := c.Definition()
	w, _ := NewWorkerRuntime()
	if err := w.Define(1, payload); err != nil {
		b.Fatal(err)
	}
	args := []wire.Value{int64(7)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := w.Call(1, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}
