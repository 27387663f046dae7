package pool

import (
	"fmt"
	"sync"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// AsyncResult is the result of Pool.ApplyAsync, MapAsync or StarmapAsync:
// CPython's ApplyResult and MapResult (multiprocessing.pool.AsyncResult).
// Its methods are safe for concurrent use.
type AsyncResult struct {
	cacheEntry
	kind  string        // "ApplyResult" or "MapResult"
	ready chan struct{} // closed when ready

	// Written on the result handler goroutine before ready is closed; read
	// after it.
	success bool
	value   wire.Value
	err     error

	callback      func(wire.Value) error
	errorCallback func(error) error

	// MapResult: chunks not yet back, and the chunks' result lists in
	// order; value is made from them (flatten) when first asked for.
	chunksize  int
	numberLeft int
	length     int
	chunks     []wire.List
	flatOnce   sync.Once
}

func newApplyResult(callback func(wire.Value) error, errorCallback func(error) error) *AsyncResult {
	return &AsyncResult{kind: "ApplyResult", ready: make(chan struct{}), callback: callback, errorCallback: errorCallback}
}

// newMapResult is CPython's MapResult: length results in chunks of
// chunksize; with chunksize 0 it is ready at once (an empty map).
func newMapResult(chunksize, length int, callback func(wire.Value) error, errorCallback func(error) error) *AsyncResult {
	r := &AsyncResult{kind: "MapResult", ready: make(chan struct{}), callback: callback, errorCallback: errorCallback,
		success: true, chunksize: chunksize, length: length}
	if chunksize <= 0 {
		close(r.ready)
	} else {
		r.numberLeft = length/chunksize + min(length%chunksize, 1)
		r.chunks = make([]wire.List, r.numberLeft)
	}
	return r
}

// String is CPython's repr: "<multiprocessing.pool.ApplyResult object at
// 0xc000123456>" (or MapResult).
func (r *AsyncResult) String() string {
	return fmt.Sprintf("<multiprocessing.pool.%s object at %p>", r.kind, r)
}

// Ready reports whether the call has completed.
func (r *AsyncResult) Ready() bool {
	select {
	case <-r.ready:
		return true
	default:
		return false
	}
}

// Done returns a channel closed when the result is ready, for select.
func (r *AsyncResult) Done() <-chan struct{} { return r.ready }

// Wait waits until the result is ready or timeout passes (NoTimeout: no
// limit) and reports whether it is ready.
func (r *AsyncResult) Wait(timeout time.Duration) bool {
	if r.Ready() {
		return true
	}
	switch {
	case timeout == NoTimeout:
		<-r.ready
		return true
	case timeout <= 0:
		return false
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-r.ready:
		return true
	case <-t.C:
		return false
	}
}

// Get waits as Wait and returns the result: the value (a wire.List for a
// map), or the call's error; a *TimeoutError (Python:
// multiprocessing.TimeoutError) if the result is not ready in time.
func (r *AsyncResult) Get(timeout time.Duration) (wire.Value, error) {
	if !r.Wait(timeout) {
		return nil, &TimeoutError{}
	}
	if r.success {
		return r.result(), nil
	}
	return nil, r.err
}

// MapChunks waits as Wait and returns a map's results as the chunks the
// workers sent them, in order: the list Get returns, without copying them
// into one (for a caller that converts every item anyway). For an apply
// it returns the result as the one item of one chunk.
func (r *AsyncResult) MapChunks(timeout time.Duration) ([]wire.List, error) {
	if !r.Wait(timeout) {
		return nil, &TimeoutError{}
	}
	if !r.success {
		return nil, r.err
	}
	if r.kind != "MapResult" {
		return []wire.List{{r.value}}, nil
	}
	return r.chunks, nil
}

// result is the value of a successful call: for a map, its chunks made one
// list, once.
func (r *AsyncResult) result() wire.Value {
	if r.kind != "MapResult" {
		return r.value
	}
	r.flatOnce.Do(func() {
		list := make(wire.List, r.length)
		for i, c := range r.chunks {
			copy(list[i*r.chunksize:], c)
		}
		r.value = list
	})
	return r.value
}

// Successful reports whether the call completed without error. Before the
// result is ready it returns a *ValueError, CPython's
// "<multiprocessing.pool.ApplyResult object at 0x…> not ready".
func (r *AsyncResult) Successful() (bool, error) {
	if !r.Ready() {
		return false, &ValueError{Msg: r.String() + " not ready"}
	}
	return r.success, nil
}

// set is CPython's ApplyResult._set / MapResult._set, on the result
// handler goroutine.
func (r *AsyncResult) set(i int, v wire.Value, err error) bool {
	if r.Ready() {
		return true // an empty map, or aborted
	}
	if r.kind == "ApplyResult" {
		r.success, r.value, r.err = err == nil, v, err
		if err == nil {
			r.runCallback(r.callback, v)
		} else {
			r.runErrorCallback(err)
		}
		close(r.ready)
		return true
	}
	r.numberLeft--
	if err == nil {
		chunk, ok := v.(wire.List)
		want := min(r.chunksize, r.length-i*r.chunksize)
		switch {
		case !ok:
			err = fmt.Errorf("map: chunk %d: the worker returned %s, not a list of the chunk's results", i, typeName(v))
		case len(chunk) != want:
			err = fmt.Errorf("map: chunk %d: the worker returned %d results for %d items", i, len(chunk), want)
		case r.success:
			r.chunks[i] = chunk
		}
	}
	if err != nil && r.success {
		r.success, r.value, r.err = false, nil, err // only the first error is kept
	}
	if r.numberLeft > 0 {
		return false
	}
	if r.success {
		if r.callback != nil {
			r.runCallback(r.callback, r.result())
		}
	} else {
		r.runErrorCallback(r.err)
	}
	close(r.ready)
	return true
}

func (r *AsyncResult) setLength(int) bool { return r.Ready() }

func (r *AsyncResult) entry() *cacheEntry { return &r.cacheEntry }

func (r *AsyncResult) abort(err error) {
	if r.Ready() {
		return
	}
	r.success, r.value, r.err = false, nil, err
	close(r.ready)
}

func (r *AsyncResult) runCallback(fn func(wire.Value) error, v wire.Value) {
	if fn == nil {
		return
	}
	logCallback(r, func() error { return fn(v) })
}

func (r *AsyncResult) runErrorCallback(err error) {
	if r.errorCallback == nil {
		return
	}
	logCallback(r, func() error { return r.errorCallback(err) })
}

// logCallback runs a Pool callback; an error or a panic is logged as
// "exception calling callback for <…>" and goes no further.
func logCallback(owner fmt.Stringer, call func() error) {
	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				err = newPanicError(p)
			}
		}()
		err = call()
	}()
	if err != nil {
		logError("exception calling callback for "+owner.String(), err)
	}
}
