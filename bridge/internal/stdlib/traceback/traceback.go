// Package traceback is Python's traceback module on pyobj's formatter (the
// one that prints uncaught exceptions, FormatException): format_exc,
// print_exc, format_exception, print_exception (limit and chain as in
// CPython), format_exception_only (3.10+ forms taking the exception object);
// the entry-level functions extract_tb, format_tb, print_tb, walk_tb,
// format_list, print_list on pyobj's FrameSummary and StackSummary classes;
// and traceback.TracebackException. The stack functions (extract_stack,
// format_stack, print_stack, walk_stack) need the calling frames, which
// gpython does not link (no f_back): they raise NotImplementedError.
//
// It registers the module with gpython from its init and adds the entry
// functions with pyrt.OnInstall ("mod_traceback_tb", "traceback_exception",
// as before); the facade (bridge) imports it for that effect. It imports
// gpython, bridge/pyrt and bridge/internal/pyobj and nothing above them.
package traceback

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// formatHandled is traceback.format_exc()'s text: 'NoneType: None\n' when
// no exception is being handled.
func formatHandled(self py.Object, opt pyobj.TracebackOptions) string {
	if exc := pyobj.HandledOf(self); exc != nil {
		return pyobj.FormatExceptionWith(exc, opt)
	}
	return "NoneType: None\n"
}

// tbOpts reads the limit and chain arguments.
func tbOpts(self py.Object, a *pyrt.Args) (pyobj.TracebackOptions, error) {
	var opt pyobj.TracebackOptions
	var err error
	if opt.Limit, opt.Limited, err = pyobj.TracebackLimit(self, a.Get("limit")); err != nil {
		return opt, err
	}
	chain, err := py.MakeBool(a.Get("chain"))
	opt.NoChain = chain == py.False
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
func excChunks(exc *py.Exception, ok bool, opt pyobj.TracebackOptions) []string {
	if !ok {
		return []string{"NoneType: None\n"}
	}
	return pyobj.ExceptionChunks(exc, opt)
}

// writeErr writes s to file, or to sys.stderr when file is None.
func writeErr(self py.Object, file py.Object, s string) error {
	if file == py.None {
		f, err := pyobj.SysFile(pyrt.CtxOf(self), "stderr")
		if err != nil {
			return err
		}
		file = f
	}
	return pyobj.WriteText(file, s)
}

func excText(exc *py.Exception, ok bool, opt pyobj.TracebackOptions) string {
	if !ok {
		return "NoneType: None\n"
	}
	return pyobj.FormatExceptionWith(exc, opt)
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
			exc, ok, opt, err := excAndOpts(self, a)
			if err != nil {
				return nil, err
			}
			return strList(excChunks(exc, ok, opt)), nil
		}),
		pyrt.Func("print_exception", "exc, /, value=None, tb=None, limit=None, file=None, chain=True", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			exc, ok, opt, err := excAndOpts(self, a)
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
			return strList(pyobj.ExceptionOnlyChunks(exc)), nil
		}),
	}
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "traceback", Doc: "Extract, format and print information about Python stack traces.", FileDesc: "<traceback>"},
		Methods: methods,
		Globals: py.StringDict{},
	})
}

// excAndOpts reads format_exception's and print_exception's exception (the
// value argument when given, as CPython's) and their formatting options.
func excAndOpts(self py.Object, a *pyrt.Args) (exc *py.Exception, ok bool, opt pyobj.TracebackOptions, err error) {
	name := "exc"
	if a.Given("value") {
		name = "value"
	}
	if exc, ok, err = excArg(a, name); err != nil {
		return nil, false, opt, err
	}
	opt, err = tbOpts(self, a)
	return exc, ok, opt, err
}
