package pyobj

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// switchInterval is how long a thread may run Python before it offers the GIL
// to a waiting thread (CPython's sys.getswitchinterval() is 5 ms).
const switchInterval = 5 * time.Millisecond

// A GIL serialises Python execution in one interpreter: gpython contexts are
// not safe for concurrent use. Go code that blocks (sleeps, waits on futures,
// locks, pipes) must release it with Released.
//
// The GIL also records which Python thread holds it (see Thread): Released
// and Yield put the holder back when they take the GIL again; a goroutine
// that starts running Python sets its own with SetThread (or uses
// Interp.RunThread, which does both).
type GIL struct {
	mu      sync.Mutex
	waiters atomic.Int32
	since   atomic.Int64 // unix nanos when the current holder took it
	cur     *Thread      // the Python thread holding the GIL; guarded by mu
}

// Acquire takes the GIL, waiting as long as it takes.
func (g *GIL) Acquire() {
	g.waiters.Add(1)
	g.mu.Lock()
	g.waiters.Add(-1)
	g.since.Store(time.Now().UnixNano())
}

// Release gives the GIL up.
func (g *GIL) Release() { g.mu.Unlock() }

// Released runs f without the GIL and takes it back afterwards. f must not
// touch Python objects. The current thread is restored afterwards.
func (g *GIL) Released(f func()) {
	t := g.cur
	g.Release()
	defer func() {
		g.Acquire()
		g.cur = t
	}()
	f()
}

// Yield hands the GIL to a waiting goroutine if the caller has held it for a
// switch interval. It is called from the interpreter's hooks.
func (g *GIL) Yield() {
	if g.waiters.Load() == 0 || time.Now().UnixNano()-g.since.Load() < int64(switchInterval) {
		return
	}
	t := g.cur
	g.Release()
	runtime.Gosched()
	g.Acquire()
	g.cur = t
}

// Thread returns the Python thread that holds the GIL (the caller must hold
// it), or nil when none was set.
func (g *GIL) Thread() *Thread { return g.cur }

// SetThread records t as the Python thread holding the GIL and returns the
// previous one. The caller must hold the GIL.
func (g *GIL) SetThread(t *Thread) (prev *Thread) {
	prev, g.cur = g.cur, t
	return prev
}

// WaitChan waits for ch while the GIL is released, for at most d when
// limited. It reports whether ch was closed (or received from).
// KeyboardInterrupt cannot stop it (see WaitIntr).
func (it *Interp) WaitChan(ch <-chan struct{}, d time.Duration, limited bool) bool {
	select {
	case <-ch:
		return true
	default:
	}
	if limited && d <= 0 {
		return false
	}
	got := false
	it.GIL.Released(func() {
		if !limited {
			<-ch
			got = true
			return
		}
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ch:
			got = true
		case <-t.C:
		}
	})
	return got
}

// WaitIntr is WaitChan that the main thread leaves with KeyboardInterrupt
// on SIGINT.
func (it *Interp) WaitIntr(ch <-chan struct{}, d time.Duration, limited bool) (bool, error) {
	select {
	case <-ch:
		return true, nil
	default:
	}
	if limited && d <= 0 {
		return false, nil
	}
	if !limited {
		d = -1
	}
	return it.Wait(ch, d)
}
