package pool

import (
	"errors"
	"fmt"
	"iter"
	"sync"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// ErrStopIteration is what IMapIterator.Next returns once every result has
// been returned (Python: StopIteration).
var ErrStopIteration = errors.New("StopIteration")

// IMapIterator iterates over the results of Pool.Imap (in input order) or
// Pool.ImapUnordered (in completion order): CPython's IMapIterator and
// IMapUnorderedIterator. A task's error is returned at its position and the
// iteration may go on. With a chunksize above 1 the results are flattened
// from the chunks as CPython's generator does, and a failed chunk ends the
// iteration after its error. Its methods are safe for concurrent use.
type IMapIterator struct {
	cacheEntry
	unordered bool
	chunked   bool

	mu       sync.Mutex
	items    ring[imapItem] // results ready to be returned, in order
	index    int            // results moved into items so far
	length   int            // the number of results; -1 until known
	unsorted map[int]imapItem
	wake     chan struct{} // made by a waiting Next, closed on news
	aborted  error

	// inputErr is the input iterable's error held back by an unordered
	// iterator until the results of the jobs sent before it are in: CPython
	// sends it as one more task, which its workers take after those.
	inputErr   *imapItem
	inputErrAt int

	chunk []wire.Value // chunked: the rest of the current chunk
	ended bool         // chunked: a failed chunk ended the iteration

	window *feedWindow // told when a job's result is taken (read)
}

type imapItem struct {
	v   wire.Value
	err error
}

// Imap is a lazy Map: it takes the items from an iterator (on the pool's
// task handler goroutine, as CPython's task handler iterates the input) and
// returns an iterator over the results in input order. chunksize must be at
// least 1 (CPython's default is 1). An error that items yields becomes the
// result at its position and ends the input, as in CPython. The input is
// read only as far as the workers can take it (a bounded number of jobs per
// worker out at once, as CPython's handler blocks on its full task pipe)
// and, while nothing else is queued and the pool runs, as far as the
// iterator's reader keeps up; so memory does not grow with its length.
// While Imap waits for the workers, the pool's later work waits behind it,
// as in CPython. A failing task's error
// is returned at its position and the iteration goes on (with a chunksize
// above 1, a failed chunk ends it, as CPython's flattening generator).
func (p *Pool) Imap(fn Callable, items iter.Seq2[wire.Value, error], chunksize int) (*IMapIterator, error) {
	return p.imap("imap", fn, items, chunksize, false)
}

// ImapUnordered is Imap with the results in the order they complete.
func (p *Pool) ImapUnordered(fn Callable, items iter.Seq2[wire.Value, error], chunksize int) (*IMapIterator, error) {
	return p.imap("imap_unordered", fn, items, chunksize, true)
}

func (p *Pool) imap(name string, fn Callable, items iter.Seq2[wire.Value, error], chunksize int, unordered bool) (*IMapIterator, error) {
	if err := p.checkRunning(); err != nil {
		return nil, err
	}
	if fn == nil {
		return nil, &TypeError{Msg: name + "() func must be a callable, not nil"}
	}
	if items == nil {
		return nil, &TypeError{Msg: name + "() items must be an iterator, not nil"}
	}
	if chunksize < 1 {
		return nil, &ValueError{Msg: fmt.Sprintf("Chunksize must be 1+, not %d", chunksize)}
	}
	it := &IMapIterator{unordered: unordered, chunked: chunksize > 1, length: -1, unsorted: map[int]imapItem{}}
	mode := wire.ModeCall
	if chunksize > 1 {
		mode = wire.ModeMap
	}
	// The input is read only as far as the workers and the reader keep up
	// (feed.go), so a long or endless input costs memory for the jobs in
	// flight, not for its length.
	window := p.newFeedWindow(true)
	it.window = window
	seq := &taskSeq{lengthSink: it, run: func(submit func(*job) bool) (n int, ok bool) {
		send := func(args []wire.Value) bool {
			if !window.take() {
				return false
			}
			j := &job{fn: fn, mode: mode, args: args}
			idx := n
			j.done = func(v wire.Value, err error) {
				window.finished()
				p.deliver(resultMsg{sink: it, i: idx, v: v, err: err})
			}
			if !submit(j) {
				return false
			}
			n++
			return true
		}
		var chunk []wire.Value
		stopped := false
		err := iterate(items, func(x wire.Value) bool {
			if mode == wire.ModeCall {
				stopped = !send([]wire.Value{x})
				return !stopped
			}
			chunk = append(chunk, x)
			if len(chunk) == chunksize {
				stopped = !send(chunk)
				chunk = nil
			}
			return !stopped
		})
		if stopped {
			return n, false
		}
		if err != nil {
			// CPython: the input's error is the result after the last task
			// (a partly read chunk is lost).
			p.deliver(resultMsg{sink: it, i: n, err: inputError{err}})
			return n + 1, true
		}
		if len(chunk) > 0 && !send(chunk) {
			return n, false
		}
		return n, true
	}}
	if err := p.put(it, seq); err != nil {
		return nil, err
	}
	return it, nil
}

// iterate ranges over items, returning the first error it yields or a
// panic in it as a *PanicError.
func iterate(items iter.Seq2[wire.Value, error], each func(wire.Value) bool) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = newPanicError(r)
		}
	}()
	for x, e := range items {
		if e != nil {
			return e
		}
		if !each(x) {
			return nil
		}
	}
	return nil
}

