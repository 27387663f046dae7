package bridge

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
)

// exportPoint crosses as a dict: {"x": …, "y": …, "Tag": …}.
type exportPoint struct {
	X   float64 `py:"x"`
	Y   float64 `py:"y"`
	Tag string
}

// Exported at package level, as a program does from init, so that a
// re-executed test binary (a worker) has them too.
var (
	exAdd = Export("porttest", "add", func(a, b int) int { return a + b })
	_     = Export("porttest", "half", func(x float64) float64 { return x / 2 })
	_     = Export("porttest", "shout", func(s string) string { return strings.ToUpper(s) + "!" })
	_     = Export("porttest", "rev", func(b []byte) []byte { r := make([]byte, len(b)); copy(r, b); reverseBytes(r); return r })
	_     = Export("porttest", "negate", func(b bool) bool { return !b })
	_     = Export("porttest", "nothing", func() {})
	_     = Export("porttest", "sum", func(xs []int64) int64 {
		var s int64
		for _, x := range xs {
			s += x
		}
		return s
	})
	_ = Export("porttest", "split", func(s string) []string { return strings.Fields(s) })
	_ = Export("porttest", "count", func(words []string) map[string]int {
		m := map[string]int{}
		for _, w := range words {
			m[w]++
		}
		return m
	})
	_ = Export("porttest", "squares", func(n int) map[int]int {
		m := map[int]int{}
		for i := 1; i <= n; i++ {
			m[i] = i * i
		}
		return m
	})
	_ = Export("porttest", "move", func(p exportPoint, dx float64) exportPoint { p.X += dx; p.Tag += "'"; return p })
	_ = Export("porttest", "origin", func(p *exportPoint) string {
		if p == nil {
			return "none"
		}
		return fmt.Sprint(p.X, p.Y)
	})
	_        = Export("porttest", "describe", func(v any) string { return fmt.Sprintf("%T", v) })
	_        = Export("porttest", "check", checkValue)
	_        = Export("porttest", "boom", func(i int) int { return []int{1}[i] })
	exSquare = Export("porttest", "square", func(x int) int { return x * x })
	_        = Export("porttest", "area", func(w, h int, unit string) string { return fmt.Sprint(w*h, unit) }, "w", "h", "unit")
)

func reverseBytes(b []byte) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

// checkValue fails in the ways an exported function can.
func checkValue(kind string) (int, error) {
	switch kind {
	case "value":
		return 0, Raise("ValueError", "bad value %q", kind)
	case "key":
		return 0, fmt.Errorf("looking up: %w", Raise("KeyError", "missing"))
	case "plain":
		return 0, errors.New("plain Go error")
	case "unknown":
		return 0, Raise("nosuch.QuotaError", "over quota")
	}
	return len(kind), nil
}

// runExportScript runs src as __main__ and returns its output, with the
// last traceback line of an uncaught exception appended.
func runExportScript(t *testing.T, src string) string {
	t.Helper()
	var out, errb bytes.Buffer
	in := NewInterp(Options{Stdout: &out, Stderr: &errb})
	defer in.Close()
	in.GIL.Acquire()
	defer in.GIL.Release()
	if err := in.RunMain(src, "export_test.py", ""); err != nil {
		out.WriteString("uncaught " + strings.TrimSpace(pyobj.FormatExceptionOnly(err)) + "\n")
	}
	return out.String()
}

func TestExportConversions(t *testing.T) {
	got := runExportScript(t, `
import porttest
from porttest import add, half, shout, rev, negate, nothing, sum, split, count, squares, move, origin, describe
print(add(2, 3), add(True, 2))
print(half(5), half(3.0))
print(shout("héllo"))
print(rev(b"abc"))
print(negate(False))
print(nothing())
print(sum([1, 2, 3]), sum((4, 5)), sum([]))
print(split("a b  c"))
print(count(["a", "b", "a"]))
print(squares(3))
print(move({"x": 1.5, "y": 2, "Tag": "p"}, 1))
print(move({"X": 1.0}, 0.5))
print(origin(None), origin({"x": 3, "y": 4}))
print(describe(1), describe(2.5), describe("s"), describe(None), describe([1]), describe({"a": 1}), describe((1,)))
print(porttest.add(40, 2))
print(porttest.area(2, unit="cm2", h=3))
`)
	want := `5 3
2.5 1.5
HÉLLO!
b'cba'
True
None
6 9 0
['a', 'b', 'c']
{'a': 2, 'b': 1}
{1: 1, 2: 4, 3: 9}
{'x': 2.5, 'y': 2.0, 'Tag': "p'"}
{'x': 1.5, 'y': 0.0, 'Tag': "'"}
none 3 4
int64 float64 string <nil> wire.List *wire.Dict wire.Tuple
42
6cm2
`
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestExportTypeErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{`add(1, "2")`, "TypeError: porttest.add() argument 2: want int, got str"},
		{`add(1)`, "TypeError: porttest.add() takes 2 positional arguments but 1 was given"},
		{`add(1, 2, 3)`, "TypeError: porttest.add() takes 2 positional arguments but 3 were given"},
		{`add(1, b=2)`, "TypeError: porttest.add() got an unexpected keyword argument 'b': Go functions take positional arguments only"},
		{`sum([1, "x"])`, "TypeError: porttest.sum() argument 1: item 1: want int64, got str"},
		{`count("abc")`, "TypeError: porttest.count() argument 1: want []string, got str"},
		{`move({"z": 1}, 0)`, `TypeError: porttest.move() argument 1: bridge.exportPoint has no field "z"`},
		{`move([1, 2], 0)`, "TypeError: porttest.move() argument 1: want bridge.exportPoint (a dict), got list"},
		{`half("x")`, "TypeError: porttest.half() argument 1: want float64, got str"},
		{`negate(1)`, "TypeError: porttest.negate() argument 1: want bool, got int"},
		{`add(2**70, 1)`, "TypeError: porttest.add() argument 1: want int, got int"},
		{`add(1, lambda: 1)`, "TypeError: porttest.add() argument 2: want int, got tuple"},
		{`area(1, "2", "m")`, "TypeError: porttest.area() argument 'h': want int, got str"},
		{`area(1, unit="m")`, "TypeError: porttest.area() missing 1 required positional argument: 'h'"},
		{`area(1, 2, "m", w=1)`, "TypeError: porttest.area() got multiple values for argument 'w'"},
		{`area(1, 2, "m", z=1)`, "TypeError: porttest.area() got an unexpected keyword argument 'z'"},
		{`import threading; add(1, threading.Lock())`, "TypeError: porttest.add() argument 2: cannot pickle '_thread.lock' object"},
	}
	for _, c := range cases {
		src := "from porttest import *\n" + c.src + "\n"
		got := strings.TrimSpace(runExportScript(t, src))
		if got != "uncaught "+c.want {
			t.Errorf("%s:\n got %s\nwant uncaught %s", c.src, got, c.want)
		}
	}
}

