package threading

import (
	"github.com/pypool/pypool/bridge/pyrt"
)

// threading._shutdown: at interpreter exit, between the modules' early and
// late exit work (pyobj's module_exit.go), the non-daemon threads are
// joined.

// joinThreadsAtExit waits for the non-daemon threads, holding the GIL as the
// main thread and releasing it while it waits.
func joinThreadsAtExit(it *pyrt.Interp) {
	v, ok := threadsByInterp.Load(it)
	if !ok {
		return // no thread was ever started
	}
	th := v.(*threads)
	for {
		pending := th.pendingNonDaemon()
		if len(pending) == 0 {
			break
		}
		for _, ts := range pending {
			it.WaitChan(ts.done, 0, false)
		}
	}
}

func init() { pyrt.JoinThreadsAtExit = joinThreadsAtExit }
