package multiprocessing

// multiprocessing.synchronize's Condition, Event and Barrier.

import (
	"context"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/synchronize"
)

type pyCondition struct {
	c    *synchronize.Condition
	lock *pySemLock
	it   *pyrt.Interp
}

func (c *pyCondition) Type() *py.Type { return conditionType }

type pyEvent struct {
	e  *synchronize.Event
	it *pyrt.Interp
}

func (e *pyEvent) Type() *py.Type { return eventType }

type pyBarrier struct {
	b      *synchronize.Barrier
	action py.Object
	it     *pyrt.Interp
}

func (b *pyBarrier) Type() *py.Type { return barrierType }

func installSemLockNew() {
	for _, t := range []*py.Type{lockType, rlockType} {
		t := t
		t.New = pyrt.Constructor(t.Name, "*, ctx=None", pyrt.InInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return newSemLockObject(it, t, 1)
		}))
	}
	for _, t := range []*py.Type{semaphoreType, boundedSemaphoreType} {
		t := t
		t.New = pyrt.Constructor(t.Name, "value=1, *, ctx=None", pyrt.InInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			v, err := a.Int("value")
			if err != nil {
				return nil, err
			}
			return newSemLockObject(it, t, v)
		}))
	}
}

func condSelf(self py.Object) *pyCondition { return self.(*pyCondition) }

// condOf makes a Condition object around c in it.
func condOf(it *pyrt.Interp, c *synchronize.Condition, lock *pySemLock) *pyCondition {
	if lock == nil {
		typ := lockType
		if c.Lock().Kind() == synchronize.KindRecursiveMutex {
			typ = rlockType
		}
		lock = semLockOf(it, c.Lock(), typ)
	}
	return &pyCondition{c: c, lock: lock, it: it}
}

func condState(st synchronize.ConditionState) py.Tuple {
	return py.Tuple{py.String(st.Lock), py.String(st.Sleeping), py.String(st.Woken), py.String(st.Wait)}
}

func condStateOf(o py.Object) (synchronize.ConditionState, error) {
	t, ok := o.(py.Tuple)
	var s [4]string
	if !ok || len(t) != 4 {
		return synchronize.ConditionState{}, py.ExceptionNewf(py.ValueError, "bad condition state")
	}
	for i := range s {
		v, ok := t[i].(py.String)
		if !ok {
			return synchronize.ConditionState{}, py.ExceptionNewf(py.ValueError, "bad condition state")
		}
		s[i] = string(v)
	}
	return synchronize.ConditionState{Lock: s[0], Sleeping: s[1], Woken: s[2], Wait: s[3]}, nil
}