func TestExportErrors(t *testing.T) {
	got := runExportScript(t, `
from porttest import check, boom
import threading
for kind in ["value", "key", "plain", "unknown", "fine"]:
    try:
        print("ok", check(kind))
    except Exception as e:
        print(type(e).__name__, e)
try:
    check("value")
except ValueError as e:
    print("caught ValueError", e.args)
try:
    boom(3)
except RuntimeError as e:
    print("panic:", e)
print("still running", boom(0))
`)
	want := `ValueError bad value "value"
KeyError 'missing'
RuntimeError plain Go error
Exception nosuch.QuotaError: over quota
ok 4
caught ValueError ('bad value "value"',)
panic: Go panic: runtime error: index out of range [3] with length 1
still running 1
`
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestExportedFunctionDefinition(t *testing.T) {
	in := NewInterp(Options{})
	defer in.Close()
	in.GIL.Acquire()
	defer in.GIL.Release()
	if err := in.RunMain("from porttest import square\ndef py_square(x):\n    return x * x\n", "def.py", ""); err != nil {
		t.Fatal(err)
	}
	main, _ := in.Ctx.GetModule("__main__")
	c, err := pickle.CallableOf(in, main.Globals["square"])
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Prepare(); err != nil {
		t.Fatal(err)
	}
	kind, payload, err := c.Definition()
	if err != nil || kind != "go" || payload != "porttest.square" {
		t.Fatalf("Definition() = %q, %v, %v; want \"go\", \"porttest.square\"", kind, payload, err)
	}
	if g := pickle.ExportedGoFunc(main.Globals["square"]); g != exSquare {
		t.Fatalf("exportedGoFunc = %v, want %v", g, exSquare)
	}
	c2, _ := pickle.CallableOf(in, main.Globals["py_square"])
	if err := c2.Prepare(); err != nil {
		t.Fatal(err)
	}
	if kind, _, _ := c2.Definition(); kind != "py" {
		t.Fatalf("a Python function's runtime = %q, want py", kind)
	}
	// Builtins with the same name are not mistaken for exported functions.
	if pickle.ExportedGoFunc(in.Ctx.Store().Builtins.Globals["abs"]) != nil {
		t.Fatal("builtins.abs taken for an exported function")
	}
	// By value (inside a Python payload) it travels by reference.
	w, err := pickle.ToWire(main.Globals["square"])
	if err != nil || fmt.Sprint(w) != "{porttest square}" {
		t.Fatalf("ToWire(square) = %v, %v", w, err)
	}
	if _, ok := main.Globals["square"].(*py.Method); !ok {
		t.Fatalf("square is %T", main.Globals["square"])
	}
}

func TestExportPanicsOnMisuse(t *testing.T) {
	mustPanic := func(what, want string, f func()) {
		t.Helper()
		defer func() {
			r := recover()
			if r == nil || !strings.Contains(fmt.Sprint(r), want) {
				t.Errorf("%s: panic %v, want it to mention %q", what, r, want)
			}
		}()
		f()
	}
	mustPanic("duplicate", "already exported", func() { Export("porttest", "add", func() {}) })
	mustPanic("gpython module", `a module "math" already exists`, func() { Export("math", "fast", func() {}) })
	mustPanic("bad type", "cannot be received", func() { Export("porttest2", "ch", func(chan int) {}) })
	mustPanic("dotted name", "plain function name", func() { Export("porttest2", "a.b", func() {}) })
	_ = exAdd
}

func TestExportPanicTraceback(t *testing.T) {
	var out, errb bytes.Buffer
	in := NewInterp(Options{Stdout: &out, Stderr: &errb})
	defer in.Close()
	in.GIL.Acquire()
	defer in.GIL.Release()
	err := in.RunMain("from porttest import boom\nboom(5)\n", "panic.py", "")
	if err == nil {
		t.Fatal("boom(5) did not raise")
	}
	pyobj.PrintException(in, err)
	text := errb.String()
	for _, want := range []string{
		"pypool.GoStack", "Go stack at the panic in porttest.boom", "goroutine ",
		"The above exception was the direct cause of the following exception:",
		`File "panic.py", line 2`,
		"RuntimeError: Go panic: runtime error: index out of range [5] with length 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("traceback lacks %q:\n%s", want, text)
		}
	}
}
