package threading

// The Python methods of Event, Condition, Semaphore and Barrier.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func initSyncMethods() {
	// Event
	pyrt.DefMethod(eventType, "set", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		self.(*pyEvent).set()
		return py.None, nil
	})
	pyrt.DefMethod(eventType, "clear", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		self.(*pyEvent).clear()
		return py.None, nil
	})
	pyrt.DefMethod(eventType, "is_set", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.NewBool(self.(*pyEvent).flag), nil
	})
	eventType.Dict["isSet"] = eventType.Dict["is_set"]
	pyrt.DefMethod(eventType, "wait", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		e := self.(*pyEvent)
		v, err := pyrt.ParseArgs("wait", args, kwargs, []string{"timeout"}, 0)
		if err != nil {
			return nil, err
		}
		d, limited, err := pyrt.TimeoutArg(v[0])
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

	// Condition
	pyrt.DefMethod(conditionType, "acquire", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		blocking, d, limited, err := acquireArgs(args, kwargs)
		if err != nil {
			return nil, err
		}
		return py.NewBool(self.(*pyCondition).lock.acquire(blocking, d, limited)), nil
	})
	pyrt.DefMethod(conditionType, "release", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, self.(*pyCondition).lock.release()
	})
	pyrt.DefMethod(conditionType, "wait", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		v, err := pyrt.ParseArgs("wait", args, kwargs, []string{"timeout"}, 0)
		if err != nil {
			return nil, err
		}
		d, limited, err := pyrt.TimeoutArg(v[0])
		if err != nil {
			return nil, err
		}
		got, err := self.(*pyCondition).wait(d, limited)
		return py.NewBool(got), err
	})
	pyrt.DefMethod(conditionType, "wait_for", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		c := self.(*pyCondition)
		v, err := pyrt.ParseArgs("wait_for", args, kwargs, []string{"predicate", "timeout"}, 1)
		if err != nil {
			return nil, err
		}
		d, limited, err := pyrt.TimeoutArg(v[1])
		if err != nil {
			return nil, err
		}
		dl := deadline(d, limited)
		for {
			res, err := py.Call(v[0], nil, nil)
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
	notify := func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		v, err := pyrt.ParseArgs("notify", args, kwargs, []string{"n"}, 0)
		if err != nil {
			return nil, err
		}
		n := 1
		if v[0] != nil {
			if n, err = py.IndexInt(v[0]); err != nil {
				return nil, err
			}
		}
		return py.None, self.(*pyCondition).notify(n)
	}
	pyrt.DefMethod(conditionType, "notify", notify)
	notifyAll := func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, self.(*pyCondition).notify(1 << 30)
	}
	pyrt.DefMethod(conditionType, "notify_all", notifyAll)
	pyrt.DefMethod(conditionType, "notifyAll", notifyAll)

	// Semaphore, BoundedSemaphore
	for _, t := range []*py.Type{semaphoreType, boundedType} {
		pyrt.DefMethod(t, "acquire", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			v, err := pyrt.ParseArgs("acquire", args, kwargs, []string{"blocking", "timeout"}, 0)
			if err != nil {
				return nil, err
			}
			blocking := v[0] == nil || pyrt.Truth(v[0])
			if !blocking && v[1] != nil && v[1] != py.None {
				return nil, py.ExceptionNewf(py.ValueError, "can't specify timeout for non-blocking acquire")
			}
			d, limited, err := pyrt.TimeoutArg(v[1])
			if err != nil {
				return nil, err
			}
			return py.NewBool(self.(*pySemaphore).acquire(blocking, d, limited)), nil
		})
		pyrt.DefMethod(t, "release", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			v, err := pyrt.ParseArgs("release", args, kwargs, []string{"n"}, 0)
			if err != nil {
				return nil, err
			}
			n := 1
			if v[0] != nil {
				if n, err = py.IndexInt(v[0]); err != nil {
					return nil, err
				}
			}
			return py.None, self.(*pySemaphore).release(n)
		})
	}

	// Barrier
	pyrt.DefMethod(barrierType, "wait", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		v, err := pyrt.ParseArgs("wait", args, kwargs, []string{"timeout"}, 0)
		if err != nil {
			return nil, err
		}
		return self.(*pyBarrier).wait(v[0])
	})
	pyrt.DefMethod(barrierType, "reset", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		self.(*pyBarrier).reset()
		return py.None, nil
	})
	pyrt.DefMethod(barrierType, "abort", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
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
