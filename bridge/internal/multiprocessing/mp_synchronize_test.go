package multiprocessing

import (
	"testing"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// runIn runs src as a module of a fresh interpreter and returns its
// globals (the GIL is held by the test for the run).
// The Python code calls ready() before it blocks; during (if any) runs
// beside it and receives those calls on the channel.
func runIn(t *testing.T, src string, during func(in *pyrt.Interp, ready <-chan struct{})) py.StringDict {
	t.Helper()
	pyrt.Install()
	in := pyrt.NewInterp(pyrt.Options{})
	t.Cleanup(in.Close)
	in.GIL.Acquire()
	defer in.GIL.Release()
	code, err := py.Compile(src, "<test>", py.ExecMode, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	m, err := in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__"}})
	if err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{}, 8)
	m.Globals["ready"] = pyrt.Func("ready", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		ready <- struct{}{}
		return py.None, nil
	})
	if during != nil {
		go during(in, ready)
	}
	if _, err := in.Ctx.RunCode(code, m.Globals, m.Globals, nil); err != nil {
		t.Fatal(err)
	}
	return m.Globals
}

// Threads of one process contend for a multiprocessing Lock: the blocking
// path (acquire without the GIL) must lose no increment.
func TestLockThreadsContend(t *testing.T) {
	g := runIn(t, `
import multiprocessing as mp, threading
lock = mp.Lock()
n = mp.Value('i', 0, lock=False)
def work():
    for _ in range(300):
        with lock:
            v = n.value
            n.value = v + 1
ths = [threading.Thread(target=work) for _ in range(4)]
for th in ths: th.start()
for th in ths: th.join()
result = n.value
state = repr(lock)
`, nil)
	if g["result"] != py.Int(1200) || g["state"] != py.String("<Lock(owner=None)>") {
		t.Fatalf("result %v, lock %v; want 1200 and an unheld lock", g["result"], g["state"])
	}
}

// Ctrl-C (Interp.Interrupt) wakes the main thread blocked in acquire with
// KeyboardInterrupt and leaves the lock as it was.
func TestAcquireInterrupted(t *testing.T) {
	g := runIn(t, `
import multiprocessing as mp
lock = mp.Lock()
lock.acquire()
try:
    ready()
    lock.acquire()
    result = 'acquired'
except KeyboardInterrupt:
    result = 'interrupted'
lock.release()
after = lock.acquire(False)
ev = mp.Event()
try:
    ready()
    ev.wait()
except KeyboardInterrupt:
    result += ' wait'
`, func(in *pyrt.Interp, ready <-chan struct{}) {
		for i := 0; i < 2; i++ {
			<-ready
			time.Sleep(50 * time.Millisecond) // let it block (an earlier interrupt is raised at once all the same)
			in.Interrupt()
		}
	})
	if g["result"] != py.String("interrupted wait") || g["after"] != py.True {
		t.Fatalf("result %v, re-acquire %v; want 'interrupted wait' and True", g["result"], g["after"])
	}
}
