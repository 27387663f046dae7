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
package pyrt
