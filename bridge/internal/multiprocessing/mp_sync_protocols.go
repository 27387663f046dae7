package multiprocessing

// The Python protocols (repr, with, len, indexing, iteration) of the
// locks, shared values and shared memory objects, as Go methods gpython
// dispatches on.

import (
	"fmt"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/pool/synchronize"
)

var wholeSlice = &py.Slice{Start: py.None, Stop: py.None, Step: py.None}

// SemLock: Lock, RLock, Semaphore, BoundedSemaphore.

func (l *pySemLock) M__repr__() (py.Object, error) { return py.String(semLockRepr(l.it, l)), nil }

func (l *pySemLock) M__enter__() (py.Object, error) {
	ok, err := acquireOf(l.it, l.s, true, synchronize.NoTimeout)
	if err != nil {
		return nil, err
	}
	return py.NewBool(ok), nil
}

func (l *pySemLock) M__exit__(a, b, c py.Object) (py.Object, error) {
	return py.None, syncError(l.it, l.s.Release(threadCtx(l.it)))
}

// Condition.

func (c *pyCondition) M__repr__() (py.Object, error) {
	return py.String(fmt.Sprintf("<Condition(%s, %d)>", semLockRepr(c.it, c.lock), c.c.Waiters())), nil
}

func (c *pyCondition) M__enter__() (py.Object, error) {
	ok, err := acquireOf(c.it, c.c, true, synchronize.NoTimeout)
	if err != nil {
		return nil, err
	}
	return py.NewBool(ok), nil
}

func (c *pyCondition) M__exit__(a, b, d py.Object) (py.Object, error) {
	return py.None, syncError(c.it, c.c.Release(threadCtx(c.it)))
}

// Event and Barrier.

func (e *pyEvent) M__repr__() (py.Object, error) {
	set, err := e.e.IsSet(threadCtx(e.it))
	if err != nil {
		return nil, syncError(e.it, err)
	}
	status := "unset"
	if set {
		status = "set"
	}
	return py.String(fmt.Sprintf("<Event at %p %s>", e, status)), nil
}

func (b *pyBarrier) M__repr__() (py.Object, error) {
	if b.b.Broken() {
		return py.String(fmt.Sprintf("<%s.Barrier at %p: broken>", syncModule, b)), nil
	}
	return py.String(fmt.Sprintf("<%s.Barrier at %p: waiters=%d/%d>", syncModule, b, b.b.NWaiting(), b.b.Parties())), nil
}

// Raw values and arrays.

func (r *pyRaw) M__repr__() (py.Object, error) {
	s, err := rawRepr(r)
	return py.String(s), err
}

func (r *pyRaw) notArray() error {
	if r.r.IsArray() {
		return nil
	}
	return py.ExceptionNewf(py.TypeError, "'%s' object is not subscriptable", r.typ.Name)
}

func (r *pyRaw) M__len__() (py.Object, error) {
	if !r.r.IsArray() {
		return nil, py.ExceptionNewf(py.TypeError, "object of type '%s' has no len()", r.typ.Name)
	}
	return py.Int(r.r.Len()), nil
}

func (r *pyRaw) M__getitem__(key py.Object) (py.Object, error) {
	if err := r.notArray(); err != nil {
		return nil, err
	}
	return rawGet(r.r, key)
}

func (r *pyRaw) M__setitem__(key, value py.Object) (py.Object, error) {
	if err := r.notArray(); err != nil {
		return nil, err
	}
	return py.None, rawSet(r.r, key, value)
}

func (r *pyRaw) M__iter__() (py.Object, error) {
	if err := r.notArray(); err != nil {
		return nil, err
	}
	l, err := rawGet(r.r, wholeSlice)
	if err != nil {
		return nil, err
	}
	return py.Iter(l)
}

// Synchronized wrappers.

func (s *pySynchronized) M__repr__() (py.Object, error) {
	r, err := rawRepr(s.obj)
	if err != nil {
		return nil, err
	}
	return py.String(fmt.Sprintf("<%s wrapper for %s>", s.Type().Name, r)), nil
}

func (s *pySynchronized) M__enter__() (py.Object, error) {
	m, err := py.GetAttrString(s.lock, "__enter__")
	if err != nil {
		return nil, err
	}
	return py.Call(m, nil, nil)
}

func (s *pySynchronized) M__exit__(a, b, c py.Object) (py.Object, error) {
	m, err := py.GetAttrString(s.lock, "__exit__")
	if err != nil {
		return nil, err
	}
	return py.Call(m, py.Tuple{a, b, c}, nil)
}

func (s *pySynchronized) array() error {
	if s.obj.r.IsArray() {
		return nil
	}
	return py.ExceptionNewf(py.TypeError, "'Synchronized' object is not subscriptable")
}

func (s *pySynchronized) M__len__() (py.Object, error) {
	if err := s.array(); err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "object of type 'Synchronized' has no len()")
	}
	return py.Int(s.obj.r.Len()), nil
}

func (s *pySynchronized) M__getitem__(key py.Object) (py.Object, error) {
	if err := s.array(); err != nil {
		return nil, err
	}
	return s.locked(func() (py.Object, error) { return rawGet(s.obj.r, key) })
}

func (s *pySynchronized) M__setitem__(key, value py.Object) (py.Object, error) {
	if err := s.array(); err != nil {
		return nil, err
	}
	return s.locked(func() (py.Object, error) { return py.None, rawSet(s.obj.r, key, value) })
}

func (s *pySynchronized) M__iter__() (py.Object, error) {
	if err := s.array(); err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "'Synchronized' object is not iterable")
	}
	l, err := s.locked(func() (py.Object, error) { return rawGet(s.obj.r, wholeSlice) })
	if err != nil {
		return nil, err
	}
	return py.Iter(l)
}

// SharedMemory and ShareableList.

func (s *pySharedMemory) M__repr__() (py.Object, error) { return py.String(s.m.String()), nil }

func (l *pyShareableList) M__len__() (py.Object, error) { return py.Int(l.l.Len()), nil }

func (l *pyShareableList) M__getitem__(key py.Object) (py.Object, error) {
	i, err := l.index(key)
	if err != nil {
		return nil, err
	}
	v, err := l.l.Get(i)
	if err != nil {
		return nil, syncError(nil, err)
	}
	return fromListItem(v), nil
}

func (l *pyShareableList) M__setitem__(key, value py.Object) (py.Object, error) {
	i, err := l.index(key)
	if err != nil {
		return nil, err
	}
	v, err := toListItem(value)
	if err != nil {
		return nil, err
	}
	return py.None, syncError(nil, l.l.Set(i, v))
}

func (l *pyShareableList) M__iter__() (py.Object, error) {
	items, err := l.items()
	if err != nil {
		return nil, err
	}
	return py.Iter(py.NewListFromItems(items))
}

func (l *pyShareableList) M__repr__() (py.Object, error) {
	items, err := l.items()
	if err != nil {
		return nil, err
	}
	r, err := pyobj.Repr(py.NewListFromItems(items))
	if err != nil {
		return nil, err
	}
	return py.String(fmt.Sprintf("ShareableList(%s, name=%s)", r, quoteName(l.shm.m.Name()))), nil
}
