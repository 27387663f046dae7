package os

// Additions to gpython's os module: os.path (posixpath), os.sep, os.linesep,
// os.name, os.curdir, os.pathsep, os.cpu_count, os.getppid.

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// installOSPath registers os.path (posixpath) and puts its namespace and the
// os constants and functions above into gpython's os module.
func installOSPath() {
	// posixpath's functions are Python functions in CPython: Sig's wording
	str1 := func(v py.Object) (string, error) {
		s, ok := v.(py.String)
		if !ok {
			return "", py.ExceptionNewf(py.TypeError, "expected str, bytes or os.PathLike object, not %s", v.Type().Name)
		}
		return string(s), nil
	}
	// strFn is a function of one path parameter, named param as CPython's
	strFn := func(name, param string, f func(string) py.Object) *py.Method {
		return pyrt.Func(name, param, func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := str1(a.Get(param))
			if err != nil {
				return nil, err
			}
			return f(s), nil
		})
	}
	stat := func(p string) (os.FileInfo, bool) {
		fi, err := os.Stat(p)
		return fi, err == nil
	}
	methods := []*py.Method{
		pyrt.Func("join", "a, *p", func(_ py.Object, args *pyrt.Args) (py.Object, error) {
			out := ""
			for i, a := range append(py.Tuple{args.Get("a")}, args.Star...) {
				s, ok := a.(py.String)
				if !ok {
					return nil, py.ExceptionNewf(py.TypeError, "join() argument must be str, bytes, or os.PathLike object, not '%s'", a.Type().Name)
				}
				p := string(s)
				switch {
				case i == 0:
					out = p
				case strings.HasPrefix(p, "/"):
					out = p
				case out == "" || strings.HasSuffix(out, "/"):
					out += p
				default:
					out += "/" + p
				}
			}
			return py.String(out), nil
		}),
		strFn("basename", "p", func(p string) py.Object { return py.String(p[strings.LastIndex(p, "/")+1:]) }),
		strFn("dirname", "p", func(p string) py.Object {
			head := p[:strings.LastIndex(p, "/")+1]
			if head != "" && strings.Trim(head, "/") != "" {
				head = strings.TrimRight(head, "/")
			}
			return py.String(head)
		}),
		strFn("split", "p", func(p string) py.Object {
			i := strings.LastIndex(p, "/") + 1
			head, tail := p[:i], p[i:]
			if head != "" && strings.Trim(head, "/") != "" {
				head = strings.TrimRight(head, "/")
			}
			return py.Tuple{py.String(head), py.String(tail)}
		}),
		strFn("splitext", "p", func(p string) py.Object {
			base := p[strings.LastIndex(p, "/")+1:]
			dot := strings.LastIndex(base, ".")
			if dot <= 0 || strings.Trim(base[:dot], ".") == "" {
				return py.Tuple{py.String(p), py.String("")}
			}
			cut := len(p) - len(base) + dot
			return py.Tuple{py.String(p[:cut]), py.String(p[cut:])}
		}),
		strFn("exists", "path", func(p string) py.Object { _, ok := stat(p); return py.NewBool(ok) }),
		strFn("isfile", "path", func(p string) py.Object { fi, ok := stat(p); return py.NewBool(ok && fi.Mode().IsRegular()) }),
		strFn("isdir", "s", func(p string) py.Object { fi, ok := stat(p); return py.NewBool(ok && fi.IsDir()) }),
		strFn("isabs", "s", func(p string) py.Object { return py.NewBool(strings.HasPrefix(p, "/")) }),
		strFn("normpath", "path", func(p string) py.Object { return py.String(filepath.Clean(p)) }),
		strFn("abspath", "path", func(p string) py.Object { a, _ := filepath.Abs(p); return py.String(a) }),
		strFn("realpath", "filename", func(p string) py.Object {
			a, _ := filepath.Abs(p)
			if r, err := filepath.EvalSymlinks(a); err == nil {
				a = r
			}
			return py.String(a)
		}),
		strFn("expanduser", "path", func(p string) py.Object {
			if strings.HasPrefix(p, "~") {
				if h, err := os.UserHomeDir(); err == nil && (len(p) == 1 || p[1] == '/') {
					return py.String(h + p[1:])
				}
			}
			return py.String(p)
		}),
		pyrt.Func("getsize", "filename", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := str1(a.Get("filename"))
			if err != nil {
				return nil, err
			}
			fi, err := os.Stat(s)
			if err != nil {
				return nil, pyobj.NewOSError(err, py.String(s))
			}
			return py.Int(fi.Size()), nil
		}),
		pyrt.Func("relpath", "path, start=None", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			target, _ := a.Get("path").(py.String)
			base, _ := os.Getwd()
			if b, ok := a.Get("start").(py.String); ok {
				base = string(b)
			}
			abs, _ := filepath.Abs(string(target))
			absBase, _ := filepath.Abs(base)
			r, err := filepath.Rel(absBase, abs)
			if err != nil {
				return nil, py.ExceptionNewf(py.ValueError, "%v", err)
			}
			return py.String(r), nil
		}),
	}
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "os.path", FileDesc: "<posixpath>"},
		Methods: methods,
		Globals: py.StringDict{"sep": py.String("/"), "curdir": py.String("."), "pardir": py.String(".."), "extsep": py.String(".")},
	})
	if impl := py.GetModuleImpl("os"); impl != nil {
		impl.Globals["sep"] = py.String("/")
		impl.Globals["linesep"] = py.String("\n")
		impl.Globals["name"] = py.String("posix")
		impl.Globals["curdir"] = py.String(".")
		impl.Globals["pathsep"] = py.String(":")
		ns := &osPathNS{methods: methods}
		ns.GetDict()
		impl.Globals["path"] = ns
	}
	pyrt.ReplaceMethod("os", pyrt.Func("posix.cpu_count", "$module", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		return py.Int(runtime.NumCPU()), nil
	}))
	pyrt.ReplaceMethod("os", pyrt.Func("posix.getppid", "$module", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		return py.Int(os.Getppid()), nil
	}))
}

// osPathNS is os.path as an attribute of os (gpython module globals are
// copied per context, so this shares the Go functions, not a module).
type osPathNS struct {
	methods []*py.Method
	dict    py.StringDict
}

var osPathType = py.NewType("module", "")

// Type returns module.
func (o *osPathNS) Type() *py.Type { return osPathType }

// GetDict gives os.path.join & co.
func (o *osPathNS) GetDict() py.StringDict {
	if o.dict == nil {
		d := py.StringDict{"sep": py.String("/"), "__name__": py.String("posixpath")}
		for _, m := range o.methods {
			d[m.Name] = m
		}
		o.dict = d
	}
	return o.dict
}

// M__repr__ is repr(os.path).
func (o *osPathNS) M__repr__() (py.Object, error) {
	return py.String("<module 'posixpath' (frozen)>"), nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "mod_extra#os", installOSPath)
}
