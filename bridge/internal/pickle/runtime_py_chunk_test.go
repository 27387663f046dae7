package pickle

import (
	"math/big"
	"reflect"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// defineInWorker ships the functions names of src's __main__ into a new "py"
// worker runtime, as ids 1, 2, … in order.
func defineInWorker(t *testing.T, src string, names ...string) *WorkerRuntime {
	t.Helper()
	interp := pyrt.NewInterp(pyrt.Options{})
	code, err := py.Compile(src, "main.py", py.ExecMode, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	main, err := py.RunCode(interp.Ctx, code, "main.py", "__main__")
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWorkerRuntime()
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		c, err := CallableOf(interp, main.Globals[name])
		if err == nil {
			err = c.Prepare()
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_, payload, err := c.Definition()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := w.Define(uint64(i+1), payload); err != nil {
			t.Fatalf("define %s: %v", name, err)
		}
	}
	return w
}

func itemsOf(vs ...wire.Value) func(i int) ([]wire.Value, error) {
	return func(i int) ([]wire.Value, error) { return []wire.Value{vs[i]}, nil }
}

// TestCallChunkMapsEachItem: CallChunk returns one result per item, in
// order, whatever the callable; results that keep their arguments (a *args
// tuple, a closure's list) see each call's own arguments.
func TestCallChunkMapsEachItem(t *testing.T) {
	src := `
seen = []
def sq(x):
    return x * x
def star(*a):
    return a
def keep(x):
    seen.append(x)
    return list(seen)
def add(a, b=10):
    return a + b
`
	w := defineInWorker(t, src, "sq", "star", "keep", "add")
	got, err := w.CallChunk(1, 4, itemsOf(int64(3), int64(-2), int64(1000), int64(1<<40)))
	if err != nil {
		t.Fatal(err)
	}
	if want := (wire.List{int64(9), int64(4), int64(1000000)}); len(got) != 4 || !reflect.DeepEqual(got[:3], want) {
		t.Fatalf("sq chunk: %#v", got)
	}
	if b, ok := got[3].(*big.Int); !ok || b.Cmp(new(big.Int).Lsh(big.NewInt(1), 80)) != 0 {
		t.Fatalf("sq(1<<40): %#v, want 1<<80", got[3])
	}
	got, err = w.CallChunk(2, 3, itemsOf(int64(1), "x", nil))
	if err != nil {
		t.Fatal(err)
	}
	if want := (wire.List{wire.Tuple{int64(1)}, wire.Tuple{"x"}, wire.Tuple{nil}}); !reflect.DeepEqual(got, want) {
		t.Fatalf("*args chunk: got %#v, want %#v", got, want)
	}
	got, err = w.CallChunk(3, 3, itemsOf(int64(1), int64(2), int64(3)))
	if err != nil {
		t.Fatal(err)
	}
	if want := (wire.List{wire.List{int64(1)}, wire.List{int64(1), int64(2)}, wire.List{int64(1), int64(2), int64(3)}}); !reflect.DeepEqual(got, want) {
		t.Fatalf("closure chunk: got %#v, want %#v", got, want)
	}
	// Calls with different numbers of arguments (a starmap chunk).
	args := [][]wire.Value{{int64(1)}, {int64(1), int64(2)}, {int64(5)}}
	got, err = w.CallChunk(4, 3, func(i int) ([]wire.Value, error) { return args[i], nil })
	if err != nil {
		t.Fatal(err)
	}
	if want := (wire.List{int64(11), int64(3), int64(15)}); !reflect.DeepEqual(got, want) {
		t.Fatalf("starmap chunk: got %#v, want %#v", got, want)
	}
}

// TestCallChunkStopsAtFirstError: the first raising item ends the chunk with
// its exception; later items do not run.
func TestCallChunkStopsAtFirstError(t *testing.T) {
	src := `
ran = []
def f(x):
    ran.append(x)
    if x == 2:
        raise ValueError("bad %d" % x)
    return x
def count(_):
    return len(ran)
`
	w := defineInWorker(t, src, "f", "count")
	_, err := w.CallChunk(1, 4, itemsOf(int64(1), int64(2), int64(3), int64(4)))
	e, ok := err.(*wire.Exception)
	if !ok || e.Type != "ValueError" || e.Message != "bad 2" {
		t.Fatalf("got %T %#v, want ValueError: bad 2", err, err)
	}
	n, err := w.Call(2, []wire.Value{nil}, nil)
	if err != nil || n != int64(2) {
		t.Fatalf("items run: %#v %v, want 2", n, err)
	}
	_, err = w.CallChunk(9, 1, itemsOf(int64(1)))
	if e, ok := err.(*wire.Exception); !ok || e.Type != "SystemError" {
		t.Fatalf("undefined function: %T %#v", err, err)
	}
}
