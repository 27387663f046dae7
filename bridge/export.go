package bridge

// Go functions exported to Python scripts as modules (Export), and the
// errors they raise (Raise).

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// Export makes the Go function fn importable from Python as module.name and
// returns it registered with pool.Register as "module.name". params, if
// given, name fn's parameters (pool.GoFunc.WithParamNames): calls may then
// pass them by keyword, and errors name them.
//
//	func init() { bridge.Export("fastmath", "fib", fib, "n") }
//
//	func main() {
//		pool.ServeWorkerIfChild()
//		os.Exit(bridge.Main(os.Args))
//	}
//
// then, in a script, `from fastmath import fib; fib(30)`. A call converts
// each Python argument to a wire value (ToWire) and then to fn's parameter
// type, as pool.Register's conversion does: ints, floats, str, bytes, bool,
// None (for pointers, interfaces), lists and tuples (for slices), dicts (for
// maps, and for structs: see pool.Register). A value that does not fit raises
// TypeError naming the argument ("fastmath.fib() argument 'n': want int, got
// str", or "argument 1" without params). The result converts back the same way (structs become dicts). A
// non-nil error result raises: the exception Raise names, or RuntimeError
// with the error's text. A panic raises RuntimeError("Go panic: …") with the
// Go stack as its cause; it never crashes the interpreter. The GIL is
// released while fn runs, so Python threads calling Go functions run in
// parallel.
//
// Submitted to a process pool (ProcessPoolExecutor.submit, Pool.map …) an
// exported function travels by name and runs as Go in the worker (pool's
// "go" runtime): no interpreter is involved there.
//
// Call Export from an init function (or a package-level variable), never
// after pool.ServeWorkerIfChild or once an interpreter runs: process pools
// re-execute the program as their workers, which must register the same
// names, and interpreters made earlier do not see the module. Export panics
// on a programming error (fn not a function, a parameter type that cannot
// cross the wire, a name exported twice, a module name gpython already has).
func Export(module, name string, fn any, params ...string) *pool.GoFunc {
	if module == "" || name == "" || strings.Contains(name, ".") {
		panic(fmt.Sprintf("bridge.Export(%q, %q): want a module name and a plain function name", module, name))
	}
	pickle.ExportsMu.Lock()
	defer pickle.ExportsMu.Unlock()
	impl := pickle.ExportModules[module]
	if impl == nil {
		if py.GetModuleImpl(module) != nil {
			panic(fmt.Sprintf("bridge.Export(%q, %q): a module %q already exists", module, name, module))
		}
		impl = &py.ModuleImpl{
			Info:    py.ModuleInfo{Name: module, Doc: "Go functions exported with bridge.Export."},
			Globals: py.StringDict{},
		}
		pickle.ExportModules[module] = impl
		pickle.ExportFuncs[impl] = map[string]*pool.GoFunc{}
		py.RegisterModule(impl)
	}
	if _, dup := pickle.ExportFuncs[impl][name]; dup {
		panic(fmt.Sprintf("bridge.Export(%q, %q): already exported", module, name))
	}
	g := pool.Register(module+"."+name, fn)
	if len(params) > 0 {
		g.WithParamNames(params...)
	}
	pickle.ExportFuncs[impl][name] = g
	impl.Methods = append(impl.Methods, py.MustNewMethod(name,
		func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return callExported(self, g, args, kwargs)
		}, 0, fmt.Sprintf("%s(%s): the Go function %s.", name, strings.Join(params, ", "), g)))
	return g
}

// callExported runs an exported function for Python: arguments ToWire, the
// GoFunc's own conversion and call without the GIL, the result FromWire.
func callExported(self py.Object, g *pool.GoFunc, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	interp := pyrt.InterpOf(pyrt.CtxOf(self))
	wargs := make([]wire.Value, len(args))
	for i, a := range args {
		w, err := pickle.ToWire(a)
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s() argument %d: %s", g.Name(), i+1, exceptionText(err))
		}
		wargs[i] = w
	}
	var kw []wire.KV
	for k, v := range kwargs {
		w, err := pickle.ToWire(v)
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s() argument '%s': %s", g.Name(), k, exceptionText(err))
		}
		kw = append(kw, wire.KV{Key: k, Value: w})
	}
	var res wire.Value
	var err error
	if interp != nil {
		interp.GIL.Released(func() { res, err = callGoFunc(g, wargs, kw) })
	} else {
		res, err = callGoFunc(g, wargs, kw)
	}
	if err != nil {
		return nil, goErrorToPython(interp, err)
	}
	return pickle.FromWire(interp, res)
}

// callGoFunc calls g; a panic becomes a RuntimeError carrying the Go stack,
// worded as a worker process words it.
func callGoFunc(g *pool.GoFunc, args []wire.Value, kwargs []wire.KV) (v wire.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprintf("Go panic: %v", r)
			v, err = nil, &wire.Exception{Module: "builtins", Type: "RuntimeError", Message: msg, Args: []wire.Value{msg},
				Traceback: fmt.Sprintf("Go stack at the panic in %s:\n%s", g.Name(), debug.Stack())}
		}
	}()
	return g.Call(context.Background(), args, kwargs)
}

// GoStack is the type of the cause attached to the exception a Go panic
// raises in an exported function: its str() is the Go stack.
var GoStack = pyrt.NewExceptionClass("pypool", "GoStack", "A Go panic's stack, as text.", py.ExceptionType)

// goErrorToPython turns the error of an exported function into the Python
// exception to raise: a *wire.Exception (Raise, conversion errors, panics)
// as the exception it names, any other error as RuntimeError(err.Error()).
func goErrorToPython(interp *pyrt.Interp, err error) error {
	exc := asWireException(err)
	var tb *py.Type
	if exc.Traceback != "" {
		tb = GoStack
	}
	o := pickle.ExceptionFromWire(interp, exc, tb)
	if pe, ok := o.(*py.Exception); ok {
		return pe
	}
	return py.ExceptionNewf(py.SystemError, "%v", err)
}

// exceptionText is an error's text without a Python exception's type name.
func exceptionText(err error) string {
	exc, _ := pyobj.ExceptionOf(err)
	if s, e := pyobj.ExceptionStr(exc); e == nil {
		return s
	}
	return err.Error()
}
