// Package queues is CPython's multiprocessing.queues for Go: [Queue],
// [JoinableQueue] and [SimpleQueue], carrying values between processes
// over a pool/connection pipe guarded by pool/synchronize locks, with
// CPython 3.11's state machine side by side with queues.py.
//
// A Queue is a simplex Pipe, a reader Lock, a writer Lock and a
// BoundedSemaphore of maxsize (SEM_VALUE_MAX when maxsize <= 0) counting
// free places. Put takes a place and hands the item to the queue's feeder
// goroutine (CPython's feeder thread), which encodes it and writes it under
// the writer lock: so Put returns before the item is on the pipe, and an
// item that cannot be encoded (or written) is reported by the feeder —
// [Queue.SetFeederErrorHandler], CPython's _on_queue_feeder_error — with
// its place given back, while the queue keeps working. Get reads one
// message under the reader lock and gives a place back.
//
// Items are encoded by a [Codec]: by default a pool/wire value per message
// (the bridge sets its own, turning Python objects into wire values in the
// feeder, as CPython pickles there).
//
// A queue reaches another process as its State: the pipe's two Conns (which
// the caller hands over with pool/connection's means: exec.Cmd.ExtraFiles,
// SendFds or a Sharer) and the names of its locks; OpenQueue and friends
// rebuild it there.
//
// Blocking calls take a context.Context: cancelling it ends a blocked Put,
// Get, Join or JoinThread with the context's error (the bridge's
// KeyboardInterrupt) and loses nothing. The context also names the calling
// thread for the Condition of a JoinableQueue (synchronize.WithThread).
//
// Errors: [Empty] and [Full] (Python's queue.Empty and queue.Full), and
// pool/pyexc's ValueError ("Queue … is closed", "task_done() called too
// many times") and AssertionError ("Queue … not closed").
//
// It imports the standard library, pool/wire, pool/pyexc, pool/connection
// and pool/synchronize; the bridge's multiprocessing module imports it.
package queues
