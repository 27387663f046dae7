package pool

import (
	"errors"
	"fmt"
	"iter"
	"os"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// Imap reads its input only as far as the workers can take it (issue 14,
// item 6): with every task blocked, the task handler stops after
// feedAhead jobs per worker, however long the input; released, every
// result arrives.
func TestImapFeedsBoundedAhead(t *testing.T) {
	for _, chunksize := range []int{1, 7} {
		t.Run(fmt.Sprintf("chunksize=%d", chunksize), func(t *testing.T) {
			const workers = 2
			p := newThreadPool(t, Workers(workers))
			gate := make(chan struct{})
			blocked := fn(func(x int64) (wire.Value, error) {
				<-gate
				return x, nil
			})
			var pulled atomic.Int64
			const n = 100_000
			counted := func(yield func(wire.Value, error) bool) {
				for i := range n {
					pulled.Add(1)
					if !yield(int64(i), nil) {
						return
					}
				}
			}
			it, err := p.ImapUnordered(blocked, counted, chunksize)
			if err != nil {
				t.Fatal(err)
			}
			// The feeder takes the window's jobs, reads one more chunk,
			// and waits for room.
			limit := int64((feedAhead*workers + 1) * chunksize)
			deadline := time.Now().Add(faultWait)
			for pulled.Load() < limit && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			time.Sleep(50 * time.Millisecond) // a feeder that goes on would show it here
			if got := pulled.Load(); got != limit {
				t.Fatalf("the feeder read %d items with every task blocked; want %d (%d jobs per worker ahead)", got, limit, feedAhead)
			}
			close(gate)
			if sum, count, err := sumResults(it, 0); err != nil || count != n || sum != n*(n-1)/2 {
				t.Fatalf("%d results summing to %d (%v); want %d summing to %d", count, sum, err, n, n*(n-1)/2)
			}
		})
	}
}

// An imap nobody reads holds its feeder back once twice the in-flight
// window of results waits unread; reading lets it go on. Later work, Close
// and Join are never held back by it: the feeder then gives way and every
// task runs, as in CPython.
func TestImapWaitsForItsReader(t *testing.T) {
	const workers = 2
	const n = 10_000
	counting := func(pulled *atomic.Int64) iter.Seq2[wire.Value, error] {
		return func(yield func(wire.Value, error) bool) {
			for i := range n {
				pulled.Add(1)
				if !yield(int64(i), nil) {
					return
				}
			}
		}
	}
	limit := int64(2*feedAhead*workers + 1) // the window's results, and one item waiting for room
	// settle waits until the feeder has read limit items, then a little
	// more (a feeder that goes on would show it), and returns the count.
	settle := func(pulled *atomic.Int64) int64 {
		for deadline := time.Now().Add(faultWait); pulled.Load() < limit && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond)
		return pulled.Load()
	}

	p := newThreadPool(t, Workers(workers))
	var pulled atomic.Int64
	it, err := p.ImapUnordered(square, counting(&pulled), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := settle(&pulled); got != limit {
		t.Fatalf("unread: the feeder read %d items; want %d", got, limit)
	}
	if sum, count, err := sumResults(it, 0); err != nil || count != n {
		t.Fatalf("read: %d results (sum %d), %v; want %d", count, sum, err, n)
	}

	// Later work is not held back, and the unread imap's tasks all run.
	pulled.Store(0)
	unread, err := p.Imap(square, counting(&pulled), 1)
	if err != nil {
		t.Fatal(err)
	}
	settle(&pulled)
	if v, err := p.Map(square, ints(10), 1); err != nil || len(v) != 10 {
		t.Fatalf("map behind an unread imap: %v", err)
	}
	if got := pulled.Load(); got != n {
		t.Fatalf("after later work, the unread imap's feeder read %d items; want all %d", got, n)
	}

	// Close and Join are not held back either.
	pulled.Store(0)
	p2 := newThreadPool(t, Workers(workers))
	if _, err := p2.Imap(square, counting(&pulled), 1); err != nil {
		t.Fatal(err)
	}
	settle(&pulled)
	p2.Close()
	done := make(chan struct{})
	go func() { p2.Join(); close(done) }()
	select {
	case <-done:
	case <-time.After(faultWait):
		t.Fatal("Join hangs behind an unread imap")
	}
	if got := pulled.Load(); got != n {
		t.Fatalf("after Close, the unread imap's feeder read %d items; want all %d", got, n)
	}
	if sum, count, err := sumResults(unread, 0); err != nil || count != n || sum == 0 {
		t.Fatalf("the imap read late: %d results, %v", count, err)
	}
}

// submitCounter wraps a backend and counts the jobs handed to it.
type submitCounter struct {
	backend
	n atomic.Int64
}

func (c *submitCounter) submit(j *job) {
	c.n.Add(1)
	c.backend.submit(j)
}

// Map and Starmap make their chunks' jobs only as the workers take them:
// with every task blocked, feedAhead jobs per worker are out, however many
// chunks the map has (a million-task map held a million jobs).
func TestMapFeedsBoundedAhead(t *testing.T) {
	const workers = 2
	counter := &submitCounter{}
	p, err := newPool("ThreadPool", []Option{Workers(workers)}, func(cfg backendConfig) (backend, error) {
		b, err := newThreadBackend(cfg)
		counter.backend = b
		return counter, err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { p.Terminate(); p.Join() }()
	gate := make(chan struct{})
	blocked := fn(func(x int64) (wire.Value, error) {
		<-gate
		return x, nil
	})
	const n = 50_000
	r, err := p.MapAsync(blocked, ints(n), 1, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	limit := int64(feedAhead * workers)
	deadline := time.Now().Add(faultWait)
	for counter.n.Load() < limit && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // a feeder that goes on would show it here
	if got := counter.n.Load(); got != limit {
		t.Fatalf("%d jobs out with every task blocked; want %d", got, limit)
	}
	close(gate)
	v, err := r.Get(faultWait)
	if err != nil || len(v.(wire.List)) != n || v.(wire.List)[n-1] != int64(n-1) {
		t.Fatalf("map: %v", err)
	}
}

// A feeder waiting for room stops at Terminate; the iterator then fails
// with ErrTerminated.
func TestImapFeederStopsAtTerminate(t *testing.T) {
	p, err := NewThreadPool(Workers(1))
	if err != nil {
		t.Fatal(err)
	}
	gate := make(chan struct{})
	defer close(gate)
	blocked := fn(func(x int64) (wire.Value, error) {
		<-gate
		return x, nil
	})
	endless := func(yield func(wire.Value, error) bool) {
		for i := int64(0); yield(i, nil); i++ {
		}
	}
	it, err := p.Imap(blocked, endless, 1)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { p.Terminate(); close(done) }()
	select {
	case <-done:
	case <-time.After(faultWait):
		t.Fatal("Terminate hangs while the imap feeder waits for room")
	}
	if _, err := it.Next(faultWait); err != ErrTerminated {
		t.Fatalf("Next after Terminate: %v; want ErrTerminated", err)
	}
}

// tfFail3Exit6 raises for 3, calls os.Exit(1) for 6, and returns x*x
// otherwise.
var tfFail3Exit6 = Register("test.fail3exit6", func(x int64) (int64, error) {
	switch x {
	case 3:
		return 0, fmt.Errorf("bad %d", x)
	case 6:
		os.Exit(1)
	}
	return x * x, nil
})

// Imap and ImapUnordered go on after a failing item and after a killed
// worker, as CPython's raise at the item and then yield the later ones
// (issue 14, item 4): the task's error or a *WorkerLostError at its
// position, then every later result.
func TestProcessImapGoesOnAfterFailures(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(2))
	const n = 10
	for _, unordered := range []bool{false, true} {
		fn := tfFail3Exit6
		var it *IMapIterator
		var err error
		if unordered {
			it, err = p.ImapUnordered(fn, Values(seqInts(n)), 1)
		} else {
			it, err = p.Imap(fn, Values(seqInts(n)), 1)
		}
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for {
			v, err := it.Next(faultWait)
			if err == ErrStopIteration {
				break
			}
			var exc *wire.Exception
			switch {
			case err == nil:
				got = append(got, fmt.Sprint(v))
			case errors.As(err, &exc):
				got = append(got, exc.Type+": "+exc.Message)
			case isLost(err):
				got = append(got, "lost")
			default:
				t.Fatalf("unordered=%v: %v after %q", unordered, err, got)
			}
		}
		want := []string{"0", "1", "4", "RuntimeError: bad 3", "16", "25", "lost", "49", "64", "81"}
		if unordered {
			slices.Sort(got)
			slices.Sort(want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("unordered=%v: got %q, want %q", unordered, got, want)
		}
	}
}
