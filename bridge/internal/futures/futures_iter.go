package futures

// A Python iterator over a Go iterator (iter.Seq2) whose steps may block:
// each step runs with the GIL released. Used by Executor.map and
// as_completed.

import (
	"iter"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// A goIter is a Python iterator pulling from a Go sequence. Its steps run
// on a stepper goroutine that keeps up to stepsAhead steps ahead: a step
// whose value is ready is taken at once, and a wait for one that is not can
// be left by SIGINT (KeyboardInterrupt in the main thread) while the step
// goes on.
type goIter struct {
	it     *pyrt.Interp
	next   func() (any, error, bool)      // the stepper's only
	stop   func()                         // the stepper's only
	conv   func(v any) (py.Object, error) // holding the GIL
	errc   func(err error) error          // converts a step's error, holding the GIL
	done   bool
	typ    *py.Type
	onDone func()

	cur   *iterStep     // the step the next call takes (nil: no stepper yet)
	taken chan struct{} // one credit per step taken: the stepper may go that much further
	quit  chan struct{} // closed by finish: the stepper stops the sequence
}

// An iterStep is one step's outcome, published when ready is closed.
type iterStep struct {
	ready chan struct{}
	v     any
	err   error
	ok    bool
	next  *iterStep // the step after this one, made before ready is closed
}

var goIterType = pyrt.NewClass("builtins", "generator", "an iterator", nil)

// Type implements py.Object.
func (g *goIter) Type() *py.Type {
	if g.typ != nil {
		return g.typ
	}
	return goIterType
}

func newGoIter(it *pyrt.Interp, seq iter.Seq2[any, error], conv func(any) (py.Object, error), errc func(error) error) *goIter {
	next, stop := iter.Pull2(seq)
	return &goIter{it: it, next: next, stop: stop, conv: conv, errc: errc}
}

// M__iter__ returns the iterator itself.
func (g *goIter) M__iter__() (py.Object, error) { return g, nil }

// M__next__ takes the next value, releasing the GIL while it waits. An
// error ends the iteration and is raised (and reported to a for loop).
func (g *goIter) M__next__() (py.Object, error) {
	if g.done {
		return nil, py.StopIteration
	}
	if g.cur == nil {
		g.startStepper()
	}
	s := g.cur
	select {
	case <-s.ready: // ready: no hand-off, no GIL release
	default:
		if g.it.CurrentThread() == g.it.Main {
			if _, err := g.it.Wait(s.ready, -1); err != nil {
				return nil, pyobj.IterFailed(g, err) // KeyboardInterrupt: the step goes on; the next call takes it
			}
		} else {
			g.it.GIL.Released(func() { <-s.ready })
		}
	}
	g.cur = s.next
	if !s.ok {
		g.finish()
		return nil, py.StopIteration
	}
	if s.err != nil {
		g.finish()
		return nil, pyobj.IterFailed(g, g.errc(s.err))
	}
	select {
	case g.taken <- struct{}{}: // the stepper may go one step further
	default:
	}
	o, cerr := g.conv(s.v)
	if cerr != nil {
		g.finish()
		return nil, pyobj.IterFailed(g, cerr)
	}
	return o, nil
}

// stepsAhead bounds how far the stepper runs ahead of the calls (the values
// it holds): far enough that a loop over results already in never waits for
// a hand-off between goroutines.
const stepsAhead = 64

// startStepper starts the goroutine that runs the sequence's steps, one
// ahead of the calls that take them.
func (g *goIter) startStepper() {
	g.cur = &iterStep{ready: make(chan struct{})}
	g.taken = make(chan struct{}, stepsAhead)
	for range stepsAhead - 1 {
		g.taken <- struct{}{}
	}
	g.quit = make(chan struct{})
	go func(s *iterStep) {
		defer g.stop()
		for {
			s.v, s.err, s.ok = g.next()
			s.next = &iterStep{ready: make(chan struct{})}
			close(s.ready)
			if !s.ok || s.err != nil {
				return
			}
			select {
			case <-g.taken:
			case <-g.quit:
				return
			}
			s = s.next
		}
	}(g.cur)
}

func (g *goIter) finish() {
	if !g.done {
		g.done = true
		if g.quit != nil {
			close(g.quit) // the stepper stops the sequence
		} else {
			g.it.GIL.Released(g.stop)
		}
		if g.onDone != nil {
			g.onDone()
		}
	}
}
