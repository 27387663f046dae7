package multiprocessing

// Value and Array: a shared ctypes object and the lock each access takes
// (CPython's Synchronized, SynchronizedArray, SynchronizedString).

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/sharedctypes"
	"github.com/pypool/pypool/pool/synchronize"
)

type pySynchronized struct {
	obj  *pyRaw
	lock py.Object
	it   *pyrt.Interp
}

func (s *pySynchronized) Type() *py.Type {
	switch {
	case !s.obj.r.IsArray():
		return synchronizedType
	case s.obj.r.Type().Class == sharedctypes.Char:
		return synchronizedStrType
	}
	return synchronizedArrType
}

func synSelf(self py.Object) *pySynchronized { return self.(*pySynchronized) }

// lockAcquire takes lock (blocking, Ctrl-C interruptible).
func lockAcquire(it *pyrt.Interp, lock py.Object) error {
	switch l := lock.(type) {
	case *pySemLock:
		_, err := acquireOf(it, l.s, true, synchronize.NoTimeout)
		return err
	case *pyCondition:
		_, err := acquireOf(it, l.c, true, synchronize.NoTimeout)
		return err
	}
	m, err := py.GetAttrString(lock, "acquire")
	if err != nil {
		return err
	}
	_, err = py.Call(m, nil, nil)
	return err
}

func lockRelease(it *pyrt.Interp, lock py.Object) error {
	switch l := lock.(type) {
	case *pySemLock:
		return syncError(it, l.s.Release(threadCtx(it)))
	case *pyCondition:
		return syncError(it, l.c.Release(threadCtx(it)))
	}
	m, err := py.GetAttrString(lock, "release")
	if err != nil {
		return err
	}
	_, err = py.Call(m, nil, nil)
	return err
}

// locked runs f holding s's lock.
func (s *pySynchronized) locked(f func() (py.Object, error)) (py.Object, error) {
	if err := lockAcquire(s.it, s.lock); err != nil {
		return nil, err
	}
	out, err := f()
	if rerr := lockRelease(s.it, s.lock); err == nil && rerr != nil {
		return nil, rerr
	}
	return out, err
}

// synchronizedOf wraps raw as Value/Array do with their lock argument:
// True or None, a new RLock; False, raw itself; else an object with
// acquire (CPython's check).
func synchronizedOf(it *pyrt.Interp, raw *pyRaw, lock py.Object) (py.Object, error) {
	switch lock {
	case py.False:
		return raw, nil
	case py.True, py.None, nil:
		l, err := newSemLockObject(it, rlockType, 1)
		if err != nil {
			return nil, err
		}
		lock = l
	default:
		if _, err := py.GetAttrString(lock, "acquire"); err != nil {
			r, rerr := pyobj.Repr(lock)
			if rerr != nil {
				return nil, rerr
			}
			return nil, py.ExceptionNewf(py.AttributeError, "%s has no method 'acquire'", r)
		}
	}
	return &pySynchronized{obj: raw, lock: lock, it: it}, nil
}

func installSynchronized() {
	t := synchronizedBase
	pyrt.Method(t, "SynchronizedBase.get_lock", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return synSelf(self).lock, nil
	})
	pyrt.Method(t, "SynchronizedBase.get_obj", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return synSelf(self).obj, nil
	})
	call := func(name string) func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return func(self py.Object, a *pyrt.Args) (py.Object, error) {
			m, err := py.GetAttrString(synSelf(self).lock, name)
			if err != nil {
				return nil, err
			}
			return py.Call(m, a.Star, a.Kw)
		}
	}
	pyrt.Method(t, "SynchronizedBase.acquire", "*args, **kwargs", call("acquire"))
	pyrt.Method(t, "SynchronizedBase.release", "*args, **kwargs", call("release"))
	for _, typ := range []*py.Type{synchronizedType, synchronizedStrType} {
		typ.Dict["value"] = &py.Property{
			Fget: func(self py.Object) (py.Object, error) {
				s := synSelf(self)
				return s.locked(func() (py.Object, error) { return rawValueGet(s.obj.r) })
			},
			Fset: func(self, v py.Object) error {
				s := synSelf(self)
				_, err := s.locked(func() (py.Object, error) { return nil, rawValueSet(s.obj.r, v) })
				return err
			},
		}
	}
	synchronizedStrType.Dict["raw"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			s := synSelf(self)
			return s.locked(func() (py.Object, error) { return rawRawGet(s.obj.r) })
		},
		Fset: func(self, v py.Object) error {
			s := synSelf(self)
			_, err := s.locked(func() (py.Object, error) { return nil, rawRawSet(s.obj.r, v) })
			return err
		},
	}
	pickle.RegisterHandle("multiprocessing.sharedctypes.Synchronized", pickle.Handle{
		Reduce: func(obj py.Object) (py.Object, error) {
			s := synSelf(obj)
			return py.Tuple{s.obj, s.lock}, nil
		},
		Rebuild: func(it *pyrt.Interp, st py.Object) (py.Object, error) {
			t, ok := st.(py.Tuple)
			if !ok || len(t) != 2 {
				return nil, py.ExceptionNewf(py.ValueError, "bad synchronized state")
			}
			raw, ok := t[0].(*pyRaw)
			if !ok {
				return nil, py.ExceptionNewf(py.ValueError, "bad synchronized state")
			}
			return &pySynchronized{obj: raw, lock: t[1], it: it}, nil
		},
	}, synchronizedBase)
}

// sharedctypesMethods are RawValue, RawArray, Value and Array.
func sharedctypesMethods() []*py.Method {
	return []*py.Method{
		pyrt.Func("RawValue", "typecode_or_type, /, *args", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := pyrt.InterpOfModule(self)
			if err != nil {
				return nil, err
			}
			return newRaw(it, a.Get("typecode_or_type"), a.Star, nil, false)
		}),
		pyrt.Func("RawArray", "typecode_or_type, size_or_initializer", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := pyrt.InterpOfModule(self)
			if err != nil {
				return nil, err
			}
			return newRaw(it, a.Get("typecode_or_type"), nil, a.Get("size_or_initializer"), true)
		}),
		pyrt.Func("Value", "typecode_or_type, /, *args, lock=True, ctx=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := pyrt.InterpOfModule(self)
			if err != nil {
				return nil, err
			}
			raw, err := newRaw(it, a.Get("typecode_or_type"), a.Star, nil, false)
			if err != nil {
				return nil, err
			}
			return synchronizedOf(it, raw, a.Get("lock"))
		}),
		pyrt.Func("Array", "typecode_or_type, size_or_initializer, *, lock=True, ctx=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := pyrt.InterpOfModule(self)
			if err != nil {
				return nil, err
			}
			raw, err := newRaw(it, a.Get("typecode_or_type"), nil, a.Get("size_or_initializer"), true)
			if err != nil {
				return nil, err
			}
			return synchronizedOf(it, raw, a.Get("lock"))
		}),
	}
}
