package synchronize_test

import (
	"context"
	"errors"
	"os"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/internal/shmblock"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/resourcetracker"
	"github.com/pypool/pypool/pool/synchronize"
	"github.com/pypool/pypool/pool/wire"
)

// Worker functions: they run in re-executed copies of the test binary and
// reach the parent's objects by name only.
var (
	// xContend increments the counter in block cname n times under the
	// lock called lname, non-atomically, and counts the times it found
	// someone else inside.
	xContend = pool.Register("sync.contend", func(lname, cname string, n int) (int, error) {
		l, err := synchronize.Open(lname)
		if err != nil {
			return 0, err
		}
		c, err := shmblock.Open(cname)
		if err != nil {
			return 0, err
		}
		return contend(l, c, n), nil
	})
	// xAcquireTimed acquires lname with a timeout, reports whether it got
	// it and how long it waited, and releases it.
	xAcquireTimed = pool.Register("sync.acquire_timed", func(lname string, ms int) (wire.List, error) {
		l, err := synchronize.Open(lname)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		ok, err := l.Acquire(bg, true, time.Duration(ms)*time.Millisecond)
		waited := time.Since(start).Milliseconds()
		if ok {
			l.Release(bg)
		}
		return wire.List{ok, waited}, err
	})
	// xRelease releases lname (held by another process) and returns the
	// error's text.
	xRelease = pool.Register("sync.release", func(lname string) (string, error) {
		l, err := synchronize.Open(lname)
		if err != nil {
			return "", err
		}
		err = l.Release(bg)
		if err == nil {
			return "released", nil
		}
		var ae *pyexc.AssertionError
		var ve *pyexc.ValueError
		if errors.As(err, &ae) {
			return "AssertionError: " + ae.Msg, nil
		}
		if errors.As(err, &ve) {
			return "ValueError: " + ve.Msg, nil
		}
		return "", err
	})
	// xHoldAndDie acquires lname and exits without releasing it.
	xHoldAndDie = pool.Register("sync.hold_and_die", func(lname string) error {
		l, err := synchronize.Open(lname)
		if err != nil {
			return err
		}
		l.Acquire(bg, true, synchronize.NoTimeout)
		os.Exit(3)
		return nil
	})
	// xPingPong waits for event a and sets event b, n times.
	xPingPong = pool.Register("sync.pingpong", func(a, b []string, n int) (int, error) {
		ea, err := openEvent(a)
		if err != nil {
			return 0, err
		}
		eb, err := openEvent(b)
		if err != nil {
			return 0, err
		}
		for i := range n {
			if ok, err := ea.Wait(bg, 10*time.Second); !ok || err != nil {
				return i, errors.New("ping not received")
			}
			ea.Clear(bg)
			eb.Set(bg)
		}
		return n, nil
	})
	// xNotify sets the word in block wname to 1 and notifies the
	// condition, under its lock.
	xNotify = pool.Register("sync.notify", func(cond []string, wname string) error {
		c, err := synchronize.OpenCondition(synchronize.ConditionState{Lock: cond[0], Sleeping: cond[1], Woken: cond[2], Wait: cond[3]})
		if err != nil {
			return err
		}
		w, err := shmblock.Open(wname)
		if err != nil {
			return err
		}
		if _, err := c.Acquire(bg, true, 10*time.Second); err != nil {
			return err
		}
		w.Word(0).Store(1)
		err = c.NotifyAll(bg)
		c.Release(bg)
		runtime.KeepAlive(w)
		return err
	})
	// xBarrier waits on the barrier and returns its index.
	xBarrier = pool.Register("sync.barrier", func(parties int, cond []string, shared string) (int, error) {
		b, err := synchronize.OpenBarrier(synchronize.BarrierState{
			Parties: parties, Timeout: 10 * time.Second, Shared: shared,
			Cond: synchronize.ConditionState{Lock: cond[0], Sleeping: cond[1], Woken: cond[2], Wait: cond[3]},
		}, nil)
		if err != nil {
			return 0, err
		}
		return b.Wait(bg, synchronize.NoTimeout)
	})
)

func openEvent(names []string) (*synchronize.Event, error) {
	return synchronize.OpenEvent(synchronize.EventState{
		Cond: synchronize.ConditionState{Lock: names[0], Sleeping: names[1], Woken: names[2], Wait: names[3]},
		Flag: names[4],
	})
}

