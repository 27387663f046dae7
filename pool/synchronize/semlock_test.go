package synchronize_test

import (
	"context"
	"errors"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/internal/shmfile"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/synchronize"
)

var bg = context.Background()

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func TestLockStates(t *testing.T) {
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	if ok, err := l.Acquire(bg, true, synchronize.NoTimeout); !ok || err != nil {
		t.Fatalf("acquire: %v %v", ok, err)
	}
	if !l.IsMine(bg) || l.Count() != 1 || l.GetValue() != 0 || !l.IsZero() {
		t.Fatalf("held: mine %v count %d value %d", l.IsMine(bg), l.Count(), l.GetValue())
	}
	other := synchronize.WithThread(bg, 7)
	if l.IsMine(other) {
		t.Fatal("another thread owns it too")
	}
	// A Lock is not re-entrant: the same thread does not get it again.
	if ok, _ := l.Acquire(bg, false, 0); ok {
		t.Fatal("non-blocking re-acquire succeeded")
	}
	if ok, _ := l.Acquire(bg, true, 0); ok {
		t.Fatal("zero-timeout acquire succeeded")
	}
	if ok, _ := l.Acquire(bg, true, -time.Second); ok {
		t.Fatal("negative-timeout acquire succeeded")
	}
	if err := l.Release(bg); err != nil {
		t.Fatal(err)
	}
	err := l.Release(bg)
	var ve *pyexc.ValueError
	if !errors.As(err, &ve) || ve.Msg != "semaphore or lock released too many times" {
		t.Fatalf("release of an unheld Lock: %v", err)
	}
	if l.GetValue() != 1 || l.Count() != 0 {
		t.Fatalf("after release: value %d count %d", l.GetValue(), l.Count())
	}
	// Any thread may release a Lock (it has no owner).
	l.Acquire(bg, true, synchronize.NoTimeout)
	if err := l.Release(other); err != nil {
		t.Fatalf("release from another thread: %v", err)
	}
}

func TestRLockOwnership(t *testing.T) {
	r := must[*synchronize.RLock](t)(synchronize.NewRLock())
	me := synchronize.WithThread(bg, 1)
	other := synchronize.WithThread(bg, 2)
	for i := 1; i <= 3; i++ {
		if ok, err := r.Acquire(me, true, synchronize.NoTimeout); !ok || err != nil {
			t.Fatalf("acquire %d: %v %v", i, ok, err)
		}
		if r.Count() != i {
			t.Fatalf("count %d after %d acquisitions", r.Count(), i)
		}
	}
	if ok, _ := r.Acquire(other, true, 20*time.Millisecond); ok {
		t.Fatal("another thread got a held RLock")
	}
	err := r.Release(other)
	var ae *pyexc.AssertionError
	if !errors.As(err, &ae) || ae.Msg != "attempt to release recursive lock not owned by thread" {
		t.Fatalf("release by another thread: %v", err)
	}
	for i := 3; i >= 1; i-- {
		if r.GetValue() != 0 {
			t.Fatalf("value %d while held", r.GetValue())
		}
		if err := r.Release(me); err != nil {
			t.Fatal(err)
		}
	}
	if r.GetValue() != 1 || r.IsMine(me) {
		t.Fatalf("after full release: value %d mine %v", r.GetValue(), r.IsMine(me))
	}
	if err := r.Release(me); !errors.As(err, &ae) {
		t.Fatalf("release of an unheld RLock: %v", err)
	}
	if ok, _ := r.Acquire(other, false, 0); !ok || !r.IsMine(other) || r.IsMine(me) {
		t.Fatal("the other thread cannot take the freed RLock")
	}
	r.Release(other)
}

func TestSemaphores(t *testing.T) {
	s := must[*synchronize.Semaphore](t)(synchronize.NewSemaphore(2))
	for range 2 {
		if ok, _ := s.Acquire(bg, false, 0); !ok {
			t.Fatal("semaphore of 2 refused")
		}
	}
	if ok, _ := s.Acquire(bg, false, 0); ok {
		t.Fatal("semaphore gave a third unit")
	}
	for range 5 { // a Semaphore may be released beyond its initial value
		if err := s.Release(bg); err != nil {
			t.Fatal(err)
		}
	}
	if s.GetValue() != 5 || s.MaxValue() != synchronize.SemValueMax {
		t.Fatalf("value %d max %d", s.GetValue(), s.MaxValue())
	}

	b := must[*synchronize.BoundedSemaphore](t)(synchronize.NewBoundedSemaphore(2))
	b.Acquire(bg, true, synchronize.NoTimeout)
	if err := b.Release(bg); err != nil {
		t.Fatal(err)
	}
	var ve *pyexc.ValueError
	if err := b.Release(bg); !errors.As(err, &ve) {
		t.Fatalf("BoundedSemaphore over-release: %v", err)
	}
	if b.GetValue() != 2 {
		t.Fatalf("value %d after refused release", b.GetValue())
	}

	if _, err := synchronize.NewSemaphore(-1); !errors.Is(err, syscall.EINVAL) {
		t.Fatalf("Semaphore(-1): %v", err)
	}
	if _, err := synchronize.NewSemLock(synchronize.KindSemaphore, synchronize.SemValueMax+1, synchronize.SemValueMax); !errors.Is(err, syscall.EINVAL) {
		t.Fatalf("value above SEM_VALUE_MAX: %v", err)
	}
}

