package pyobj

// The traceback module's printing functions, on FormatException: format_exc,
// print_exc, format_exception, print_exception (limit and chain as in
// CPython), format_exception_only (3.10+ forms taking the exception object).

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// formatHandled is traceback.format_exc()'s text: 'NoneType: None\n' when
// no exception is being handled.
func formatHandled(self py.Object, opt tbOptions) string {
	if exc := handledOf(self); exc != nil {
		return formatExceptionWith(exc, opt)
	}
	return "NoneType: None\n"
}

// tbOpts reads the limit and chain arguments.
func tbOpts(self py.Object, a *pyrt.Args) (tbOptions, error) {
	var opt tbOptions
	var err error
	if opt.limit, opt.limited, err = tracebackLimit(self, a.Get("limit")); err != nil {
		return opt, err
	}
	chain, err := py.MakeBool(a.Get("chain"))
	opt.noChain = chain == py.False
	return opt, err
}

// excArg returns the exception object passed as name (an exception
// instance or None; an exception class is also taken, as CPython does for
// the value when only a type is given).
func excArg(a *pyrt.Args, name string) (*py.Exception, bool, error) {
	v := a.Get(name)
	if v == py.None {
		return nil, false, nil
	}
	switch e := v.(type) {
	case *py.Exception:
		return e, true, nil
	case *py.Type:
		if e.IsSubtype(py.BaseException) {
			return py.MakeException(e), true, nil
		}
	}
	return nil, false, py.ExceptionNewf(py.TypeError, "Exception expected for value, %s found", pyrt.TypeName(v))
}

// strList makes a Python list of strings.
func strList(ss []string) *py.List {
	out := make([]py.Object, len(ss))
	for i, x := range ss {
		out[i] = py.String(x)
	}
	return py.NewListFromItems(out)
}

// excChunks is format_exception's list for exc (ok false: None).
func excChunks(exc *py.Exception, ok bool, opt tbOptions) []string {
	if !ok {
		return []string{"NoneType: None\n"}
	}
	return exceptionChunks(exc, opt)
}

// writeErr writes s to file, or to sys.stderr when file is None.
func writeErr(self py.Object, file py.Object, s string) error {
	if file == py.None {
		f, err := sysFile(pyrt.CtxOf(self), "stderr")
		if err != nil {
			return err
		}
		file = f
	}
	return WriteText(file, s)
}

func excText(exc *py.Exception, ok bool, opt tbOptions) string {
	if !ok {
		return "NoneType: None\n"
	}
	return formatExceptionWith(exc, opt)
}

func init() {
	methods := []*py.Method{
		pyrt.Func("format_exc", "limit=None, chain=True", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			opt, err := tbOpts(self, a)
			if err != nil {
				return nil, err
			}
			return py.String(formatHandled(self, opt)), nil
		}),
		pyrt.Func("print_exc", "limit=None, file=None, chain=True", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			opt, err := tbOpts(self, a)
			if err != nil {
				return nil, err
			}
			return py.None, writeErr(self, a.Get("file"), formatHandled(self, opt))
		}),
		pyrt.Func("format_exception", "exc, /, value=None, tb=None, limit=None, chain=True", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			name := "exc"
			if a.Given("value") {
				name = "value"
			}
			exc, ok, err := excArg(a, name)
			if err != nil {
				return nil, err
			}
			opt, err := tbOpts(self, a)
			if err != nil {
				return nil, err
			}
			return strList(excChunks(exc, ok, opt)), nil
		}),
		pyrt.Func("print_exception", "exc, /, value=None, tb=None, limit=None, file=None, chain=True", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			name := "exc"
			if a.Given("value") {
				name = "value"
			}
			exc, ok, err := excArg(a, name)
			if err != nil {
				return nil, err
			}
			opt, err := tbOpts(self, a)
			if err != nil {
				return nil, err
			}
			return py.None, writeErr(self, a.Get("file"), excText(exc, ok, opt))
		}),
		pyrt.Func("format_exception_only", "exc, /, value=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			name := "exc"
			if a.Given("value") {
				name = "value"
			}
			exc, ok, err := excArg(a, name)
			if err != nil {
				return nil, err
			}
			if !ok {
				return strList([]string{"NoneType: None\n"}), nil
			}
			return strList(exceptionOnlyChunks(exc)), nil
		}),
	}
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "traceback", Doc: "Extract, format and print information about Python stack traces.", FileDesc: "<traceback>"},
		Methods: methods,
		Globals: py.StringDict{},
	})
}
