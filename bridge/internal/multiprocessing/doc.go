// Package multiprocessing holds Python's multiprocessing modules as pypool
// runs them: multiprocessing, multiprocessing.context, .process, .pool and
// .dummy (Pool and ThreadPool over the engine's pool.Pool, AsyncResult,
// IMapIterator, current_process, the start-method functions, the exception
// classes), the Python half, the Process class (mp_process.py), whose
// started processes run on a one-worker concurrent.futures process
// executor, and the cross-process objects over the engine:
// multiprocessing.synchronize (Lock, RLock, Semaphore, BoundedSemaphore,
// Condition, Event, Barrier over pool/synchronize), .sharedctypes (RawValue,
// RawArray, Value, Array over pool/sharedctypes) and .shared_memory
// (SharedMemory, ShareableList over pool/sharedmem). Those travel to child
// processes by handle (pickle.RegisterHandle); their blocking calls release
// the GIL and Ctrl-C interrupts them; pool/resourcetracker cleans up at
// interpreter exit.
//
// It may import the pool engine, gpython and the bridge packages below it
// (pyobj, and what is carved out of it: pyrt, wire, futures, threading). It
// is imported only by the facade, bridge, for its side effect: its init
// functions register the modules.
package multiprocessing
