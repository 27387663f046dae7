package multiprocessing

// The exception classes of multiprocessing, with CPython's module names.

import (
	"errors"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/futures"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

var (
	// processError is multiprocessing.ProcessError.
	processError = pyrt.NewExceptionClass("multiprocessing.context", "ProcessError", "", py.ExceptionType)
	// mpTimeoutError is multiprocessing.TimeoutError (not the builtin).
	mpTimeoutError = pyrt.NewExceptionClass("multiprocessing.context", "TimeoutError", "", processError)
	// bufferTooShort is multiprocessing.BufferTooShort.
	bufferTooShort = pyrt.NewExceptionClass("multiprocessing.context", "BufferTooShort", "", processError)
	// authenticationError is multiprocessing.AuthenticationError.
	authenticationError = pyrt.NewExceptionClass("multiprocessing.context", "AuthenticationError", "", processError)
	// workerLostError is multiprocessing.pool.WorkerLostError: a Pool
	// worker died while it held the task.
	workerLostError = pyrt.NewExceptionClass("multiprocessing.pool", "WorkerLostError", "A Pool worker process exited while running a task.", processError)
	// maybeEncodingError is multiprocessing.pool.MaybeEncodingError.
	maybeEncodingError = pyrt.NewExceptionClass("multiprocessing.pool", "MaybeEncodingError", "Wraps possible unpickleable errors, so they can be safely sent through the socket.", py.ExceptionType)
)

// poolError converts a Pool's error (engine or task) to Python.
func poolError(it *pyrt.Interp, err error) error {
	var (
		lost *pool.WorkerLostError
		we   *wire.Exception
	)
	if errors.As(err, &we) {
		if reason, value, ok := pickle.UnsendableResult(we); ok {
			return pyrt.NewException(maybeEncodingError, py.String("Error sending result: '"+value+"'. Reason: '"+reason+"'"))
		}
	}
	if errors.As(err, &lost) {
		return pyrt.NewException(workerLostError, pyrt.MsgArgs(lost.Error())...)
	}
	return futures.PyError(it, err, pickle.PoolRemoteTraceback, mpTimeoutError)
}
