package traceback

// traceback.TracebackException: an exception ready to format, with its
// stack, its chained exceptions and the format, format_exception_only and
// print methods, formatted as the traceback module's functions do.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

var tracebackExceptionType = py.NewType("TracebackException", "An exception ready for rendering.")

// tracebackException is traceback.TracebackException.
type tracebackException struct {
	exc     *py.Exception
	tb      *py.Traceback
	opt     pyobj.TracebackOptions
	stack   *pyobj.StackSummary
	cause   py.Object // *TracebackException or None
	context py.Object // *TracebackException or None
}

// Type returns traceback.TracebackException.
func (te *tracebackException) Type() *py.Type { return tracebackExceptionType }

// newTracebackException captures exc with traceback tb; seen stops cycles
// in the chain (an exception already captured is not captured again).
func newTracebackException(exc *py.Exception, tb *py.Traceback, opt pyobj.TracebackOptions, seen map[*py.Exception]bool) *tracebackException {
	seen[exc] = true
	te := &tracebackException{exc: exc, tb: tb, opt: opt, stack: pyobj.TracebackSummary(tb, opt), cause: py.None, context: py.None}
	if c, ok := exc.Cause.(*py.Exception); ok && c != nil && !seen[c] {
		ctb, _ := c.Traceback.(*py.Traceback)
		te.cause = newTracebackException(c, ctb, opt, seen)
	}
	if c, ok := exc.Context.(*py.Exception); ok && c != nil && !seen[c] {
		ctb, _ := c.Traceback.(*py.Traceback)
		te.context = newTracebackException(c, ctb, opt, seen)
	}
	return te
}

// chunks is format(chain=chain) as a list of strings.
func (te *tracebackException) chunks(chain bool) []string {
	opt := te.opt
	opt.NoChain = !chain
	return pyobj.FormatChunks(te.exc, te.tb, opt)
}

// M__str__ is str() of the exception.
func (te *tracebackException) M__str__() (py.Object, error) {
	s, err := pyobj.ExceptionStr(te.exc)
	return py.String(s), err
}

var tracebackExceptionSig = pyrt.MustSig("TracebackException", "exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True, capture_locals=False, compact=False, max_group_width=15, max_group_depth=10, _seen=None")

// tracebackExceptionOf builds a TracebackException from the bound
// arguments (exc_value and exc_traceback given).
func tracebackExceptionOf(self py.Object, a *pyrt.Args, value, tbObj py.Object) (py.Object, error) {
	exc, ok := value.(*py.Exception)
	if !ok {
		if t, isType := value.(*py.Type); isType && t.IsSubtype(py.BaseException) {
			exc = py.MakeException(t)
		} else {
			return nil, py.ExceptionNewf(py.TypeError, "TracebackException needs an exception, not %s", pyrt.TypeName(value))
		}
	}
	var tb *py.Traceback
	if tbObj != py.None {
		t, ok := tbObj.(*py.Traceback)
		if !ok {
			return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute 'tb_frame'", pyrt.TypeName(tbObj))
		}
		tb = t
	}
	if err := pyobj.RefuseCaptureLocals(a); err != nil {
		return nil, err
	}
	var opt pyobj.TracebackOptions
	var err error
	if opt.Limit, opt.Limited, err = pyobj.TracebackLimit(self, a.Get("limit")); err != nil {
		return nil, err
	}
	return newTracebackException(exc, tb, opt, map[*py.Exception]bool{}), nil
}

func init() {
	t := tracebackExceptionType
	t.Dict["__module__"] = py.String("traceback")
	t.New = func(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := tracebackExceptionSig.Parse(args, kwargs)
		if err != nil {
			return nil, err
		}
		return tracebackExceptionOf(nil, a, a.Get("exc_value"), a.Get("exc_traceback"))
	}
	t.Dict["from_exception"] = pyrt.Func("from_exception", "exc, /, *, limit=None, lookup_lines=True, capture_locals=False, compact=False, max_group_width=15, max_group_depth=10", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		v := a.Get("exc")
		var tb py.Object = py.None
		if e, ok := v.(*py.Exception); ok && e.Traceback != nil {
			if x, ok := e.Traceback.(*py.Traceback); ok && x != nil {
				tb = x
			}
		}
		return tracebackExceptionOf(self, a, v, tb)
	})
	get := func(name string, fn func(te *tracebackException) py.Object) {
		t.Dict[name] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			te, ok := self.(*tracebackException)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'TracebackException' object")
			}
			return fn(te), nil
		}}
	}
	get("exc_type", func(te *tracebackException) py.Object { return te.exc.Type() })
	get("stack", func(te *tracebackException) py.Object { return te.stack })
	get("__cause__", func(te *tracebackException) py.Object { return te.cause })
	get("__context__", func(te *tracebackException) py.Object { return te.context })
	get("__suppress_context__", func(te *tracebackException) py.Object { return py.NewBool(te.exc.SuppressContext) })
	get("__notes__", func(te *tracebackException) py.Object { return py.None })
	get("exceptions", func(te *tracebackException) py.Object { return py.None })
	for _, k := range []string{"filename", "lineno", "text", "offset", "msg"} {
		key := k
		if k == "text" {
			key = "line"
		}
		get(k, func(te *tracebackException) py.Object {
			if !te.exc.Base.IsSubtype(py.SyntaxError) {
				return py.None
			}
			if v, ok := te.exc.Dict[key]; ok {
				return v
			}
			if args, ok := te.exc.Args.(py.Tuple); ok && k == "msg" && len(args) > 0 {
				return args[0]
			}
			return py.None
		})
	}
	self := func(o py.Object) (*tracebackException, error) {
		te, ok := o.(*tracebackException)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'TracebackException' object, not %s", pyrt.TypeName(o))
		}
		return te, nil
	}
	// chainedChunks is format()'s lines, honouring chain=.
	chainedChunks := func(o py.Object, a *pyrt.Args) (*py.List, error) {
		te, err := self(o)
		if err != nil {
			return nil, err
		}
		chain, err := py.MakeBool(a.Get("chain"))
		if err != nil {
			return nil, err
		}
		return strList(te.chunks(chain == py.True)), nil
	}
	pyrt.Method(t, "TracebackException.format", "*, chain=True", func(o py.Object, a *pyrt.Args) (py.Object, error) {
		lines, err := chainedChunks(o, a)
		if err != nil {
			return nil, err
		}
		return py.NewIterator(py.Tuple(lines.Items)), nil
	})
	pyrt.Method(t, "TracebackException.format_exception_only", "", func(o py.Object, a *pyrt.Args) (py.Object, error) {
		te, err := self(o)
		if err != nil {
			return nil, err
		}
		return py.NewIterator(py.Tuple(strList(pyobj.ExceptionOnlyChunks(te.exc)).Items)), nil
	})
	pyrt.Method(t, "TracebackException.print", "*, file=None, chain=True", func(o py.Object, a *pyrt.Args) (py.Object, error) {
		lines, err := chainedChunks(o, a)
		if err != nil {
			return nil, err
		}
		return py.None, writeLines(nil, a.Get("file"), lines)
	})
	pyrt.OnInstall(pyrt.InstallExtras, "traceback_exception", func() {
		if impl := py.GetModuleImpl("traceback"); impl != nil {
			impl.Globals["TracebackException"] = tracebackExceptionType
		}
	})
}
