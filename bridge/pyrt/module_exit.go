package pyrt

// The modules' work at interpreter exit, in CPython's order: executors
// finish their queued work (concurrent.futures' _python_exit, registered
// with threading), non-daemon threads are joined (threading._shutdown: the
// threading package's JoinThreadsAtExit), then Pools left open are
// terminated (multiprocessing's atexit) and the atexit module's handlers
// run.

import "sync"

// JoinThreadsAtExit waits for it's non-daemon threads at exit, holding the
// GIL as the main thread and releasing it while it waits. The threading
// package sets it from its init; nil, there is nothing to wait for.
var JoinThreadsAtExit func(it *Interp)

// moduleExit is the exit work the modules registered with one interpreter.
type moduleExit struct {
	mu          sync.Mutex
	early, late []func()
}

var moduleExits sync.Map // *Interp → *moduleExit

// moduleExit returns it's exit work, made (and registered with AtExit) on
// first use.
func (it *Interp) moduleExit() *moduleExit {
	if v, ok := moduleExits.Load(it); ok {
		return v.(*moduleExit)
	}
	v, loaded := moduleExits.LoadOrStore(it, &moduleExit{})
	if !loaded {
		it.AtExit(it.runModuleExit)
	}
	return v.(*moduleExit)
}

// HoldModuleExit registers the modules' exit work with AtExit now, if that
// is not done yet: the threading package calls it when it starts keeping
// it's threads, so that the work takes its place among the AtExit functions
// from then.
func (it *Interp) HoldModuleExit() { it.moduleExit() }

// OnExit registers f to run at interpreter exit before non-daemon threads
// are joined; with late, after.
func (it *Interp) OnExit(f func(), late bool) {
	me := it.moduleExit()
	me.mu.Lock()
	if late {
		me.late = append(me.late, f)
	} else {
		me.early = append(me.early, f)
	}
	me.mu.Unlock()
}

// take returns the exit work registered so far, early or late, and
// forgets it.
func (me *moduleExit) take(late bool) []func() {
	me.mu.Lock()
	defer me.mu.Unlock()
	var hooks []func()
	if late {
		hooks, me.late = me.late, nil
	} else {
		hooks, me.early = me.early, nil
	}
	return hooks
}

// runModuleExit runs holding the GIL as the main thread.
func (it *Interp) runModuleExit() {
	me := it.moduleExit()
	for _, f := range me.take(false) {
		f()
	}
	if JoinThreadsAtExit != nil {
		JoinThreadsAtExit(it)
	}
	for _, f := range me.take(true) {
		f()
	}
}
