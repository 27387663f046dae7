package threading

// threading.Thread's Go half: starting a goroutine that runs the thread's
// run() holding the GIL, join, is_alive, names, and the module functions
// that ask which thread is running.

import (
	"fmt"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// tstateOf returns the thread state stored on a Thread instance; present is
// false when Thread.__init__ never ran.
func tstateOf(self py.Object) (ts *ThreadState, present bool) {
	d, ok := self.(py.IGetDict)
	if !ok {
		return nil, false
	}
	v, ok := d.GetDict()["_tstate"]
	if !ok {
		return nil, false
	}
	ts, _ = v.(*ThreadState)
	return ts, true
}

// threadingGlobals returns the globals of the threading module in it,
// importing it if the script has not.
func threadingGlobals(it *pyrt.Interp) (py.StringDict, error) {
	th := threadsOf(it)
	th.mu.Lock()
	g := th.modCache
	th.mu.Unlock()
	if g != nil {
		return g, nil
	}
	m, err := py.ImportModuleLevelObject(it.Ctx, "threading", nil, nil, nil, 0)
	if err != nil {
		return nil, err
	}
	mod, ok := m.(*py.Module)
	if !ok {
		return nil, py.ExceptionNewf(py.SystemError, "threading is not a module")
	}
	th.mu.Lock()
	th.modCache = mod.Globals
	th.mu.Unlock()
	return mod.Globals, nil
}

// threadObject returns the threading.Thread instance for ts, making one for
// the main thread, pool workers and dummies the first time it is asked for.
// The GIL must be held.
func threadObject(it *pyrt.Interp, ts *ThreadState) (py.Object, error) {
	if ts.obj != nil {
		return ts.obj, nil
	}
	g, err := threadingGlobals(it)
	if err != nil {
		return nil, err
	}
	mk, ok := g["_make_thread"]
	if !ok {
		return nil, py.ExceptionNewf(py.SystemError, "threading._make_thread missing")
	}
	obj, err := py.Call(mk, py.Tuple{py.String(ts.kind), py.String(ts.name), py.NewBool(ts.daemon)}, nil)
	if err != nil {
		return nil, err
	}
	if _, err := py.SetAttrString(obj, "_tstate", ts); err != nil {
		return nil, err
	}
	py.SetAttrString(obj, "ident", py.Int(ts.ident))
	py.SetAttrString(obj, "native_id", py.Int(ts.ident))
	ts.obj = obj
	return obj, nil
}

// CurrentThread returns the threading.Thread of the calling goroutine.
func CurrentThread(it *pyrt.Interp) (py.Object, error) {
	return threadObject(it, threadsOf(it).current(it))
}

// startThread implements Thread.start().
func startThread(it *pyrt.Interp, self py.Object) error {
	ts, present := tstateOf(self)
	if !present {
		return py.ExceptionNewf(py.RuntimeError, "thread.__init__() not called")
	}
	if ts != nil {
		return py.ExceptionNewf(py.RuntimeError, "threads can only be started once")
	}
	daemon, err := py.GetAttrString(self, "daemon")
	if err != nil {
		return err
	}
	name := ""
	if n, err := py.GetAttrString(self, "name"); err == nil {
		name, _ = py.StrAsString(n)
	}
	ts = newThreadState(name, "thread", pyrt.Truth(daemon))
	ts.obj = self
	if _, err := py.SetAttrString(self, "_tstate", ts); err != nil {
		return err
	}
	py.SetAttrString(self, "ident", py.Int(ts.ident))
	py.SetAttrString(self, "native_id", py.Int(ts.ident))
	th := threadsOf(it)
	th.mu.Lock()
	th.alive[ts] = struct{}{}
	if !ts.daemon {
		th.nonDaem = append(th.nonDaem, ts)
	}
	th.mu.Unlock()
	started := make(chan struct{})
	go runThread(it, th, ts, self, started)
	// As CPython's start(), wait until the thread runs: it then holds the
	// GIL until it blocks or yields.
	it.WaitChan(started, 0, false)
	return nil
}

// runThread is the body of a started thread's goroutine.
func runThread(it *pyrt.Interp, th *threads, ts *ThreadState, self py.Object, started chan struct{}) {
	defer close(ts.done)
	RunAs(it, ts, func() {
		close(started)
		defer th.finish(ts)
		defer func() {
			if r := recover(); r != nil {
				reportThreadError(it, self, py.MakeException(r))
			}
		}()
		run, err := py.GetAttrString(self, "run")
		if err == nil {
			_, err = py.Call(run, nil, nil)
		}
		if err != nil && !py.IsException(py.SystemExit, err) {
			reportThreadError(it, self, err)
		}
	})
}

// reportThreadError prints an uncaught exception of a thread as CPython's
// threading.excepthook does.
func reportThreadError(it *pyrt.Interp, self py.Object, err error) {
	name := "?"
	if n, e := py.GetAttrString(self, "name"); e == nil {
		if s, e := py.StrAsString(n); e == nil {
			name = s
		}
	}
	_, _ = fmt.Fprintf(it.Stderr(), "Exception in thread %s:\n%s", name, pyobj.FormatException(err))
}

// joinThread implements Thread.join(timeout).
func joinThread(it *pyrt.Interp, self, timeout py.Object) error {
	ts, present := tstateOf(self)
	if !present {
		return py.ExceptionNewf(py.RuntimeError, "Thread.__init__() not called")
	}
	if ts == nil {
		return py.ExceptionNewf(py.RuntimeError, "cannot join thread before it is started")
	}
	if ts == threadsOf(it).current(it) {
		return py.ExceptionNewf(py.RuntimeError, "cannot join current thread")
	}
	d, limited, err := pyrt.TimeoutArg(timeout)
	if err != nil {
		return err
	}
	_, err = it.WaitIntr(ts.done, d, limited)
	return err
}

// threadRepr implements Thread.__repr__ as CPython's.
func threadRepr(self py.Object) (string, error) {
	ts, _ := tstateOf(self)
	status := "initial"
	if ts != nil {
		status = "started"
		select {
		case <-ts.done:
			status = "stopped"
		default:
		}
	}
	if d, err := py.GetAttrString(self, "daemon"); err == nil && pyrt.Truth(d) {
		status += " daemon"
	}
	if ts != nil {
		status += fmt.Sprintf(" %d", ts.ident)
	}
	name, err := py.GetAttrString(self, "name")
	if err != nil {
		return "", err
	}
	ns, err := py.StrAsString(name)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("<%s(%s, %s)>", self.Type().Name, ns, status), nil
}

func isAlive(self py.Object) bool {
	ts, _ := tstateOf(self)
	if ts == nil {
		return false
	}
	select {
	case <-ts.done:
		return false
	default:
		return true
	}
}
