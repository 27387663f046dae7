package pool

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
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
	mu     sync.Mutex
	state  State
	result T
	err    error
	done   chan struct{}   // made by the first waiter; closed when done
	x      *futureExtra[T] // allocated on first need: most futures have none
}

// futureExtra holds what only some futures need, keeping Future small.
type futureExtra[T any] struct {
	waiters   []*waiter
	callbacks []func(*Future[T]) error
}

// extra returns f.x, allocating it; f.mu is held.
func (f *Future[T]) extra() *futureExtra[T] {
	if f.x == nil {
		f.x = new(futureExtra[T])
	}
	return f.x
}

// complete wakes everything waiting on a future that just became done and
// returns whether it has callbacks to run; f.mu is held.
func (f *Future[T]) complete(notify func(*waiter)) bool {
	if f.done != nil {
		close(f.done)
	}
	x := f.x
	if x == nil {
		return false
	}
	for _, w := range x.waiters {
		notify(w)
	}
	return len(x.callbacks) > 0
}

// NewFuture returns a pending future.
func NewFuture[T any]() *Future[T] { return new(Future[T]) }

// String is CPython's repr: "<Future at 0xc000010000 state=finished returned
// int>", "<Future at 0x… state=finished raised ValueError>", "<Future at 0x…
// state=pending>".
func (f *Future[T]) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.repr()
}

func (f *Future[T]) repr() string {
	if f.state == Finished {
		if f.err != nil {
			return fmt.Sprintf("<Future at %p state=%s raised %s>", f, stateDescriptions[f.state], typeName(f.err))
		}
		return fmt.Sprintf("<Future at %p state=%s returned %s>", f, stateDescriptions[f.state], typeName(any(f.result)))
	}
	return fmt.Sprintf("<Future at %p state=%s>", f, stateDescriptions[f.state])
}

// State returns the current state.
func (f *Future[T]) State() State {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state
}

// Cancel cancels the future if it is still pending and reports whether it is
// cancelled. A running or finished future cannot be cancelled. Done callbacks
// run (in the calling goroutine) when this call cancels the future.
func (f *Future[T]) Cancel() bool {
	f.mu.Lock()
	switch f.state {
	case Running, Finished:
		f.mu.Unlock()
		return false
	case Cancelled, CancelledAndNotified:
		f.mu.Unlock()
		return true
	}
	f.state = Cancelled
	hasCallbacks := f.complete(func(*waiter) {}) // waiters hear of it from SetRunningOrNotifyCancel
	f.mu.Unlock()
	if hasCallbacks {
		f.invokeCallbacks()
	}
	return true
}

// Cancelled reports whether the future was cancelled.
func (f *Future[T]) Cancelled() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state == Cancelled || f.state == CancelledAndNotified
}

// Running reports whether the future is executing.
func (f *Future[T]) Running() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state == Running
}

// Done reports whether the future was cancelled or finished executing.
func (f *Future[T]) Done() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state.done()
}

// DoneChan returns a channel that is closed once the future is done
// (finished or cancelled), for select.
func (f *Future[T]) DoneChan() <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	ch := f.doneChan()
	if f.state.done() {
		select {
		case <-ch:
		default:
			close(ch)
		}
	}
	return ch
}

// Result waits for the future and returns its result, or the error the call
// returned. It returns a *CancelledError if the future was cancelled, and
// ctx.Err() if ctx ends first.
func (f *Future[T]) Result(ctx context.Context) (T, error) {
	f.mu.Lock()
	if !f.state.done() {
		ch := f.doneChan()
		f.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		}
		f.mu.Lock()
	}
	defer f.mu.Unlock()
	return f.get()
}

// ResultTimeout is Result with CPython's timeout: it waits at most timeout
// (NoTimeout: no limit) and then returns a *TimeoutError.
func (f *Future[T]) ResultTimeout(timeout time.Duration) (T, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.state.done() && !f.waitLocked(timeout) {
		var zero T
		return zero, &TimeoutError{}
	}
	return f.get()
}

// get returns the outcome of a done future; f.mu is held.
func (f *Future[T]) get() (T, error) {
	if f.state != Finished {
		var zero T
		return zero, &CancelledError{}
	}
	return f.result, f.err
}

// Exception waits for the future and returns the error its call returned
// (nil if it succeeded). err is a *CancelledError if the future was
// cancelled, or ctx.Err() if ctx ends first.
func (f *Future[T]) Exception(ctx context.Context) (callErr, err error) {
	f.mu.Lock()
	if !f.state.done() {
		ch := f.doneChan()
		f.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		f.mu.Lock()
	}
	defer f.mu.Unlock()
	return f.exception()
}

// ExceptionTimeout is Exception with CPython's timeout (NoTimeout: no limit);
// err is a *TimeoutError when the timeout expires.
func (f *Future[T]) ExceptionTimeout(timeout time.Duration) (callErr, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.state.done() && !f.waitLocked(timeout) {
		return nil, &TimeoutError{}
	}
	return f.exception()
}

