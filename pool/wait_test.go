package pool

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func finished(v int) *Future[int] {
	f := NewFuture[int]()
	f.SetResult(v)
	return f
}

func failed(msg string) *Future[int] {
	f := NewFuture[int]()
	f.SetException(errors.New(msg))
	return f
}

func cancelledNotified() *Future[int] {
	f := NewFuture[int]()
	f.Cancel()
	f.SetRunningOrNotifyCancel()
	return f
}

func same[F comparable](a, b []F) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWaitAlreadyDone(t *testing.T) {
	a, b, c := finished(1), failed("x"), cancelledNotified()
	p := NewFuture[int]()
	for _, rw := range []ReturnWhen{FirstCompleted, FirstException, AllCompleted} {
		r, err := Wait([]*Future[int]{a, b, a, c}, NoTimeout, rw)
		if err != nil || !same(r.Done, []*Future[int]{a, b, c}) || len(r.NotDone) != 0 {
			t.Fatalf("%s: %v %v", rw, r, err)
		}
	}
	// FIRST_COMPLETED returns at once when one is done.
	r, _ := Wait([]*Future[int]{p, a}, NoTimeout, FirstCompleted)
	if !same(r.Done, []*Future[int]{a}) || !same(r.NotDone, []*Future[int]{p}) {
		t.Fatalf("first completed: %v", r)
	}
	// FIRST_EXCEPTION returns at once when one failed.
	r, _ = Wait([]*Future[int]{p, a, b}, NoTimeout, FirstException)
	if !same(r.Done, []*Future[int]{a, b}) || !same(r.NotDone, []*Future[int]{p}) {
		t.Fatalf("first exception: %v", r)
	}
	// A future cancelled but never noticed by an executor is not done (CPython).
	q := NewFuture[int]()
	q.Cancel()
	r, _ = Wait([]*Future[int]{q, a}, 10*time.Millisecond, AllCompleted)
	if !same(r.Done, []*Future[int]{a}) || !same(r.NotDone, []*Future[int]{q}) {
		t.Fatalf("cancelled-not-notified: %v", r)
	}
}

func TestWaitTimeout(t *testing.T) {
	p, q := NewFuture[int](), NewFuture[int]()
	for _, rw := range []ReturnWhen{FirstCompleted, FirstException, AllCompleted} {
		r, err := Wait([]*Future[int]{p, q}, 5*time.Millisecond, rw)
		if err != nil || len(r.Done) != 0 || !same(r.NotDone, []*Future[int]{p, q}) {
			t.Fatalf("%s: %v %v", rw, r, err)
		}
	}
	r, _ := Wait([]*Future[int]{p}, 0, AllCompleted)
	if len(r.NotDone) != 1 {
		t.Fatal("zero timeout waited")
	}
	// The waiters were removed again.
	if nWaiters(p) != 0 || nWaiters(q) != 0 {
		t.Fatalf("waiters left behind: %d %d", nWaiters(p), nWaiters(q))
	}
}

func TestWaitWakes(t *testing.T) {
	// FIRST_COMPLETED wakes on the first result.
	p, q := NewFuture[int](), NewFuture[int]()
	go func() { time.Sleep(5 * time.Millisecond); q.SetResult(1) }()
	r, _ := Wait([]*Future[int]{p, q}, NoTimeout, FirstCompleted)
	if !same(r.Done, []*Future[int]{q}) || !same(r.NotDone, []*Future[int]{p}) {
		t.Fatalf("first completed: %v", r)
	}
	// FIRST_EXCEPTION wakes on a failure, not on a success.
	a, b, c := NewFuture[int](), NewFuture[int](), NewFuture[int]()
	go func() {
		a.SetResult(1)
		time.Sleep(5 * time.Millisecond)
		b.SetException(errors.New("boom"))
	}()
	r, _ = Wait([]*Future[int]{a, b, c}, NoTimeout, FirstException)
	if !same(r.Done, []*Future[int]{a, b}) || !same(r.NotDone, []*Future[int]{c}) {
		t.Fatalf("first exception: %v", r)
	}
	// FIRST_EXCEPTION without failures and ALL_COMPLETED wait for all,
	// counting cancellations noticed by the executor.
	for _, rw := range []ReturnWhen{FirstException, AllCompleted} {
		fs := []*Future[int]{NewFuture[int](), NewFuture[int](), NewFuture[int]()}
		go func() {
			for i, f := range fs {
				time.Sleep(time.Millisecond)
				if i == 1 {
					f.Cancel()
					f.SetRunningOrNotifyCancel()
					continue
				}
				f.SetResult(i)
			}
		}()
		r, _ := Wait(fs, NoTimeout, rw)
		if !same(r.Done, fs) || len(r.NotDone) != 0 {
			t.Fatalf("%s: %v", rw, r)
		}
	}
}