func eventNames(e *synchronize.Event) wire.List {
	st := e.State()
	return wire.List{st.Cond.Lock, st.Cond.Sleeping, st.Cond.Woken, st.Cond.Wait, st.Flag}
}

func condNames(st synchronize.ConditionState) wire.List {
	return wire.List{st.Lock, st.Sleeping, st.Woken, st.Wait}
}

// contend does n non-atomic increments of c's first word under l, counting
// entries that found the "inside" word (c's second) already set.
func contend(l *synchronize.SemLock, c *shmblock.Block, n int) int {
	counter := (*int64)(unsafe.Pointer(&c.Mem()[8]))
	inside := c.Word(0)
	overlaps := 0
	for range n {
		l.Acquire(bg, true, synchronize.NoTimeout)
		if inside.Swap(1) != 0 {
			overlaps++
		}
		v := *counter
		if v%64 == 0 {
			runtime.Gosched() // widen the window a broken lock would lose updates in
		}
		*counter = v + 1
		inside.Store(0)
		l.Release(bg)
	}
	runtime.KeepAlive(c)
	return overlaps
}

func newPool(t *testing.T, n int) *pool.Pool {
	t.Helper()
	p, err := pool.NewPool(pool.Workers(n))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Terminate(); p.Join() })
	return p
}

