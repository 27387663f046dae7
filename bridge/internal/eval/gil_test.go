package eval

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var gilTestFlag atomic.Bool

func init() {
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_gil_test"},
		Methods: []*py.Method{py.MustNewMethod("flag", func(self py.Object, args py.Tuple) (py.Object, error) {
			return py.NewBool(gilTestFlag.Load()), nil
		}, 0, "")},
	})
}

// TestGILHandOff: a thread running a Python loop that calls functions hands
// the GIL to another goroutine that waits for it (through the call hook), so
// the waiter can set the flag that ends the loop. Without the hand-off the
// test never ends.
func TestGILHandOff(t *testing.T) {
	gilTestFlag.Store(false)
	in := pyrt.NewInterp(pyrt.Options{Argv: []string{"x"}})
	defer in.Close()
	done := make(chan error, 1)
	go func() {
		done <- in.RunThread(in.Main, func() error {
			return in.RunMain("import _gil_test\ndef f():\n    pass\nwhile not _gil_test.flag():\n    f()\n", "<loop>", "")
		})
	}()
	time.Sleep(20 * time.Millisecond)
	other := pyrt.NewThread("Thread-1")
	var seen *pyrt.Thread
	if err := in.RunThread(other, func() error {
		seen = in.CurrentThread()
		gilTestFlag.Store(true)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if seen != other {
		t.Errorf("CurrentThread() = %v, want the running thread", seen)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the loop never saw the flag")
	}
}
