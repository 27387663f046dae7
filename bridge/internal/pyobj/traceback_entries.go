package pyobj

// Traceback entries: the FrameSummary and StackSummary classes (the
// traceback module's, and what FormatException formats). Entries are
// formatted as CPython 3.11 prints them, without the "^^^^" position lines
// (pypool has no column positions; its whole tracebacks omit them too).

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// recursiveCutoff is how many identical consecutive entries are shown
// before "[Previous line repeated N more times]".
const recursiveCutoff = 3

var FrameSummaryType = py.NewType("FrameSummary", "Information about a single frame from a traceback.")
var StackSummaryType = py.NewType("StackSummary", "A list of FrameSummary objects, representing a stack of frames.")

// FrameSummary is one traceback entry: traceback.FrameSummary.
type FrameSummary struct {
	Filename py.Object
	Lineno   py.Object
	Name     py.Object
	line     py.Object // the source line as given or read; nil: not read yet
	Locals   py.Object
	extra    py.StringDict // end_lineno, colno, end_colno
}

// Type returns traceback.FrameSummary.
func (fs *FrameSummary) Type() *py.Type { return FrameSummaryType }

// Line returns the entry's source line, stripped; "" when it cannot be
// read, None without a line number.
func (fs *FrameSummary) Line() py.Object {
	if fs.line == nil {
		n, ok := fs.Lineno.(py.Int)
		if !ok {
			if fs.Lineno == py.None {
				return py.None
			}
			return py.String("")
		}
		name, _ := fs.Filename.(py.String)
		fs.line = py.String(SourceLine(string(name), int(n)))
	}
	if s, ok := fs.line.(py.String); ok {
		return py.String(strings.TrimSpace(string(s)))
	}
	return fs.line
}

func (fs *FrameSummary) tuple() py.Tuple {
	return py.Tuple{fs.Filename, fs.Lineno, fs.Name, fs.Line()}
}

// M__iter__ yields filename, lineno, name and line.
func (fs *FrameSummary) M__iter__() (py.Object, error) { return py.NewIterator(fs.tuple()), nil }

// M__getitem__ indexes (filename, lineno, name, line).
func (fs *FrameSummary) M__getitem__(key py.Object) (py.Object, error) {
	return fs.tuple().M__getitem__(key)
}

// M__len__ is 4.
func (fs *FrameSummary) M__len__() (py.Object, error) { return py.Int(4), nil }

// M__eq__ compares with another FrameSummary (filename, lineno, name,
// locals) or with a 4-tuple.
func (fs *FrameSummary) M__eq__(other py.Object) (py.Object, error) {
	var a, b py.Tuple
	switch o := other.(type) {
	case *FrameSummary:
		a = py.Tuple{fs.Filename, fs.Lineno, fs.Name, fs.Locals}
		b = py.Tuple{o.Filename, o.Lineno, o.Name, o.Locals}
	case py.Tuple:
		a, b = fs.tuple(), o
	default:
		return py.NotImplemented, nil
	}
	eq, err := Equal(a, b)
	return py.NewBool(eq), err
}

// M__ne__ negates M__eq__.
func (fs *FrameSummary) M__ne__(other py.Object) (py.Object, error) {
	return NegateEq(fs.M__eq__(other))
}

// M__repr__ is <FrameSummary file F, line N in NAME>.
func (fs *FrameSummary) M__repr__() (py.Object, error) {
	return py.String("<FrameSummary file " + plainStr(fs.Filename) + ", line " + plainStr(fs.Lineno) + " in " + plainStr(fs.Name) + ">"), nil
}

// plainStr is str(o) for the values entries hold (str, int, None).
func plainStr(o py.Object) string {
	if s, ok := o.(py.String); ok {
		return string(s)
	}
	if s, err := Repr(o); err == nil {
		return s
	}
	return "?"
}

// format is StackSummary.format_frame_summary: the File line and, when
// there is one, the stripped source line.
func (fs *FrameSummary) format() string {
	var b strings.Builder
	b.WriteString("  File \"" + plainStr(fs.Filename) + "\", line " + plainStr(fs.Lineno) + ", in " + plainStr(fs.Name) + "\n")
	if line, ok := fs.Line().(py.String); ok && line != "" {
		b.WriteString("    " + string(line) + "\n")
	}
	if d, ok := fs.Locals.(*Dict); ok {
		for _, it := range d.Items() {
			b.WriteString("    " + plainStr(it.Key) + " = " + plainStr(it.Value) + "\n")
		}
	}
	return b.String()
}

