package pickle

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// benchWorkerSquare is a "py" worker runtime with sq(x) = x*x defined as 1.
func benchWorkerSquare(b *testing.B) *WorkerRuntime {
	b.Helper()
	interp := pyrt.NewInterp(pyrt.Options{})
	code, err := py.Compile("def sq(x):\n    return x * x\n", "main.py", py.ExecMode, 0, true)
	if err != nil {
		b.Fatal(err)
	}
	main, err := py.RunCode(interp.Ctx, code, "main.py", "__main__")
	if err != nil {
		b.Fatal(err)
	}
	c, err := CallableOf(interp, main.Globals["sq"])
	if err == nil {
		err = c.Prepare()
	}
	if err != nil {
		b.Fatal(err)
	}
	_, payload, err := c.Definition()
	if err != nil {
		b.Fatal(err)
	}
	w, err := NewWorkerRuntime()
	if err != nil {
		b.Fatal(err)
	}
	if err := w.Define(1, payload); err != nil {
		b.Fatal(err)
	}
	return w
}

// benchChunk is a map chunk of Pool.map's default size for 200k items on
// two workers.
func benchChunk() []wire.Value {
	items := make([]wire.Value, 25000)
	for i := range items {
		items[i] = int64(i + 1000)
	}
	return items
}

// BenchmarkWorkerMapPerCall runs a map chunk one Call per item (ns/op is
// per item), as a worker does for runtimes without CallChunk.
func BenchmarkWorkerMapPerCall(b *testing.B) {
	w := benchWorkerSquare(b)
	items := benchChunk()
	one := make([]wire.Value, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		one[0] = items[i%len(items)]
		if _, err := w.Call(1, one, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorkerMapChunk runs map chunks through CallChunk (ns/op is per
// item).
func BenchmarkWorkerMapChunk(b *testing.B) {
	w := benchWorkerSquare(b)
	items := benchChunk()
	one := make([]wire.Value, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for done := 0; done < b.N; {
		n := min(len(items), b.N-done)
		if _, err := w.CallChunk(1, n, func(i int) ([]wire.Value, error) {
			one[0] = items[i]
			return one, nil
		}); err != nil {
			b.Fatal(err)
		}
		done += n
	}
}
