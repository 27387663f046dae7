package pickle

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// viaCodec sends v through the wire codec, as a frame would carry it.
func viaCodec(t *testing.T, v wire.Value) wire.Value {
	t.Helper()
	b, err := wire.EncodeValue(v)
	if err != nil {
		t.Fatalf("wire encode: %v", err)
	}
	back, err := wire.DecodeValue(b)
	if err != nil {
		t.Fatalf("wire decode: %v", err)
	}
	return back
}

func newTestWorker(t *testing.T) *WorkerRuntime {
	t.Helper()
	w, err := NewWorkerRuntime()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// defineIn sends fn from parent to worker w as id, as the engine would.
func defineIn(t *testing.T, w *WorkerRuntime, parent *pyrt.Interp, id uint64, fn py.Object) {
	t.Helper()
	c, err := CallableOf(parent, fn)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Prepare(); err != nil {
		t.Fatalf("prepare: %v", err)
	}
	kind, payload, err := c.Definition()
	if err != nil || kind != "py" {
		t.Fatalf("definition: %q %v", kind, err)
	}
	if err := w.Define(id, viaCodec(t, payload)); err != nil {
		t.Fatalf("define: %v", err)
	}
}

func callIn(t *testing.T, w *WorkerRuntime, id uint64, args ...wire.Value) wire.Value {
	t.Helper()
	for i := range args {
		args[i] = viaCodec(t, args[i])
	}
	v, err := w.Call(id, args, nil)
	v = viaCodec(t, v)
	if err != nil {
		if e, ok := err.(*wire.Exception); ok {
			t.Fatalf("call raised %s: %s\n%s", e.Type, e.Message, e.Traceback)
		}
		t.Fatalf("call: %v", err)
	}
	return v
}

const funcSrc = `
import math
K = 10
def helper(x):
    return x * K
def make(n):
    m = n
    def add(x, y=2, *, z=3):
        return x + y + z + m + helper(1)
    return add
f = make(5)
f2 = make(100)
g = lambda x: [(lambda y: y + 1)(v) for v in range(x)]
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def usemath(x):
    return math.floor(math.sqrt(x))
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
def outer():
    def rec(n):
        return 0 if n == 0 else n + rec(n - 1)
    return rec
rec = outer()
def kw(a, *args, b=7, **kws):
    return [a, list(args), b, sorted(kws.keys())]
`

func TestFunctionByValue(t *testing.T) {
	parent, g := parentWith(t, funcSrc)
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["f"])
	// 1 + 2 + 3 + 5 + helper(1)=10
	if got := callIn(t, w, 1, int64(1)); got != int64(21) {
		t.Fatalf("closure with defaults: got %#v, want 21", got)
	}
	v, err := w.Call(1, []wire.Value{int64(1), int64(0)}, []wire.KV{{Key: "z", Value: int64(0)}})
	if err != nil || v != int64(16) {
		t.Fatalf("closure with keyword: got %#v %v, want 16", v, err)
	}
	// A second closure of the same code: a different Remote, other cell.
	c1, _ := CallableOf(parent, g["f"])
	c2, _ := CallableOf(parent, g["f2"])
	c1b, _ := CallableOf(parent, g["f"])
	if c1 == c2 || c1 != c1b {
		t.Fatal("Callable must be keyed by the function object")
	}
	defineIn(t, w, parent, 2, g["f2"])
	if got := callIn(t, w, 2, int64(1)); got != int64(116) {
		t.Fatalf("second closure: got %#v, want 116", got)
	}
	defineIn(t, w, parent, 3, g["g"])
	got := callIn(t, w, 3, int64(3))
	if l, ok := got.(wire.List); !ok || len(l) != 3 || l[0] != int64(1) || l[2] != int64(3) {
		t.Fatalf("nested lambda: got %#v", got)
	}
	defineIn(t, w, parent, 4, g["fib"])
	if got := callIn(t, w, 4, int64(15)); got != int64(610) {
		t.Fatalf("recursive function: got %#v", got)
	}
	defineIn(t, w, parent, 5, g["usemath"])
	if got := callIn(t, w, 5, int64(17)); got != int64(4) {
		t.Fatalf("module global: got %#v", got)
	}
	defineIn(t, w, parent, 6, g["even"])
	if got := callIn(t, w, 6, int64(7)); got != false {
		t.Fatalf("mutual recursion: got %#v", got)
	}
	defineIn(t, w, parent, 7, g["rec"])
	if got := callIn(t, w, 7, int64(4)); got != int64(10) {
		t.Fatalf("recursive closure: got %#v", got)
	}
	defineIn(t, w, parent, 8, g["kw"])
	v, err = w.Call(8, []wire.Value{int64(1), int64(2)}, []wire.KV{{Key: "q", Value: int64(0)}})
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := v.(wire.List); !ok || len(l) != 4 || l[2] != int64(7) {
		t.Fatalf("*args/**kwargs: got %#v", v)
	}
}

