package pickle

import (
	"math/big"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// parentWith runs src as the __main__ of a fresh interpreter (the "parent").
func parentWith(t *testing.T, src string, sysPath ...string) (*pyrt.Interp, py.StringDict) {
	t.Helper()
	interp, err := newInterp()
	if err != nil {
		t.Fatal(err)
	}
	if len(sysPath) > 0 {
		sys, _ := interp.Ctx.GetModule("sys")
		sys.Globals["path"] = py.NewListFromStrings(sysPath)
	}
	code, err := py.Compile(src, "/tmp/main.py", py.ExecMode, 0, true)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	m, err := py.RunCode(interp.Ctx, code, "/tmp/main.py", "__main__")
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return interp, m.Globals
}

// evalIn evaluates expr in interp's __main__.
func evalIn(t *testing.T, interp *pyrt.Interp, expr string) py.Object {
	t.Helper()
	code, err := py.Compile(expr, "<test>", py.EvalMode, 0, true)
	if err != nil {
		t.Fatalf("compile %q: %v", expr, err)
	}
	m, err := interp.Ctx.GetModule("__main__")
	if err != nil {
		t.Fatal(err)
	}
	o, err := interp.Ctx.RunCode(code, m.Globals, m.Globals, nil)
	if err != nil {
		t.Fatalf("eval %q: %v", expr, err)
	}
	return o
}

func mustEqual(t *testing.T, what string, a, b py.Object) {
	t.Helper()
	eq, err := py.Eq(a, b)
	if err != nil {
		t.Fatalf("%s: comparing: %v", what, err)
	}
	if eq != py.True {
		ra, _ := py.ReprAsString(a)
		rb, _ := py.ReprAsString(b)
		t.Fatalf("%s: got %s, want %s", what, ra, rb)
	}
}

func TestValueRoundTrip(t *testing.T) {
	parent, g := parentWith(t, `
values = [None, True, False, 0, -7, 2**100, -(2**70), 1.5, -0.0, 3j, 1+2j, "", "héllo 中文", b"", b"\x00\xff",
          [1, [2, [3]]], (), (1,), (1, (2, "x")), {}, {"a": 1, "b": [1, 2]}, {1, 2, "x"},
          ValueError("boom", 3), KeyError("k")]
`)
	worker, err := NewWorkerRuntime()
	if err != nil {
		t.Fatal(err)
	}
	values := append(g["values"].(*py.List).Items, py.NewFrozenSetFromItems([]py.Object{py.String("p"), py.String("q")}))
	// The project's dict and set: any hashable keys and members, order kept.
	d := pyobj.NewDict()
	_ = d.Set(py.Int(2), py.String("two"))
	_ = d.Set(py.Tuple{py.Int(1), py.String("x")}, py.NewListFromItems([]py.Object{py.None}))
	_ = d.Set(py.String("s"), py.Float(0.5))
	s, _ := pyobj.NewSetFromItems([]py.Object{py.Tuple{py.Int(1), py.Int(2)}, py.Int(3)})
	values = append(values, d, s, pyobj.NewFrozenSet(s))
	for i, v := range values {
		w, err := ToWire(v)
		if err != nil {
			t.Fatalf("value %d (%s): ToWire: %v", i, v.Type().Name, err)
		}
		back, err := FromWire(worker.Interp(), viaCodec(t, w))
		if err != nil {
			t.Fatalf("value %d: FromWire: %v", i, err)
		}
		if back.Type().Name != v.Type().Name {
			t.Fatalf("value %d: type %s came back as %s", i, v.Type().Name, back.Type().Name)
		}
		if ex, ok := v.(*py.Exception); ok {
			bx := back.(*py.Exception)
			mustEqual(t, "exception args", bx.Args, ex.Args)
			continue
		}
		if bs, ok := back.(pyobj.SetLike); ok { // gpython's sets become the project's
			var members []py.Object
			_ = py.Iterate(v, func(o py.Object) bool { members = append(members, o); return false })
			if bs.AsSet().Len() != len(members) {
				t.Fatalf("value %d: set of %d came back with %d", i, len(members), bs.AsSet().Len())
			}
			for _, m := range members {
				if ok, err := bs.AsSet().Contains(m); !ok || err != nil {
					t.Fatalf("value %d: member %v lost", i, m)
				}
			}
			continue
		}
		mustEqual(t, "value", back, v)
		if bd, ok := back.(*pyobj.Dict); ok && v == py.Object(d) {
			items := bd.Items()
			if len(items) != 3 || items[0].Key != py.Int(2) || items[2].Key != py.String("s") {
				t.Fatalf("dict order lost: %v", items)
			}
		}
		_ = parent
	}
}

func TestWireShapes(t *testing.T) {
	_, g := parentWith(t, `
big = 2**100
small = 2**40
t = (1, "a")
s = {3}
d = {"k": [1.5]}
`)
	cases := []struct {
		name string
		want func(wire.Value) bool
	}{
		{"big", func(v wire.Value) bool {
			b, ok := v.(*big.Int)
			return ok && b.String() == "1267650600228229401496703205376"
		}},
		{"small", func(v wire.Value) bool { n, ok := v.(int64); return ok && n == 1<<40 }},
		{"t", func(v wire.Value) bool {
			x, ok := v.(wire.Tuple)
			return ok && len(x) == 2 && x[0] == int64(1) && x[1] == "a"
		}},
		{"s", func(v wire.Value) bool { x, ok := v.(wire.Set); return ok && len(x) == 1 && x[0] == int64(3) }},
		{"fs", func(v wire.Value) bool { x, ok := v.(wire.FrozenSet); return ok && len(x) == 1 && x[0] == int64(4) }},
		{"d", func(v wire.Value) bool {
			x, ok := v.(*wire.Dict)
			return ok && len(x.Items) == 1 && x.Items[0].Key == "k"
		}},
	}
	g["fs"] = py.NewFrozenSetFromItems([]py.Object{py.Int(4)})
	for _, c := range cases {
		v, err := ToWire(g[c.name])
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !c.want(v) {
			t.Fatalf("%s: unexpected wire value %#v", c.name, v)
		}
	}
}

func TestBuiltinsByReference(t *testing.T) {
	parent, _ := parentWith(t, "import math\n")
	for _, c := range []struct{ expr, module, name string }{
		{"abs", "builtins", "abs"},
		{"math.sqrt", "math", "sqrt"},
		{"len", "builtins", "len"},
	} {
		v, err := ToWire(evalIn(t, parent, c.expr))
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		if r, ok := v.(wire.Ref); !ok || r.Module != c.module || r.Name != c.name {
			t.Fatalf("%s: got %#v, want Ref{%s %s}", c.expr, v, c.module, c.name)
		}
	}
	// And they run in a worker.
	w := newTestWorker(t)
	defineIn(t, w, parent, 1, evalIn(t, parent, "abs"))
	if got := callIn(t, w, 1, int64(-3)); got != int64(3) {
		t.Fatalf("abs(-3) in a worker: %#v", got)
	}
	defineIn(t, w, parent, 2, evalIn(t, parent, "math.sqrt"))
	if got := callIn(t, w, 2, int64(16)); got != float64(4) {
		t.Fatalf("math.sqrt(16) in a worker: %#v", got)
	}
}

func TestUnsendableValues(t *testing.T) {
	_, g := parentWith(t, `
gen = (x for x in [1])
cyc = [1]
cyc.append(cyc)
d = {"a": []}
d["a"].append(d)
ok_shared = [[1]] * 3
`)
	_, err := ToWire(g["gen"])
	wantPyError(t, err, "TypeError", "cannot pickle 'generator' object")
	_, err = ToWire(g["cyc"])
	wantPyError(t, err, "ValueError", "list that contains itself")
	_, err = ToWire(g["d"])
	wantPyError(t, err, "ValueError", "contains itself")
	if _, err := ToWire(g["ok_shared"]); err != nil {
		t.Fatalf("a list shared (not cyclic) must be sendable: %v", err)
	}
	deep := py.Object(py.Int(1))
	for i := 0; i < maxValueDepth+5; i++ {
		deep = py.NewListFromItems([]py.Object{deep})
	}
	_, err = ToWire(deep)
	wantPyError(t, err, "RecursionError", "maximum recursion depth exceeded while pickling")
}

func wantPyError(t *testing.T, err error, typ, contains string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s containing %q, got no error", typ, contains)
	}
	ex, ok := err.(*py.Exception)
	if !ok {
		if info, ok2 := err.(py.ExceptionInfo); ok2 {
			ex, ok = info.Value.(*py.Exception)
		}
	}
	if !ok {
		t.Fatalf("want a Python %s, got %T %v", typ, err, err)
	}
	msg, _ := py.StrAsString(ex)
	if ex.Base.Name != typ || !strings.Contains(msg, contains) {
		t.Fatalf("want %s containing %q, got %s: %s", typ, contains, ex.Base.Name, msg)
	}
}

func TestMalformedWireValues(t *testing.T) {
	w := newTestWorker(t)
	bad := []wire.Value{
		wire.Ext{Code: 40, Data: []byte{1}},
		tagged(tagFunction, int64(0)),
		tagged(tagBackref, int64(99)),
		tagged(99),
		struct{}{},
		tagged(tagCode, int64(1), int64(0), int64(0), int64(0), int64(0), []byte{}, wire.Tuple{}, nil, wire.List{}, nil, nil, nil, "", "", int64(0), nil),
	}
	for i, v := range bad {
		if _, err := FromWire(w.Interp(), v); err == nil {
			t.Fatalf("bad value %d (%#v) decoded without error", i, v)
		}
	}
}
