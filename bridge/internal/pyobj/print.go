package pyobj

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// WriteText writes s to the Python file object f with a single write: Go
// files get one write syscall, other objects one call of their write method.
func WriteText(f py.Object, s string) error {
	switch x := f.(type) {
	case *py.File:
		if _, err := x.File.WriteString(s); err != nil {
			return py.ExceptionNewf(py.OSError, "%v", err)
		}
		return nil
	case *File:
		if !x.binary {
			_, err := x.write(py.String(s))
			return err
		}
	}
	write, err := py.GetAttrString(f, "write")
	if err != nil {
		return err
	}
	_, err = py.Call(write, py.Tuple{py.String(s)}, nil)
	return err
}

// SysFile returns sys.<name> (stdout or stderr) of ctx.
func SysFile(ctx py.Context, name string) (py.Object, error) {
	sys, err := ctx.GetModule("sys")
	if err != nil {
		return nil, err
	}
	f, ok := sys.Globals[name]
	if !ok {
		return nil, py.ExceptionNewf(py.RuntimeError, "lost sys.%s", name)
	}
	return f, nil
}

// builtinPrint is print(): the whole line is built first and written once, so
// lines printed at the same moment by threads or workers never tear.
func builtinPrint(self py.Object, a *pyrt.Args) (py.Object, error) {
	var err error
	sep, end := " ", "\n"
	if v := a.Get("sep"); v != py.None {
		s, ok := v.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "sep must be None or a string, not %s", v.Type().Name)
		}
		sep = string(s)
	}
	if v := a.Get("end"); v != py.None {
		s, ok := v.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "end must be None or a string, not %s", v.Type().Name)
		}
		end = string(s)
	}
	file := a.Get("file")
	if file == py.None {
		ctx := pyrt.CtxOf(self)
		if ctx == nil {
			return nil, py.ExceptionNewf(py.RuntimeError, "print(): no interpreter")
		}
		if file, err = SysFile(ctx, "stdout"); err != nil {
			return nil, err
		}
		if file == py.None {
			return py.None, nil
		}
	}
	var b strings.Builder
	for i, o := range a.Star {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := Str(o)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString(end)
	if err := WriteText(file, b.String()); err != nil {
		return nil, err
	}
	if flush, _ := py.MakeBool(a.Get("flush")); flush == py.True {
		switch file.(type) {
		case *py.File:
		default:
			if fl, err := py.GetAttrString(file, "flush"); err == nil {
				if _, err := py.Call(fl, nil, nil); err != nil {
					return nil, err
				}
			}
		}
	}
	return py.None, nil
}

func installPrint() {
	pyrt.ReplaceMethod("builtins", pyrt.Func("print", "$module, *objects, sep=None, end=None, file=None, flush=False", builtinPrint))
}

func init() { pyrt.OnInstall(pyrt.InstallCore, "core02-print", installPrint) }
