// Package pool is pypool's engine: CPython 3.11's concurrent.futures and
// multiprocessing.Pool, natively in Go, with their states, transitions and
// messages, so that a reader can hold this package and CPython's
// Lib/concurrent/futures/_base.py, thread.py, process.py and
// Lib/multiprocessing/pool.py side by side. It needs no Python interpreter:
// the bridge builds the Python modules on it, and Go programs use it
// directly.
//
// # Futures and waiting
//
// A Future[T] has CPython's states (Pending, Running, Cancelled,
// CancelledAndNotified, Finished). Result and Exception take a
// context.Context; ResultTimeout and ExceptionTimeout take CPython's timeout
// (NoTimeout waits without limit; zero or negative does not wait) and fail
// with a *TimeoutError. Wait and AsCompleted wait on futures of any
// executors, without polling, and accept []*Future[T] or []Waitable.
//
// # Executors
//
// ThreadPoolExecutor runs calls on worker goroutines created on demand:
// Submit and Map for Go functions, SubmitCall and MapCall for Callables.
// ProcessPoolExecutor runs Remotes (Go functions registered with Register,
// or the bridge's Python functions) in worker processes. Both satisfy
// Executor. Broken executors fail with *BrokenThreadPool and
// *BrokenProcessPool, whose messages are CPython's; Submit after Shutdown
// fails with ErrShutdown.
//
// # Pools
//
// Pool is multiprocessing.Pool: Apply, ApplyAsync, Map, MapAsync, Starmap,
// StarmapAsync, Imap, ImapUnordered, Close, Terminate and Join, with
// CPython's default chunksize and its RUN/CLOSE/TERMINATE state machine.
// Callbacks run one at a time on the pool's result handler goroutine.
// NewThreadPool builds one on goroutines (multiprocessing.pool.ThreadPool);
// NewPool on worker processes.
//
// # Errors
//
// Errors that CPython raises as builtin exceptions have matching types
// (*ValueError, *TypeError, *RuntimeError, *TimeoutError) carrying
// CPython's message, so that the bridge raises the same exception; a task's
// own Python exception arrives as a *wire.Exception. A panicking task,
// callback or initializer becomes a *PanicError and never crashes the
// program. Failures that have nobody to return to (a callback's error, an
// initializer's) are logged as CPython logs them; see SetLogger.
//
// # Timeouts
//
// Every timeout parameter is a time.Duration with CPython's meaning:
// NoTimeout for Python's None, and a zero or negative duration to poll.
package pool
