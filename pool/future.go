package pool

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// State is a Future's state, as in CPython's concurrent.futures._base.
type State uint8

// Future states. A future starts Pending; an executor moves it to Running
// (SetRunningOrNotifyCancel) and then Finished (SetResult, SetException).
// Cancel moves a pending future to Cancelled; the executor then notices
// (SetRunningOrNotifyCancel returns false) and moves it to
// CancelledAndNotified.
const (
	Pending State = iota
	Running
	Cancelled
	CancelledAndNotified
	Finished
)

var stateNames = [...]string{"PENDING", "RUNNING", "CANCELLED", "CANCELLED_AND_NOTIFIED", "FINISHED"}
var stateDescriptions = [...]string{"pending", "running", "cancelled", "cancelled", "finished"}

// String returns CPython's name of the state, e.g. "FINISHED".
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", uint8(s))
}

func (s State) done() bool { return s >= Cancelled }

// NoTimeout, passed as a timeout, waits without limit (Python: timeout=None).
// Any other duration is a limit; zero or negative ones do not wait at all,
// as in CPython.
const NoTimeout time.Duration = math.MaxInt64

// A Future is the result of an asynchronous computation, after CPython's
// concurrent.futures.Future. Its zero value is a pending future; executors
// create them, and code that implements an executor drives them with
// SetRunningOrNotifyCancel, SetResult and SetException.
//
// A Future's methods are safe for concurrent use.
type Future[T any] struct {
	// word holds the State in its low bits and the flags futureCompleting
	// and futureWatched. Every transition is a compare-and-swap on it, so
	// running, finishing and reading a future nobody waits on take no lock.
	word   atomic.Uint32
	result T                              // written once, before word says Finished
	x      atomic.Pointer[futureExtra[T]] // allocated on first need: most futures have none
}

const (
	futureStateMask = 7
	// futureCompleting: a SetResult or SetException has claimed the future
	// and is storing its outcome; it still reads as Pending or Running.
	futureCompleting = 8
	// futureWatched: x holds a done channel, waiters or callbacks, so the
	// goroutine that makes the future done must take x.mu and tell them.
	// It is set under x.mu.
	futureWatched = 16
)

func wordState(w uint32) State { return State(w & futureStateMask) }

// futureExtra holds what only some futures need, keeping Future small.
type futureExtra[T any] struct {
	err error // the call's error; written once, before the word says Finished

	mu     sync.Mutex // guards the fields below
	cond   sync.Cond  // broadcast when the future becomes done; L is &mu
	done   chan struct{}
	closed bool               // done is closed
	w      *futureWatchers[T] // made by the first waiter or callback
}

// futureWatchers are a future's Wait/AsCompleted waiters and done callbacks.
type futureWatchers[T any] struct {
	waiters   []*waiter
	callbacks []func(*Future[T]) error
}

// watchers returns x.w, making it; x.mu is held.
func (x *futureExtra[T]) watchers() *futureWatchers[T] {
	if x.w == nil {
		x.w = new(futureWatchers[T])
	}
	return x.w
}

// extra returns f.x, allocating it.
func (f *Future[T]) extra() *futureExtra[T] {
	if x := f.x.Load(); x != nil {
		return x
	}
	x := new(futureExtra[T])
	x.cond.L = &x.mu
	if f.x.CompareAndSwap(nil, x) {
		return x
	}
	return f.x.Load()
}

// watch sets futureWatched and returns the word; x.mu is held. A
// transition after it will take x.mu and see what the caller registers;
// one before it shows in the returned state.
func (f *Future[T]) watch() uint32 {
	for {
		w := f.word.Load()
		if w&futureWatched != 0 || f.word.CompareAndSwap(w, w|futureWatched) {
			return w | futureWatched
		}
	}
}

// settled waits out a concurrent SetResult or SetException and returns the
// word.
func (f *Future[T]) settled() uint32 {
	for {
		w := f.word.Load()
		if w&futureCompleting == 0 {
			return w
		}
		runtime.Gosched()
	}
}