func get(t *testing.T, r *pool.AsyncResult) wire.Value {
	t.Helper()
	v, err := r.Get(30 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func apply(t *testing.T, p *pool.Pool, fn pool.Callable, args ...wire.Value) *pool.AsyncResult {
	t.Helper()
	r, err := p.ApplyAsync(fn, args, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Two worker processes and the parent increment one counter under one
// Lock: no update is lost and nobody is ever inside with another.
func TestLockExclusionProcesses(t *testing.T) {
	p := newPool(t, 2)
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	c := must[*shmblock.Block](t)(shmblock.New(16, resourcetracker.Semaphore))
	const n = 3000
	r1 := apply(t, p, xContend, l.Name(), c.Name(), n)
	r2 := apply(t, p, xContend, l.Name(), c.Name(), n)
	overlaps := contend(l.SemLock, c, n)
	overlaps += int(get(t, r1).(int64)) + int(get(t, r2).(int64))
	if got := *(*int64)(unsafe.Pointer(&c.Mem()[8])); got != 3*n || overlaps != 0 {
		t.Fatalf("counter %d (want %d), %d overlaps", got, 3*n, overlaps)
	}
	runtime.KeepAlive(c)
}

// A child blocks on the parent's lock until the parent releases it, and
// times out when the parent keeps it.
func TestChildBlocksOnParentsLock(t *testing.T) {
	p := newPool(t, 1)
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	l.Acquire(bg, true, synchronize.NoTimeout)
	v := get(t, apply(t, p, xAcquireTimed, l.Name(), 100)).(wire.List)
	if v[0] != false || v[1].(int64) < 100 {
		t.Fatalf("child's timed acquire of a held lock: %v", v)
	}
	r := apply(t, p, xAcquireTimed, l.Name(), 10000)
	time.Sleep(150 * time.Millisecond)
	l.Release(bg)
	v = get(t, r).(wire.List)
	if v[0] != true || v[1].(int64) < 50 {
		t.Fatalf("child's acquire released after 150ms: %v", v)
	}
	if l.GetValue() != 1 {
		t.Fatalf("value %d after the child released", l.GetValue())
	}
}

// Another process cannot release this process's RLock; it can release a
// held Lock (as in CPython), and an unheld one fails with ValueError.
func TestReleaseFromAnotherProcess(t *testing.T) {
	p := newPool(t, 1)
	r := must[*synchronize.RLock](t)(synchronize.NewRLock())
	r.Acquire(bg, true, synchronize.NoTimeout)
	if got := get(t, apply(t, p, xRelease, r.Name())); got != "AssertionError: attempt to release recursive lock not owned by thread" {
		t.Fatalf("child releasing the parent's RLock: %v", got)
	}
	if r.GetValue() != 0 || !r.IsMine(bg) {
		t.Fatal("the parent lost its RLock")
	}
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	if got := get(t, apply(t, p, xRelease, l.Name())); got != "ValueError: semaphore or lock released too many times" {
		t.Fatalf("child releasing an unheld Lock: %v", got)
	}
	l.Acquire(bg, true, synchronize.NoTimeout)
	if got := get(t, apply(t, p, xRelease, l.Name())); got != "released" || l.GetValue() != 1 {
		t.Fatalf("child releasing the parent's Lock: %v, value %d", got, l.GetValue())
	}
}

func TestEventPingPong(t *testing.T) {
	p := newPool(t, 1)
	a := must[*synchronize.Event](t)(synchronize.NewEvent())
	b := must[*synchronize.Event](t)(synchronize.NewEvent())
	const n = 50
	r := apply(t, p, xPingPong, eventNames(a), eventNames(b), n)
	for i := range n {
		a.Set(bg)
		if ok, err := b.Wait(bg, 10*time.Second); !ok || err != nil {
			t.Fatalf("pong %d: %v %v", i, ok, err)
		}
		b.Clear(bg)
	}
	if got := get(t, r); got != int64(n) {
		t.Fatalf("child saw %v pings", got)
	}
	if set, _ := b.IsSet(bg); set {
		t.Fatal("cleared event is set")
	}
}

func TestConditionAcrossProcesses(t *testing.T) {
	p := newPool(t, 1)
	c := must[*synchronize.Condition](t)(synchronize.NewCondition(nil))
	w := must[*shmblock.Block](t)(shmblock.New(4, resourcetracker.Semaphore))
	c.Acquire(bg, true, synchronize.NoTimeout)
	r := apply(t, p, xNotify, condNames(c.State()), w.Name())
	ok, err := c.WaitFor(bg, func() (bool, error) { return w.Word(0).Load() == 1, nil }, 10*time.Second)
	if !ok || err != nil {
		t.Fatalf("wait_for across processes: %v %v", ok, err)
	}
	if !c.Lock().IsMine(bg) {
		t.Fatal("wait_for returned without the lock")
	}
	c.Release(bg)
	get(t, r)
	runtime.KeepAlive(w)
}

func TestBarrierAcrossProcesses(t *testing.T) {
	p := newPool(t, 2)
	b := must[*synchronize.Barrier](t)(synchronize.NewBarrier(3, nil, synchronize.NoTimeout))
	st := b.State()
	for round := range 2 { // a barrier is reusable
		r1 := apply(t, p, xBarrier, 3, condNames(st.Cond), st.Shared)
		r2 := apply(t, p, xBarrier, 3, condNames(st.Cond), st.Shared)
		i0, err := b.Wait(bg, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int]bool{i0: true}
		seen[int(get(t, r1).(int64))] = true
		seen[int(get(t, r2).(int64))] = true
		if len(seen) != 3 || !seen[0] || !seen[1] || !seen[2] {
			t.Fatalf("round %d: indexes %v", round, seen)
		}
	}
}

func TestBarrierBreakResetAbort(t *testing.T) {
	ran := atomic.Int32{}
	b := must[*synchronize.Barrier](t)(synchronize.NewBarrier(2, func() error { ran.Add(1); return nil }, 50*time.Millisecond))
	var be *synchronize.BrokenBarrierError
	if _, err := b.Wait(bg, synchronize.NoTimeout); !errors.As(err, &be) || !b.Broken() {
		t.Fatalf("lone wait with the default timeout: %v, broken %v", err, b.Broken())
	}
	if _, err := b.Wait(bg, time.Second); !errors.As(err, &be) {
		t.Fatalf("wait on a broken barrier: %v", err)
	}
	b.Reset(bg)
	if b.Broken() || b.NWaiting() != 0 {
		t.Fatal("reset did not mend the barrier")
	}
	// Two goroutines (threads) trip it; the action runs once.
	done := make(chan error, 1)
	go func() {
		_, err := b.Wait(synchronize.WithThread(bg, 2), time.Second*10)
		done <- err
	}()
	if _, err := b.Wait(bg, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil || ran.Load() != 1 {
		t.Fatalf("other party: %v; action ran %d times", err, ran.Load())
	}
	// Abort wakes a waiter with BrokenBarrierError.
	go func() {
		_, err := b.Wait(synchronize.WithThread(bg, 2), 10*time.Second)
		done <- err
	}()
	eventually(t, "a waiter", func() bool { return b.NWaiting() == 1 })
	b.Abort(bg)
	if err := <-done; !errors.As(err, &be) {
		t.Fatalf("waiter after abort: %v", err)
	}
	// A failing action breaks the barrier and reaches its caller.
	fail := errors.New("action failed")
	b2 := must[*synchronize.Barrier](t)(synchronize.NewBarrier(1, func() error { return fail }, synchronize.NoTimeout))
	if _, err := b2.Wait(bg, synchronize.NoTimeout); err != fail || !b2.Broken() {
		t.Fatalf("failing action: %v, broken %v", err, b2.Broken())
	}
}

// Cancelling the context interrupts Condition.Wait and Event.Wait; the
// condition's lock is held again when Wait returns.
func TestWaitsCancel(t *testing.T) {
	c := must[*synchronize.Condition](t)(synchronize.NewCondition(nil))
	ctx, cancel := context.WithTimeout(bg, 50*time.Millisecond)
	defer cancel()
	c.Acquire(ctx, true, synchronize.NoTimeout)
	c.Acquire(ctx, true, synchronize.NoTimeout) // twice: an RLock
	if ok, err := c.Wait(ctx, synchronize.NoTimeout); ok || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("cancelled Condition.Wait: %v %v", ok, err)
	}
	if c.Lock().Count() != 2 || !c.Lock().IsMine(bg) {
		t.Fatalf("after a cancelled wait: count %d", c.Lock().Count())
	}
	c.Release(bg)
	c.Release(bg)
	if c.Waiters() != 0 {
		t.Fatalf("%d waiters left", c.Waiters())
	}
	var ae *pyexc.AssertionError
	if _, err := c.Wait(bg, 0); !errors.As(err, &ae) || ae.Msg != "must acquire() condition before using wait()" {
		t.Fatalf("wait without the lock: %v", err)
	}
	if err := c.Notify(bg, 1); !errors.As(err, &ae) || ae.Msg != "lock is not owned" {
		t.Fatalf("notify without the lock: %v", err)
	}

	e := must[*synchronize.Event](t)(synchronize.NewEvent())
	ctx2, cancel2 := context.WithTimeout(bg, 50*time.Millisecond)
	defer cancel2()
	if ok, err := e.Wait(ctx2, synchronize.NoTimeout); ok || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("cancelled Event.Wait: %v %v", ok, err)
	}
	if ok, err := e.Wait(bg, 30*time.Millisecond); ok || err != nil {
		t.Fatalf("Event.Wait timing out: %v %v", ok, err)
	}
	e.Set(bg)
	if ok, err := e.Wait(bg, 0); !ok || err != nil {
		t.Fatalf("Event.Wait on a set event: %v %v", ok, err)
	}
}

// notify(1) wakes exactly one of three waiting threads; notify_all the rest.
func TestConditionNotifyCounts(t *testing.T) {
	c := must[*synchronize.Condition](t)(synchronize.NewCondition(nil))
	woke := make(chan int, 3)
	for g := 1; g <= 3; g++ {
		go func() {
			ctx := synchronize.WithThread(bg, uint64(g))
			c.Acquire(ctx, true, synchronize.NoTimeout)
			ok, _ := c.Wait(ctx, 10*time.Second)
			c.Release(ctx)
			if ok {
				woke <- g
			} else {
				woke <- -g
			}
		}()
	}
	eventually(t, "three waiters", func() bool { return c.Waiters() == 3 })
	c.Acquire(bg, true, synchronize.NoTimeout)
	if err := c.Notify(bg, 1); err != nil {
		t.Fatal(err)
	}
	c.Release(bg)
	if g := <-woke; g < 0 {
		t.Fatalf("waiter %d timed out", -g)
	}
	select {
	case g := <-woke:
		t.Fatalf("notify(1) woke a second waiter (%d)", g)
	case <-time.After(50 * time.Millisecond):
	}
	c.Acquire(bg, true, synchronize.NoTimeout)
	c.NotifyAll(bg)
	c.Release(bg)
	for range 2 {
		if g := <-woke; g < 0 {
			t.Fatalf("waiter %d timed out", -g)
		}
	}
}

// A process that dies holding a Lock leaves it held, as CPython's POSIX
// semaphores do: waiters get their timeout (or cancellation), never the
// lock; Unlink and the tracker still clean the file up.
func TestHolderKilled(t *testing.T) {
	p := newPool(t, 1)
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	if _, err := p.Apply(xHoldAndDie, []wire.Value{l.Name()}, nil); err == nil {
		t.Fatal("the worker survived os.Exit")
	}
	if l.GetValue() != 0 {
		t.Fatalf("value %d after the holder died", l.GetValue())
	}
	if ok, err := l.Acquire(bg, true, 50*time.Millisecond); ok || err != nil {
		t.Fatalf("acquire of a dead holder's lock: %v %v", ok, err)
	}
}