// StackSummary is a list of FrameSummary entries (traceback.StackSummary).
// List operations go to its list.
type StackSummary struct {
	*py.List
}

// Type returns traceback.StackSummary.
func (s *StackSummary) Type() *py.Type { return StackSummaryType }

// M__getattr__ answers the list methods (append, pop, reverse, …).
func (s *StackSummary) M__getattr__(name string) (py.Object, error) {
	v, err := py.GetAttrString(s.List, name)
	if err != nil && isExc(err, py.AttributeError) {
		return nil, py.ExceptionNewf(py.AttributeError, "'StackSummary' object has no attribute '%s'", name)
	}
	return v, err
}

// M__repr__ is the list's repr.
func (s *StackSummary) M__repr__() (py.Object, error) {
	r, err := seqRepr(s.Items, "[", "]", false)
	return py.String(r), err
}

// M__str__ is the list's repr.
func (s *StackSummary) M__str__() (py.Object, error) { return s.M__repr__() }

// M__eq__ compares the entries with a list's or another StackSummary's.
func (s *StackSummary) M__eq__(other py.Object) (py.Object, error) {
	if o, ok := other.(*StackSummary); ok {
		other = o.List
	}
	if _, ok := other.(*py.List); !ok {
		return py.NotImplemented, nil
	}
	eq, err := Equal(s.List, other)
	return py.NewBool(eq), err
}

// M__ne__ negates M__eq__.
func (s *StackSummary) M__ne__(other py.Object) (py.Object, error) {
	return NegateEq(s.M__eq__(other))
}

// Format is StackSummary.format(): one string per entry, runs of more
// than recursiveCutoff identical entries collapsed.
func (s *StackSummary) Format() (*py.List, error) {
	var out []py.Object
	var last *FrameSummary
	count := 0
	flush := func() {
		if count > recursiveCutoff {
			n := count - recursiveCutoff
			plural := "s"
			if n == 1 {
				plural = ""
			}
			out = append(out, py.String("  [Previous line repeated "+itoa(n)+" more time"+plural+"]\n"))
		}
	}
	for _, o := range s.Items {
		fs, ok := o.(*FrameSummary)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "StackSummary entries must be FrameSummary objects, not %s", pyrt.TypeName(o))
		}
		same := false
		if last != nil {
			k1 := py.Tuple{last.Filename, last.Lineno, last.Name}
			k2 := py.Tuple{fs.Filename, fs.Lineno, fs.Name}
			eq, err := Equal(k1, k2)
			if err != nil {
				return nil, err
			}
			same = eq && last.Lineno != py.None
		}
		if !same {
			flush()
			last, count = fs, 0
		}
		count++
		if count > recursiveCutoff {
			continue
		}
		out = append(out, py.String(fs.format()))
	}
	flush()
	return py.NewListFromItems(out), nil
}

// SummaryFromList is StackSummary.from_list: FrameSummary entries are
// kept, 4-tuples (filename, lineno, name, line) become entries.
func SummaryFromList(list py.Object) (*StackSummary, error) {
	s := &StackSummary{List: py.NewList()}
	var ierr error
	err := py.Iterate(list, func(o py.Object) bool {
		if fs, ok := o.(*FrameSummary); ok {
			s.Items = append(s.Items, fs)
			return false
		}
		t, err := py.SequenceTuple(o)
		if err != nil {
			ierr = py.ExceptionNewf(py.TypeError, "cannot unpack non-iterable %s object", pyrt.TypeName(o))
			return true
		}
		if len(t) != 4 {
			if len(t) > 4 {
				ierr = py.ExceptionNewf(py.ValueError, "too many values to unpack (expected 4)")
			} else {
				ierr = py.ExceptionNewf(py.ValueError, "not enough values to unpack (expected 4, got %d)", len(t))
			}
			return true
		}
		s.Items = append(s.Items, &FrameSummary{Filename: t[0], Lineno: t[1], Name: t[2], line: t[3], Locals: py.None})
		return false
	})
	if ierr != nil {
		return nil, ierr
	}
	return s, err
}