// exception returns the outcome of a done future for Exception; f.mu is held.
func (f *Future[T]) exception() (callErr, err error) {
	if f.state != Finished {
		return nil, &CancelledError{}
	}
	return f.err, nil
}

// doneChan returns the channel closed when the future is done; f.mu is held.
func (f *Future[T]) doneChan() chan struct{} {
	if f.done == nil {
		f.done = make(chan struct{})
	}
	return f.done
}

// waitLocked waits until the future is done or timeout passes, releasing
// f.mu meanwhile; it reports whether the future is done. f.mu is held.
func (f *Future[T]) waitLocked(timeout time.Duration) bool {
	if timeout <= 0 {
		return false
	}
	ch := f.doneChan()
	f.mu.Unlock()
	if timeout == NoTimeout {
		<-ch
	} else {
		t := time.NewTimer(timeout)
		select {
		case <-ch:
		case <-t.C:
		}
		t.Stop()
	}
	f.mu.Lock()
	return f.state.done()
}

// AddDoneCallback arranges for fn to be called with the future when it is
// done (finished or cancelled); if it is done already fn is called at once,
// in the calling goroutine. Otherwise fn runs in the goroutine that
// completes or cancels the future. Callbacks run in the order they were
// added. A callback that returns an error or panics is logged as CPython
// logs it ("exception calling callback for <Future …>", see SetLogger) and
// changes nothing else.
func (f *Future[T]) AddDoneCallback(fn func(*Future[T]) error) {
	f.mu.Lock()
	if !f.state.done() {
		x := f.extra()
		x.callbacks = append(x.callbacks, fn)
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	f.runCallback(fn)
}

func (f *Future[T]) invokeCallbacks() {
	f.mu.Lock()
	var cbs []func(*Future[T]) error
	if f.x != nil {
		cbs = f.x.callbacks
		f.x.callbacks = nil
	}
	f.mu.Unlock()
	for _, cb := range cbs {
		f.runCallback(cb)
	}
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
	f.mu.Lock()
	ok, err := f.setRunningOrNotifyCancel()
	state := f.state
	f.mu.Unlock()
	if err != nil {
		// CPython logs at CRITICAL before raising.
		logError(fmt.Sprintf("Future %p in unexpected state: %s", f, state), nil)
	}
	return ok, err
}

func (f *Future[T]) setRunningOrNotifyCancel() (bool, error) {
	switch f.state {
	case Cancelled:
		f.state = CancelledAndNotified
		if f.x != nil {
			for _, w := range f.x.waiters {
				w.addCancelled(f)
			}
		}
		return false, nil
	case Pending:
		f.state = Running
		return true, nil
	}
	return false, &RuntimeError{Msg: "Future in unexpected state"}
}

// SetResult is for executor implementations: it finishes the future with
// result v, wakes its waiters and runs its done callbacks. On a future that
// is already done it returns an *InvalidStateError.
func (f *Future[T]) SetResult(v T) error {
	f.mu.Lock()
	if f.state.done() {
		err := f.invalidState()
		f.mu.Unlock()
		return err
	}
	f.result = v
	f.state = Finished
	hasCallbacks := f.complete(f.notifyResult)
	f.mu.Unlock()
	if hasCallbacks {
		f.invokeCallbacks()
	}
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
	f.mu.Lock()
	if f.state.done() {
		e := f.invalidState()
		f.mu.Unlock()
		return e
	}
	f.err = err
	f.state = Finished
	hasCallbacks := f.complete(f.notifyException)
	f.mu.Unlock()
	if hasCallbacks {
		f.invokeCallbacks()
	}
	return nil
}

func (f *Future[T]) notifyResult(w *waiter)    { w.addResult(f) }
func (f *Future[T]) notifyException(w *waiter) { w.addException(f) }

// invalidState is CPython's '{state}: {future!r}' error; f.mu is held.
func (f *Future[T]) invalidState() error {
	return &InvalidStateError{Msg: f.state.String() + ": " + f.repr()}
}

// The methods below make *Future[T] a Waitable.

func (f *Future[T]) futureState() (State, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state, f.state == Finished && f.err != nil
}

// install adds w to the future's waiters unless the future is done already;
// it returns the state it saw and whether it finished with an error.
func (f *Future[T]) install(w *waiter) (State, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.state == Finished || f.state == CancelledAndNotified {
		return f.state, f.state == Finished && f.err != nil
	}
	x := f.extra()
	x.waiters = append(x.waiters, w)
	return f.state, false
}

func (f *Future[T]) uninstall(w *waiter) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.x == nil {
		return
	}
	if i := slices.Index(f.x.waiters, w); i >= 0 {
		f.x.waiters = slices.Delete(f.x.waiters, i, i+1)
	}
}
