package pool

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// TestPoolTerminateRacesSubmitters terminates a pool while several
// goroutines submit every kind of work: nothing may hang, and every result
// is a value, ErrTerminated, or "Pool not running" at submit.
func TestPoolTerminateRacesSubmitters(t *testing.T) {
	for round := range 5 {
		p, err := NewThreadPool(Workers(3))
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		check := func(err error) {
			var ve *ValueError
			if err != nil && err != ErrTerminated && !(errors.As(err, &ve) && ve.Msg == "Pool not running") {
				errs <- err
			}
		}
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 50 {
					switch (g + i) % 4 {
					case 0:
						r, err := p.ApplyAsync(square, []wire.Value{int64(i)}, nil, nil, nil)
						if err == nil {
							_, err = r.Get(NoTimeout)
						}
						check(err)
					case 1:
						_, err := p.Map(square, ints(20), 3)
						check(err)
					case 2:
						it, err := p.Imap(square, Values(ints(5)), 2)
						if err == nil {
							for _, e := range it.All() {
								check(e)
							}
						} else {
							check(err)
						}
					case 3:
						it, err := p.ImapUnordered(square, Values(ints(5)), 1)
						if err == nil {
							for _, e := range it.All() {
								check(e)
							}
						} else {
							check(err)
						}
					}
				}
			}()
		}
		time.Sleep(time.Duration(round) * time.Millisecond)
		p.Terminate()
		done := make(chan struct{})
		go func() { wg.Wait(); p.Join(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("round %d: hang after Terminate", round)
		}
		close(errs)
		for err := range errs {
			t.Errorf("round %d: unexpected error %v", round, err)
		}
	}
}

// TestExecutorShutdownRacesSubmitters shuts an executor down with
// cancelFutures while goroutines submit and wait: every future ends
// finished or cancelled, and Wait sees all of the finished ones.
func TestExecutorShutdownRacesSubmitters(t *testing.T) {
	ex, _ := NewThreadPoolExecutor(Workers(4))
	var mu sync.Mutex
	var fs []*Future[int]
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				f, err := Submit(ex, func(context.Context) (int, error) { return i, nil })
				if err != nil {
					if err != ErrShutdown {
						t.Error(err)
					}
					return
				}
				mu.Lock()
				fs = append(fs, f)
				mu.Unlock()
			}
		}()
	}
	time.Sleep(time.Millisecond)
	ex.Shutdown(true, true)
	wg.Wait()
	ex.Shutdown(true, false)
	finished := 0
	for _, f := range fs {
		switch f.State() {
		case Finished:
			finished++
		case Cancelled:
		default:
			t.Fatalf("future left %v after shutdown", f.State())
		}
	}
	var done []*Future[int]
	for _, f := range fs {
		if f.State() == Finished {
			done = append(done, f)
		}
	}
	r, err := Wait(done, NoTimeout, AllCompleted)
	if err != nil || len(r.Done) != finished {
		t.Fatalf("Wait: %d of %d, %v", len(r.Done), finished, err)
	}
}

// TestAsCompletedConcurrentCompletion completes futures from many
// goroutines, with cancellations noticed by an "executor", while
// AsCompleted and Wait watch them.
func TestAsCompletedConcurrentCompletion(t *testing.T) {
	const n = 300
	fs := make([]*Future[int], n)
	for i := range fs {
		fs[i] = NewFuture[int]()
	}
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 6 {
				if i%7 == 0 {
					fs[i].Cancel()
				}
				if ok, _ := fs[i].SetRunningOrNotifyCancel(); ok {
					if i%5 == 0 {
						fs[i].SetException(errors.New("x"))
					} else {
						fs[i].SetResult(i)
					}
				}
			}
		}()
	}
	seen := map[*Future[int]]bool{}
	for f, err := range AsCompleted(fs, 20*time.Second) {
		if err != nil {
			t.Fatal(err)
		}
		if seen[f] {
			t.Fatal("yielded twice")
		}
		seen[f] = true
	}
	wg.Wait()
	if len(seen) != n {
		t.Fatalf("yielded %d of %d", len(seen), n)
	}
	r, _ := Wait(fs, 0, AllCompleted)
	if len(r.Done) != n {
		t.Fatalf("Wait done %d", len(r.Done))
	}
}