func TestAcquireTimeoutAndCancel(t *testing.T) {
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	l.Acquire(bg, true, synchronize.NoTimeout)
	start := time.Now()
	if ok, err := l.Acquire(bg, true, 60*time.Millisecond); ok || err != nil {
		t.Fatalf("timed acquire of a held lock: %v %v", ok, err)
	}
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Fatalf("timed acquire returned after %v", d)
	}

	ctx, cancel := context.WithCancel(bg)
	done := make(chan error, 1)
	go func() {
		_, err := l.Acquire(ctx, true, synchronize.NoTimeout)
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled acquire: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cancel did not interrupt a blocked acquire")
	}
	// An already cancelled context still takes a free lock without waiting.
	l.Release(bg)
	if ok, err := l.Acquire(ctx, true, synchronize.NoTimeout); !ok || err != nil {
		t.Fatalf("free lock with a cancelled context: %v %v", ok, err)
	}
}

// Many goroutines contending on one lock through separate handles (as
// threads of different processes would) never overlap.
func TestLockExclusionGoroutines(t *testing.T) {
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	inside, total := 0, 0
	done := make(chan bool)
	for g := range 4 {
		h := must[*synchronize.SemLock](t)(synchronize.Open(l.Name()))
		go func() {
			ctx := synchronize.WithThread(bg, uint64(g))
			ok := true
			for range 2000 {
				h.Acquire(ctx, true, synchronize.NoTimeout)
				inside++
				if inside != 1 {
					ok = false
				}
				total++
				inside--
				h.Release(ctx)
			}
			done <- ok
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("two goroutines were inside the lock at once")
		}
	}
	if total != 8000 {
		t.Fatalf("total %d, want 8000", total)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := synchronize.Open("/pypool-no-such-lock"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("open of a missing name: %v", err)
	}
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	h := must[*synchronize.SemLock](t)(synchronize.Open(l.Name()))
	if h.Kind() != synchronize.KindSemaphore || h.MaxValue() != 1 || h.Count() != 0 {
		t.Fatalf("opened: kind %v max %d count %d", h.Kind(), h.MaxValue(), h.Count())
	}
	if err := l.Unlink(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(shmfile.Path(l.Name())); !os.IsNotExist(err) {
		t.Fatalf("file after Unlink: %v", err)
	}
	// Handles already open keep working.
	if ok, _ := h.Acquire(bg, false, 0); !ok || l.GetValue() != 0 {
		t.Fatal("handle stopped working after Unlink")
	}
}

// The creator removes the file when the SemLock becomes garbage.
func TestUnlinkWhenGarbage(t *testing.T) {
	l := must[*synchronize.Lock](t)(synchronize.NewLock())
	path := shmfile.Path(l.Name())
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	l = nil
	eventually(t, "the file of a collected lock to go", func() bool {
		runtime.GC()
		_, err := os.Stat(path)
		return os.IsNotExist(err)
	})
}

// Waiters that time out or are cancelled while others block without a
// limit: if a wake-up meant for a leaving waiter were lost, a blocked one
// would never wake and the test would hang.
func TestNoLostWakeups(t *testing.T) {
	s := must[*synchronize.Semaphore](t)(synchronize.NewSemaphore(1))
	done := make(chan int)
	for g := range 6 {
		h := must[*synchronize.SemLock](t)(synchronize.Open(s.Name()))
		go func() {
			got := 0
			for i := 0; got < 300; i++ {
				ctx, cancel := bg, context.CancelFunc(func() {})
				timeout := synchronize.NoTimeout
				switch g % 3 {
				case 1:
					timeout = time.Duration(i%5) * 50 * time.Microsecond
				case 2:
					ctx, cancel = context.WithTimeout(bg, time.Duration(i%7)*30*time.Microsecond)
				}
				ok, _ := h.Acquire(ctx, true, timeout)
				cancel()
				if ok {
					got++
					time.Sleep(20 * time.Microsecond) // hold it: others must sleep
					h.Release(bg)
				}
			}
			done <- g
		}()
	}
	for range 6 {
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("a waiter never woke (value %d)", s.GetValue())
		}
	}
	if s.GetValue() != 1 {
		t.Fatalf("value %d at the end, want 1", s.GetValue())
	}
}
