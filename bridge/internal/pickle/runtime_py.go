package pickle

// The "py" worker runtime: one interpreter per worker process, in which
// callables shipped by the parent are rebuilt (Define) and run (Call).

import (
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

func init() {
	pool.RegisterRuntime("py", func() (pool.Runtime, error) { return NewWorkerRuntime() })
}

// workerInterps marks the interpreters that are worker runtimes: shipped
// __main__ globals fill their __main__ (FromWire).
var workerInterps sync.Map // *Interp → bool

func isWorkerInterp(interp *pyrt.Interp) bool {
	_, ok := workerInterps.Load(interp)
	return ok
}

// newInterp makes the interpreter a worker runs tasks in; its sys.path is
// the parent's (set by the first Define).
func newInterp() (*pyrt.Interp, error) {
	return pyrt.NewInterp(pyrt.Options{Argv: []string{""}}), nil
}

// A WorkerRuntime is the "py" pool.Runtime: it owns one interpreter with an
// empty __main__ that every shipped function shares.
type WorkerRuntime struct {
	interp  *pyrt.Interp
	Fns     map[uint64]py.Object
	argvSet bool
}

var _ pool.Runtime = (*WorkerRuntime)(nil)

// NewWorkerRuntime makes a "py" runtime with a fresh interpreter. Worker
// processes get one through pool.RegisterRuntime; tests may make several in
// one process (each is a separate interpreter, as a separate worker is).
func NewWorkerRuntime() (*WorkerRuntime, error) {
	interp, err := newInterp()
	if err != nil {
		return nil, err
	}
	if _, err := interp.Ctx.GetModule("__main__"); err != nil {
		if _, err := interp.Ctx.ModuleInit(&py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__"}}); err != nil {
			return nil, err
		}
	}
	workerInterps.Store(interp, true)
	oneCorePerWorker()
	return &WorkerRuntime{interp: interp, Fns: map[uint64]py.Object{}}, nil
}

// oneCorePerWorker runs a pool worker process's Go code on one OS thread at
// a time (GOMAXPROCS 1), unless GOMAXPROCS is set in the environment. A
// Python worker runs one Python thread at a time, so this only keeps its
// garbage collector on the core the worker runs on: a worker then uses one
// core, as CPython's does, and N workers N cores. With the engine's default
// (the CPUs shared out among the workers) a lone worker on two cores
// collected on the second one: 8 × fib(25) took 0.55 s on Pool(1) instead
// of 0.66 s, but the speed-up of Pool(2) over it fell to 1.2 (CPython 1.5;
// with one core per worker 1.5–1.6, Pool(2)'s time unchanged).
func oneCorePerWorker() {
	if _, ok := pool.CurrentWorker(); ok && os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
}

// Interp is the runtime's interpreter.
func (r *WorkerRuntime) Interp() *pyrt.Interp { return r.interp }

// Define rebuilds the callable a "py" payload describes and caches it as id.
// The first definition also gives the worker the parent's sys.argv, and
// each one puts the parent's sys.path entries first in the worker's.
func (r *WorkerRuntime) Define(id uint64, payload wire.Value) error {
	r.interp.GIL.Acquire()
	defer r.interp.GIL.Release()
	t, ok := payload.(wire.Tuple)
	if tag, isTagged := tagOf(t); !ok || !isTagged || tag != tagDefinition || len(t) < 3 {
		return fmt.Errorf("py runtime: payload is not a function definition (%T)", payload)
	}
	if paths, ok := wantStrings(t[1]); ok {
		AddSysPath(r.interp, paths)
	}
	if len(t) > 3 && !r.argvSet {
		if argv, ok := wantStrings(t[3]); ok && len(argv) > 0 {
			if sys, err := r.interp.Ctx.GetModule("sys"); err == nil {
				sys.Globals["argv"] = py.NewListFromStrings(argv)
				r.argvSet = true
			}
		}
	}
	fn, err := FromWire(r.interp, t[2])
	if err != nil {
		return ExceptionToWire(err)
	}
	r.Fns[id] = fn
	return nil
}

// addSysPath puts the parent's sys.path entries first, so modules next to
// the parent's script import in the worker.
func AddSysPath(in *pyrt.Interp, paths []string) {
	sys, err := in.Ctx.GetModule("sys")
	if err != nil {
		return
	}
	old, _ := sys.Globals["path"].(*py.List)
	seen := map[string]bool{}
	out := py.NewList()
	for _, p := range paths {
		if !seen[p] {
			seen[p] = true
			out.Append(py.String(p))
		}
	}
	if old != nil {
		for _, it := range old.Items {
			if s, ok := it.(py.String); ok && seen[string(s)] {
				continue
			}
			out.Append(it)
		}
		old.Items = out.Items
		return
	}
	sys.Globals["path"] = out
}

// Call runs the callable defined as fn: arguments are converted FromWire, the
// result ToWire. A raised exception becomes a *wire.Exception with the
// traceback text; a result that cannot be sent becomes the unsendable-result
// error (UnsendableModule, UnsendableType).
func (r *WorkerRuntime) Call(fn uint64, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	r.interp.GIL.Acquire()
	defer r.interp.GIL.Release()
	f, err := r.fn(fn)
	if err != nil {
		return nil, err
	}
	var kw py.StringDict
	if len(kwargs) > 0 {
		kw = make(py.StringDict, len(kwargs))
		for _, kv := range kwargs {
			k, ok := kv.Key.(string)
			if !ok {
				return nil, ExceptionToWire(py.ExceptionNewf(py.TypeError, "keywords must be strings"))
			}
			o, err := FromWire(r.interp, kv.Value)
			if err != nil {
				return nil, ExceptionToWire(err)
			}
			kw[k] = o
		}
	}
	return r.call(f, args, make(py.Tuple, len(args)), kw)
}

// CallChunk runs the calls of a map or starmap chunk holding the GIL once
// (pool.ChunkRuntime). A Python function gets one argument tuple, refilled
// for each call: its frame copies the arguments, so nothing keeps the tuple.
func (r *WorkerRuntime) CallChunk(fn uint64, n int, args func(i int) ([]wire.Value, error)) (wire.List, error) {
	r.interp.GIL.Acquire()
	defer r.interp.GIL.Release()
	f, err := r.fn(fn)
	if err != nil {
		return nil, err
	}
	_, reuse := f.(*py.Function)
	var pargs py.Tuple
	out := make(wire.List, n)
	for i := range out {
		a, err := args(i)
		if err != nil {
			return nil, err
		}
		if !reuse || len(pargs) != len(a) {
			pargs = make(py.Tuple, len(a))
		}
		if out[i], err = r.call(f, a, pargs, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// fn is the callable defined as id.
func (r *WorkerRuntime) fn(id uint64) (py.Object, error) {
	f, ok := r.Fns[id]
	if !ok {
		msg := fmt.Sprintf("py runtime: function %d was never defined", id)
		return nil, &wire.Exception{Module: "builtins", Type: "SystemError", Message: msg, Args: []wire.Value{msg}}
	}
	return f, nil
}

// call converts args FromWire into pargs (of the same length), calls f
// and converts the result ToWire. The caller holds the GIL.
func (r *WorkerRuntime) call(f py.Object, args []wire.Value, pargs py.Tuple, kw py.StringDict) (wire.Value, error) {
	for i, a := range args {
		o, err := FromWire(r.interp, a)
		if err != nil {
			return nil, ExceptionToWire(err)
		}
		pargs[i] = o
	}
	var res py.Object
	var err error
	if fn, ok := f.(*py.Function); ok && kw == nil {
		res, err = callFunction(fn, pargs)
	} else {
		res, err = py.Call(f, pargs, kw)
	}
	if err != nil {
		return nil, ExceptionToWire(err)
	}
	v, err := ToWire(res)
	if err != nil {
		return nil, newUnsendableResult(res, err)
	}
	return v, nil
}

// callFunction calls fn with positional args as fn(*args) does, without the
// locals dict gpython's Function.M__call__ makes for every call (a reused
// frame needs none).
func callFunction(fn *py.Function, args py.Tuple) (py.Object, error) {
	return py.VmEvalCode(fn.Context, fn.Code, fn.Globals, nil, args, nil, fn.Defaults, fn.KwDefaults, fn.Closure)
}