func TestWaitMixedAndInvalid(t *testing.T) {
	s := NewFuture[string]()
	s.SetResult("x")
	i := NewFuture[int]()
	r, err := Wait([]Waitable{s, i}, 0, FirstCompleted)
	if err != nil || len(r.Done) != 1 || r.Done[0] != Waitable(s) {
		t.Fatalf("mixed: %v %v", r, err)
	}
	_, err = Wait([]Waitable{s}, 0, "SOMETIMES")
	var ve *ValueError
	if !errors.As(err, &ve) || err.Error() != "Invalid return condition: 'SOMETIMES'" {
		t.Fatalf("invalid return_when: %v", err)
	}
	_, err = Wait([]*Future[int]{nil}, 0, AllCompleted)
	if !errors.As(err, &ve) {
		t.Fatalf("nil future: %v", err)
	}
}

func TestAsCompletedOrder(t *testing.T) {
	a := finished(1)
	fs := []*Future[int]{NewFuture[int](), a, NewFuture[int](), NewFuture[int]()}
	go func() {
		// Complete them only once AsCompleted watches them all.
		for nWaiters(fs[0]) == 0 || nWaiters(fs[2]) == 0 || nWaiters(fs[3]) == 0 {
			time.Sleep(time.Millisecond)
		}
		for _, i := range []int{3, 0, 2} {
			time.Sleep(2 * time.Millisecond)
			if i == 2 {
				fs[i].Cancel()
				fs[i].SetRunningOrNotifyCancel()
			} else {
				fs[i].SetResult(i)
			}
		}
	}()
	var got []*Future[int]
	for f, err := range AsCompleted(append(fs, a), NoTimeout) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, f)
	}
	if !same(got, []*Future[int]{a, fs[3], fs[0], fs[2]}) {
		t.Fatalf("order %v", got)
	}
	for _, f := range fs {
		if nWaiters(f) != 0 {
			t.Fatal("waiter left installed")
		}
	}
}

func TestAsCompletedTimeout(t *testing.T) {
	a, p, q := finished(1), NewFuture[int](), NewFuture[int]()
	var got []*Future[int]
	var gotErr error
	for f, err := range AsCompleted([]*Future[int]{a, p, q}, 10*time.Millisecond) {
		if err != nil {
			gotErr = err
			if f != nil {
				t.Error("timeout yielded a future")
			}
			continue
		}
		got = append(got, f)
	}
	if !same(got, []*Future[int]{a}) {
		t.Fatalf("got %v", got)
	}
	if !isTimeout(gotErr) || gotErr.Error() != "2 (of 3) futures unfinished" {
		t.Fatalf("err %v", gotErr)
	}
	if nWaiters(p) != 0 || nWaiters(q) != 0 {
		t.Fatal("waiter left installed after timeout")
	}
	// timeout 0 with pending futures fails at once.
	for _, err := range AsCompleted([]*Future[int]{p}, 0) {
		if err == nil || err.Error() != "1 (of 1) futures unfinished" {
			t.Fatalf("zero timeout: %v", err)
		}
	}
}

func TestAsCompletedBreak(t *testing.T) {
	fs := []*Future[int]{finished(1), finished(2), NewFuture[int]()}
	n := 0
	for range AsCompleted(fs, NoTimeout) {
		n++
		break
	}
	if n != 1 || nWaiters(fs[2]) != 0 {
		t.Fatalf("break: n=%d waiters=%d", n, nWaiters(fs[2]))
	}
	for _, err := range AsCompleted([]*Future[int]{nil}, 0) {
		if err == nil {
			t.Fatal("nil future accepted")
		}
	}
}

func TestWaitManyConcurrent(t *testing.T) {
	const n = 200
	fs := make([]*Future[int], n)
	for i := range fs {
		fs[i] = NewFuture[int]()
	}
	go func() {
		for i, f := range fs {
			f.SetResult(i)
		}
	}()
	r, err := Wait(fs, NoTimeout, AllCompleted)
	if err != nil || len(r.Done) != n {
		t.Fatalf("done %d, err %v", len(r.Done), err)
	}
	seen := 0
	gs := make([]*Future[int], n)
	for i := range gs {
		gs[i] = NewFuture[int]()
	}
	go func() {
		for i := n - 1; i >= 0; i-- {
			gs[i].SetResult(i)
		}
	}()
	for f, err := range AsCompleted(gs, NoTimeout) {
		if err != nil || !f.Done() {
			t.Fatal(fmt.Sprint(err))
		}
		seen++
	}
	if seen != n {
		t.Fatalf("as_completed yielded %d", seen)
	}
}

func nWaiters[T any](f *Future[T]) int {
	x := f.x.Load()
	if x == nil {
		return 0
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.w == nil {
		return 0
	}
	return len(x.w.waiters)
}