func TestFunctionRebuiltInSecondContext(t *testing.T) {
	// Straight through ToWire/FromWire, then a call in the other context.
	_, g := parentWith(t, funcSrc)
	w := newTestWorker(t)
	v, err := ToWire(g["f"])
	if err != nil {
		t.Fatal(err)
	}
	fn, err := FromWire(w.Interp(), v)
	if err != nil {
		t.Fatal(err)
	}
	rf, ok := fn.(*py.Function)
	if !ok {
		t.Fatalf("rebuilt %T", fn)
	}
	if rf.Context != w.Interp().Ctx || rf.Qualname != "make.<locals>.add" {
		t.Fatalf("rebuilt function: context or qualname wrong (%q)", rf.Qualname)
	}
	res, err := py.Call(rf, py.Tuple{py.Int(0)}, nil)
	if err != nil || res != py.Int(20) {
		t.Fatalf("call: %v %v", res, err)
	}
	// The globals it reached are in the worker's __main__ now.
	main, _ := w.Interp().Ctx.GetModule("__main__")
	if main.Globals["K"] != py.Int(10) {
		t.Fatalf("K not shipped: %v", main.Globals["K"])
	}
	if _, ok := main.Globals["helper"].(*py.Function); !ok {
		t.Fatal("helper not shipped")
	}
	if _, ok := main.Globals["fib"]; ok {
		t.Fatal("a global the function does not reach was shipped")
	}
}

