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

// A goIter is a Python iterator pulling from a Go sequence.
type goIter struct {
	it     *pyrt.Interp
	next   func() (any, error, bool)
	stop   func()
	conv   func(v any) (py.Object, error) // holding the GIL
	errc   func(err error) error          // converts a step's error, holding the GIL
	done   bool
	typ    *py.Type
	onDone func()

	// inflight is a step that SIGINT interrupted: the next call takes its
	// result instead of starting another step beside it.
	inflight *iterStep
}

type iterStep struct {
	done <-chan struct{}
	v    any
	err  error
	ok   bool
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
	var (
		v   any
		err error
		ok  bool
	)
	s := g.inflight
	if s == nil {
		s = &iterStep{}
		s.done, err = g.it.Blocking(func() { s.v, s.err, s.ok = g.next() })
	} else {
		_, err = g.it.Wait(s.done, -1)
	}
	if err != nil {
		g.inflight = s // KeyboardInterrupt: the step goes on by itself
		return nil, pyobj.IterFailed(g, err)
	}
	g.inflight = nil
	v, err, ok = s.v, s.err, s.ok
	if !ok {
		g.finish()
		return nil, py.StopIteration
	}
	if err != nil {
		g.finish()
		return nil, pyobj.IterFailed(g, g.errc(err))
	}
	o, cerr := g.conv(v)
	if cerr != nil {
		g.finish()
		return nil, pyobj.IterFailed(g, cerr)
	}
	return o, nil
}

func (g *goIter) finish() {
	if !g.done {
		g.done = true
		g.it.GIL.Released(g.stop)
		if g.onDone != nil {
			g.onDone()
		}
	}
}
