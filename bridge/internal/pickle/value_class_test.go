package pickle

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/pool/wire"
)

const classSrc = `
class Point:
    scale = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return (self.x + self.y) * self.scale
    def clone(self):
        return Point(self.x, self.y)
class Point3(Point):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
    def norm(self):
        return Point.norm(self) + self.z
class Node:
    def __init__(self):
        self.me = self
class Mul:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return self.k * x
triple = Mul(3)
p = Point(1, 2)
q = Point3(1, 2, 3)
n = Node()
def use(pt):
    return pt.norm()
def make(x):
    return Point(x, x)
def same_class(a, b):
    return type(a) is type(b) and type(a) is Point
def cycle_ok(node):
    return node.me is node
bm = p.norm
`

func TestInstancesByValue(t *testing.T) {
	parent, g := parentWith(t, classSrc)
	w := newTestWorker(t)
	pv := mustToWire(t, g["p"])
	qv := mustToWire(t, g["q"])

	defineIn(t, w, parent, 1, g["use"])
	if got := callIn(t, w, 1, pv); got != int64(6) {
		t.Fatalf("instance by value: got %#v, want 6", got)
	}
	if got := callIn(t, w, 1, qv); got != int64(9) {
		t.Fatalf("subclass instance by value: got %#v, want 9", got)
	}
	// The worker builds Point once: two instances sent apart share it.
	defineIn(t, w, parent, 2, g["same_class"])
	if got := callIn(t, w, 2, pv, mustToWire(t, g["p"])); got != true {
		t.Fatalf("instances sent apart must share the worker's class: %#v", got)
	}
	// A bound method of a __main__ instance is a task.
	defineIn(t, w, parent, 3, g["bm"])
	if got := callIn(t, w, 3); got != int64(6) {
		t.Fatalf("bound method: got %#v", got)
	}
	// A callable instance is a task.
	defineIn(t, w, parent, 6, g["triple"])
	if got := callIn(t, w, 6, int64(5)); got != int64(15) {
		t.Fatalf("callable instance: got %#v", got)
	}
	// Self-reference through an instance survives.
	defineIn(t, w, parent, 4, g["cycle_ok"])
	if got := callIn(t, w, 4, mustToWire(t, g["n"])); got != true {
		t.Fatalf("instance cycle: got %#v", got)
	}
	// An instance made in the worker comes back as the parent's own class.
	defineIn(t, w, parent, 5, g["make"])
	res := callIn(t, w, 5, int64(4))
	obj, err := FromWire(parent, res)
	if err != nil {
		t.Fatal(err)
	}
	inst, ok := obj.(*py.Type)
	if !ok || inst.Type() != g["Point"].(*py.Type) {
		t.Fatalf("returned instance: %#v is not an instance of the parent's Point", obj)
	}
	if inst.Dict["x"] != py.Int(4) {
		t.Fatalf("returned instance dict: %v", inst.Dict)
	}
	norm, err := py.Call(inst.Type().Dict["norm"], py.Tuple{inst}, nil)
	if err != nil || norm != py.Int(16) {
		t.Fatalf("method of returned instance: %v %v", norm, err)
	}
}

func TestClassRebuiltWhereAbsent(t *testing.T) {
	_, g := parentWith(t, classSrc)
	w := newTestWorker(t)
	obj, err := FromWire(w.Interp(), viaCodec(t, mustToWire(t, g["q"])))
	if err != nil {
		t.Fatal(err)
	}
	inst := obj.(*py.Type)
	cls := inst.Type()
	if cls == g["Point3"].(*py.Type) || cls.Name != "Point3" || moduleOf(cls) != "__main__" {
		t.Fatalf("rebuilt class: %v (%s)", cls, moduleOf(cls))
	}
	base := cls.Bases[0].(*py.Type)
	if base.Name != "Point" || base.Dict["scale"] != py.Int(2) {
		t.Fatalf("rebuilt base: %v", base.Dict)
	}
	main, _ := w.Interp().Ctx.GetModule("__main__")
	if main.Globals["Point3"] != py.Object(cls) {
		t.Fatal("a rebuilt __main__ class is kept in the worker's __main__")
	}
	norm, err := py.Call(cls.Dict["norm"], py.Tuple{inst}, nil)
	if err != nil || norm != py.Int(9) {
		t.Fatalf("method of the rebuilt class: %v %v", norm, err)
	}
}

