package synchronize

import (
	"context"
	"math"
	"time"

	"github.com/pypool/pypool/pool/pyexc"
)

// Condition is multiprocessing.Condition: a lock plus three semaphores
// counting sleeping threads, woken threads and wake-up tokens, as in
// synchronize.py.
type Condition struct {
	lock     *SemLock
	sleeping *SemLock // _sleeping_count
	woken    *SemLock // _woken_count
	wait     *SemLock // _wait_semaphore
}

// ConditionState names a Condition's semaphores (CPython's __getstate__):
// OpenCondition rebuilds it in any process.
type ConditionState struct {
	Lock, Sleeping, Woken, Wait string
}

// NewCondition creates a Condition on lock (a Lock's or RLock's SemLock);
// nil makes a new RLock, as CPython's default.
func NewCondition(lock *SemLock) (*Condition, error) {
	if lock == nil {
		r, err := NewRLock()
		if err != nil {
			return nil, err
		}
		lock = r.SemLock
	}
	c := &Condition{lock: lock}
	for _, p := range []**SemLock{&c.sleeping, &c.woken, &c.wait} {
		s, err := NewSemLock(KindSemaphore, 0, SemValueMax)
		if err != nil {
			return nil, err
		}
		*p = s
	}
	return c, nil
}

// OpenCondition attaches to the Condition st names.
func OpenCondition(st ConditionState) (*Condition, error) {
	var c Condition
	for _, p := range []struct {
		name string
		s    **SemLock
	}{{st.Lock, &c.lock}, {st.Sleeping, &c.sleeping}, {st.Woken, &c.woken}, {st.Wait, &c.wait}} {
		s, err := Open(p.name)
		if err != nil {
			return nil, err
		}
		*p.s = s
	}
	return &c, nil
}

// State names the Condition's semaphores for OpenCondition.
func (c *Condition) State() ConditionState {
	return ConditionState{c.lock.Name(), c.sleeping.Name(), c.woken.Name(), c.wait.Name()}
}

// Lock is the Condition's lock.
func (c *Condition) Lock() *SemLock { return c.lock }

// Acquire acquires the Condition's lock (see SemLock.Acquire).
func (c *Condition) Acquire(ctx context.Context, block bool, timeout time.Duration) (bool, error) {
	return c.lock.Acquire(ctx, block, timeout)
}

// Release releases the Condition's lock (see SemLock.Release).
func (c *Condition) Release(ctx context.Context) error { return c.lock.Release(ctx) }

// Waiters is the number of threads waiting, as CPython's repr counts them:
// sleeping minus woken.
func (c *Condition) Waiters() int { return c.sleeping.GetValue() - c.woken.GetValue() }

// Wait is Condition.wait(timeout): the calling thread must hold the lock
// (else AssertionError "must acquire() condition before using wait()"). It
// releases the lock fully, blocks until notified (true), until the timeout
// passes (false) or until ctx is cancelled (false, ctx.Err()), then takes
// the lock back as many times as it held it — that re-acquisition, like
// CPython's finally clause, happens even after a cancellation and is not
// itself cancellable.
func (c *Condition) Wait(ctx context.Context, timeout time.Duration) (bool, error) {
	if !c.lock.IsMine(ctx) {
		return false, &pyexc.AssertionError{Msg: "must acquire() condition before using wait()"}
	}
	if err := c.sleeping.Release(ctx); err != nil {
		return false, err
	}
	count := c.lock.Count()
	for range count {
		if err := c.lock.Release(ctx); err != nil {
			return false, err
		}
	}
	ok, err := c.wait.Acquire(ctx, true, timeout)
	if rerr := c.woken.Release(ctx); err == nil {
		err = rerr
	}
	keep := context.WithoutCancel(ctx)
	for range count {
		c.lock.Acquire(keep, true, NoTimeout)
	}
	return ok, err
}

// Notify is Condition.notify(n): wakes up to n waiting threads and blocks
// until each has woken (they wake at once: they need no lock for that), or
// until ctx is cancelled. The calling thread must hold the lock (else
// AssertionError "lock is not owned").
func (c *Condition) Notify(ctx context.Context, n int) error {
	if !c.lock.IsMine(ctx) {
		return &pyexc.AssertionError{Msg: "lock is not owned"}
	}
	if ok, _ := c.wait.Acquire(ctx, false, 0); ok {
		return &pyexc.AssertionError{Msg: "notify: Should not have been able to acquire _wait_semaphore"}
	}
	// Waiters that timed out since the last notify woke without a token:
	// take them off the sleeping count.
	for {
		if ok, _ := c.woken.Acquire(ctx, false, 0); !ok {
			break
		}
		if ok, _ := c.sleeping.Acquire(ctx, false, 0); !ok {
			return &pyexc.AssertionError{Msg: "notify: Bug in sleeping_count.acquire- res should not be False"}
		}
	}
	sleepers := 0
	for sleepers < n {
		if ok, _ := c.sleeping.Acquire(ctx, false, 0); !ok {
			break
		}
		if err := c.wait.Release(ctx); err != nil {
			return err
		}
		sleepers++
	}
	if sleepers > 0 {
		for range sleepers {
			if _, err := c.woken.Acquire(ctx, true, NoTimeout); err != nil {
				return err
			}
		}
		// Tokens left by waiters that timed out meanwhile.
		for {
			if ok, _ := c.wait.Acquire(ctx, false, 0); !ok {
				break
			}
		}
	}
	return nil
}

// NotifyAll is Condition.notify_all().
func (c *Condition) NotifyAll(ctx context.Context) error { return c.Notify(ctx, math.MaxInt) }

// WaitFor is Condition.wait_for(predicate, timeout): it returns at once if
// predicate is true, else waits and re-checks after each wake-up until it
// is true or the timeout has passed (returning its last result), or ctx is
// cancelled, or predicate fails.
func (c *Condition) WaitFor(ctx context.Context, predicate func() (bool, error), timeout time.Duration) (bool, error) {
	result, err := predicate()
	if result || err != nil {
		return result, err
	}
	var endtime time.Time
	if timeout != NoTimeout {
		endtime = time.Now().Add(timeout)
	}
	waittime := NoTimeout
	for !result {
		if !endtime.IsZero() {
			if waittime = time.Until(endtime); waittime <= 0 {
				break
			}
		}
		if _, err := c.Wait(ctx, waittime); err != nil {
			return false, err
		}
		if result, err = predicate(); err != nil {
			return false, err
		}
	}
	return result, nil
}
