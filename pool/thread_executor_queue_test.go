package pool

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// seqItem is a work item that records its number when run.
type seqItem struct {
	n   int
	out *[]int
}

func (s *seqItem) run(context.Context) { *s.out = append(*s.out, s.n) }
func (s *seqItem) cancel()             {}
func (s *seqItem) fail(error)          {}

func TestWorkQueueFIFOAcrossSegments(t *testing.T) {
	q := newWorkQueue()
	var out []int
	n := 3*queueSegSize + 7
	for i := range n {
		q.push(&seqItem{n: i, out: &out})
		if i%5 == 4 { // interleave pops with pushes
			w, ok := q.pop()
			if !ok {
				t.Fatal("pop on a non-empty queue failed")
			}
			w.run(nil)
		}
	}
	if q.len() != n-n/5 {
		t.Fatalf("len %d, want %d", q.len(), n-n/5)
	}
	for {
		w, ok := q.pop()
		if !ok {
			break
		}
		w.run(nil)
	}
	if len(out) != n {
		t.Fatalf("popped %d of %d", len(out), n)
	}
	for i, v := range out {
		if v != i {
			t.Fatalf("item %d came out as %d", i, v)
		}
	}
	if q.len() != 0 {
		t.Fatalf("len %d after draining", q.len())
	}
}

// countItem is a work item that counts its runs.
type countItem struct{ runs int }

func (c *countItem) run(context.Context) { c.runs++ }
func (c *countItem) cancel()             {}
func (c *countItem) fail(error)          {}

// TestWorkQueueConcurrentPops pops from several goroutines while one pushes
// (under a lock, as submit does): every item comes out exactly once, and
// each popper sees its items in queue order.
func TestWorkQueueConcurrentPops(t *testing.T) {
	q := newWorkQueue()
	const n = 20 * queueSegSize
	items := make([]*countItem, n)
	index := make(map[workItem]int, n)
	for i := range items {
		items[i] = new(countItem)
		index[items[i]] = i
	}
	var pushMu sync.Mutex
	var done sync.WaitGroup
	pushed := make(chan struct{})
	got := make([][]int, 4)
	for p := range got {
		done.Add(1)
		go func() {
			defer done.Done()
			for {
				w, ok := q.pop()
				if !ok {
					select {
					case <-pushed:
						if q.len() == 0 {
							return
						}
					default:
					}
					continue
				}
				w.run(nil)
				got[p] = append(got[p], index[w])
			}
		}()
	}
	for _, it := range items {
		pushMu.Lock()
		q.push(it)
		pushMu.Unlock()
	}
	close(pushed)
	done.Wait()
	total := 0
	for p, seq := range got {
		total += len(seq)
		for i := 1; i < len(seq); i++ {
			if seq[i] <= seq[i-1] {
				t.Fatalf("popper %d got item %d after %d", p, seq[i], seq[i-1])
			}
		}
	}
	if total != n {
		t.Fatalf("popped %d items, want %d", total, n)
	}
	for i, it := range items {
		if it.runs != 1 {
			t.Fatalf("item %d popped %d times", i, it.runs)
		}
	}
}

// TestThreadExecutorQueuedItemNotStranded: a call that blocks until a call
// submitted after it has run must not hang while a worker is free, whatever
// the spinning and sleeping workers were doing (CPython runs the second
// call on another thread).
func TestThreadExecutorQueuedItemNotStranded(t *testing.T) {
	for _, workers := range []int{2, 3, 6} {
		ex := newExec(t, Workers(workers))
		for round := range 300 {
			release := make(chan struct{})
			var once sync.Once
			open := func() { once.Do(func() { close(release) }) }
			var fs []*Future[int]
			for range workers - 1 {
				f, err := Submit(ex, func(context.Context) (int, error) { <-release; return 1, nil })
				if err != nil {
					t.Fatal(err)
				}
				fs = append(fs, f)
			}
			last, err := Submit(ex, func(context.Context) (int, error) { open(); return 2, nil })
			if err != nil {
				t.Fatal(err)
			}
			fs = append(fs, last)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			for _, f := range fs {
				if _, err := f.Result(ctx); err != nil {
					s := ex.s
					s.mu.Lock()
					state := fmt.Sprintf("threads %d alive %d waiting %d spinning %d idle %d queued %d",
						s.threads, s.alive, s.waiting, s.spinning.Load(), s.idle.Load(), s.queue.len())
					s.mu.Unlock()
					open() // let the blocked calls end, so that cleanup does not hang
					t.Fatalf("%d workers, round %d: %v (%s)", workers, round, err, state)
				}
			}
			cancel()
			if round%50 == 0 {
				time.Sleep(time.Millisecond) // let the workers fall asleep now and then
			}
		}
	}
}

// TestThreadExecutorManyTasksManySubmitters runs many small tasks from
// several submitters across queue segments: every result arrives.
func TestThreadExecutorManyTasksManySubmitters(t *testing.T) {
	ex := newExec(t, Workers(4))
	const per = 3 * queueSegSize
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fs := make([]*Future[int], per)
			for i := range fs {
				f, err := Submit(ex, func(context.Context) (int, error) { return g*per + i, nil })
				if err != nil {
					errs <- err
					return
				}
				fs[i] = f
			}
			for i, f := range fs {
				if v, err := f.ResultTimeout(NoTimeout); err != nil || v != g*per+i {
					errs <- &ValueError{Msg: "wrong result"}
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}
