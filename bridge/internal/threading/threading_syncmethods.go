package threading

// The Python methods of Event, Condition, Semaphore and Barrier.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func initSyncMethods() {
	// Event
	pyrt.Method(eventType, "Event.set", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		self.(*pyEvent).set()
		return py.None, nil
	})
	pyrt.Method(eventType, "Event.clear", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		self.(*pyEvent).clear()
		return py.None, nil
	})
	pyrt.Method(eventType, "Event.is_set", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.NewBool(self.(*pyEvent).flag), nil
	})
	eventType.Dict["isSet"] = eventType.Dict["is_set"]
	pyrt.Method(eventType, "Event.wait", "self, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := self.(*pyEvent)
		d, limited, err := a.Timeout("timeout")
		if err != nil {
			return nil, err
		}
		if !e.flag {
			if _, err := e.it.WaitIntr(e.ch, d, limited); err != nil {
				return nil, err
			}
		}
		return py.NewBool(e.flag), nil
	})

	// Condition: acquire and release are its lock's
	pyrt.Method(conditionType, "Condition.acquire", lockAcquireSpec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
		blocking, d, limited, err := acquireArgs(a, true)
		if err != nil {
			return nil, err
		}
		return py.NewBool(self.(*pyCondition).lock.acquire(blocking, d, limited)), nil
	})
	pyrt.Method(conditionType, "Condition.release", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.None, self.(*pyCondition).lock.release()
	})
	pyrt.Method(conditionType, "Condition.wait", "self, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		d, limited, err := a.Timeout("timeout")
		if err != nil {
			return nil, err
		}
		got, err := self.(*pyCondition).wait(d, limited)
		return py.NewBool(got), err
	})
	pyrt.Method(conditionType, "Condition.wait_for", "self, predicate, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		c := self.(*pyCondition)
		d, limited, err := a.Timeout("timeout")
		if err != nil {
			return nil, err
		}
		dl := deadline(d, limited)
		for {
			res, err := py.Call(a.Get("predicate"), nil, nil)
			if err != nil || pyrt.Truth(res) {
				return res, err
			}
			left := d
			if limited {
				if left = remaining(dl); left <= 0 {
					return res, nil
				}
			}
			if _, err := c.wait(left, limited); err != nil {
				return nil, err
			}
		}
	})
	pyrt.Method(conditionType, "Condition.notify", "self, n=1", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		n, err := py.IndexInt(a.Get("n"))
		if err != nil {
			return nil, err
		}
		return py.None, self.(*pyCondition).notify(n)
	})
	notifyAll := pyrt.Method(conditionType, "Condition.notify_all", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.None, self.(*pyCondition).notify(1 << 30)
	})
	conditionType.Dict["notifyAll"] = notifyAll

	// Semaphore, BoundedSemaphore
	for _, t := range []*py.Type{semaphoreType, boundedType} {
		// BoundedSemaphore inherits CPython's Semaphore.acquire
		pyrt.Method(t, "Semaphore.acquire", "self, blocking=True, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			blocking, d, limited, err := acquireArgs(a, false)
			if err != nil {
				return nil, err
			}
			return py.NewBool(self.(*pySemaphore).acquire(blocking, d, limited)), nil
		})
		pyrt.Method(t, t.Name+".release", "self, n=1", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			n, err := py.IndexInt(a.Get("n"))
			if err != nil {
				return nil, err
			}
			return py.None, self.(*pySemaphore).release(n)
		})
	}

	// Barrier
	pyrt.Method(barrierType, "Barrier.wait", "self, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return self.(*pyBarrier).wait(a.Get("timeout"))
	})
	pyrt.Method(barrierType, "Barrier.reset", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		self.(*pyBarrier).reset()
		return py.None, nil
	})
	pyrt.Method(barrierType, "Barrier.abort", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		self.(*pyBarrier).abort()
		return py.None, nil
	})
	barrierType.Dict["parties"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		return py.Int(self.(*pyBarrier).parties), nil
	}}
	barrierType.Dict["n_waiting"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		b := self.(*pyBarrier)
		if b.gen.broken {
			return py.Int(0), nil
		}
		return py.Int(b.count), nil
	}}
	barrierType.Dict["broken"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		return py.NewBool(self.(*pyBarrier).gen.broken), nil
	}}
}

// M__enter__ acquires the condition's lock for a with block.
func (c *pyCondition) M__enter__() (py.Object, error) {
	return py.NewBool(c.lock.acquire(true, 0, false)), nil
}

// M__exit__ releases the condition's lock.
func (c *pyCondition) M__exit__(args py.Tuple) (py.Object, error) { return py.None, c.lock.release() }

// M__enter__ acquires the semaphore for a with block.
func (s *pySemaphore) M__enter__() (py.Object, error) {
	return py.NewBool(s.acquire(true, 0, false)), nil
}

// M__exit__ releases the semaphore.
func (s *pySemaphore) M__exit__(args py.Tuple) (py.Object, error) { return py.None, s.release(1) }