// completed tells a watched future's done channel, waiters (notify; nil
// for none) and callbacks that it became done.
func (f *Future[T]) completed(notify func(*waiter)) {
	x := f.x.Load()
	x.mu.Lock()
	x.cond.Broadcast()
	if x.done != nil && !x.closed {
		close(x.done)
		x.closed = true
	}
	var cbs []func(*Future[T]) error
	if x.w != nil {
		if notify != nil {
			for _, w := range x.w.waiters {
				notify(w)
			}
		}
		cbs = x.w.callbacks
		x.w.callbacks = nil
	}
	x.mu.Unlock()
	for _, cb := range cbs {
		f.runCallback(cb)
	}
}

// errOf returns the call's error of a finished future.
func (f *Future[T]) errOf() error {
	if x := f.x.Load(); x != nil {
		return x.err
	}
	return nil
}

// NewFuture returns a pending future.
func NewFuture[T any]() *Future[T] { return new(Future[T]) }

// String is CPython's repr: "<Future at 0xc000010000 state=finished returned
// int>", "<Future at 0x… state=finished raised ValueError>", "<Future at 0x…
// state=pending>".
func (f *Future[T]) String() string { return f.repr() }

func (f *Future[T]) repr() string {
	st := wordState(f.word.Load())
	if st == Finished {
		if err := f.errOf(); err != nil {
			return fmt.Sprintf("<Future at %p state=%s raised %s>", f, stateDescriptions[st], typeName(err))
		}
		return fmt.Sprintf("<Future at %p state=%s returned %s>", f, stateDescriptions[st], typeName(any(f.result)))
	}
	return fmt.Sprintf("<Future at %p state=%s>", f, stateDescriptions[st])
}

// State returns the current state.
func (f *Future[T]) State() State { return wordState(f.word.Load()) }

// Cancel cancels the future if it is still pending and reports whether it is
// cancelled. A running or finished future cannot be cancelled. Done callbacks
// run (in the calling goroutine) when this call cancels the future.
func (f *Future[T]) Cancel() bool {
	for {
		w := f.word.Load()
		if w&futureCompleting != 0 {
			return false // about to be finished
		}
		switch wordState(w) {
		case Running, Finished:
			return false
		case Cancelled, CancelledAndNotified:
			return true
		}
		if f.word.CompareAndSwap(w, uint32(Cancelled)|w&futureWatched) {
			if w&futureWatched != 0 {
				f.completed(nil) // waiters hear of it from SetRunningOrNotifyCancel
			}
			return true
		}
	}
}

// Cancelled reports whether the future was cancelled.
func (f *Future[T]) Cancelled() bool {
	st := f.State()
	return st == Cancelled || st == CancelledAndNotified
}

// Running reports whether the future is executing.
func (f *Future[T]) Running() bool { return f.State() == Running }

// Done reports whether the future was cancelled or finished executing.
func (f *Future[T]) Done() bool { return f.State().done() }

// DoneChan returns a channel that is closed once the future is done
// (finished or cancelled), for select.
func (f *Future[T]) DoneChan() <-chan struct{} { return f.doneChan() }

// doneChan returns the channel closed when the future is done, making it.
func (f *Future[T]) doneChan() chan struct{} {
	x := f.extra()
	x.mu.Lock()
	defer x.mu.Unlock()
	w := f.watch()
	if x.done == nil {
		x.done = make(chan struct{})
	}
	if wordState(w).done() && !x.closed {
		close(x.done)
		x.closed = true
	}
	return x.done
}

// block waits without limit until the future is done. Unlike a done
// channel it needs no allocation beyond the future's extra.
func (f *Future[T]) block() {
	x := f.extra()
	x.mu.Lock()
	for !wordState(f.watch()).done() {
		x.cond.Wait()
	}
	x.mu.Unlock()
}

