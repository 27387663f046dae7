package traceback

// The traceback module's entry-level functions: extract_tb, format_tb,
// print_tb, walk_tb, format_list, print_list, on the FrameSummary and
// StackSummary classes (pyobj's traceback_entries.go). The stack functions
// (extract_stack, format_stack, print_stack, walk_stack) need the calling
// frames, which gpython does not link (no f_back): they raise
// NotImplementedError.

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// tracebackArg walks a traceback argument: its entries, none for None.
func tracebackArg(tb py.Object) ([]*py.Traceback, error) {
	var out []*py.Traceback
	if tb == py.None {
		return nil, nil
	}
	t, ok := tb.(*py.Traceback)
	if !ok {
		return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute 'tb_frame'", pyrt.TypeName(tb))
	}
	for ; t != nil; t = t.Next {
		out = append(out, t)
	}
	return out, nil
}

// extractTB is traceback.extract_tb(tb, limit).
func extractTB(self, tb, limit py.Object) (*pyobj.StackSummary, error) {
	tbs, err := tracebackArg(tb)
	if err != nil {
		return nil, err
	}
	n, ok, err := pyobj.TracebackLimit(self, limit)
	if err != nil {
		return nil, err
	}
	var first *py.Traceback
	if len(tbs) > 0 {
		first = tbs[0]
	}
	return pyobj.TracebackSummary(first, pyobj.TracebackOptions{Limit: n, Limited: ok}), nil
}

// writeLines writes each string of list to file (sys.stderr for None;
// self is the module of the calling function, or nil).
// printSummary writes s's formatted lines to file (print_tb, print_list);
// err is the error of making s, returned as is.
func printSummary(self, file py.Object, s *pyobj.StackSummary, err error) (py.Object, error) {
	if err != nil {
		return nil, err
	}
	lines, err := s.Format()
	if err != nil {
		return nil, err
	}
	return py.None, writeLines(self, file, lines)
}

func writeLines(self, file py.Object, list *py.List) error {
	var b strings.Builder
	for _, o := range list.Items {
		b.WriteString(string(o.(py.String)))
	}
	if file == py.None {
		ctx := pyobj.CtxOrLast(self)
		if ctx == nil {
			return py.ExceptionNewf(py.RuntimeError, "lost sys.stderr")
		}
		f, err := pyobj.SysFile(ctx, "stderr")
		if err != nil {
			return err
		}
		file = f
	}
	return pyobj.WriteText(file, b.String())
}

func stackUnsupported(name string) *py.Method {
	return pyrt.Func(name, "*args, **kwargs", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return nil, py.ExceptionNewf(py.NotImplementedError, "traceback.%s() is not supported by pypool: gpython frames do not link to their callers (no f_back)", name)
	})
}

func installTracebackEntries() {
	impl := py.GetModuleImpl("traceback")
	if impl == nil {
		return
	}
	impl.Globals["FrameSummary"] = pyobj.FrameSummaryType
	impl.Globals["StackSummary"] = pyobj.StackSummaryType
	impl.Methods = append(impl.Methods,
		pyrt.Func("extract_tb", "tb, limit=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return extractTB(self, a.Get("tb"), a.Get("limit"))
		}),
		pyrt.Func("format_tb", "tb, limit=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := extractTB(self, a.Get("tb"), a.Get("limit"))
			if err != nil {
				return nil, err
			}
			return s.Format()
		}),
		pyrt.Func("print_tb", "tb, limit=None, file=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := extractTB(self, a.Get("tb"), a.Get("limit"))
			return printSummary(self, a.Get("file"), s, err)
		}),
		pyrt.Func("walk_tb", "tb", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			tbs, err := tracebackArg(a.Get("tb"))
			if err != nil {
				return nil, err
			}
			out := make(py.Tuple, len(tbs))
			for i, t := range tbs {
				out[i] = py.Tuple{t.Frame, py.Int(t.Lineno)}
			}
			return py.NewIterator(out), nil
		}),
		pyrt.Func("format_list", "extracted_list", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := pyobj.SummaryFromList(a.Get("extracted_list"))
			if err != nil {
				return nil, err
			}
			return s.Format()
		}),
		pyrt.Func("print_list", "extracted_list, file=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := pyobj.SummaryFromList(a.Get("extracted_list"))
			return printSummary(self, a.Get("file"), s, err)
		}),
		stackUnsupported("extract_stack"),
		stackUnsupported("format_stack"),
		stackUnsupported("print_stack"),
		stackUnsupported("walk_stack"),
	)
}

func init() {
	pyrt.OnInstall(pyrt.InstallExtras, "mod_traceback_tb", installTracebackEntries)
}
