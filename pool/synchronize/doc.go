// Package synchronize holds pypool's cross-process locks, CPython's
// multiprocessing.synchronize rebuilt natively: SemLock (the
// _multiprocessing.SemLock every other type wraps), Lock, RLock, Semaphore,
// BoundedSemaphore, Condition, Event and Barrier. Names, states and errors
// follow CPython 3.11's Lib/multiprocessing/synchronize.py and
// Modules/_multiprocessing/semaphore.c, so the two can be read side by side.
//
// # How it works
//
// A SemLock is a small file under /dev/shm (named "/pypool-PID-RANDOM"),
// mapped shared, holding the semaphore's value, its kind and maxvalue, a
// count of sleeping waiters and a sequence word that waiters sleep on with
// shared (not FUTEX_PRIVATE) futex operations. An uncontended acquire or
// release is one compare-and-swap on the mapping, no system call. Any
// process opens a SemLock by name (Open, CPython's SemLock._rebuild), so a
// re-executed child attaches to its parent's locks. Composite types
// (Condition, Event, Barrier) are several SemLocks (plus, for Barrier, two
// shared counters), as in synchronize.py, and travel as their State.
//
// # Threads and ownership
//
// As in CPython, a SemLock handle counts its acquisitions (Count) and
// remembers the thread that acquired it last, per process: an RLock belongs
// to one thread of one process, and releasing it elsewhere fails with
// AssertionError. Goroutines are not threads, so the caller names the
// thread in the context: WithThread(ctx, id). Calls whose context names no
// thread act as thread 0 — all such goroutines count as one thread, which
// suits a Go program that uses RLock from one goroutine at a time.
//
// # Blocking and cancelling
//
// Every call that may block takes a context.Context: it blocks until it
// succeeds, until its timeout (NoTimeout: no limit; zero or negative: do
// not wait) or until the context is cancelled, whichever comes first. A
// cancelled wait returns the context's error (the bridge turns it into
// KeyboardInterrupt); a wait that got its semaphore returns success even if
// the context was cancelled at the same moment, so nothing is lost. Calls
// that never block (Release, Count, GetValue…) take a context only when
// they need the calling thread's identity.
//
// # Lifecycle
//
// The process that creates a SemLock registers its name with
// pool/resourcetracker and removes the file when the SemLock is garbage
// collected, when Unlink is called, or when the program calls
// resourcetracker.Cleanup at exit (CPython's Finalize and resource
// tracker); processes that Open it never remove it. A process that was
// killed leaves its files, and the next process that creates one removes
// the files of dead pids. A process killed while holding a lock leaves it
// held, as with CPython's POSIX semaphores: waiters wait until their
// timeout or cancellation.
//
// Errors are pool/pyexc's (ValueError, AssertionError) with CPython's
// messages, and *BrokenBarrierError. It imports the standard library,
// pool/pyexc and the engine's shared-memory packages; pool/queues and the bridge's multiprocessing module import it.
package synchronize
