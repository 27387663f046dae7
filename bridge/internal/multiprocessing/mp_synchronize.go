package multiprocessing

// multiprocessing.synchronize: Lock, RLock, Semaphore, BoundedSemaphore,
// Condition, Event and Barrier over pool/synchronize (a futex word in a
// /dev/shm mapping), named and shaped as CPython 3.11's synchronize.py. They
// reach child processes by handle (pickle.RegisterHandle): the child opens
// the same named words.

import (
	"context"
	"fmt"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/synchronize"
)

const syncModule = "multiprocessing.synchronize"

// A pySemLock is a Lock, RLock, Semaphore or BoundedSemaphore (typ says
// which).
type pySemLock struct {
	typ *py.Type
	s   *synchronize.SemLock
	it  *pyrt.Interp
}

func (l *pySemLock) Type() *py.Type { return l.typ }

var (
	semLockType          = pyrt.NewClass(syncModule, "SemLock", "", nil)
	lockType             = syncSubclass(semLockType, "Lock")
	rlockType            = syncSubclass(semLockType, "RLock")
	semaphoreType        = syncSubclass(semLockType, "Semaphore")
	boundedSemaphoreType = syncSubclass(semaphoreType, "BoundedSemaphore")
	conditionType        = pyrt.NewClass(syncModule, "Condition", "", nil)
	eventType            = pyrt.NewClass(syncModule, "Event", "", nil)
	barrierType          = pyrt.NewClass(syncModule, "Barrier", "", nil)
)

func syncSubclass(base *py.Type, name string) *py.Type {
	t := base.NewType(name, "", nil, nil)
	t.Dict["__module__"] = py.String(syncModule)
	t.Qualname = name
	pyrt.MustReady(t)
	return t
}

// semLockOf wraps s in the Python type its kind and maxvalue call for.
func semLockOf(it *pyrt.Interp, s *synchronize.SemLock, typ *py.Type) *pySemLock {
	return &pySemLock{typ: typ, s: s, it: it}
}

func newSemLockObject(it *pyrt.Interp, typ *py.Type, value int) (py.Object, error) {
	var (
		s   *synchronize.SemLock
		err error
	)
	switch typ {
	case lockType:
		var l *synchronize.Lock
		if l, err = synchronize.NewLock(); err == nil {
			s = l.SemLock
		}
	case rlockType:
		var l *synchronize.RLock
		if l, err = synchronize.NewRLock(); err == nil {
			s = l.SemLock
		}
	case semaphoreType:
		var l *synchronize.Semaphore
		if l, err = synchronize.NewSemaphore(value); err == nil {
			s = l.SemLock
		}
	default:
		var l *synchronize.BoundedSemaphore
		if l, err = synchronize.NewBoundedSemaphore(value); err == nil {
			s = l.SemLock
		}
	}
	if err != nil {
		return nil, syncError(it, err)
	}
	trackExit(it)
	return semLockOf(it, s, typ), nil
}

// semLockRepr is CPython's repr of each SemLock type.
func semLockRepr(it *pyrt.Interp, l *pySemLock) string {
	ctx := threadCtx(it)
	switch l.typ {
	case lockType:
		owner := "None"
		switch {
		case l.s.IsMine(ctx):
			owner = currentProcess().name
			if t := it.CurrentThread(); t != nil && t.Name != "MainThread" {
				owner += "|" + t.Name
			}
		case l.s.GetValue() == 1:
		case l.s.Count() > 0:
			owner = "SomeOtherThread"
		default:
			owner = "SomeOtherProcess"
		}
		return fmt.Sprintf("<Lock(owner=%s)>", owner)
	case rlockType:
		owner, count := "None", "0"
		switch {
		case l.s.IsMine(ctx):
			owner = currentProcess().name
			if t := it.CurrentThread(); t != nil && t.Name != "MainThread" {
				owner += "|" + t.Name
			}
			count = fmt.Sprint(l.s.Count())
		case l.s.GetValue() == 1:
		case l.s.Count() > 0:
			owner, count = "SomeOtherThread", "nonzero"
		default:
			owner, count = "SomeOtherProcess", "nonzero"
		}
		return fmt.Sprintf("<RLock(%s, %s)>", owner, count)
	case semaphoreType:
		return fmt.Sprintf("<Semaphore(value=%d)>", l.s.GetValue())
	}
	return fmt.Sprintf("<BoundedSemaphore(value=%d, maxvalue=%d)>", l.s.GetValue(), l.s.MaxValue())
}

func semSelf(self py.Object) *pySemLock { return self.(*pySemLock) }

func installSemLock() {
	t := semLockType
	acquire := func(self py.Object, a *pyrt.Args) (py.Object, error) {
		it := semSelf(self).it
		timeout, err := optTimeout(a, "timeout")
		if err != nil {
			return nil, err
		}
		ok, err := acquireOf(it, semSelf(self).s, pyrt.Truth(a.Get("block")), timeout)
		if err != nil {
			return nil, err
		}
		return py.NewBool(ok), nil
	}
	pyrt.Method(t, "SemLock.acquire", "block=True, timeout=None", acquire)
	release := func(self py.Object, a *pyrt.Args) (py.Object, error) {
		it := semSelf(self).it
		if err := semSelf(self).s.Release(threadCtx(it)); err != nil {
			return nil, syncError(it, err)
		}
		return py.None, nil
	}
	pyrt.Method(t, "SemLock.release", "", release)
	pyrt.Method(semaphoreType, "Semaphore.get_value", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.Int(semSelf(self).s.GetValue()), nil
	})
	pickle.RegisterHandle("multiprocessing.synchronize.SemLock", pickle.Handle{
		Reduce: func(obj py.Object) (py.Object, error) {
			l := semSelf(obj)
			return py.Tuple{py.String(l.typ.Name), py.String(l.s.Name())}, nil
		},
		Rebuild: func(it *pyrt.Interp, st py.Object) (py.Object, error) {
			kind, name, err := twoStrings(st)
			if err != nil {
				return nil, err
			}
			s, err := synchronize.Open(name)
			if err != nil {
				return nil, syncError(it, err)
			}
			typ := map[string]*py.Type{"Lock": lockType, "RLock": rlockType, "Semaphore": semaphoreType, "BoundedSemaphore": boundedSemaphoreType}[kind]
			if typ == nil {
				return nil, py.ExceptionNewf(py.ValueError, "unknown lock type %q", kind)
			}
			return semLockOf(it, s, typ), nil
		},
	}, lockType, rlockType, semaphoreType, boundedSemaphoreType)
}

func twoStrings(st py.Object) (string, string, error) {
	t, ok := st.(py.Tuple)
	if !ok || len(t) < 2 {
		return "", "", py.ExceptionNewf(py.ValueError, "bad handle state")
	}
	a, ok1 := t[0].(py.String)
	b, ok2 := t[1].(py.String)
	if !ok1 || !ok2 {
		return "", "", py.ExceptionNewf(py.ValueError, "bad handle state")
	}
	return string(a), string(b), nil
}

var _ = context.Background
var _ = time.Second