func TestOneMainNamespace(t *testing.T) {
	parent, g := parentWith(t, `
G = 1
def init(v):
    global G
    G = v
def get():
    return G
def bump():
    global G
    G = G + 1
    return G
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["init"])
	callIn(t, w, 1, int64(100))
	defineIn(t, w, parent, 2, g["get"])
	if got := callIn(t, w, 2); got != int64(100) {
		t.Fatalf("a shipped global overwrote the worker's: got %#v, want 100", got)
	}
	defineIn(t, w, parent, 3, g["bump"])
	callIn(t, w, 3)
	if got := callIn(t, w, 2); got != int64(101) {
		t.Fatalf("state from an earlier task lost: got %#v", got)
	}
	// The parent never sees it.
	if g["G"] != py.Int(1) {
		t.Fatalf("parent's G changed: %v", g["G"])
	}
	// A fresh worker gets the parent's value.
	w2 := newTestWorker(t)
	defineIn(t, w2, parent, 1, g["get"])
	if got := callIn(t, w2, 1); got != int64(1) {
		t.Fatalf("fresh worker: got %#v, want 1", got)
	}
}

func TestModuleNextToScript(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "helpermod.py"), []byte("def triple(x):\n    return 3 * x\nsquare = lambda x: x * x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	parent, g := parentWith(t, "import helpermod\nt = helpermod.triple\nsq = helpermod.square\n", dir)
	v, err := ToWire(g["t"])
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := v.(wire.Ref); !ok || r != (wire.Ref{Module: "helpermod", Name: "triple"}) {
		t.Fatalf("module function: got %#v, want a reference", v)
	}
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["t"])
	if got := callIn(t, w, 1, int64(5)); got != int64(15) {
		t.Fatalf("triple(5): %#v", got)
	}
	// A lambda of that module travels by value, with the module's globals.
	defineIn(t, w, parent, 2, g["sq"])
	if got := callIn(t, w, 2, int64(5)); got != int64(25) {
		t.Fatalf("square(5): %#v", got)
	}
}

func TestUnsendableFunctionAndResult(t *testing.T) {
	parent, g := parentWith(t, `
gen = (x for x in [1])
def uses_gen():
    return gen
def make_gen():
    return (x for x in [1])
`)
	c, _ := CallableOf(parent, g["uses_gen"])
	err := c.Prepare()
	wantPyError(t, err, "TypeError", "cannot pickle 'generator' object")
	if _, _, err2 := c.Definition(); err2 == nil {
		t.Fatal("Definition must report the same error")
	}
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["make_gen"])
	_, err = w.Call(1, nil, nil)
	e, ok := err.(*wire.Exception)
	if !ok {
		t.Fatalf("want *wire.Exception, got %T %v", err, err)
	}
	reason, value, ok := UnsendableResult(e)
	if !ok || reason != `TypeError("cannot pickle 'generator' object")` || value == "" {
		t.Fatalf("unsendable result: %#v", e)
	}
	// The executor's view: the reason itself.
	exc := ExceptionFromWire(parent, e, nil)
	wantPyError(t, exc.(*py.Exception), "TypeError", "cannot pickle 'generator' object")
}

// parentMaybe is parentWith for scripts this interpreter may not run yet:
// it skips the test when the parent itself fails.
func parentMaybe(t *testing.T, src string) (*pyrt.Interp, py.StringDict) {
	t.Helper()
	interp, err := newInterp()
	if err != nil {
		t.Fatal(err)
	}
	code, err := py.Compile(src, "/tmp/main.py", py.ExecMode, 0, true)
	if err != nil {
		t.Skipf("this interpreter cannot compile the script yet: %v", err)
	}
	m, err := py.RunCode(interp.Ctx, code, "/tmp/main.py", "__main__")
	if err != nil {
		t.Skipf("this interpreter cannot run the script yet: %v", err)
	}
	return interp, m.Globals
}

func TestClosuresOverArguments(t *testing.T) {
	parent, g := parentMaybe(t, `
def adder(n):
    return lambda x: x + n
add5 = adder(5)
add5(0)
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["add5"])
	if got := callIn(t, w, 1, int64(1)); got != int64(6) {
		t.Fatalf("closure over an argument: %#v", got)
	}
}

func TestDecoratedFunction(t *testing.T) {
	parent, g := parentMaybe(t, `
def deco(fn):
    def wrapper(*a, **k):
        return ["wrapped", fn(*a, **k)]
    return wrapper
@deco
def hello(name, greeting="hi"):
    return greeting + " " + name
hello("x")
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 2, g["hello"])
	got := callIn(t, w, 2, "bob")
	if l, ok := got.(wire.List); !ok || len(l) != 2 || l[1] != "hi bob" {
		t.Fatalf("decorated function: %#v", got)
	}
}

func TestGeneratorsLocalClassesAndCells(t *testing.T) {
	parent, g := parentWith(t, `
def squares(n):
    for i in range(n):
        yield i * i
def total(n):
    return sum(squares(n))
def local_class(v):
    class Box:
        def __init__(self, v):
            self.v = v
        def get(self):
            return self.v
    return Box(v).get()
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
inc = counter()
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 3, g["total"])
	if got := callIn(t, w, 3, int64(4)); got != int64(14) {
		t.Fatalf("generator function: %#v", got)
	}
	defineIn(t, w, parent, 4, g["local_class"])
	if got := callIn(t, w, 4, "v"); got != "v" {
		t.Fatalf("class defined in the function: %#v", got)
	}
	// A closure's cell state travels as it is when first sent, then lives on
	// in the worker.
	if _, err := py.Call(g["inc"], nil, nil); err != nil {
		t.Fatal(err)
	}
	defineIn(t, w, parent, 5, g["inc"])
	if got := callIn(t, w, 5); got != int64(2) {
		t.Fatalf("nonlocal counter, first call in the worker: %#v", got)
	}
	if got := callIn(t, w, 5); got != int64(3) {
		t.Fatalf("nonlocal counter, second call in the worker: %#v", got)
	}
}

