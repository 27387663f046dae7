package threading

// threading.Event, Condition, Semaphore, BoundedSemaphore and Barrier. State
// is guarded by the GIL (every method runs holding it); waits release it.

import (
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var (
	eventType     = pyrt.NewClass("threading", "Event", "Class implementing event objects.", nil)
	conditionType = pyrt.NewClass("threading", "Condition", "Class that implements a condition variable.", nil)
	semaphoreType = pyrt.NewClass("threading", "Semaphore", "This class implements semaphore objects.", nil)
	boundedType   = pyrt.NewClass("threading", "BoundedSemaphore", "Implements a bounded semaphore.", nil)
	barrierType   = pyrt.NewClass("threading", "Barrier", "Implements a Barrier.", nil)

	// BrokenBarrierError is threading.BrokenBarrierError.
	brokenBarrierError = pyrt.NewExceptionClass("threading", "BrokenBarrierError", "", py.RuntimeError)
)

// deadline turns a wait's duration into an absolute time.
func deadline(d time.Duration, limited bool) time.Time {
	if !limited {
		return time.Time{}
	}
	return time.Now().Add(d)
}

func remaining(dl time.Time) time.Duration { return time.Until(dl) }

// ---- Event

type pyEvent struct {
	it   *pyrt.Interp
	flag bool
	ch   chan struct{} // closed while flag is set
}

// Type implements py.Object.
func (e *pyEvent) Type() *py.Type { return eventType }

func (e *pyEvent) set() {
	if !e.flag {
		e.flag = true
		close(e.ch)
	}
}

func (e *pyEvent) clear() {
	if e.flag {
		e.flag = false
		e.ch = make(chan struct{})
	}
}

// ---- Condition

type pyCondition struct {
	it      *pyrt.Interp
	lock    goLock
	waiters []chan struct{}
}

// Type implements py.Object.
func (c *pyCondition) Type() *py.Type { return conditionType }

// owned reports whether the current thread holds the condition's lock.
func (c *pyCondition) owned() bool {
	switch l := c.lock.(type) {
	case *pyRLock:
		return l.count > 0 && l.owner == threadsOf(c.it).current(c.it)
	case *pyLock:
		return l.locked()
	}
	return false
}

// wait releases the lock, waits for a notify or the timeout, and takes the
// lock back. It reports whether it was notified.
func (c *pyCondition) wait(d time.Duration, limited bool) (bool, error) {
	if !c.owned() {
		return false, py.ExceptionNewf(py.RuntimeError, "cannot wait on un-acquired lock")
	}
	w := make(chan struct{})
	c.waiters = append(c.waiters, w)
	// release fully (an RLock may be held several times)
	saved := 1
	if rl, ok := c.lock.(*pyRLock); ok {
		saved = rl.count
		rl.count = 1
	}
	if err := c.lock.release(); err != nil {
		return false, err
	}
	got, werr := c.it.WaitIntr(w, d, limited)
	if !got {
		for i, x := range c.waiters {
			if x == w {
				c.waiters = append(c.waiters[:i], c.waiters[i+1:]...)
				break
			}
		}
	}
	c.lock.acquire(true, 0, false)
	if rl, ok := c.lock.(*pyRLock); ok {
		rl.count = saved
	}
	return got, werr
}

func (c *pyCondition) notify(n int) error {
	if !c.owned() {
		return py.ExceptionNewf(py.RuntimeError, "cannot notify on un-acquired lock")
	}
	for n > 0 && len(c.waiters) > 0 {
		close(c.waiters[0])
		c.waiters = c.waiters[1:]
		n--
	}
	return nil
}

// ---- Semaphore

type pySemaphore struct {
	it      *pyrt.Interp
	value   int
	initial int
	bounded bool
	waiters []chan struct{}
}

// Type implements py.Object.
func (s *pySemaphore) Type() *py.Type {
	if s.bounded {
		return boundedType
	}
	return semaphoreType
}

func (s *pySemaphore) acquire(blocking bool, d time.Duration, limited bool) bool {
	dl := deadline(d, limited)
	for s.value == 0 {
		if !blocking {
			return false
		}
		left := d
		if limited {
			left = remaining(dl)
			if left <= 0 {
				return false
			}
		}
		w := make(chan struct{})
		s.waiters = append(s.waiters, w)
		if !s.it.WaitChan(w, left, limited) {
			for i, x := range s.waiters {
				if x == w {
					s.waiters = append(s.waiters[:i], s.waiters[i+1:]...)
					break
				}
			}
		}
	}
	s.value--
	return true
}

func (s *pySemaphore) release(n int) error {
	if n < 1 {
		return py.ExceptionNewf(py.ValueError, "n must be one or more")
	}
	if s.bounded && s.value+n > s.initial {
		return py.ExceptionNewf(py.ValueError, "Semaphore released too many times")
	}
	s.value += n
	for i := 0; i < n && len(s.waiters) > 0; i++ {
		close(s.waiters[0])
		s.waiters = s.waiters[1:]
	}
	return nil
}

// ---- Barrier

// A barrierGen is one round of a Barrier: closed when released or broken.
type barrierGen struct {
	ch     chan struct{}
	broken bool
}

type pyBarrier struct {
	it      *pyrt.Interp
	parties int
	action  py.Object
	timeout py.Object
	count   int
	gen     *barrierGen
}

// Type implements py.Object.
func (b *pyBarrier) Type() *py.Type { return barrierType }

// breakIt breaks the current round: its waiters raise BrokenBarrierError.
func (b *pyBarrier) breakIt() {
	if !b.gen.broken {
		b.gen.broken = true
		close(b.gen.ch)
	}
}

func (b *pyBarrier) brokenErr() error {
	e, _ := py.ExceptionNew(brokenBarrierError, nil, nil)
	return e.(*py.Exception)
}

func (b *pyBarrier) wait(timeout py.Object) (py.Object, error) {
	if timeout == nil || timeout == py.None {
		timeout = b.timeout
	}
	d, limited, err := pyrt.TimeoutArg(timeout)
	if err != nil {
		return nil, err
	}
	if b.gen.broken {
		return nil, b.brokenErr()
	}
	index := b.count
	b.count++
	if b.count == b.parties {
		if b.action != nil && b.action != py.None {
			if _, err := py.Call(b.action, nil, nil); err != nil {
				b.breakIt()
				return nil, err
			}
		}
		b.count = 0
		close(b.gen.ch)
		b.gen = &barrierGen{ch: make(chan struct{})}
		return py.Int(index), nil
	}
	gen := b.gen
	got, werr := b.it.WaitIntr(gen.ch, d, limited)
	if werr != nil {
		if b.gen == gen {
			b.breakIt()
		}
		return nil, werr
	}
	if !got {
		if b.gen == gen {
			b.breakIt()
		}
		return nil, b.brokenErr()
	}
	if gen.broken {
		return nil, b.brokenErr()
	}
	return py.Int(index), nil
}

// reset breaks the waiting round, if any, and starts a fresh one.
func (b *pyBarrier) reset() {
	if b.count > 0 {
		b.breakIt()
	}
	b.count = 0
	b.gen = &barrierGen{ch: make(chan struct{})}
}

func (b *pyBarrier) abort() {
	b.breakIt()
}
