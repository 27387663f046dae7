package pyrt

import (
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-python/gpython/py"
)

// Interrupt asks the interpreter to raise KeyboardInterrupt in its main
// thread: at its next Python call, or at once if it is blocked in Wait or
// Sleep. It is what SIGINT does; it is safe from any goroutine.
func (in *Interp) Interrupt() {
	in.IntrPending.Store(true)
	select {
	case in.intr <- struct{}{}:
	default:
	}
}

// takeInterrupt consumes a pending interrupt and returns KeyboardInterrupt.
func (in *Interp) TakeInterrupt() error {
	in.IntrPending.Store(false)
	select {
	case <-in.intr:
	default:
	}
	return NewException(py.KeyboardInterrupt)
}

// Wait blocks without the GIL (the caller must hold it) until ch yields or is
// closed (true), the timeout passes (false; timeout < 0 waits forever), or,
// in the main thread, SIGINT arrives (KeyboardInterrupt error).
func (in *Interp) Wait(ch <-chan struct{}, timeout time.Duration) (fired bool, err error) {
	t := in.CurrentThread()
	main := t == in.Main
	if main && in.IntrPending.Load() {
		return false, in.TakeInterrupt()
	}
	var intr chan struct{}
	if main {
		intr = in.intr
	}
	var timer <-chan time.Time
	if timeout >= 0 {
		tm := time.NewTimer(timeout)
		defer tm.Stop()
		timer = tm.C
	}
	interrupted := false
	in.GIL.Released(func() {
		select {
		case <-ch:
			fired = true
		case <-timer:
		case <-intr:
			interrupted = true
		}
	})
	if interrupted || main && in.IntrPending.Load() {
		// SIGINT came first, or with what ended the wait (a worker the same
		// Ctrl-C killed, say): CPython would raise it at its next step too.
		return false, in.TakeInterrupt()
	}
	if main && fired && SIGINTLikely != nil && SIGINTLikely() {
		// What ended the wait may be a worker the same Ctrl-C killed, its
		// death noticed before this process's own SIGINT: give that SIGINT
		// a moment to arrive.
		if _, err := in.Wait(nil, sigintGrace); err != nil {
			return false, err
		}
	}
	return fired, nil
}

// Blocking runs f without the GIL (the caller holds it) and returns when f
// does. In the main thread SIGINT ends the wait first, with KeyboardInterrupt:
// f then goes on by itself, and done is closed when it returns (a shutdown or
// join interrupted this way keeps waiting for its work on its own, as
// CPython's worker threads do). Other threads wait for f whatever happens.
func (in *Interp) Blocking(f func()) (done <-chan struct{}, err error) {
	if in.CurrentThread() != in.Main {
		in.GIL.Released(f)
		return closedChan, nil
	}
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		f()
	}()
	if _, err := in.Wait(ch, -1); err != nil {
		return ch, err
	}
	return ch, nil
}

// SIGINTLikely, when set (the pool modules set it), reports whether a
// SIGINT to this process is probably on its way: a worker process just died
// of one. sigintGrace is how long Wait then waits for it.
var SIGINTLikely func() bool

const sigintGrace = 250 * time.Millisecond

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// Sleep sleeps d without the GIL; the main thread wakes with KeyboardInterrupt
// on SIGINT.
func (in *Interp) Sleep(d time.Duration) error {
	if d < 0 {
		d = 0
	}
	_, err := in.Wait(nil, d)
	return err
}

// CatchSIGINT routes SIGINT to in.Interrupt until stop is called. A SIGINT
// that was ignored when the process started (a shell trapping INT to
// nothing, nohup-like launchers) stays ignored, as in CPython.
func (in *Interp) CatchSIGINT() (stop func()) {
	if signal.Ignored(os.Interrupt) {
		return func() {}
	}
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				in.Interrupt()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// dieBySIGINT ends the process by SIGINT with the default action, as CPython
// does after an uncaught KeyboardInterrupt (the shell sees status 130).
func DieBySIGINT() {
	signal.Reset(os.Interrupt)
	_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
	time.Sleep(100 * time.Millisecond)
}
