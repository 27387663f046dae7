// Package multiprocessing holds Python's multiprocessing modules as pypool
// runs them: multiprocessing, multiprocessing.context, .process, .pool and
// .dummy (Pool and ThreadPool over the engine's pool.Pool, AsyncResult,
// IMapIterator, current_process, the start-method functions, the exception
// classes) and the Python half, the Process class (mp_process.py), whose
// started processes run on a one-worker concurrent.futures process
// executor.
//
// It may import the pool engine, gpython and the bridge packages below it
// (pyobj, and what is carved out of it: pyrt, wire, futures, threading). It
// is imported only by the facade, bridge, for its side effect: its init
// functions register the modules.
package multiprocessing