func installCondition() {
	t := conditionType
	t.New = pyrt.Constructor("Condition", "lock=None, *, ctx=None", pyrt.InInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
		var lock *pySemLock
		if !a.IsNone("lock") {
			l, ok := a.Get("lock").(*pySemLock)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "Condition() needs a multiprocessing lock, not '%s'", pyrt.TypeName(a.Get("lock")))
			}
			lock = l
		} else {
			o, err := newSemLockObject(it, rlockType, 1)
			if err != nil {
				return nil, err
			}
			lock = o.(*pySemLock)
		}
		c, err := synchronize.NewCondition(lock.s)
		if err != nil {
			return nil, syncError(it, err)
		}
		trackExit(it)
		return condOf(it, c, lock), nil
	}))
	pyrt.Method(t, "Condition.acquire", "block=True, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		c := condSelf(self)
		timeout, err := optTimeout(a, "timeout")
		if err != nil {
			return nil, err
		}
		ok, err := acquireOf(c.it, c.c, pyrt.Truth(a.Get("block")), timeout)
		if err != nil {
			return nil, err
		}
		return py.NewBool(ok), nil
	})
	release := func(self py.Object, a *pyrt.Args) (py.Object, error) {
		c := condSelf(self)
		return py.None, syncError(c.it, c.c.Release(threadCtx(c.it)))
	}
	pyrt.Method(t, "Condition.release", "", release)
	pyrt.Method(t, "Condition.wait", "timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		c := condSelf(self)
		timeout, err := optTimeout(a, "timeout")
		if err != nil {
			return nil, err
		}
		ok, err := condWait(c, timeout)
		if err != nil {
			return nil, err
		}
		return py.NewBool(ok), nil
	})
	pyrt.Method(t, "Condition.wait_for", "predicate, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		c := condSelf(self)
		timeout, err := optTimeout(a, "timeout")
		if err != nil {
			return nil, err
		}
		pred := a.Get("predicate")
		result, err := py.Call(pred, nil, nil)
		if err != nil {
			return nil, err
		}
		var end time.Time
		for !pyrt.Truth(result) {
			wait := timeout
			if timeout != synchronize.NoTimeout {
				if end.IsZero() {
					end = time.Now().Add(timeout)
				} else if wait = time.Until(end); wait <= 0 {
					break
				}
			}
			if _, err := condWait(c, wait); err != nil {
				return nil, err
			}
			if result, err = py.Call(pred, nil, nil); err != nil {
				return nil, err
			}
		}
		return result, nil
	})
	pyrt.Method(t, "Condition.notify", "n=1", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		c := condSelf(self)
		n, err := a.Int("n")
		if err != nil {
			return nil, err
		}
		return py.None, syncError(c.it, c.c.Notify(threadCtx(c.it), n))
	})
	notifyAll := func(self py.Object, a *pyrt.Args) (py.Object, error) {
		c := condSelf(self)
		return py.None, syncError(c.it, c.c.NotifyAll(threadCtx(c.it)))
	}
	pyrt.Method(t, "Condition.notify_all", "", notifyAll)
	pickle.RegisterHandle("multiprocessing.synchronize.Condition", pickle.Handle{
		Reduce: func(obj py.Object) (py.Object, error) {
			c := condSelf(obj)
			return py.Tuple{condState(c.c.State()), c.lock}, nil
		},
		Rebuild: func(it *pyrt.Interp, st py.Object) (py.Object, error) {
			t, ok := st.(py.Tuple)
			if !ok || len(t) != 2 {
				return nil, py.ExceptionNewf(py.ValueError, "bad condition state")
			}
			cs, err := condStateOf(t[0])
			if err != nil {
				return nil, err
			}
			c, err := synchronize.OpenCondition(cs)
			if err != nil {
				return nil, syncError(it, err)
			}
			lock, _ := t[1].(*pySemLock)
			return condOf(it, c, lock), nil
		},
	}, conditionType)
}

// condWait is Condition.wait(timeout) without the GIL; Ctrl-C interrupts it
// (the lock is taken back first, as CPython's finally clause does).
func condWait(c *pyCondition, timeout time.Duration) (bool, error) {
	var ok bool
	err := blockOn(c.it, threadCtx(c.it), func(ctx context.Context) (err error) {
		ok, err = c.c.Wait(ctx, timeout)
		return err
	}, nil)
	return ok, syncError(c.it, err)
}

func evSelf(self py.Object) *pyEvent { return self.(*pyEvent) }

func installEvent() {
	t := eventType
	t.New = pyrt.Constructor("Event", "*, ctx=None", pyrt.InInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
		e, err := synchronize.NewEvent()
		if err != nil {
			return nil, syncError(it, err)
		}
		trackExit(it)
		return &pyEvent{e: e, it: it}, nil
	}))
	pyrt.Method(t, "Event.is_set", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := evSelf(self)
		set, err := e.e.IsSet(threadCtx(e.it))
		return py.NewBool(set), syncError(e.it, err)
	})
	pyrt.Method(t, "Event.set", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := evSelf(self)
		return py.None, syncError(e.it, e.e.Set(threadCtx(e.it)))
	})
	pyrt.Method(t, "Event.clear", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := evSelf(self)
		return py.None, syncError(e.it, e.e.Clear(threadCtx(e.it)))
	})
	pyrt.Method(t, "Event.wait", "timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := evSelf(self)
		timeout, err := optTimeout(a, "timeout")
		if err != nil {
			return nil, err
		}
		var ok bool
		err = blockOn(e.it, threadCtx(e.it), func(ctx context.Context) (err error) {
			ok, err = e.e.Wait(ctx, timeout)
			return err
		}, nil)
		if err != nil {
			return nil, syncError(e.it, err)
		}
		return py.NewBool(ok), nil
	})
	pickle.RegisterHandle("multiprocessing.synchronize.Event", pickle.Handle{
		Reduce: func(obj py.Object) (py.Object, error) {
			st := evSelf(obj).e.State()
			return py.Tuple{condState(st.Cond), py.String(st.Flag)}, nil
		},
		Rebuild: func(it *pyrt.Interp, st py.Object) (py.Object, error) {
			t, ok := st.(py.Tuple)
			if !ok || len(t) != 2 {
				return nil, py.ExceptionNewf(py.ValueError, "bad event state")
			}
			cs, err := condStateOf(t[0])
			if err != nil {
				return nil, err
			}
			flag, _ := t[1].(py.String)
			e, err := synchronize.OpenEvent(synchronize.EventState{Cond: cs, Flag: string(flag)})
			if err != nil {
				return nil, syncError(it, err)
			}
			return &pyEvent{e: e, it: it}, nil
		},
	}, eventType)
}

