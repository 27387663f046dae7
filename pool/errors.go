package pool

import (
	"fmt"
	"runtime/debug"

	"github.com/pypool/pypool/pool/pyexc"
)

// The error types of this file mirror the exceptions CPython 3.11 raises
// from concurrent.futures and multiprocessing.pool, with CPython's messages,
// so that the bridge can raise the matching Python exception and a Go user can
// test for them with errors.As.
//
// WorkerLostError (a Pool worker process died while holding tasks) belongs to
// the process half of the package and is declared there.

// CancelledError is returned when the result of a cancelled Future is asked
// for (Python: concurrent.futures.CancelledError, raised without arguments).
type CancelledError struct{}

// Error says the future was cancelled (Python's CancelledError has no message).
func (*CancelledError) Error() string { return "future was cancelled" }

// TimeoutError is returned when a wait with a timeout ends before the thing
// awaited is ready. It is deliberately not context.DeadlineExceeded: Python
// raises TimeoutError (concurrent.futures) or multiprocessing.TimeoutError
// (Pool) here. Msg is the Python message; it is empty where CPython raises
// TimeoutError() without arguments (Future.result, AsyncResult.get).
type TimeoutError struct {
	Msg string
}

// Error returns Msg, or "timed out" when it is empty.
func (e *TimeoutError) Error() string {
	if e.Msg == "" {
		return "timed out"
	}
	return e.Msg
}

// InvalidStateError is returned by SetResult and SetException on a Future
// that is already done (Python: concurrent.futures.InvalidStateError), with
// CPython's message, e.g. "FINISHED: <Future at 0xc000010000 state=finished
// returned int>".
type InvalidStateError struct {
	Msg string
}

// Error returns the message.
func (e *InvalidStateError) Error() string { return e.Msg }

// BrokenExecutor reports an executor that has become unusable after a severe
// failure (Python: concurrent.futures.BrokenExecutor, a RuntimeError). The
// concrete kinds BrokenThreadPool and BrokenProcessPool unwrap to it, so
// errors.As(err, new(*BrokenExecutor)) matches either.
type BrokenExecutor struct {
	Msg   string
	Cause error // what broke it (an initializer's error, …); may be nil
}

// Error returns the message.
func (e *BrokenExecutor) Error() string { return e.Msg }

// Unwrap returns the cause.
func (e *BrokenExecutor) Unwrap() error { return e.Cause }

// CPython's messages for broken executors.
const (
	// MsgInitializerFailedThread is ThreadPoolExecutor's message after an
	// initializer failed (pending futures and later submits).
	MsgInitializerFailedThread = "A thread initializer failed, the thread pool is not usable anymore"
	// MsgChildTerminated is ProcessPoolExecutor's message for later submits
	// after a worker died (an initializer failure kills the worker too).
	MsgChildTerminated = "A child process terminated abruptly, the process pool is not usable anymore"
	// MsgProcessTerminated is what the futures a dead worker held fail with.
	MsgProcessTerminated = "A process in the process pool was terminated abruptly while the future was running or pending."
)

// BrokenThreadPool is a BrokenExecutor raised by a ThreadPoolExecutor whose
// worker initializer failed (Python: concurrent.futures.thread.BrokenThreadPool).
type BrokenThreadPool struct {
	BrokenExecutor
}

// Error returns the message.
func (e *BrokenThreadPool) Error() string { return e.Msg }

// Unwrap lets errors.As find the BrokenExecutor and errors.Is the cause.
func (e *BrokenThreadPool) Unwrap() []error { return unwrapBroken(&e.BrokenExecutor) }

// BrokenProcessPool is a BrokenExecutor raised by a ProcessPoolExecutor whose
// worker died or whose initializer failed (Python:
// concurrent.futures.process.BrokenProcessPool).
type BrokenProcessPool struct {
	BrokenExecutor
}

// Error returns the message.
func (e *BrokenProcessPool) Error() string { return e.Msg }

// Unwrap lets errors.As find the BrokenExecutor and errors.Is the cause.
func (e *BrokenProcessPool) Unwrap() []error { return unwrapBroken(&e.BrokenExecutor) }

func unwrapBroken(b *BrokenExecutor) []error {
	if b.Cause == nil {
		return []error{b}
	}
	return []error{b, b.Cause}
}

// RuntimeError, ValueError and TypeError are errors CPython raises as
// those exceptions, with their messages (e.g. "Pool not running"): the
// types of pool/pyexc, which every engine package returns.
type (
	RuntimeError = pyexc.RuntimeError
	ValueError   = pyexc.ValueError
	TypeError    = pyexc.TypeError
)

// Errors returned by Submit on an executor that is shut down.
var (
	// ErrShutdown: the executor's Shutdown was called.
	ErrShutdown error = &RuntimeError{Msg: "cannot schedule new futures after shutdown"}
	// ErrInterpreterShutdown: ShutdownThreadExecutors was called (the
	// program is exiting).
	ErrInterpreterShutdown error = &RuntimeError{Msg: "cannot schedule new futures after interpreter shutdown"}
)

// PanicError is what a task, callback or initializer that panicked turns
// into: the panic never escapes the worker. Value is the value passed to
// panic, Stack the goroutine's stack at the panic.
type PanicError struct {
	Value any
	Stack []byte
}

// Error reads "panic: <value>".
func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Unwrap returns the panic value if it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// newPanicError captures the current stack; call it from a deferred recover.
func newPanicError(v any) *PanicError {
	return &PanicError{Value: v, Stack: debug.Stack()}
}
