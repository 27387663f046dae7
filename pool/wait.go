package pool

import (
	"fmt"
	"iter"
	"reflect"
	"sync"
	"time"
)

// ReturnWhen tells Wait when to return. The values are CPython's strings,
// so the bridge passes Python's constants through unchanged.
type ReturnWhen string

// Wait's conditions, as in concurrent.futures.
const (
	// FirstCompleted returns when any future finishes or is cancelled.
	FirstCompleted ReturnWhen = "FIRST_COMPLETED"
	// FirstException returns when any future finishes with an error, or
	// when all are done if none fails.
	FirstException ReturnWhen = "FIRST_EXCEPTION"
	// AllCompleted returns when all futures are done.
	AllCompleted ReturnWhen = "ALL_COMPLETED"
)

// Waitable is what Wait and AsCompleted accept: any *Future[T]. Lists that
// mix result types can be passed as []Waitable.
type Waitable interface {
	Done() bool
	Cancelled() bool
	String() string
	// install adds w unless the future is finished or cancelled-and-notified.
	install(w *waiter) (state State, failed bool)
	uninstall(w *waiter)
	futureState() (state State, failed bool)
}

// A waiter is CPython's _Waiter: futures report to it as they complete.
type waiter struct {
	mu       sync.Mutex
	kind     ReturnWhen // FirstCompleted, FirstException, AllCompleted, or asCompleted
	pending  int        // FirstException and AllCompleted: futures not yet done
	finished []Waitable
	event    chan struct{} // capacity 1: set by a send, cleared by a receive
}

const asCompleted ReturnWhen = "_AS_COMPLETED"

func newWaiter(kind ReturnWhen) *waiter {
	return &waiter{kind: kind, event: make(chan struct{}, 1)}
}

// set signals the event; w.mu is held.
func (w *waiter) set() {
	select {
	case w.event <- struct{}{}:
	default:
	}
}

// decrement counts one more future done; w.mu is held.
func (w *waiter) decrement() {
	w.pending--
	if w.pending == 0 {
		w.set()
	}
}

func (w *waiter) addResult(f Waitable) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.finished = append(w.finished, f)
	switch w.kind {
	case asCompleted, FirstCompleted:
		w.set()
	default:
		w.decrement()
	}
}

func (w *waiter) addException(f Waitable) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.finished = append(w.finished, f)
	switch w.kind {
	case asCompleted, FirstCompleted, FirstException:
		w.set()
	default:
		w.decrement()
	}
}

func (w *waiter) addCancelled(f Waitable) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.finished = append(w.finished, f)
	switch w.kind {
	case asCompleted, FirstCompleted:
		w.set()
	default:
		w.decrement()
	}
}

// waitEvent waits for the event at most timeout (NoTimeout: no limit).
func (w *waiter) waitEvent(timeout time.Duration) {
	if timeout == NoTimeout {
		<-w.event
		return
	}
	if timeout <= 0 {
		return
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-w.event:
	case <-t.C:
	}
}

// DoneAndNotDone is Wait's answer: the futures that completed (finished or
// cancelled) and those that did not, each in the order first given.
type DoneAndNotDone[F Waitable] struct {
	Done    []F
	NotDone []F
}

// unique drops duplicates (keeping the first) and rejects nil futures.
func unique[F Waitable](fs []F) ([]F, error) {
	seen := make(map[Waitable]struct{}, len(fs))
	out := make([]F, 0, len(fs))
	for i, f := range fs {
		w := Waitable(f)
		if w == nil || (reflect.ValueOf(w).Kind() == reflect.Pointer && reflect.ValueOf(w).IsNil()) {
			return nil, &ValueError{Msg: fmt.Sprintf("future %d is nil", i)}
		}
		if _, ok := seen[w]; ok {
			continue
		}
		seen[w] = struct{}{}
		out = append(out, f)
	}
	return out, nil
}

