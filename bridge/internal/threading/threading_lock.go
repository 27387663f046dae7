package threading

// threading.Lock and threading.RLock: waits release the GIL.

import (
	"fmt"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// A pyLock is threading.Lock (CPython's _thread.lock).
type pyLock struct {
	it *pyrt.Interp
	ch chan struct{} // holds a token while locked
}

// A pyRLock is threading.RLock: reentrant, owned by one thread.
type pyRLock struct {
	it    *pyrt.Interp
	ch    chan struct{}
	owner *ThreadState // guarded by the GIL
	count int
}

var (
	lockType  = pyrt.NewClass("_thread", "lock", "A lock object.", nil)
	rlockType = pyrt.NewClass("_thread", "RLock", "A reentrant lock.", nil)
)

// Type implements py.Object.
func (l *pyLock) Type() *py.Type { return lockType }

// Type implements py.Object.
func (l *pyRLock) Type() *py.Type { return rlockType }

// acquireToken puts a token in ch, waiting (GIL released) as the blocking
// and timeout arguments say. It reports success.
func acquireToken(it *pyrt.Interp, ch chan struct{}, blocking bool, d time.Duration, limited bool) bool {
	select {
	case ch <- struct{}{}:
		return true
	default:
	}
	if !blocking || (limited && d <= 0) {
		return false
	}
	got := false
	it.GIL.Released(func() {
		if !limited {
			ch <- struct{}{}
			got = true
			return
		}
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case ch <- struct{}{}:
			got = true
		case <-t.C:
		}
	})
	return got
}

// lockAcquireSpec is the C lock's acquire(blocking=True, timeout=-1).
const lockAcquireSpec = "$self, blocking=True, timeout=-1"

// acquireArgs reads the arguments of an acquire: lock ones by the C lock's
// rules (timeout -1, or None, waits forever; a timeout with blocking=False,
// or a negative one, is a ValueError), Semaphore's by its Python rules
// (None waits forever, a negative timeout is zero; a timeout with
// blocking=False is a ValueError).
func acquireArgs(a *pyrt.Args, lock bool) (blocking bool, d time.Duration, limited bool, err error) {
	blocking = pyrt.Truth(a.Get("blocking"))
	if !lock {
		if !blocking && !a.IsNone("timeout") {
			return false, 0, false, py.ExceptionNewf(py.ValueError, "can't specify timeout for non-blocking acquire")
		}
		d, limited, err = a.Timeout("timeout")
		return blocking, d, limited, err
	}
	if a.IsNone("timeout") {
		return blocking, 0, false, nil
	}
	f, err := py.MakeFloat(a.Get("timeout"))
	if err != nil {
		return false, 0, false, err
	}
	secs := float64(f.(py.Float))
	if secs == -1 {
		return blocking, 0, false, nil
	}
	if !blocking {
		return false, 0, false, py.ExceptionNewf(py.ValueError, "can't specify a timeout for a non-blocking call")
	}
	if secs < 0 {
		return false, 0, false, py.ExceptionNewf(py.ValueError, "timeout value must be a non-negative number")
	}
	return blocking, time.Duration(secs * float64(time.Second)), true, nil
}

func (l *pyLock) acquire(blocking bool, d time.Duration, limited bool) bool {
	return acquireToken(l.it, l.ch, blocking, d, limited)
}

func (l *pyLock) release() error {
	select {
	case <-l.ch:
		return nil
	default:
		return py.ExceptionNewf(py.RuntimeError, "release unlocked lock")
	}
}

func (l *pyLock) locked() bool { return len(l.ch) == 1 }

func (l *pyRLock) acquire(blocking bool, d time.Duration, limited bool) bool {
	me := threadsOf(l.it).current(l.it)
	if l.owner == me && l.count > 0 {
		l.count++
		return true
	}
	if !acquireToken(l.it, l.ch, blocking, d, limited) {
		return false
	}
	l.owner, l.count = me, 1
	return true
}