// TracebackLimit resolves a limit argument: None means sys.tracebacklimit
// (negative counts as 0) or no limit; ok is false for no limit.
func TracebackLimit(self py.Object, limit py.Object) (n int, ok bool, err error) {
	if limit == py.None {
		if ctx := CtxOrLast(self); ctx != nil {
			if sys, err := ctx.GetModule("sys"); err == nil {
				if v, found := sys.Globals["tracebacklimit"]; found {
					n, err := IntArg("tracebacklimit", v)
					if err != nil {
						return 0, false, err
					}
					return max(int(n.Int64()), 0), true, nil
				}
			}
		}
		return 0, false, nil
	}
	v, err := IntArg("limit", limit)
	if err != nil {
		return 0, false, err
	}
	return int(v.Int64()), true, nil
}

// applyLimit keeps the first n entries, or the last -n when n < 0.
func applyLimit[T any](items []T, n int, ok bool) []T {
	if !ok {
		return items
	}
	if n >= 0 {
		return items[:min(n, len(items))]
	}
	return items[max(len(items)+n, 0):]
}

// frameEntry makes the FrameSummary of frame f at line lineno.
func frameEntry(f *py.Frame, lineno py.Object) *FrameSummary {
	fs := &FrameSummary{Filename: py.String(""), Lineno: lineno, Name: py.String(""), Locals: py.None}
	if f != nil && f.Code != nil {
		fs.Filename = py.String(f.Code.Filename)
		fs.Name = py.String(f.Code.Name)
	}
	fs.Line()
	return fs
}

// CtxOrLast is the context of a module function's self, else the context
// of the interpreter used last (for methods of Go objects: a process runs
// one interpreter).
func CtxOrLast(self py.Object) py.Context {
	if m, ok := self.(*py.Module); ok && m != nil && m.Context != nil {
		return m.Context
	}
	if in := pyrt.LastInterp.Load(); in != nil {
		return in.Ctx
	}
	return nil
}

var frameSummarySig = pyrt.MustSig("FrameSummary", "filename, lineno, name, *, lookup_line=True, locals=None, line=None, end_lineno=None, colno=None, end_colno=None")

