// Package bridge embeds gpython and gives Python scripts pypool's pools.
//
// # Interpreters and threads
//
// NewInterp(Options{Argv, Path}) makes an interpreter (Interp: a gpython
// context and its GIL); InterpOf(ctx) finds it again from any py.Context.
// Install patches gpython's process-global state once (NewInterp calls it);
// files of this package add their own process-global patches with
// onInstall(func()) from an init function.
//
// Python runs only while holding the Interp's GIL. A goroutine that runs
// Python as a thread does
//
//	t := bridge.NewThread("Thread-1")          // Name, Ident; Data for the threading module
//	err := in.RunThread(t, func() error { … }) // takes the GIL, runs as t, gives it back
//
// and in.CurrentThread() returns the Thread holding the GIL (Main when none
// was set). Blocking Go code releases the GIL with in.GIL.Released(f), or
// with in.Wait(ch, timeout) / in.Sleep(d), which also wake the main thread
// with KeyboardInterrupt on SIGINT.
//
// # Go-implemented callables
//
// Every Go function or method callable from Python binds its arguments with
// a Sig (CPython's rules and messages):
//
//	var applySig = bridge.MustSig("apply_async", "func, args=(), kwds={}, callback=None, error_callback=None")
//	a, err := applySig.Parse(args, kwargs)
//	n, err := a.Int("processes")      // "Pool() argument 'processes' must be int, not str"
//	t, ok, err := a.OptFloat("timeout")
//
// Func(name, spec, fn) makes a module-level builtin; Method(name, spec, fn)
// a method for a type's Dict that gets its instance whichever way it is
// called. CtxOf(self) gives the context of a builtin's self (its module).
//
// # Errors and output
//
// FormatException(err) renders an exception as CPython 3.11's traceback
// (chained causes included); FormatExceptionOnly(err) its last line;
// QualifiedName(type) the module-qualified class name (set "__module__" in a
// type's Dict for classes such as concurrent.futures.process.BrokenProcessPool).
// NewException(type, args…) builds an exception. Str and Repr are str() and
// repr() with CPython's float and exception forms. WriteText(file, s) writes
// s to a Python file with one write (print uses it).
//
// # Iterators in for loops
//
// gpython's for loop ends silently when its iterator fails. The compile
// wrapper routes loop exits through a check: a Go-implemented iterator whose
// __next__ fails returns bridge.IterFailed(self, err) so that a for loop over
// it raises err (generators are handled by the hooks).
//
// # Exit
//
// in.AtExit(f) registers f to run (last first, main thread, GIL held) when
// the main program ends; Main(os.Args) is the whole command.
package bridge