func (l *pyRLock) release() error {
	if l.count == 0 || l.owner != threadsOf(l.it).current(l.it) {
		return py.ExceptionNewf(py.RuntimeError, "cannot release un-acquired lock")
	}
	l.count--
	if l.count == 0 {
		l.owner = nil
		<-l.ch
	}
	return nil
}

// A goLock is what Condition needs of its lock.
type goLock interface {
	py.Object
	acquire(blocking bool, d time.Duration, limited bool) bool
	release() error
}

func init() {
	lockType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return nil, py.ExceptionNewf(py.TypeError, "cannot create '_thread.lock' instances")
	}
	rlockType.New = lockType.New
	for _, t := range []*py.Type{lockType, rlockType} {
		pyrt.Method(t, t.Name+".acquire", lockAcquireSpec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
			blocking, d, limited, err := acquireArgs(a, true)
			if err != nil {
				return nil, err
			}
			return py.NewBool(self.(goLock).acquire(blocking, d, limited)), nil
		})
		pyrt.Method(t, t.Name+".release", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.None, self.(goLock).release()
		})
		// as CPython's: __enter__ is acquire, __exit__ release (any arguments)
		t.Dict["__enter__"] = t.Dict["acquire"]
		pyrt.Method(t, t.Name+".__exit__", "$self, *args", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.None, self.(goLock).release()
		})
		t.Dict["acquire_lock"] = t.Dict["acquire"]
		t.Dict["release_lock"] = t.Dict["release"]
	}
	pyrt.Method(lockType, "lock.locked", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.NewBool(self.(*pyLock).locked()), nil
	})
	lockType.Dict["locked_lock"] = lockType.Dict["locked"]
	pyrt.Method(lockType, "lock.__repr__", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		l := self.(*pyLock)
		st := "unlocked"
		if l.locked() {
			st = "locked"
		}
		return py.String(fmt.Sprintf("<%s _thread.lock object at %p>", st, l)), nil
	})
	pyrt.Method(rlockType, "RLock._is_owned", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		l := self.(*pyRLock)
		return py.NewBool(l.count > 0 && l.owner == threadsOf(l.it).current(l.it)), nil
	})
	pyrt.Method(rlockType, "RLock.__repr__", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		l := self.(*pyRLock)
		st, owner := "unlocked", int64(0)
		if l.count > 0 {
			st = "locked"
			owner = l.owner.ident
		}
		return py.String(fmt.Sprintf("<%s _thread.RLock object owner=%d count=%d at %p>", st, owner, l.count, l)), nil
	})
}

// M__repr__ makes repr() use the method above (gpython looks for Go methods).
func (l *pyLock) M__repr__() (py.Object, error) {
	return py.Call(lockType.Dict["__repr__"], py.Tuple{l}, nil)
}

// M__repr__ makes repr() use the method above.
func (l *pyRLock) M__repr__() (py.Object, error) {
	return py.Call(rlockType.Dict["__repr__"], py.Tuple{l}, nil)
}

// M__enter__ serves the with statement (gpython finds special methods on
// the Go value first).
func (l *pyLock) M__enter__() (py.Object, error) {
	return py.NewBool(l.acquire(true, 0, false)), nil
}

// M__exit__ releases the lock at the end of a with block.
func (l *pyLock) M__exit__(args py.Tuple) (py.Object, error) { return py.None, l.release() }

// M__enter__ serves the with statement.
func (l *pyRLock) M__enter__() (py.Object, error) {
	return py.NewBool(l.acquire(true, 0, false)), nil
}

// M__exit__ releases the lock at the end of a with block.
func (l *pyRLock) M__exit__(args py.Tuple) (py.Object, error) { return py.None, l.release() }

func newLock(it *pyrt.Interp) *pyLock   { return &pyLock{it: it, ch: make(chan struct{}, 1)} }
func newRLock(it *pyrt.Interp) *pyRLock { return &pyRLock{it: it, ch: make(chan struct{}, 1)} }
