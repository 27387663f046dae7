package pyobj

// Implicit exception chaining. In CPython an exception raised while another
// is being handled gets that one as __context__, and its traceback prints
// "During handling of the above exception, another exception occurred:".
// gpython never sets Context. The handled exception is known (the except
// hooks keep it per thread), so the context is attached where the raised
// exception is first seen: when an except clause catches it (caught) or
// when it leaves a Python frame (the call hooks). A context set once is
// kept, as the first place is the nearest to the raise.
//
// `raise X from Y` is rewritten to `raise __pp_raise_from__(X, Y)`
// (rewrite_raise.go): gpython would make an exception of None in
// `from None` and never sets __suppress_context__.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/source"
)

// errException is the exception object an error carries, or nil.
func ErrException(err error) *py.Exception {
	switch e := err.(type) {
	case py.ExceptionInfo:
		x, _ := e.Value.(*py.Exception)
		return x
	case *py.Exception:
		return e
	}
	return nil
}

// noteContext gives exc the thread's handled exception as __context__,
// unless it has one, is that exception, or would make a cycle.
func NoteContext(t *Thread, exc *py.Exception) {
	if exc == nil || exc.Context != nil {
		return
	}
	h := currentHandled(t)
	if h == nil || h == exc {
		return
	}
	for c := h; c != nil; {
		if c == exc {
			return
		}
		c, _ = c.Context.(*py.Exception)
	}
	exc.Context = h
}

// raiseFrom is __pp_raise_from__(exc, cause): the exception `raise exc from
// cause` raises.
func raiseFrom(self py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes 2 arguments", source.RaiseFromName)
	}
	exc, err := raisedException(args[0])
	if err != nil {
		return nil, err
	}
	if args[1] == py.None {
		exc.Cause = nil
	} else {
		cause, err := raisedException(args[1])
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "exception causes must derive from BaseException")
		}
		exc.Cause = cause
	}
	exc.SuppressContext = true
	return exc, nil
}

// raisedException is what `raise v` raises: an instance, or a class called
// without arguments.
func raisedException(v py.Object) (*py.Exception, error) {
	switch x := v.(type) {
	case *py.Exception:
		return x, nil
	case *py.Type:
		if x.IsSubtype(py.BaseException) {
			o, err := py.Call(x, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := o.(*py.Exception); ok {
				return e, nil
			}
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "exceptions must derive from BaseException")
}

func init() {
	OnInstall(InstallExtras, "hooks_except_context", func() {
		ReplaceMethod("builtins", py.MustNewMethod(source.RaiseFromName, raiseFrom, 0, "raise … from … (pypool)"))
	})
}

// dropExitedHandlers forgets the handled exceptions of frame's handlers
// that were left by an exception (they run no POP_EXCEPT): frame is the
// current frame, whose block stack holds one EXCEPT_HANDLER block per
// running handler, the one being entered included.
func dropExitedHandlers(t *Thread, frame *py.Frame) {
	DropReturned(t)
	keep := -1
	for _, b := range frame.Blockstack {
		if b.Type == py.TryBlockExceptHandler {
			keep++
		}
	}
	here := 0
	if t.handled.exc != nil && t.handled.depth == t.Depth {
		here++
		for k := len(t.outerHandled) - 1; k >= 0 && t.outerHandled[k].exc != nil && t.outerHandled[k].depth == t.Depth; k-- {
			here++
		}
	}
	for ; here > keep && here > 0; here-- {
		popHandled(t)
	}
}
