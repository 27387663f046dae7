package synchronize

import (
	"context"
	"time"
)

// Event is multiprocessing.Event: a Condition on a Lock and a Semaphore
// whose value (0 or 1) is the flag, as in synchronize.py.
type Event struct {
	cond *Condition
	flag *SemLock
}

// EventState names an Event's semaphores: OpenEvent rebuilds it anywhere.
type EventState struct {
	Cond ConditionState
	Flag string
}

// NewEvent creates an Event whose flag is clear.
func NewEvent() (*Event, error) {
	l, err := NewLock()
	if err != nil {
		return nil, err
	}
	c, err := NewCondition(l.SemLock)
	if err != nil {
		return nil, err
	}
	f, err := NewSemaphore(0)
	if err != nil {
		return nil, err
	}
	return &Event{cond: c, flag: f.SemLock}, nil
}

// OpenEvent attaches to the Event st names.
func OpenEvent(st EventState) (*Event, error) {
	c, err := OpenCondition(st.Cond)
	if err != nil {
		return nil, err
	}
	f, err := Open(st.Flag)
	if err != nil {
		return nil, err
	}
	return &Event{cond: c, flag: f}, nil
}

// State names the Event's semaphores for OpenEvent.
func (e *Event) State() EventState { return EventState{e.cond.State(), e.flag.Name()} }

// locked runs fn holding the Event's lock (blocking until it is free or
// ctx is cancelled).
func (e *Event) locked(ctx context.Context, fn func() (bool, error)) (bool, error) {
	if _, err := e.cond.Acquire(ctx, true, NoTimeout); err != nil {
		return false, err
	}
	ok, err := fn()
	if rerr := e.cond.Release(ctx); err == nil {
		err = rerr
	}
	return ok, err
}

// testFlag reports the flag, leaving it as it was.
func (e *Event) testFlag(ctx context.Context) (bool, error) {
	if ok, _ := e.flag.Acquire(ctx, false, 0); ok {
		return true, e.flag.Release(ctx)
	}
	return false, nil
}

// IsSet is Event.is_set(); it blocks only while another thread holds the
// Event's lock (briefly), or until ctx is cancelled.
func (e *Event) IsSet(ctx context.Context) (bool, error) {
	return e.locked(ctx, func() (bool, error) { return e.testFlag(ctx) })
}

// Set is Event.set(): sets the flag and wakes every waiter. As CPython's
// notify_all, it blocks until each waiter has woken (at once, unless a
// waiting process was killed mid-wait), or until ctx is cancelled.
func (e *Event) Set(ctx context.Context) error {
	_, err := e.locked(ctx, func() (bool, error) {
		e.flag.Acquire(ctx, false, 0)
		if err := e.flag.Release(ctx); err != nil {
			return false, err
		}
		return false, e.cond.NotifyAll(ctx)
	})
	return err
}

// Clear is Event.clear().
func (e *Event) Clear(ctx context.Context) error {
	_, err := e.locked(ctx, func() (bool, error) {
		e.flag.Acquire(ctx, false, 0)
		return false, nil
	})
	return err
}

// Wait is Event.wait(timeout): blocks until the flag is set (true), the
// timeout passes (false) or ctx is cancelled (false, ctx.Err()).
func (e *Event) Wait(ctx context.Context, timeout time.Duration) (bool, error) {
	return e.locked(ctx, func() (bool, error) {
		set, err := e.testFlag(ctx)
		if set || err != nil {
			return set, err
		}
		if _, err := e.cond.Wait(ctx, timeout); err != nil {
			return false, err
		}
		return e.testFlag(ctx)
	})
}
