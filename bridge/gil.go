package bridge

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
type GIL struct {
	mu      sync.Mutex
	waiters atomic.Int32
	since   atomic.Int64 // unix nanos when the current holder took it
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
// touch Python objects.
func (g *GIL) Released(f func()) {
	g.Release()
	defer g.Acquire()
	f()
}

// Yield hands the GIL to a waiting goroutine if the caller has held it for a
// switch interval. It is called from the interpreter's hooks.
func (g *GIL) Yield() {
	if g.waiters.Load() == 0 || time.Now().UnixNano()-g.since.Load() < int64(switchInterval) {
		return
	}
	g.Release()
	runtime.Gosched()
	g.Acquire()
}
