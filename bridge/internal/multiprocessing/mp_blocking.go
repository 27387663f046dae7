package multiprocessing

// How the Python face calls the engine's cross-process objects: the calling
// Python thread named for RLock ownership, blocking calls made without the
// GIL and cancelled by Ctrl-C, and the engine's errors as CPython's
// exceptions.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"syscall"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/resourcetracker"
	"github.com/pypool/pypool/pool/synchronize"
)

// threadCtx names the calling Python thread for the engine.
func threadCtx(it *pyrt.Interp) context.Context {
	return synchronize.WithThread(context.Background(), uint64(it.CurrentThread().Ident))
}

// blockOn runs f (an engine call that may block) without the GIL until it
// returns. In the main thread Ctrl-C cancels it: blockOn waits for f to
// give up, calls undo if f had succeeded anyway (a lock got just then is
// given back) and returns KeyboardInterrupt.
func blockOn(it *pyrt.Interp, ctx context.Context, f func(ctx context.Context) error, undo func()) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		err = f(ctx)
	}()
	if _, werr := it.Wait(done, -1); werr != nil {
		cancel()
		it.GIL.Released(func() { <-done })
		if err == nil && undo != nil {
			undo()
		}
		return werr
	}
	return err
}

// engineLocker is what acquireOf takes: a SemLock or a Condition.
type engineLocker interface {
	Acquire(ctx context.Context, block bool, timeout time.Duration) (bool, error)
	Release(ctx context.Context) error
}

// acquireOf is acquire(block, timeout) on l: a try first, holding the GIL;
// then, when it may wait, a blocking acquire without it.
func acquireOf(it *pyrt.Interp, l engineLocker, block bool, timeout time.Duration) (bool, error) {
	ctx := threadCtx(it)
	ok, err := l.Acquire(ctx, false, 0)
	if err != nil || ok || !block || timeout <= 0 {
		return ok, syncError(it, err)
	}
	err = blockOn(it, ctx, func(c context.Context) error {
		ok, err = l.Acquire(c, true, timeout)
		return err
	}, func() { _ = l.Release(ctx) })
	if err != nil {
		return false, syncError(it, err)
	}
	return ok, nil
}

// optTimeout is a timeout argument: None waits without limit.
func optTimeout(a *pyrt.Args, name string) (time.Duration, error) {
	d, ok, err := a.Timeout(name)
	if err != nil {
		return 0, err
	}
	if !ok {
		return synchronize.NoTimeout, nil
	}
	return d, nil
}

// syncError converts an engine error to CPython's exception.
func syncError(it *pyrt.Interp, err error) error {
	if err == nil {
		return nil
	}
	var (
		pe  *py.Exception
		ve  *pyexc.ValueError
		ae  *pyexc.AssertionError
		te  *pyexc.TypeError
		ie  *pyexc.IndexError
		oe  *pyexc.OverflowError
		re  *pyexc.RuntimeError
		ne  *pyexc.NotImplementedError
		ose *pyexc.OSError
		bb  *synchronize.BrokenBarrierError
		en  syscall.Errno
	)
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.As(err, &ve):
		return pyrt.NewException(py.ValueError, py.String(ve.Msg))
	case errors.As(err, &ae):
		return pyrt.NewException(py.AssertionError, py.String(ae.Msg))
	case errors.As(err, &te):
		return pyrt.NewException(py.TypeError, py.String(te.Msg))
	case errors.As(err, &ie):
		return pyrt.NewException(py.IndexError, py.String(ie.Msg))
	case errors.As(err, &oe):
		return pyrt.NewException(py.OverflowError, py.String(oe.Msg))
	case errors.As(err, &re):
		return pyrt.NewException(py.RuntimeError, py.String(re.Msg))
	case errors.As(err, &ne):
		return pyrt.NewException(py.NotImplementedError, py.String(ne.Msg))
	case errors.As(err, &ose):
		return pyrt.NewException(py.OSError, py.String(ose.Msg))
	case errors.As(err, &bb):
		return pyrt.NewException(brokenBarrierErrorOf(it))
	case errors.Is(err, context.Canceled):
		return pyrt.NewException(py.KeyboardInterrupt)
	case errors.As(err, &en), errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrExist):
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			return pyobj.NewOSError(err, py.String(pathErr.Path))
		}
		return pyobj.NewOSError(err, nil)
	}
	return pyrt.NewException(py.OSError, py.String(err.Error()))
}

// brokenBarrierErrorOf is threading.BrokenBarrierError of it.
func brokenBarrierErrorOf(it *pyrt.Interp) *py.Type {
	if it != nil {
		if m, err := py.ImportModuleLevelObject(it.Ctx, "threading", nil, nil, nil, 0); err == nil {
			if t, err := py.GetAttrString(m, "BrokenBarrierError"); err == nil {
				if tt, ok := t.(*py.Type); ok {
					return tt
				}
			}
		}
	}
	return py.RuntimeError
}

// trackExit makes it run the resource tracker's clean-up when its main
// program ends (once per interpreter): what this process tree left of its
// semaphores and shared memory is unlinked, and leaked shared memory
// blocks are reported as CPython's tracker does.
func trackExit(it *pyrt.Interp) {
	if it == nil {
		return
	}
	if _, done := trackedInterps.LoadOrStore(it, true); done {
		return
	}
	it.OnExit(func() {
		leaks := resourcetracker.Cleanup()
		for _, l := range leaks {
			if l.Rtype == resourcetracker.SharedMemory && len(l.Names) > 0 {
				_, _ = it.Stderr().Write([]byte(leakWarning(len(l.Names))))
			}
		}
	}, true)
}

var trackedInterps sync.Map // *pyrt.Interp → true: trackExit done

// leakWarning is CPython's resource tracker's warning for n leaked blocks.
func leakWarning(n int) string {
	return fmt.Sprintf("multiprocessing/resource_tracker.py:254: UserWarning: resource_tracker: There appear to be %d leaked shared_memory objects to clean up at shutdown\n  warnings.warn('resource_tracker: There appear to be %%d '\n", n)
}
