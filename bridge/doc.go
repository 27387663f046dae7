// Package bridge embeds gpython and gives Python scripts pypool's pools.
//
// # Interpreters and threads
//
// NewInterp(Options{Argv, Path, Stdout, Stderr}) makes an interpreter
// (Interp: a gpython context and its GIL); InterpOf(ctx) finds it again
// from any py.Context (a builtin's self is its module: CtxOf(self)).
// Install patches gpython's process-global state once (NewInterp calls it):
// the compile wrapper, the call hooks, print, sys, time, __import__,
// format, then the compat installers, then functions registered with
// OnInstall(stage, name, func()) from an init function.
//
// Python runs only while holding the Interp's GIL. A goroutine that runs
// Python as a thread does
//
//	t := bridge.NewThread("Thread-1")          // Name, Ident; Data is free for the threading module
//	err := in.RunThread(t, func() error { … }) // takes the GIL, runs as t, gives it back
//
// in.CurrentThread() is the Thread holding the GIL (Main when none was set);
// in.GIL.SetThread(t) sets it by hand after in.GIL.Acquire(). Blocking Go
// code releases the GIL with in.GIL.Released(f) (the holder's Thread is put
// back afterwards), or with in.Wait(ch, timeout) / in.Sleep(d), which also
// wake the main thread with KeyboardInterrupt after SIGINT (in.Interrupt()
// does what SIGINT does). The call hooks hand the GIL over every 5 ms, so a
// Python loop that calls functions lets other threads run; a loop that calls
// nothing cannot be preempted (gpython has no per-instruction hook).
//
// # Go-implemented callables
//
// Every Go function or method callable from Python binds its arguments with
// a Sig (CPython's binding rules and error messages):
//
//	var applySig = bridge.MustSig("apply_async", "func, args=(), kwds={}, callback=None, error_callback=None")
//	a, err := applySig.Parse(args, kwargs) // "apply_async() got an unexpected keyword argument 'x'"
//	n, err := a.Int("processes")           // "Pool() argument 'processes' must be int, not str"
//	t, ok, err := a.OptFloat("timeout")    // None → ok == false
//	f, err := a.Callable("func")           // "'int' object is not callable"
//	a.Get("x"), a.Given("x"), a.Star, a.Kw
//
// Func(name, spec, fn) makes a module-level builtin; Method(t, name, spec, fn)
// installs a method in type t's Dict that gets its instance whichever way it
// is called (obj.m(x) or T.m(obj, x)), checking it is a t; ClassMethod(t,
// name, spec, fn) gets the class instead. TypeName(o) and IsCallable(o) help with
// messages. Exception classes made with NewType after start-up need their
// MRO computed (mustReady) or except clauses will not match subclasses.
//
// # Errors and output
//
// FormatException(err) renders an exception as CPython 3.11 prints it
// uncaught: chained __cause__/__context__ sections, one File entry per frame
// with its source line, SyntaxError locations, and the last line
// "module.Class: message" (QualifiedName: set "__module__" in the type's
// Dict, e.g. "concurrent.futures.process"). FormatExceptionOnly(err) is the
// last line. NewException(type, args…) builds an exception; ExitStatus maps
// SystemExit to a status. Except clauses keep the traceback on the caught
// exception, and in.HandledException() is the one the current thread's
// running handler caught (nil again once the handler ends; sys.exc_info and
// the traceback module read it). WriteText(file, s) writes s to a Python file with one
// write (print uses it: lines never tear).
//
// # Source rewriting and formatting
//
// py.Compile is wrapped (main script, imports, exec/eval, compile()):
// RewriteSource tokenizes the source once (Tokenize) and runs the one chain
// of rewrite passes listed in rewrite.go — match statements, walrus, the
// compat passes, deprecated-alias call sites, and last the f-string pass,
// which sends each replacement field through the whole chain — then the
// code is compiled and patched (Cell2arg for closures over arguments,
// for-loop exits, except entries). Passes keep line breaks where they were.
// Format(v, spec) is
// the one format-spec engine (f-strings, format(), str.format, %).
//
// # Iterators in for loops
//
// gpython's for loop ends silently when its iterator fails. The compile
// wrapper routes each loop's exit through a check of that loop's iterator:
// a Go-implemented iterator whose __next__ fails must return
// bridge.IterFailed(self, err) so that `for x in it` raises err (generators
// are recorded by the hooks).
//
// # Imports
//
// __import__ imports dotted names parent first and sets each child on its
// parent, for Go modules (py.RegisterModule) and .py files on sys.path (the
// script's folder only). ImportModule(ctx, "a.b", nil) does the same from Go.
//
// # Exit
//
// in.AtExit(f) registers f to run (last first, main thread, GIL held) when
// the main program ends, also after an uncaught exception; Main(os.Args) is
// the whole command (SystemExit codes, tracebacks and status 1, python3's
// message and status 2 for a missing script, death by SIGINT after an
// uncaught KeyboardInterrupt).
package bridge
