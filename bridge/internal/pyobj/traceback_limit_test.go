package pyobj

import (
	"bytes"
	"testing"

	"github.com/go-python/gpython/py"
)

// An uncaught exception's report keeps the last sys.tracebacklimit entries
// (CPython's PyTraceBack_Print), none for 0.
func TestPrintExceptionTracebackLimit(t *testing.T) {
	src := "import sys\nsys.tracebacklimit = LIMIT\ndef g():\n    raise ValueError('x')\ndef f():\n    g()\nf()\n"
	want := map[string]string{
		"0": "ValueError: x\n",
		"1": "Traceback (most recent call last):\n  File \"main.py\", line 4, in g\nValueError: x\n",
		"5": "Traceback (most recent call last):\n  File \"main.py\", line 7, in <module>\n  File \"main.py\", line 6, in f\n  File \"main.py\", line 4, in g\nValueError: x\n",
	}
	for limit, w := range want {
		var errb bytes.Buffer
		in := NewInterp(Options{Stderr: &errb})
		in.GIL.Acquire()
		code, err := py.Compile(string(bytes.Replace([]byte(src), []byte("LIMIT"), []byte(limit), 1)), "main.py", py.ExecMode, 0, true)
		if err != nil {
			t.Fatal(err)
		}
		main, err := in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__", FileDesc: "main.py"}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = in.Ctx.RunCode(code, main.Globals, main.Globals, nil)
		if err == nil {
			t.Fatalf("limit %s: no exception", limit)
		}
		PrintException(in, err)
		in.GIL.Release()
		in.Close()
		if got := errb.String(); got != w {
			t.Errorf("limit %s: printed\n%s\nwant\n%s", limit, got, w)
		}
	}
}
