package sharedctypes

import (
	"context"
	"time"

	"github.com/pypool/pypool/pool/synchronize"
)

// Locker is what Value and Array lock with: a *synchronize.SemLock (Lock
// or RLock), a *synchronize.Condition, or anything else with CPython's
// acquire/release.
type Locker interface {
	Acquire(ctx context.Context, block bool, timeout time.Duration) (bool, error)
	Release(ctx context.Context) error
}

// Synchronized is what Value and Array return (CPython's Synchronized,
// SynchronizedArray, SynchronizedString): a Raw and the lock every access
// through it takes.
type Synchronized struct {
	obj  *Raw
	lock Locker
}

// Value is sharedctypes.Value(typecode_or_type, lock=lock): a zeroed
// RawValue with a lock. CPython's lock argument maps as: True or None →
// nil here (a new RLock); an existing lock → that lock; False → call
// RawValue instead (no wrapper).
func Value(typecodeOrType string, lock Locker) (*Synchronized, error) {
	obj, err := RawValue(typecodeOrType)
	if err != nil {
		return nil, err
	}
	return Synchronize(obj, lock)
}

// Array is sharedctypes.Array(typecode_or_type, size, lock=lock), with
// Value's lock rules.
func Array(typecodeOrType string, n int, lock Locker) (*Synchronized, error) {
	obj, err := RawArray(typecodeOrType, n)
	if err != nil {
		return nil, err
	}
	return Synchronize(obj, lock)
}

// Synchronize is sharedctypes.synchronized(obj, lock): obj guarded by
// lock (nil: a new RLock). A child process rebuilds a Value it was sent
// with Synchronize(Open(state), the lock it opened).
func Synchronize(obj *Raw, lock Locker) (*Synchronized, error) {
	if lock == nil {
		r, err := synchronize.NewRLock()
		if err != nil {
			return nil, err
		}
		lock = r.SemLock
	}
	return &Synchronized{obj: obj, lock: lock}, nil
}

// GetObj is get_obj(): the Raw underneath.
func (s *Synchronized) GetObj() *Raw { return s.obj }

// GetLock is get_lock().
func (s *Synchronized) GetLock() Locker { return s.lock }

// locked runs fn holding the lock; it blocks until the lock is free or ctx
// is cancelled.
func (s *Synchronized) locked(ctx context.Context, fn func() error) error {
	if _, err := s.lock.Acquire(ctx, true, synchronize.NoTimeout); err != nil {
		return err
	}
	err := fn()
	if rerr := s.lock.Release(ctx); err == nil {
		err = rerr
	}
	return err
}

// Get is obj[i] (i 0: .value) under the lock.
func (s *Synchronized) Get(ctx context.Context, i int) (v any, err error) {
	err = s.locked(ctx, func() error {
		v, err = s.obj.Get(i)
		return err
	})
	return v, err
}

// Set is obj[i] = v (i 0: .value = v) under the lock.
func (s *Synchronized) Set(ctx context.Context, i int, v any) error {
	return s.locked(ctx, func() error { return s.obj.Set(i, v) })
}

// Update replaces slot i with fn of its value in one hold of the lock —
// `with v.get_lock(): v.value += 1`.
func (s *Synchronized) Update(ctx context.Context, i int, fn func(any) (any, error)) error {
	return s.locked(ctx, func() error {
		v, err := s.obj.Get(i)
		if err != nil {
			return err
		}
		if v, err = fn(v); err != nil {
			return err
		}
		return s.obj.Set(i, v)
	})
}
