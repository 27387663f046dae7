package pyobj

// The exception classes of multiprocessing, with CPython's module names.

import (
	"errors"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

var (
	// ProcessError is multiprocessing.ProcessError.
	ProcessError = NewExceptionClass("multiprocessing.context", "ProcessError", "", py.ExceptionType)
	// MPTimeoutError is multiprocessing.TimeoutError (not the builtin).
	MPTimeoutError = NewExceptionClass("multiprocessing.context", "TimeoutError", "", ProcessError)
	// BufferTooShort is multiprocessing.BufferTooShort.
	BufferTooShort = NewExceptionClass("multiprocessing.context", "BufferTooShort", "", ProcessError)
	// AuthenticationError is multiprocessing.AuthenticationError.
	AuthenticationError = NewExceptionClass("multiprocessing.context", "AuthenticationError", "", ProcessError)
	// WorkerLostError is multiprocessing.pool.WorkerLostError: a Pool
	// worker died while it held the task.
	WorkerLostError = NewExceptionClass("multiprocessing.pool", "WorkerLostError", "A Pool worker process exited while running a task.", ProcessError)
	// MaybeEncodingError is multiprocessing.pool.MaybeEncodingError.
	MaybeEncodingError = NewExceptionClass("multiprocessing.pool", "MaybeEncodingError", "Wraps possible unpickleable errors, so they can be safely sent through the socket.", py.ExceptionType)
)

// poolError converts a Pool's error (engine or task) to Python.
func poolError(it *Interp, err error) error {
	var (
		lost *pool.WorkerLostError
		we   *wire.Exception
	)
	if errors.As(err, &we) {
		if reason, value, ok := UnsendableResult(we); ok {
			return newExc(MaybeEncodingError, "Error sending result: '"+value+"'. Reason: '"+reason+"'")
		}
	}
	if errors.As(err, &lost) {
		return newExc(WorkerLostError, lost.Error())
	}
	return it.pyError(err, PoolRemoteTraceback, MPTimeoutError)
}
