package eval

import (
	"fmt"
	"runtime/debug"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
)

var (
	origEvalCode func(ctx py.Context, code *py.Code, globals, locals py.StringDict, args []py.Object, kws py.StringDict, defs []py.Object, kwdefs py.StringDict, closure py.Tuple) (py.Object, error)
	origRunFrame func(frame *py.Frame) (py.Object, error)
)

func init() { pyobj.OnInstall(pyobj.InstallCore, "core01-hooks", installHooks) }

// installHooks wraps py.VmEvalCode (every Python call) and py.VmRunFrame
// (generator resumes): the GIL is handed over every switch interval,
// KeyboardInterrupt is raised in the main thread after SIGINT, the call
// depth is limited, Go panics become SystemError, and the traceback is kept
// on the exception object (for chained tracebacks).
func installHooks() {
	pyobj.MustReady(pyobj.RecursionError)
	pyobj.SetModuleGlobal("builtins", "RecursionError", pyobj.RecursionError)
	origEvalCode = py.VmEvalCode
	origRunFrame = py.VmRunFrame
	py.VmEvalCode = hookEvalCode
	py.VmRunFrame = hookRunFrame
}

func hookEvalCode(ctx py.Context, code *py.Code, globals, locals py.StringDict, args []py.Object, kws py.StringDict, defs []py.Object, kwdefs py.StringDict, closure py.Tuple) (res py.Object, err error) {
	in := pyobj.InterpOf(ctx)
	if in == nil {
		defer recoverPanic(&err)
		if locals == nil {
			locals = py.NewStringDict()
		}
		return origEvalCode(ctx, code, globals, locals, args, kws, defs, kwdefs, closure)
	}
	t := in.CurrentThread()
	if err := checkpoint(in, t); err != nil {
		return nil, err
	}
	if t.Depth >= pyobj.RecursionLimit {
		return nil, py.ExceptionNewf(pyobj.RecursionError, "maximum recursion depth exceeded")
	}
	if len(kws) > 0 {
		if err := pyobj.CheckPosonly(code, kws); err != nil {
			return nil, err
		}
	}
	kind := codeKind(0)
	if len(kws) == 0 {
		kind = kindOf(&t.Eval, code)
		if kind&kindArith != 0 {
			if res, ok := arithCall(code, args, defs); ok {
				return res, nil
			}
		}
	}
	t.Depth++
	var frame *py.Frame // a reused frame, given back if the call succeeds
	defer func() {
		if r := recover(); r != nil {
			err = panicError(r)
		}
		if err != nil {
			err = pyobj.CorrectAtOrigin(err)
			pyobj.DropLeftOuterHandlers(t)
			pyobj.NoteContext(t, pyobj.ErrException(err))
		}
		t.Depth--
		// The handlers of the frame that ended are over: without this, a
		// frame at the same depth next (the next task in a worker) would
		// take the exception one of them was handling as its __context__.
		pyobj.DropReturned(t)
		if err != nil {
			keepTraceback(err)
			if frame != nil {
				frame.Locals = py.NewStringDict() // it may live on in the traceback: its own dict
			}
		} else if frame != nil {
			giveFrame(&t.Eval, frame)
		}
	}()
	if kind&kindReusable != 0 {
		if f, ok := takeFrame(&t.Eval, ctx, code, globals, args, defs); ok {
			frame = f
			return origRunFrame(f)
		}
	}
	if locals == nil {
		locals = py.NewStringDict()
	}
	return origEvalCode(ctx, code, globals, locals, args, kws, defs, kwdefs, closure)
}

func hookRunFrame(frame *py.Frame) (res py.Object, err error) {
	in := pyobj.InterpOf(frame.Context)
	if in == nil {
		defer recoverPanic(&err)
		return origRunFrame(frame)
	}
	t := in.CurrentThread()
	if err := checkpoint(in, t); err != nil {
		return nil, err
	}
	if t.Depth >= pyobj.RecursionLimit {
		return nil, py.ExceptionNewf(pyobj.RecursionError, "maximum recursion depth exceeded")
	}
	t.Depth++
	defer func() {
		if r := recover(); r != nil {
			err = panicError(r)
		}
		if err != nil {
			err = pyobj.CorrectAtOrigin(err)
			pyobj.DropLeftOuterHandlers(t)
			pyobj.NoteContext(t, pyobj.ErrException(err))
		}
		t.Depth--
		if err == nil {
			pyobj.NoteGeneratorReturn(frame, res)
		}
		if err != nil {
			keepTraceback(err)
			if frame.Code.Flags&py.CO_GENERATOR != 0 {
				pyobj.NoteGeneratorError(frame, err)
			}
		}
	}()
	return origRunFrame(frame)
}

// checkpoint runs at every call: it offers the GIL to waiting threads and
// raises KeyboardInterrupt in the main thread once SIGINT arrived.
func checkpoint(in *pyobj.Interp, t *pyobj.Thread) error {
	in.GIL.Yield()
	if t == in.Main && in.IntrPending.Load() {
		return in.TakeInterrupt()
	}
	return nil
}

func recoverPanic(err *error) {
	if r := recover(); r != nil {
		*err = panicError(r)
	}
}

// panicError turns a recovered Go panic into a Python SystemError (a Python
// exception raised by panicking is passed through).
func panicError(r any) error {
	switch x := r.(type) {
	case py.ExceptionInfo:
		return x
	case *py.Exception:
		return x
	}
	if debugPanics {
		fmt.Fprintf(pyobj.OsStderr, "pypool: Go panic: %v\n%s", r, debug.Stack())
	}
	return py.ExceptionNewf(py.SystemError, "internal error: %v", r)
}

// debugPanics prints the Go stack of recovered panics (PYPOOL_DEBUG=1).
var debugPanics = false

// keepTraceback stores the traceback gathered so far on the exception object,
// so that a chained exception (raise … from e) can print e's frames.
func keepTraceback(err error) {
	if info, ok := err.(py.ExceptionInfo); ok && info.Traceback != nil {
		pyobj.FixStubLine(info.Traceback)
		if e, ok := info.Value.(*py.Exception); ok {
			e.Traceback = info.Traceback
		}
	}
}