func mustToWire(t *testing.T, o py.Object) wire.Value {
	t.Helper()
	v, err := ToWire(o)
	if err != nil {
		t.Fatalf("ToWire(%s): %v", o.Type().Name, err)
	}
	return v
}

func TestExceptionFromWorker(t *testing.T) {
	parent, g := parentWith(t, `
def boom(x):
    raise ValueError("boom", x)
def inner():
    return {}["missing"]
def outer():
    return inner()
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["boom"])
	_, err := w.Call(1, []wire.Value{int64(3)}, nil)
	e, ok := err.(*wire.Exception)
	if !ok {
		t.Fatalf("want *wire.Exception, got %T %v", err, err)
	}
	e = viaCodec(t, e).(*wire.Exception)
	if e.Module != "builtins" || e.Type != "ValueError" || len(e.Args) != 2 || e.Args[0] != "boom" || e.Args[1] != int64(3) {
		t.Fatalf("wire exception: %#v", e)
	}
	if !strings.Contains(e.Traceback, "boom") || !strings.Contains(e.Traceback, "ValueError") {
		t.Fatalf("traceback text: %q", e.Traceback)
	}
	exc := ExceptionFromWire(parent, e, FuturesRemoteTraceback)
	pe, ok := exc.(*py.Exception)
	if !ok || pe.Base != py.ValueError {
		t.Fatalf("rebuilt: %#v", exc)
	}
	mustEqual(t, "args", pe.Args, py.Tuple{py.String("boom"), py.Int(3)})
	cause, ok := pe.Cause.(*py.Exception)
	if !ok || cause.Base != FuturesRemoteTraceback || !pe.SuppressContext {
		t.Fatalf("cause: %#v", pe.Cause)
	}
	text, _ := py.StrAsString(cause)
	if !strings.HasPrefix(text, "\n\"\"\"\n") || !strings.HasSuffix(text, "\n\"\"\"") || !strings.Contains(text, "boom") {
		t.Fatalf("cause text: %q", text)
	}
	if moduleOf(FuturesRemoteTraceback) != "concurrent.futures.process" || moduleOf(PoolRemoteTraceback) != "multiprocessing.pool" {
		t.Fatal("remote traceback classes must carry CPython's module names")
	}
	// Without a traceback type, no cause.
	if ExceptionFromWire(parent, e, nil).(*py.Exception).Cause != nil {
		t.Fatal("cause set without a traceback type")
	}
	// A KeyError two frames down.
	defineIn(t, w, parent, 2, g["outer"])
	_, err = w.Call(2, nil, nil)
	e = err.(*wire.Exception)
	if e.Type != "KeyError" || !strings.Contains(e.Traceback, "inner") || !strings.Contains(e.Traceback, "outer") {
		t.Fatalf("nested frames: %#v", e)
	}
}

func TestExceptionUnknownClass(t *testing.T) {
	parent, _ := parentWith(t, "")
	exc := ExceptionFromWire(parent, &wire.Exception{Module: "nosuchmod", Type: "Weird", Message: "odd", Args: []wire.Value{"odd"}}, nil)
	pe := exc.(*py.Exception)
	msg, _ := py.StrAsString(pe)
	if pe.Base != py.ExceptionType || msg != "nosuchmod.Weird: odd" {
		t.Fatalf("unknown class: %s %q", pe.Base.Name, msg)
	}
}

func TestClassWithPropertyAndStaticMethods(t *testing.T) {
	parent, g := parentWith(t, `
class Temp:
    unit = "C"
    def __init__(self, c):
        self.c = c
    @property
    def f(self):
        return self.c * 9 // 5 + 32
    @staticmethod
    def twice(x):
        return 2 * x
    @classmethod
    def name(cls):
        return cls.unit
def use(t):
    return [t.f, Temp.twice(t.c), t.name()]
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["use"])
	got := callIn(t, w, 1, mustToWire(t, evalIn(t, parent, "Temp(100)")))
	l, ok := got.(wire.List)
	if !ok || len(l) != 3 || l[0] != int64(212) || l[1] != int64(200) || l[2] != "C" {
		t.Fatalf("property/staticmethod/classmethod in a rebuilt class: %#v", got)
	}
}

