// Package threading holds Python's threading module as pypool runs it:
// Thread (its Python half, threadingSrc, and the goroutine that runs it
// holding the GIL), Lock, RLock, Condition, Semaphore, BoundedSemaphore,
// Event, Barrier, the module functions, the per-interpreter thread
// bookkeeping (which Python thread is running, pool workers' threads, the
// callbacks' helper thread), the joining of non-daemon threads at exit
// (pyobj.JoinThreadsAtExit) and the DeprecationWarnings of currentThread()
// and activeCount(), whose call sites its own rewrite pass marks (registered
// with source).
//
// It may import the pool engine, gpython and the bridge packages below it
// (source, pyobj, and what is carved out of pyobj: pyrt, wire). It is
// imported by futures and multiprocessing (their thread pools' workers and
// callbacks run as its threads) and by the facade, bridge, which links it
// for its init functions, which register the module, the rewrite pass and
// the exit hook.
package threading
