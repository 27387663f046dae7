package pool

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// These tests race the lock-free transitions of a Future against each
// other and against goroutines that start watching it (callbacks, waiters,
// DoneChan) at the same moment; run them with -race.

func TestFutureCancelRacesSetRunning(t *testing.T) {
	for range 2000 {
		f := NewFuture[int]()
		var calls atomic.Int32
		f.AddDoneCallback(func(*Future[int]) error { calls.Add(1); return nil })
		var cancelled, running bool
		var wg sync.WaitGroup
		wg.Add(3)
		go func() { defer wg.Done(); cancelled = f.Cancel() }()
		go func() {
			defer wg.Done()
			ok, err := f.SetRunningOrNotifyCancel()
			if err != nil {
				t.Error(err)
			}
			running = ok
			if ok {
				f.SetResult(1)
			}
		}()
		late := make(chan struct{})
		go func() {
			defer wg.Done()
			f.AddDoneCallback(func(*Future[int]) error { calls.Add(1); return nil })
			<-f.DoneChan()
			close(late)
		}()
		wg.Wait()
		<-late
		if cancelled == running {
			t.Fatalf("Cancel %v and SetRunningOrNotifyCancel %v", cancelled, running)
		}
		want := CancelledAndNotified
		if running {
			want = Finished
		}
		if f.State() != want {
			t.Fatalf("state %v, want %v", f.State(), want)
		}
		if calls.Load() != 2 {
			t.Fatalf("callbacks ran %d times, want 2", calls.Load())
		}
	}
}

func TestFutureConcurrentSettersOneWins(t *testing.T) {
	boom := errors.New("boom")
	for range 2000 {
		f := NewFuture[int]()
		var ok atomic.Int32
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var err error
				if i%2 == 0 {
					err = f.SetResult(i)
				} else {
					err = f.SetException(boom)
				}
				var ise *InvalidStateError
				switch {
				case err == nil:
					ok.Add(1)
				case !errors.As(err, &ise):
					t.Errorf("losing setter: %v", err)
				}
			}()
		}
		wg.Add(1)
		go func() { defer wg.Done(); f.Cancel() }()
		wg.Wait()
		st := f.State()
		if st == Cancelled {
			if ok.Load() != 0 {
				t.Fatalf("cancelled, and %d setters succeeded", ok.Load())
			}
			continue
		}
		if st != Finished || ok.Load() != 1 {
			t.Fatalf("state %v with %d successful setters", st, ok.Load())
		}
		v, err := f.ResultTimeout(0)
		if (err != nil && (err != boom || v != 0)) || (err == nil && v%2 != 0) {
			t.Fatalf("outcome %v, %v", v, err)
		}
	}
}

func TestFutureWaitersRaceCompletion(t *testing.T) {
	for range 300 {
		fs := make([]*Future[int], 8)
		for i := range fs {
			fs[i] = NewFuture[int]()
		}
		var wg sync.WaitGroup
		for i, f := range fs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				switch i % 3 {
				case 0:
					f.SetResult(i)
				case 1:
					f.SetException(errors.New("x"))
				case 2:
					f.Cancel()
					f.SetRunningOrNotifyCancel()
				}
			}()
		}
		res, err := Wait(fs, NoTimeout, AllCompleted)
		if err != nil || len(res.Done) != len(fs) {
			t.Fatalf("Wait: %v, %d done", err, len(res.Done))
		}
		for _, f := range fs {
			if _, err := f.Result(context.Background()); f.State() == Finished && f.errOf() == nil && err != nil {
				t.Fatal(err)
			}
		}
		wg.Wait()
	}
}