func TestMainExceptionClass(t *testing.T) {
	parent, g := parentWith(t, `
class AppError(ValueError):
    pass
class CodedError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
def fail(x):
    raise AppError("bad", x)
def coded(x):
    raise CodedError(x, "coded")
`)
	if c, ok := g["AppError"].(*py.Type); !ok || !pyobj.IsClass(c) || !c.IsSubtype(py.BaseException) {
		t.Skip("this interpreter cannot define exception subclasses yet")
	}
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["fail"])
	_, err := w.Call(1, []wire.Value{int64(5)}, nil)
	e, ok := err.(*wire.Exception)
	if !ok || e.Module != "__main__" || e.Type != "AppError" || e.Class == nil {
		t.Fatalf("wire exception: %#v", err)
	}
	exc := ExceptionFromWire(parent, viaCodec(t, e).(*wire.Exception), PoolRemoteTraceback)
	pe, ok := exc.(*py.Exception)
	if !ok || pe.Base != g["AppError"].(*py.Type) {
		t.Fatalf("the parent's own AppError must come back: %#v", exc)
	}
	mustEqual(t, "args", pe.Args, py.Tuple{py.String("bad"), py.Int(5)})

	// An exception class with an __init__ and instance attributes, rebuilt
	// in a worker that never saw it, and back in the parent.
	defineIn(t, w, parent, 2, g["coded"])
	_, err = w.Call(2, []wire.Value{int64(42)}, nil)
	e, ok = err.(*wire.Exception)
	if !ok || e.Type != "CodedError" {
		t.Fatalf("wire exception: %#v", err)
	}
	pe = ExceptionFromWire(parent, viaCodec(t, e).(*wire.Exception), nil).(*py.Exception)
	if pe.Base != g["CodedError"].(*py.Type) {
		t.Fatalf("class: %v", pe.Base)
	}
	code, err := py.GetAttrString(pe, "code")
	if err != nil || code != py.Int(42) {
		t.Fatalf("attribute code: %v %v", code, err)
	}
	mustEqual(t, "args", pe.Args, py.Tuple{py.Int(42), py.String("coded")})
}

func TestDictSubclasses(t *testing.T) {
	parent, g := parentMaybe(t, `
from collections import Counter, defaultdict, OrderedDict
class Registry(dict):
    def names(self):
        return sorted(self.keys())
c = Counter("abracadabra")
dd = defaultdict(list)
dd["x"].append(1)
od = OrderedDict()
od["z"] = 1
od["a"] = 2
r = Registry()
r["b"] = 1
r["a"] = 2
def probe(c, dd, od, r):
    dd["new"].append(2)
    return [c["a"], c["missing"], sorted(dd.keys()), list(od.keys()), r.names(), type(r).__name__]
`)
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, g["probe"])
	got := callIn(t, w, 1, mustToWire(t, g["c"]), mustToWire(t, g["dd"]), mustToWire(t, g["od"]), mustToWire(t, g["r"]))
	back, err := FromWire(parent, got)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := pyobj.Repr(back)
	if want := "[5, 0, ['new', 'x'], ['z', 'a'], ['a', 'b'], 'Registry']"; s != want {
		t.Fatalf("dict subclasses in a worker: got %s, want %s", s, want)
	}
	// And back to the parent with their classes.
	obj, err := FromWire(parent, viaCodec(t, mustToWire(t, g["c"])))
	if err != nil || obj.Type() != g["Counter"].(*py.Type) {
		t.Fatalf("Counter came back as %v (%v)", obj.Type().Name, err)
	}
}
