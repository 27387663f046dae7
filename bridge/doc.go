// Package bridge runs Python scripts on pypool's engine: it embeds gpython,
// mends it toward CPython 3.11, and gives Python the pool modules
// (multiprocessing, concurrent.futures, threading) built on package pool.
//
// It is the facade a Go program imports: Main(os.Args) is the whole pypool
// command (SystemExit codes, tracebacks and status 1, python3's message and
// status 2 for a missing script, death by SIGINT after an uncaught
// KeyboardInterrupt); NewInterp makes an interpreter with every module
// linked; Export makes Go functions a Python module and Raise raises a Python
// exception from one; NewFileExecutor runs the functions of a Python file in
// a process pool from Go.
//
// The work is done in its subpackages, whose imports run one way (README.md
// draws the graph and says where new code goes; layering_test.go enforces
// it): pyrt (the runtime a Go-implemented module needs), internal/source
// and internal/bytecode (source rewriting, code patching), internal/pyobj
// (the object model), internal/eval (the evaluator), internal/pickle
// (Python values across processes), internal/stdlib/<module>, and the pool
// modules internal/threading, internal/futures, internal/multiprocessing.
// This package imports them all, so a program that imports bridge gets every
// module installed.
package bridge