func TestProcessLocalGlobals(t *testing.T) {
	parent, g := parentWith(t, `
import threading
lock = threading.Lock()
def guarded(x):
    with lock:
        return x + 1
def echo(x):
    return x
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["guarded"])
	if got := callIn(t, w, 1, int64(1)); got != int64(2) {
		t.Fatalf("a function using a global lock: %#v", got)
	}
	main, _ := w.Interp().Ctx.GetModule("__main__")
	if typeName(main.Globals["lock"]) != "_thread.lock" || main.Globals["lock"] == g["lock"] {
		t.Fatal("the worker must hold a lock of its own")
	}
	// As an argument it cannot travel, as in CPython.
	_, err := ToWire(g["lock"])
	wantPyError(t, err, "TypeError", "cannot pickle '_thread.lock' object")
}

func TestPartialByValue(t *testing.T) {
	parent, g := parentMaybe(t, `
import functools
def power(base, exp, scale=1):
    return scale * base ** exp
square = functools.partial(power, exp=2)
tenfold = functools.partial(power, 10, scale=3)
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["square"])
	v, err := w.Call(1, []wire.Value{int64(7)}, nil)
	if err != nil || v != int64(49) {
		t.Fatalf("partial with a keyword: %#v %v", v, err)
	}
	defineIn(t, w, parent, 2, g["tenfold"])
	if got := callIn(t, w, 2, int64(2)); got != int64(300) {
		t.Fatalf("partial with a positional and a keyword: %#v", got)
	}
}

func TestWorkerGetsParentArgvAndPath(t *testing.T) {
	parent := pyrt.NewInterp(pyrt.Options{Argv: []string{"/x/script.py", "a1"}, Path: []string{"/x"}})
	code, _ := py.Compile("import sys\ndef info():\n    return [sys.argv, sys.path[0]]\n", "/x/script.py", py.ExecMode, 0, true)
	m, err := py.RunCode(parent.Ctx, code, "/x/script.py", "__main__")
	if err != nil {
		t.Fatal(err)
	}
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, m.Globals["info"])
	got := callIn(t, w, 1)
	l, ok := got.(wire.List)
	if !ok || len(l) != 2 || l[1] != "/x" {
		t.Fatalf("worker sys.path: %#v", got)
	}
	if argv, ok := l[0].(wire.List); !ok || len(argv) != 2 || argv[0] != "/x/script.py" || argv[1] != "a1" {
		t.Fatalf("worker sys.argv: %#v", l[0])
	}
}

func TestCallableInProcess(t *testing.T) {
	parent, g := parentWith(t, `
calls = []
def record(x, scale=1):
    calls.append(x * scale)
    return len(calls)
`)
	c, err := CallableOf(parent, g["record"])
	if err != nil {
		t.Fatal(err)
	}
	// In-process calls pass Python objects through, from many goroutines.
	done := make(chan error)
	for i := 0; i < 4; i++ {
		go func(i int) {
			_, err := c.Call(context.Background(), []wire.Value{py.Int(i)}, []wire.KV{{Key: "scale", Value: py.Int(10)}})
			done <- err
		}(i)
	}
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if n := len(g["calls"].(*py.List).Items); n != 4 {
		t.Fatalf("calls made: %d", n)
	}
	// A raised exception is the error.
	_, err = c.Call(context.Background(), []wire.Value{py.String("x"), py.String("y")}, nil)
	wantPyError(t, err, "TypeError", "")
}
