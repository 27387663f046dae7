package bridge

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-python/gpython/py"
)

// syncBuf is a goroutine-safe buffer standing in for stdout/stderr.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var captureType = py.NewType("capture", "test stdout")

type capture struct{ w *syncBuf }

func (c *capture) Type() *py.Type { return captureType }

func init() {
	defMethod(captureType, "write", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		s, err := py.StrAsString(args[0])
		if err != nil {
			return nil, err
		}
		self.(*capture).w.Write([]byte(s))
		return py.Int(len(s)), nil
	})
	defMethod(captureType, "flush", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, nil
	})
}

// runPy runs src as __main__ in a fresh interpreter (the modules' test
// stand-in for the shared NewInterp), returning stdout, stderr and the
// uncaught error, if any.
func runPy(t *testing.T, src string) (stdout, errout string, err error) {
	t.Helper()
	ctx := py.NewContext(py.DefaultContextOpts())
	it := &Interp{Ctx: ctx, GIL: &GIL{}, Main: NewThread("MainThread")}
	interps.Store(ctx, it)
	out, errb := &syncBuf{}, &syncBuf{}
	oldStderr := stderr
	stderr = errb
	defer func() { stderr = oldStderr }()
	sys, e := ctx.GetModule("sys")
	if e != nil {
		t.Fatal(e)
	}
	sys.Globals["stdout"] = &capture{out}
	file := filepath.Join(t.TempDir(), "main.py")
	if e := os.WriteFile(file, []byte(src), 0o644); e != nil {
		t.Fatal(e)
	}
	it.GIL.Acquire()
	code, e := py.Compile(src, file, py.ExecMode, 0, true)
	if e == nil {
		var main *py.Module
		main, e = ctx.Store().NewModule(ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__", FileDesc: file}})
		if e == nil {
			_, e = ctx.RunCode(code, main.Globals, main.Globals, nil)
		}
	}
	if e != nil {
		printException(errb, e)
	}
	it.atExit()
	it.GIL.Release()
	return out.String(), strings.ReplaceAll(errb.String(), file, "main.py"), e
}
