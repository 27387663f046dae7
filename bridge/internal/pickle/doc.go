// Package pickle carries Python values across the process boundary, as
// CPython's pickle does for multiprocessing: Python objects ⇄ pool/wire
// values (ToWire, FromWire, one converter), functions and classes defined in
// __main__ by value (code, defaults, cells and the globals they reach, as
// cloudpickle does), importable objects by reference, exceptions with their
// remote traceback, objects that travel by handle (RegisterHandle: locks,
// shared values and memory re-attached by name), and the "py" worker runtime (WorkerRuntime) in which a
// worker process runs the functions it is sent. PyCallable makes a Python
// callable a pool.Callable.
//
// It imports pyrt, pyobj and the engine (pool, pool/wire). The pool modules
// (threading, futures, multiprocessing) and the facade import it.
package pickle
