// Package pyrt is what a Go-implemented Python module needs from the
// runtime: the interpreter (Interp, NewInterp, InterpOf), its GIL and
// threads (GIL, Thread; WaitChan/WaitIntr/Sleep release the GIL and wake the
// main thread with KeyboardInterrupt after SIGINT), exit handlers (AtExit,
// OnExit), exceptions (NewException), the argument binder (Sig, Args), the
// makers of functions and methods (Func, Method), the one ordered install
// registry (OnInstall, OnNewInterp), and the compile wrapper with its
// registries of compile steps and code patches (OnCompile, OnCodePatch).
//
// It imports gpython, bridge/internal/source and bridge/internal/bytecode,
// nothing else of the project. Everything else in bridge imports it: the
// object model (internal/pyobj), the evaluator, the standard modules, the
// pool modules and the facade. Higher packages plug in through its
// registries and function variables (ModuleSource, JoinThreadsAtExit), as
// gpython's stdlib plugs into py.
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
//	t := pyrt.NewThread("Thread-1")          // Name, Ident; Data is free for the threading module
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
//	var applySig = pyrt.MustSig("apply_async", "func, args=(), kwds={}, callback=None, error_callback=None")
//	a, err := applySig.Parse(args, kwargs) // "apply_async() got an unexpected keyword argument 'x'"
//	n, err := a.Int("processes")           // "Pool() argument 'processes' must be int, not str"
//	t, ok, err := a.OptFloat("timeout")    // None → ok == false
//	f, err := a.Callable("func")           // "'int' object is not callable"
//	a.Get("x"), a.Given("x"), a.Star, a.Kw
//
// Func(name, spec, fn) makes a module-level builtin; Method(t, name, spec, fn)
// installs a method in type t's Dict that gets its instance whichever way it
// is called (obj.m(x) or T.m(obj, x)), checking it is a t; ClassMethod(t,
// name, spec, fn) gets the class instead; Constructor(name, spec, fn) makes a
// type's constructor (InInterp(fn) gives fn the calling interpreter). A spec opening with "$self", "$module" or "$type"
// declares what CPython implements in C and words errors as C does
// ("str.join() takes exactly one argument (0 given)"); one opening with
// "self" declares a method CPython writes in Python, whose messages count
// self ("Event.wait() takes from 1 to 2 positional arguments but 3 were
// given"); name is then the qualified name ("Event.wait", "math.gcd"), the
// callable's __name__ the part after the last '.'. The *Args that Func,
// Method and ClassMethod pass to fn is borrowed for the call (a positional
// call allocates nothing to bind its arguments): fn reads it and keeps
// values, never the *Args (TestArgsNotKept checks every fn in the module).
// TypeName(o) and IsCallable(o) help with messages. Exception classes made with NewType after start-up need their
// MRO computed (MustReady) or except clauses will not match subclasses.
//
// # Exit
//
// in.AtExit(f) registers f to run (last first, main thread, GIL held) when
// the main program ends, also after an uncaught exception.
package pyrt