// Wait waits for the futures (possibly from different executors) until
// returnWhen is met or timeout passes (NoTimeout: no limit), as CPython's
// concurrent.futures.wait. Duplicates are returned once. A future counts as
// done once it finished, or was cancelled and its executor noticed (as in
// CPython, a future cancelled that no executor will pick up again stays in
// NotDone). An unknown returnWhen is a *ValueError ("Invalid return
// condition: 'X'"). Waiting does not poll.
func Wait[F Waitable](fs []F, timeout time.Duration, returnWhen ReturnWhen) (DoneAndNotDone[F], error) {
	switch returnWhen {
	case FirstCompleted, FirstException, AllCompleted:
	default:
		return DoneAndNotDone[F]{}, &ValueError{Msg: fmt.Sprintf("Invalid return condition: '%s'", string(returnWhen))}
	}
	fs, err := unique(fs)
	if err != nil {
		return DoneAndNotDone[F]{}, err
	}
	w := newWaiter(returnWhen)
	w.pending = 1 // a guard, released once every future is installed
	done := make(map[Waitable]bool, len(fs))
	var installed []F
	failed := false
	for _, f := range fs {
		w.mu.Lock()
		w.pending++
		w.mu.Unlock()
		st, fail := f.install(w)
		if st == Finished || st == CancelledAndNotified {
			done[f] = true
			failed = failed || fail
			w.mu.Lock()
			w.pending--
			w.mu.Unlock()
			continue
		}
		installed = append(installed, f)
	}
	early := len(done) == len(fs) ||
		(returnWhen == FirstCompleted && len(done) > 0) ||
		(returnWhen == FirstException && failed)
	if !early {
		w.mu.Lock()
		w.decrement() // release the guard
		w.mu.Unlock()
		w.waitEvent(timeout)
	}
	for _, f := range installed {
		f.uninstall(w)
	}
	w.mu.Lock()
	for _, f := range w.finished {
		done[f] = true
	}
	w.mu.Unlock()
	var res DoneAndNotDone[F]
	for _, f := range fs {
		if done[f] {
			res.Done = append(res.Done, f)
		} else {
			res.NotDone = append(res.NotDone, f)
		}
	}
	return res, nil
}

// AsCompleted returns an iterator over the futures that yields each as it
// completes (finished, or cancelled and noticed by its executor): first
// those done already, in the order given, then the others in the order they
// complete. Duplicates are yielded once. If timeout (NoTimeout: no limit),
// counted from the start of the iteration, passes first, the iterator yields
// a nil future with a *TimeoutError ("N (of M) futures unfinished", CPython's
// message) and stops. A nil future in fs yields a *ValueError. Waiting does
// not poll.
func AsCompleted[F Waitable](fs []F, timeout time.Duration) iter.Seq2[F, error] {
	return func(yield func(F, error) bool) {
		var zero F
		start := time.Now()
		fs, err := unique(fs)
		if err != nil {
			yield(zero, err)
			return
		}
		total := len(fs)
		w := newWaiter(asCompleted)
		pending := make(map[Waitable]F, len(fs))
		var finished []F
		for _, f := range fs {
			st, _ := f.install(w)
			if st == Finished || st == CancelledAndNotified {
				finished = append(finished, f)
			} else {
				pending[f] = f
			}
		}
		defer func() {
			for _, f := range pending {
				f.uninstall(w)
			}
		}()
		for _, f := range finished {
			if !yield(f, nil) {
				return
			}
		}
		for len(pending) > 0 {
			wait := NoTimeout
			if timeout != NoTimeout {
				wait = timeout - time.Since(start)
				if wait < 0 {
					yield(zero, &TimeoutError{Msg: fmt.Sprintf("%d (of %d) futures unfinished", len(pending), total)})
					return
				}
			}
			w.waitEvent(wait)
			w.mu.Lock()
			got := w.finished
			w.finished = nil
			select {
			case <-w.event:
			default:
			}
			w.mu.Unlock()
			for _, g := range got {
				f, ok := pending[g]
				if !ok {
					continue
				}
				delete(pending, g)
				f.uninstall(w)
				if !yield(f, nil) {
					return
				}
			}
		}
	}
}
