// Package futures holds Python's concurrent.futures as pypool runs it:
// concurrent.futures and its _base, thread and process submodules
// (ThreadPoolExecutor and ProcessPoolExecutor over the engine's executors,
// Future, wait, as_completed, the exception classes) and the conversion of
// engine and task errors to Python exceptions (PyError).
//
// It may import the pool engine, gpython and the bridge packages below it
// (pyobj, and what is carved out of it: pyrt, wire, threading). It is
// imported by multiprocessing (whose Process runs on a process executor and
// whose ThreadPool runs ThreadCalls) and by the facade, bridge, which links
// it for its init functions, which register the modules.
package futures