// notify wakes a waiting Next; it.mu is held.
func (it *IMapIterator) notify() {
	if it.wake != nil {
		close(it.wake)
		it.wake = nil
	}
}

// set is CPython's IMapIterator._set (ordered) or
// IMapUnorderedIterator._set, on the result handler goroutine.
func (it *IMapIterator) set(i int, v wire.Value, err error) bool {
	it.mu.Lock()
	defer it.mu.Unlock()
	in, fromInput := err.(inputError)
	if fromInput {
		err = in.err
	}
	item := imapItem{v, err}
	if it.unordered {
		if fromInput && it.index < i {
			it.inputErr, it.inputErrAt = &item, i
			return false
		}
		it.items.push(item)
		it.index++
		if it.inputErr != nil && it.index == it.inputErrAt {
			it.items.push(*it.inputErr)
			it.inputErr = nil
			it.index++
		}
		it.notify()
	} else if it.index == i {
		it.items.push(item)
		it.index++
		for {
			next, ok := it.unsorted[it.index]
			if !ok {
				break
			}
			delete(it.unsorted, it.index)
			it.items.push(next)
			it.index++
		}
		it.notify()
	} else {
		it.unsorted[i] = item
	}
	return it.index == it.length
}

// inputError marks the input iterable's error on its way to set.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }

func (it *IMapIterator) entry() *cacheEntry { return &it.cacheEntry }

// setLength is CPython's _set_length.
func (it *IMapIterator) setLength(n int) bool {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.length = n
	if it.index == n {
		it.notify()
		return true
	}
	return false
}

func (it *IMapIterator) abort(err error) {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.aborted = err
	it.notify()
}

// Next returns the next result, waiting at most timeout (NoTimeout: no
// limit). It returns the task's error at its position, ErrStopIteration
// after the last result, a *TimeoutError (Python: multiprocessing.
// TimeoutError) if no result came in time, and ErrTerminated if the pool was
// terminated first.
func (it *IMapIterator) Next(timeout time.Duration) (wire.Value, error) {
	var start time.Time
	if timeout != NoTimeout {
		start = time.Now()
	}
	it.mu.Lock()
	defer it.mu.Unlock()
	for {
		if len(it.chunk) > 0 {
			v := it.chunk[0]
			it.chunk[0] = nil // released once returned
			it.chunk = it.chunk[1:]
			return v, nil
		}
		if it.ended {
			return nil, ErrStopIteration
		}
		if item, ok := it.items.pop(); ok {
			it.window.read()
			if !it.chunked {
				return item.v, item.err
			}
			if item.err != nil {
				it.ended = true
				return nil, item.err
			}
			chunk, ok := item.v.(wire.List)
			if !ok {
				it.ended = true
				return nil, fmt.Errorf("imap: the worker returned %s, not a list of the chunk's results", typeName(item.v))
			}
			it.chunk = chunk
			continue
		}
		if it.index == it.length {
			return nil, ErrStopIteration
		}
		if it.aborted != nil {
			return nil, it.aborted
		}
		wait := timeout
		if timeout != NoTimeout {
			wait = timeout - time.Since(start)
			if wait <= 0 {
				return nil, &TimeoutError{}
			}
		}
		if it.wake == nil {
			it.wake = make(chan struct{})
		}
		ch := it.wake
		it.mu.Unlock()
		if wait == NoTimeout {
			<-ch
		} else {
			t := time.NewTimer(wait)
			select {
			case <-ch:
			case <-t.C:
			}
			t.Stop()
		}
		it.mu.Lock()
	}
}

// All returns a Go iterator over the remaining results and their errors,
// waiting without limit. It stops after the last result, or after yielding
// ErrTerminated.
func (it *IMapIterator) All() iter.Seq2[wire.Value, error] {
	return func(yield func(wire.Value, error) bool) {
		for {
			v, err := it.Next(NoTimeout)
			if err == ErrStopIteration {
				return
			}
			if !yield(v, err) || err == ErrTerminated {
				return
			}
		}
	}
}