func barSelf(self py.Object) *pyBarrier { return self.(*pyBarrier) }

// barrierAction runs a Barrier's Python action from the engine (a goroutine
// of a blocked wait) as the Python thread t, taking the GIL.
func barrierAction(it *pyrt.Interp, action py.Object, t *pyrt.Thread) func() error {
	if action == nil || action == py.None {
		return nil
	}
	return func() error {
		th := t
		if th == nil {
			th = it.Main
		}
		return it.RunThread(th, func() error {
			_, err := py.Call(action, nil, nil)
			return err
		})
	}
}

func installBarrier() {
	t := barrierType
	t.New = pyrt.Constructor("Barrier", "parties, action=None, timeout=None, *, ctx=None", pyrt.InInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
		parties, err := a.Int("parties")
		if err != nil {
			return nil, err
		}
		timeout, err := optTimeout(a, "timeout")
		if err != nil {
			return nil, err
		}
		b := &pyBarrier{action: a.Get("action"), it: it}
		// the action runs as whichever thread's wait releases the barrier
		b.b, err = synchronize.NewBarrier(parties, func() error { return barrierAction(it, b.action, it.Main)() }, timeout)
		if b.action == py.None {
			b.b, err = synchronize.NewBarrier(parties, nil, timeout)
		}
		if err != nil {
			return nil, syncError(it, err)
		}
		trackExit(it)
		return b, nil
	}))
	pyrt.Method(t, "Barrier.wait", "timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		b := barSelf(self)
		timeout, err := optTimeout(a, "timeout")
		if err != nil {
			return nil, err
		}
		var idx int
		err = blockOn(b.it, threadCtx(b.it), func(ctx context.Context) (err error) {
			idx, err = b.b.Wait(ctx, timeout)
			return err
		}, nil)
		if err != nil {
			return nil, syncError(b.it, err)
		}
		return py.Int(idx), nil
	})
	pyrt.Method(t, "Barrier.reset", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		b := barSelf(self)
		return py.None, syncError(b.it, b.b.Reset(threadCtx(b.it)))
	})
	pyrt.Method(t, "Barrier.abort", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		b := barSelf(self)
		return py.None, syncError(b.it, b.b.Abort(threadCtx(b.it)))
	})
	t.Dict["parties"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.Int(barSelf(self).b.Parties()), nil }}
	t.Dict["n_waiting"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.Int(barSelf(self).b.NWaiting()), nil }}
	t.Dict["broken"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.NewBool(barSelf(self).b.Broken()), nil }}
	pickle.RegisterHandle("multiprocessing.synchronize.Barrier", pickle.Handle{
		Reduce: func(obj py.Object) (py.Object, error) {
			b := barSelf(obj)
			st := b.b.State()
			return py.Tuple{py.Int(st.Parties), py.Int(int64(st.Timeout)), condState(st.Cond), py.String(st.Shared), b.action}, nil
		},
		Rebuild: func(it *pyrt.Interp, st py.Object) (py.Object, error) {
			t, ok := st.(py.Tuple)
			if !ok || len(t) != 5 {
				return nil, py.ExceptionNewf(py.ValueError, "bad barrier state")
			}
			parties, _ := t[0].(py.Int)
			timeout, _ := t[1].(py.Int)
			cs, err := condStateOf(t[2])
			if err != nil {
				return nil, err
			}
			shared, _ := t[3].(py.String)
			b := &pyBarrier{action: t[4], it: it}
			var action func() error
			if b.action != py.None {
				action = func() error { return barrierAction(it, b.action, it.Main)() }
			}
			b.b, err = synchronize.OpenBarrier(synchronize.BarrierState{Parties: int(parties), Timeout: time.Duration(timeout), Cond: cs, Shared: string(shared)}, action)
			if err != nil {
				return nil, syncError(it, err)
			}
			return b, nil
		},
	}, barrierType)
}

func init() {
	installSemLock()
	installSemLockNew()
	installCondition()
	installEvent()
	installBarrier()
}
