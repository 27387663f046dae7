// Package eval is the evaluator: what runs every Python call and generator
// resume. Today it wraps gpython's VM through its public hooks
// (py.VmEvalCode, py.VmRunFrame): the GIL hand-off every switch interval,
// KeyboardInterrupt after SIGINT, the recursion limit, frame reuse for plain
// calls, a fast path for one-expression arithmetic functions, and Go panics
// turned into SystemError. The project's own evaluator (issue 13) goes here.
//
// It imports gpython, bytecode and pyobj (the object model its fast paths
// and error wording use); nothing imports it but the facade, which links it:
// its init registers its hooks with pyobj.OnInstall.
package eval