func init() {
	ft := FrameSummaryType
	ft.Dict["__module__"] = py.String("traceback")
	ft.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := frameSummarySig.Parse(args, kwargs)
		if err != nil {
			return nil, err
		}
		fs := &FrameSummary{Filename: a.Get("filename"), Lineno: a.Get("lineno"), Name: a.Get("name"), Locals: py.None, extra: py.StringDict{}}
		if l := a.Get("line"); l != py.None {
			fs.line = l
		}
		for _, k := range []string{"end_lineno", "colno", "end_colno"} {
			fs.extra[k] = a.Get(k)
		}
		if loc := a.Get("locals"); loc != py.None {
			if t, err := py.MakeBool(loc); err != nil {
				return nil, err
			} else if t == py.True {
				d := NewDict()
				if err := d.Update(loc); err != nil {
					return nil, err
				}
				reprs := NewDict()
				for _, it := range d.Items() {
					r, err := Repr(it.Value)
					if err != nil {
						return nil, err
					}
					if err := reprs.Set(it.Key, py.String(r)); err != nil {
						return nil, err
					}
				}
				fs.Locals = reprs
			}
		}
		if look, err := py.MakeBool(a.Get("lookup_line")); err != nil {
			return nil, err
		} else if look == py.True {
			fs.Line()
		}
		return fs, nil
	}
	attr := func(name string, get func(fs *FrameSummary) py.Object, set func(fs *FrameSummary, v py.Object)) {
		ft.Dict[name] = &py.Property{
			Fget: func(self py.Object) (py.Object, error) {
				fs, ok := self.(*FrameSummary)
				if !ok {
					return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'FrameSummary' object")
				}
				return get(fs), nil
			},
			Fset: func(self, v py.Object) error {
				fs, ok := self.(*FrameSummary)
				if !ok {
					return py.ExceptionNewf(py.TypeError, "descriptor requires a 'FrameSummary' object")
				}
				set(fs, v)
				return nil
			},
		}
	}
	attr("filename", func(fs *FrameSummary) py.Object { return fs.Filename }, func(fs *FrameSummary, v py.Object) { fs.Filename = v })
	attr("lineno", func(fs *FrameSummary) py.Object { return fs.Lineno }, func(fs *FrameSummary, v py.Object) { fs.Lineno = v })
	attr("name", func(fs *FrameSummary) py.Object { return fs.Name }, func(fs *FrameSummary, v py.Object) { fs.Name = v })
	attr("line", (*FrameSummary).Line, func(fs *FrameSummary, v py.Object) { fs.line = v })
	attr("locals", func(fs *FrameSummary) py.Object { return fs.Locals }, func(fs *FrameSummary, v py.Object) { fs.Locals = v })
	for _, k := range []string{"end_lineno", "colno", "end_colno"} {
		attr(k, func(fs *FrameSummary) py.Object {
			if v, ok := fs.extra[k]; ok {
				return v
			}
			return py.None
		}, func(fs *FrameSummary, v py.Object) {
			if fs.extra == nil {
				fs.extra = py.StringDict{}
			}
			fs.extra[k] = v
		})
	}

	st := StackSummaryType
	st.Dict["__module__"] = py.String("traceback")
	st.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(kwargs) > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "StackSummary() takes no keyword arguments")
		}
		if len(args) > 1 {
			return nil, py.ExceptionNewf(py.TypeError, "StackSummary expected at most 1 argument, got %d", len(args))
		}
		s := &StackSummary{List: py.NewList()}
		if len(args) == 1 {
			if err := s.ExtendSequence(args[0]); err != nil {
				return nil, err
			}
		}
		return s, nil
	}
	pyrt.Method(st, "StackSummary.format", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		s, ok := self.(*StackSummary)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "StackSummary.format() needs a StackSummary, not %s", pyrt.TypeName(self))
		}
		return s.Format()
	})
	pyrt.Method(st, "StackSummary.format_frame_summary", "frame_summary", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		fs, ok := a.Get("frame_summary").(*FrameSummary)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "format_frame_summary() needs a FrameSummary, not %s", pyrt.TypeName(a.Get("frame_summary")))
		}
		return py.String(fs.format()), nil
	})
	// Class methods: called through the class, self is not an instance.
	pyrt.ClassMethod(st, "StackSummary.from_list", "a_list", func(_ *py.Type, a *pyrt.Args) (py.Object, error) {
		return SummaryFromList(a.Get("a_list"))
	})
	st.Dict["extract"] = pyrt.Func("extract", "frame_gen, *, limit=None, lookup_lines=True, capture_locals=False", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		if err := RefuseCaptureLocals(a); err != nil {
			return nil, err
		}
		var items []*FrameSummary
		var ierr error
		err := py.Iterate(a.Get("frame_gen"), func(o py.Object) bool {
			t, ok := o.(py.Tuple)
			if !ok || len(t) != 2 {
				ierr = py.ExceptionNewf(py.TypeError, "StackSummary.extract() needs (frame, lineno) pairs, not %s", pyrt.TypeName(o))
				return true
			}
			f, _ := t[0].(*py.Frame)
			if f == nil {
				ierr = py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute 'f_code'", pyrt.TypeName(t[0]))
				return true
			}
			items = append(items, frameEntry(f, t[1]))
			return false
		})
		if ierr != nil {
			return nil, ierr
		}
		if err != nil {
			return nil, err
		}
		n, ok, err := TracebackLimit(self, a.Get("limit"))
		if err != nil {
			return nil, err
		}
		s := &StackSummary{List: py.NewList()}
		for _, fs := range applyLimit(items, n, ok) {
			s.Items = append(s.Items, fs)
		}
		return s, nil
	})
}

// RefuseCaptureLocals raises NotImplementedError for capture_locals=True:
// gpython frames keep most locals outside a dict pypool can read.
func RefuseCaptureLocals(a *pyrt.Args) error {
	v, err := py.MakeBool(a.Get("capture_locals"))
	if err != nil {
		return err
	}
	if v == py.True {
		return py.ExceptionNewf(py.NotImplementedError, "pypool's traceback does not support capture_locals=True")
	}
	return nil
}