// await waits until the future is done or ctx ends, and returns ctx.Err()
// in the latter case.
func (f *Future[T]) await(ctx context.Context) error {
	if f.Done() {
		return nil
	}
	cancel := ctx.Done()
	if cancel == nil {
		f.block()
		return nil
	}
	select {
	case <-f.doneChan():
		return nil
	case <-cancel:
		return ctx.Err()
	}
}

// Result waits for the future and returns its result, or the error the call
// returned. It returns a *CancelledError if the future was cancelled, and
// ctx.Err() if ctx ends first.
func (f *Future[T]) Result(ctx context.Context) (T, error) {
	if err := f.await(ctx); err != nil {
		var zero T
		return zero, err
	}
	return f.get()
}

// ResultTimeout is Result with CPython's timeout: it waits at most timeout
// (NoTimeout: no limit) and then returns a *TimeoutError.
func (f *Future[T]) ResultTimeout(timeout time.Duration) (T, error) {
	if !f.Done() && !f.wait(timeout) {
		var zero T
		return zero, &TimeoutError{}
	}
	return f.get()
}

// get returns the outcome of a done future.
func (f *Future[T]) get() (T, error) {
	if f.State() != Finished {
		var zero T
		return zero, &CancelledError{}
	}
	return f.result, f.errOf()
}

// Exception waits for the future and returns the error its call returned
// (nil if it succeeded). err is a *CancelledError if the future was
// cancelled, or ctx.Err() if ctx ends first.
func (f *Future[T]) Exception(ctx context.Context) (callErr, err error) {
	if err := f.await(ctx); err != nil {
		return nil, err
	}
	return f.exception()
}

// ExceptionTimeout is Exception with CPython's timeout (NoTimeout: no limit);
// err is a *TimeoutError when the timeout expires.
func (f *Future[T]) ExceptionTimeout(timeout time.Duration) (callErr, err error) {
	if !f.Done() && !f.wait(timeout) {
		return nil, &TimeoutError{}
	}
	return f.exception()
}

// exception returns the outcome of a done future for Exception.
func (f *Future[T]) exception() (callErr, err error) {
	if f.State() != Finished {
		return nil, &CancelledError{}
	}
	return f.errOf(), nil
}

// wait waits until the future is done or timeout passes and reports whether
// it is done.
func (f *Future[T]) wait(timeout time.Duration) bool {
	if timeout <= 0 {
		return false
	}
	if timeout == NoTimeout {
		f.block()
		return true
	}
	t := time.NewTimer(timeout)
	select {
	case <-f.doneChan():
	case <-t.C:
	}
	t.Stop()
	return f.Done()
}

// AddDoneCallback arranges for fn to be called with the future when it is
// done (finished or cancelled); if it is done already fn is called at once,
// in the calling goroutine. Otherwise fn runs in the goroutine that
// completes or cancels the future. Callbacks run in the order they were
// added. A callback that returns an error or panics is logged as CPython
// logs it ("exception calling callback for <Future …>", see SetLogger) and
// changes nothing else.
func (f *Future[T]) AddDoneCallback(fn func(*Future[T]) error) {
	x := f.extra()
	x.mu.Lock()
	if !wordState(f.watch()).done() {
		x.watchers().callbacks = append(x.watchers().callbacks, fn)
		x.mu.Unlock()
		return
	}
	x.mu.Unlock()
	f.runCallback(fn)
}

func (f *Future[T]) runCallback(fn func(*Future[T]) error) {
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = newPanicError(r)
			}
		}()
		err = fn(f)
	}()
	if err != nil {
		logError("exception calling callback for "+f.String(), err)
	}
}

