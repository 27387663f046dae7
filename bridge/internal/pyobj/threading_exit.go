package pyobj

// The modules' work at interpreter exit, in CPython's order: executors
// finish their queued work (concurrent.futures' _python_exit, registered
// with threading), non-daemon threads are joined (threading._shutdown),
// then Pools left open are terminated (multiprocessing's atexit).

// atExit runs holding the GIL as the main thread; it releases the GIL while
// it waits.
func (it *Interp) atExit() {
	for _, f := range it.moduleExitHooks(false) {
		f()
	}
	for {
		pending := it.Threads().pendingNonDaemon()
		if len(pending) == 0 {
			break
		}
		for _, ts := range pending {
			it.WaitChan(ts.done, 0, false)
		}
	}
	for _, f := range it.moduleExitHooks(true) {
		f()
	}
}

// moduleExitHooks returns the exit work the modules registered, early
// (before threads are joined) or late.
func (it *Interp) moduleExitHooks(late bool) []func() {
	th := it.Threads()
	th.Mu.Lock()
	defer th.Mu.Unlock()
	var hooks []func()
	if late {
		hooks, th.lateHooks = th.lateHooks, nil
	} else {
		hooks, th.exitHooks = th.exitHooks, nil
	}
	return hooks
}

// OnExit registers f to run at interpreter exit before non-daemon threads
// are joined; with late, after.
func (it *Interp) OnExit(f func(), late bool) {
	th := it.Threads()
	th.Mu.Lock()
	if late {
		th.lateHooks = append(th.lateHooks, f)
	} else {
		th.exitHooks = append(th.exitHooks, f)
	}
	th.Mu.Unlock()
}
