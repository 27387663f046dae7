package pyobj

// The exception classes of concurrent.futures (with CPython's module names
// and hierarchy) and the conversion of engine errors into them.

import (
	"errors"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

var (
	// FuturesError is concurrent.futures._base.Error.
	FuturesError = NewExceptionClass("concurrent.futures._base", "Error", "Base class for all future-related exceptions.", py.ExceptionType)
	// CancelledError is concurrent.futures.CancelledError.
	CancelledError = NewExceptionClass("concurrent.futures._base", "CancelledError", "The Future was cancelled.", FuturesError)
	// InvalidStateError is concurrent.futures.InvalidStateError.
	InvalidStateError = NewExceptionClass("concurrent.futures._base", "InvalidStateError", "The operation is not allowed in this state.", FuturesError)
	// BrokenExecutor is concurrent.futures.BrokenExecutor.
	BrokenExecutor = NewExceptionClass("concurrent.futures._base", "BrokenExecutor", "Raised when a executor has become non-functional after a severe failure.", py.RuntimeError)
	// BrokenProcessPool is concurrent.futures.process.BrokenProcessPool.
	BrokenProcessPool = NewExceptionClass("concurrent.futures.process", "BrokenProcessPool", "Raised when a process in a ProcessPoolExecutor terminated abruptly\nwhile a future was in the running state.", BrokenExecutor)
	// BrokenThreadPool is concurrent.futures.thread.BrokenThreadPool.
	BrokenThreadPool = NewExceptionClass("concurrent.futures.thread", "BrokenThreadPool", "Raised when a worker thread in a ThreadPoolExecutor failed initializing.", BrokenExecutor)
)

// newExc makes an exception instance of t with a message (none if empty).
func NewExc(t *py.Type, msg string) *py.Exception {
	args := py.Tuple{}
	if msg != "" {
		args = py.Tuple{py.String(msg)}
	}
	return &py.Exception{Base: t, Args: args, Dict: py.StringDict{}}
}

// pyError turns an error from the engine, or a task's error, into the
// Python exception to raise. tbType chains a worker's traceback
// (FuturesRemoteTraceback or PoolRemoteTraceback). The GIL must be held.
func (it *Interp) PyError(err error, tbType *py.Type, timeoutType *py.Type) error {
	if err == nil {
		return nil
	}
	switch e := err.(type) {
	case py.ExceptionInfo, *py.Exception:
		return e
	case *wire.Exception:
		return pyExcErr(ExceptionFromWire(it, e, tbType))
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
		return NewExc(CancelledError, "")
	case errors.As(err, &timeout):
		if timeoutType == nil {
			timeoutType = py.TimeoutError
		}
		return NewExc(timeoutType, timeout.Msg)
	case errors.As(err, &invalid):
		return NewExc(InvalidStateError, invalid.Msg)
	case errors.As(err, &bpp):
		return NewExc(BrokenProcessPool, bpp.Msg)
	case errors.As(err, &btp):
		return NewExc(BrokenThreadPool, btp.Msg)
	case errors.As(err, &be):
		return NewExc(BrokenExecutor, be.Msg)
	case errors.As(err, &rt):
		return NewExc(py.RuntimeError, rt.Msg)
	case errors.As(err, &ve):
		return NewExc(py.ValueError, ve.Msg)
	case errors.As(err, &te):
		return NewExc(py.TypeError, te.Msg)
	case errors.As(err, &we):
		return pyExcErr(ExceptionFromWire(it, we, tbType))
	case errors.As(err, &pe):
		return NewExc(py.SystemError, pe.Error())
	}
	var pyi py.ExceptionInfo
	if errors.As(err, &pyi) {
		return pyi
	}
	var pye *py.Exception
	if errors.As(err, &pye) {
		return pye
	}
	return NewExc(py.SystemError, err.Error())
}

// pyExcErr makes a Python exception object usable as a Go error.
func pyExcErr(o py.Object) error {
	if e, ok := o.(*py.Exception); ok {
		return e
	}
	if e, ok := o.(error); ok {
		return e
	}
	return NewExc(py.SystemError, "not an exception")
}

// excObject returns the exception instance an error carries (for
// Future.exception()).
func ExcObject(err error) py.Object {
	switch e := err.(type) {
	case py.ExceptionInfo:
		return e.Value
	case *py.Exception:
		return e
	}
	return NewExc(py.SystemError, err.Error())
}