// SetRunningOrNotifyCancel is for executor implementations: call it before
// running the work of a future. If the future was cancelled it notifies
// Wait and AsCompleted, moves to CancelledAndNotified and returns false: do
// not run the work. Otherwise the future becomes Running and it returns
// true. Called in any other state it returns a *RuntimeError ("Future in
// unexpected state"), as CPython raises.
func (f *Future[T]) SetRunningOrNotifyCancel() (bool, error) {
	for {
		w := f.word.Load()
		if w&futureCompleting != 0 {
			break
		}
		switch wordState(w) {
		case Pending:
			if f.word.CompareAndSwap(w, uint32(Running)|w&futureWatched) {
				return true, nil
			}
			continue
		case Cancelled:
			if f.word.CompareAndSwap(w, uint32(CancelledAndNotified)|w&futureWatched) {
				if w&futureWatched != 0 {
					f.completed(f.notifyCancelled)
				}
				return false, nil
			}
			continue
		}
		break
	}
	// CPython logs at CRITICAL before raising.
	logError(fmt.Sprintf("Future %p in unexpected state: %s", f, wordState(f.settled())), nil)
	return false, &RuntimeError{Msg: "Future in unexpected state"}
}

// claim marks a pending or running future completing, so that no other
// transition happens before finish; it reports false if the future is done
// or being completed already.
func (f *Future[T]) claim() bool {
	for {
		w := f.word.Load()
		if w&futureCompleting != 0 || wordState(w).done() {
			return false
		}
		if f.word.CompareAndSwap(w, w|futureCompleting) {
			return true
		}
	}
}

// finish makes a claimed future Finished and tells whoever watches it.
func (f *Future[T]) finish(notify func(*waiter)) {
	for {
		w := f.word.Load()
		if f.word.CompareAndSwap(w, uint32(Finished)|w&futureWatched) {
			if w&futureWatched != 0 {
				f.completed(notify)
			}
			return
		}
	}
}

// SetResult is for executor implementations: it finishes the future with
// result v, wakes its waiters and runs its done callbacks. On a future that
// is already done it returns an *InvalidStateError.
func (f *Future[T]) SetResult(v T) error {
	if !f.claim() {
		return f.invalidState()
	}
	f.result = v
	f.finish(f.notifyResult)
	return nil
}

// SetException is for executor implementations: it finishes the future
// with the error err (which must not be nil), wakes its waiters and runs its
// done callbacks. On a future that is already done it returns an
// *InvalidStateError.
func (f *Future[T]) SetException(err error) error {
	if err == nil {
		return &ValueError{Msg: "SetException needs a non-nil error"}
	}
	if !f.claim() {
		return f.invalidState()
	}
	f.extra().err = err
	f.finish(f.notifyException)
	return nil
}

func (f *Future[T]) notifyResult(w *waiter)    { w.addResult(f) }
func (f *Future[T]) notifyException(w *waiter) { w.addException(f) }
func (f *Future[T]) notifyCancelled(w *waiter) { w.addCancelled(f) }

// invalidState is CPython's '{state}: {future!r}' error.
func (f *Future[T]) invalidState() error {
	return &InvalidStateError{Msg: wordState(f.settled()).String() + ": " + f.repr()}
}

// The methods below make *Future[T] a Waitable.

func (f *Future[T]) futureState() (State, bool) {
	st := f.State()
	return st, st == Finished && f.errOf() != nil
}

// install adds w to the future's waiters unless the future is done already;
// it returns the state it saw and whether it finished with an error.
func (f *Future[T]) install(w *waiter) (State, bool) {
	if st := f.State(); st == Finished || st == CancelledAndNotified {
		return st, st == Finished && f.errOf() != nil
	}
	x := f.extra()
	x.mu.Lock()
	defer x.mu.Unlock()
	st := wordState(f.watch())
	if st == Finished || st == CancelledAndNotified {
		return st, st == Finished && f.errOf() != nil
	}
	x.watchers().waiters = append(x.watchers().waiters, w)
	return st, false
}

func (f *Future[T]) uninstall(w *waiter) {
	x := f.x.Load()
	if x == nil {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.w == nil {
		return
	}
	if i := slices.Index(x.w.waiters, w); i >= 0 {
		x.w.waiters = slices.Delete(x.w.waiters, i, i+1)
	}
}
