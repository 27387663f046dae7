package bridge

// What the interpreter does for threading at exit: wait for non-daemon
// threads, as CPython's threading._shutdown.

// atExit waits for the non-daemon threads, then the modules' other exit
// work. The GIL must be held; it is released while waiting.
func (it *Interp) atExit() {
	for {
		pending := it.threads().pendingNonDaemon()
		if len(pending) == 0 {
			break
		}
		for _, ts := range pending {
			it.waitChan(ts.done, 0, false)
		}
	}
	for _, f := range it.moduleExitHooks() {
		f()
	}
}

// moduleExitHooks returns the exit work the modules registered (executors
// left running, pools left open).
func (it *Interp) moduleExitHooks() []func() {
	th := it.threads()
	th.mu.Lock()
	defer th.mu.Unlock()
	hooks := th.exitHooks
	th.exitHooks = nil
	return hooks
}

// onExit registers f to run at interpreter exit, holding the GIL.
func (it *Interp) onExit(f func()) {
	th := it.threads()
	th.mu.Lock()
	th.exitHooks = append(th.exitHooks, f)
	th.mu.Unlock()
}
