package futures

// The exception classes of concurrent.futures (with CPython's module names
// and hierarchy) and the conversion of engine errors into them.

import (
	"errors"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

var (
	// futuresError is concurrent.futures._base.Error.
	futuresError = pyrt.NewExceptionClass("concurrent.futures._base", "Error", "Base class for all future-related exceptions.", py.ExceptionType)
	// cancelledError is concurrent.futures.CancelledError.
	cancelledError = pyrt.NewExceptionClass("concurrent.futures._base", "CancelledError", "The Future was cancelled.", futuresError)
	// invalidStateError is concurrent.futures.InvalidStateError.
	invalidStateError = pyrt.NewExceptionClass("concurrent.futures._base", "InvalidStateError", "The operation is not allowed in this state.", futuresError)
	// brokenExecutor is concurrent.futures.BrokenExecutor.
	brokenExecutor = pyrt.NewExceptionClass("concurrent.futures._base", "BrokenExecutor", "Raised when a executor has become non-functional after a severe failure.", py.RuntimeError)
	// brokenProcessPool is concurrent.futures.process.BrokenProcessPool.
	brokenProcessPool = pyrt.NewExceptionClass("concurrent.futures.process", "BrokenProcessPool", "Raised when a process in a ProcessPoolExecutor terminated abruptly\nwhile a future was in the running state.", brokenExecutor)
	// brokenThreadPool is concurrent.futures.thread.BrokenThreadPool.
	brokenThreadPool = pyrt.NewExceptionClass("concurrent.futures.thread", "BrokenThreadPool", "Raised when a worker thread in a ThreadPoolExecutor failed initializing.", brokenExecutor)
)

// PyError turns an error from the engine, or a task's error, into the
// Python exception to raise. tbType chains a worker's traceback
// (FuturesRemoteTraceback or PoolRemoteTraceback). The GIL must be held.
func PyError(it *pyrt.Interp, err error, tbType *py.Type, timeoutType *py.Type) error {
	if err == nil {
		return nil
	}
	switch e := err.(type) {
	case py.ExceptionInfo, *py.Exception:
		return e
	case *wire.Exception:
		return pyExcErr(pickle.ExceptionFromWire(it, e, tbType))
	}
	var (
		cancelled *pool.CancelledError
		timeout   *pool.TimeoutError
		invalid   *pool.InvalidStateError
		bpp       *pool.BrokenProcessPool
		btp       *pool.BrokenThreadPool
		be        *pool.BrokenExecutor
		rt        *pool.RuntimeError
		ve        *pool.ValueError
		te        *pool.TypeError
		we        *wire.Exception
		pe        *pool.PanicError
	)
	switch {
	case errors.As(err, &cancelled):
		return pyrt.NewException(cancelledError)
	case errors.As(err, &timeout):
		if timeoutType == nil {
			timeoutType = py.TimeoutError
		}
		return pyrt.NewException(timeoutType, pyrt.MsgArgs(timeout.Msg)...)
	case errors.As(err, &invalid):
		return pyrt.NewException(invalidStateError, pyrt.MsgArgs(invalid.Msg)...)
	case errors.As(err, &bpp):
		return pyrt.NewException(brokenProcessPool, pyrt.MsgArgs(bpp.Msg)...)
	case errors.As(err, &btp):
		return pyrt.NewException(brokenThreadPool, pyrt.MsgArgs(btp.Msg)...)
	case errors.As(err, &be):
		return pyrt.NewException(brokenExecutor, pyrt.MsgArgs(be.Msg)...)
	case errors.As(err, &rt):
		return pyrt.NewException(py.RuntimeError, pyrt.MsgArgs(rt.Msg)...)
	case errors.As(err, &ve):
		return pyrt.NewException(py.ValueError, pyrt.MsgArgs(ve.Msg)...)
	case errors.As(err, &te):
		return pyrt.NewException(py.TypeError, pyrt.MsgArgs(te.Msg)...)
	case errors.As(err, &we):
		return pyExcErr(pickle.ExceptionFromWire(it, we, tbType))
	case errors.As(err, &pe):
		return pyrt.NewException(py.SystemError, pyrt.MsgArgs(pe.Error())...)
	}
	var pyi py.ExceptionInfo
	if errors.As(err, &pyi) {
		return pyi
	}
	var pye *py.Exception
	if errors.As(err, &pye) {
		return pye
	}
	return pyrt.NewException(py.SystemError, pyrt.MsgArgs(err.Error())...)
}

// pyExcErr makes a Python exception object usable as a Go error.
func pyExcErr(o py.Object) error {
	if e, ok := o.(*py.Exception); ok {
		return e
	}
	if e, ok := o.(error); ok {
		return e
	}
	return pyrt.NewException(py.SystemError, py.String("not an exception"))
}

func init() {
	pyrt.SIGINTLikely = func() bool { return pool.WorkerDiedOfSIGINT(time.Second) }
}
