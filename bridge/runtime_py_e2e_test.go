package bridge

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// TestProcessPoolRunsFunctionsByValue runs Python functions from a parent's
// __main__ in real worker processes through the engine's
// ProcessPoolExecutor: a closure, a lambda, a function using a module next
// to the script, a builtin by reference, a bound method of a __main__
// instance, an exception coming back with its remote traceback, and an
// unsendable result.
func TestProcessPoolRunsFunctionsByValue(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "e2ehelper.py"), []byte("def triple(x):\n    return 3 * x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "main.py")
	src := `
import os
import e2ehelper
K = 7
def make(n):
    m = n
    return lambda x: x * K + m
f = make(100)
def pid(_):
    return os.getpid()
def uses_helper(x):
    return e2ehelper.triple(x) + K
class Acc:
    def __init__(self, base):
        self.base = base
    def add(self, x):
        return self.base + x
acc = Acc(1000)
def boom(x):
    raise KeyError(x)
def gen(_):
    return (i for i in [])
`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	interp := NewInterp(Options{Argv: []string{script}, Path: []string{dir}})
	code, err := py.Compile(src, script, py.ExecMode, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	main, err := py.RunCode(interp.Ctx, code, script, "__main__")
	if err != nil {
		t.Fatal(err)
	}
	g := main.Globals

	ex, err := pool.NewProcessPoolExecutor(pool.Workers(2))
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Shutdown(true, false)

	submit := func(fn py.Object, args ...py.Object) (wire.Value, error) {
		t.Helper()
		interp.GIL.Acquire()
		c, err := pickle.CallableOf(interp, fn)
		if err == nil {
			err = c.Prepare()
		}
		var wargs []wire.Value
		for _, a := range args {
			if err != nil {
				break
			}
			var v wire.Value
			v, err = pickle.ToWire(a)
			wargs = append(wargs, v)
		}
		interp.GIL.Release()
		if err != nil {
			t.Fatalf("preparing the task: %v", err)
		}
		fut, err := ex.SubmitCall(c, wargs, nil)
		if err != nil {
			t.Fatalf("submit: %v", err)
		}
		return fut.Result(context.Background())
	}
	want := func(what string, got wire.Value, err error, expect wire.Value) {
		t.Helper()
		if err != nil {
			if e, ok := err.(*wire.Exception); ok {
				t.Fatalf("%s raised %s: %s\n%s", what, e.Type, e.Message, e.Traceback)
			}
			t.Fatalf("%s: %v", what, err)
		}
		if got != expect {
			t.Fatalf("%s: got %#v, want %#v", what, got, expect)
		}
	}

	v, err := submit(g["f"], py.Int(2))
	want("closure returning a lambda", v, err, int64(114))
	v, err = submit(g["uses_helper"], py.Int(5))
	want("module next to the script", v, err, int64(22))
	v, err = submit(interp.Ctx.Store().Builtins.Globals["abs"], py.Int(-9))
	want("builtin by reference", v, err, int64(9))
	bm, err := py.GetAttrString(g["acc"], "add")
	if err != nil {
		t.Fatal(err)
	}
	v, err = submit(bm, py.Int(5))
	want("bound method of a __main__ instance", v, err, int64(1005))
	v, err = submit(g["pid"], py.None)
	if err != nil || v == int64(os.Getpid()) {
		t.Fatalf("the task must run in another process: %#v %v", v, err)
	}

	_, err = submit(g["boom"], py.String("k"))
	e, ok := err.(*wire.Exception)
	if !ok || e.Type != "KeyError" || len(e.Args) != 1 || e.Args[0] != "k" {
		t.Fatalf("exception from a worker: %T %#v", err, err)
	}
	if !strings.Contains(e.Traceback, "in boom") || !strings.Contains(e.Traceback, "raise KeyError(x)") {
		t.Fatalf("remote traceback lacks the frame or its source line:\n%s", e.Traceback)
	}
	interp.GIL.Acquire()
	exc := pickle.ExceptionFromWire(interp, e, pickle.FuturesRemoteTraceback)
	text := pyobj.FormatException(exc.(*py.Exception))
	interp.GIL.Release()
	for _, part := range []string{"concurrent.futures.process._RemoteTraceback: \n\"\"\"\nTraceback (most recent call last):", "The above exception was the direct cause of the following exception:", "KeyError: 'k'"} {
		if !strings.Contains(text, part) {
			t.Fatalf("formatted exception lacks %q:\n%s", part, text)
		}
	}

	_, err = submit(g["gen"], py.None)
	e, ok = err.(*wire.Exception)
	if _, _, unsendable := pickle.UnsendableResult(e); !ok || !unsendable {
		t.Fatalf("unsendable result: %T %#v", err, err)
	}
}
