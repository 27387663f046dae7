package pyobj

// Additions to gpython's math and os modules (math.isclose, gcd, inf, nan,
// prod, comb, perm, isqrt, lcm, dist; os.path, os.cpu_count, os.sep, …) and
// the builtin vars().

import (
	"math"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func addModuleFunc(module, name string, fn func(args py.Tuple, kw py.StringDict) (py.Object, error)) {
	impl := py.GetModuleImpl(module)
	if impl == nil {
		return
	}
	for _, m := range impl.Methods {
		if m.Name == name {
			return
		}
	}
	impl.Methods = append(impl.Methods, builtinFunc(name, fn))
}

func floatArgs(name string, args py.Tuple, n int) ([]float64, error) {
	if len(args) != n {
		return nil, py.ExceptionNewf(py.TypeError, "%s expected %d arguments, got %d", name, n, len(args))
	}
	out := make([]float64, n)
	for i, a := range args {
		f, err := py.FloatAsFloat64(a)
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "must be real number, not %s", a.Type().Name)
		}
		out[i] = f
	}
	return out, nil
}

func gcdArgs(args py.Tuple, lcm bool) (py.Object, error) {
	acc := big.NewInt(0)
	if lcm {
		acc = big.NewInt(1)
	}
	for _, a := range args {
		n, err := IntArg("gcd", a)
		if err != nil {
			return nil, err
		}
		n.Abs(n)
		if lcm {
			if n.Sign() == 0 || acc.Sign() == 0 {
				acc = big.NewInt(0)
				continue
			}
			g := new(big.Int).GCD(nil, nil, acc, n)
			acc.Mul(acc, n).Div(acc, g)
		} else {
			acc.GCD(nil, nil, acc, n)
		}
	}
	return BigToInt(acc), nil
}

func installMathExtra() {
	impl := py.GetModuleImpl("math")
	if impl != nil {
		impl.Globals["inf"] = py.Float(math.Inf(1))
		impl.Globals["nan"] = py.Float(math.NaN())
		impl.Globals["tau"] = py.Float(2 * math.Pi)
	}
	addModuleFunc("math", "isclose", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		f, err := floatArgs("isclose", args, 2)
		if err != nil {
			return nil, err
		}
		rel, abs := 1e-9, 0.0
		if v, ok := kw["rel_tol"]; ok {
			rel, _ = py.FloatAsFloat64(v)
		}
		if v, ok := kw["abs_tol"]; ok {
			abs, _ = py.FloatAsFloat64(v)
		}
		a, b := f[0], f[1]
		if a == b {
			return py.True, nil
		}
		if math.IsInf(a, 0) || math.IsInf(b, 0) {
			return py.False, nil
		}
		d := math.Abs(b - a)
		return py.NewBool(d <= math.Abs(rel*b) || d <= math.Abs(rel*a) || d <= abs), nil
	})
	addModuleFunc("math", "gcd", func(args py.Tuple, kw py.StringDict) (py.Object, error) { return gcdArgs(args, false) })
	addModuleFunc("math", "lcm", func(args py.Tuple, kw py.StringDict) (py.Object, error) { return gcdArgs(args, true) })
	addModuleFunc("math", "isqrt", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyrt.NArgs("isqrt", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := IntArg("isqrt", args[0])
		if err != nil {
			return nil, err
		}
		if n.Sign() < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "isqrt() argument must be nonnegative")
		}
		return BigToInt(new(big.Int).Sqrt(n)), nil
	})
	addModuleFunc("math", "prod", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		if len(args) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "prod() takes exactly 1 positional argument (%d given)", len(args))
		}
		var acc py.Object = py.Int(1)
		if v, ok := kw["start"]; ok {
			acc = v
		}
		var ierr error
		err := py.Iterate(args[0], func(o py.Object) bool {
			acc, ierr = py.Mul(acc, o)
			return ierr != nil
		})
		if ierr != nil {
			return nil, ierr
		}
		return acc, err
	})
	comb := func(name string, perm bool) func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		return func(args py.Tuple, kw py.StringDict) (py.Object, error) {
			if len(args) < 1 || len(args) > 2 {
				return nil, py.ExceptionNewf(py.TypeError, "%s expected 2 arguments, got %d", name, len(args))
			}
			n, err := IntArg(name, args[0])
			if err != nil {
				return nil, err
			}
			k := new(big.Int).Set(n)
			if len(args) == 2 && args[1] != py.None {
				if k, err = IntArg(name, args[1]); err != nil {
					return nil, err
				}
			}
			if n.Sign() < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "n must be a non-negative integer")
			}
			if k.Sign() < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "k must be a non-negative integer")
			}
			if k.Cmp(n) > 0 {
				return py.Int(0), nil
			}
			kk := k.Int64()
			r := big.NewInt(1)
			if perm {
				for i := int64(0); i < kk; i++ {
					r.Mul(r, new(big.Int).Sub(n, big.NewInt(i)))
				}
				return BigToInt(r), nil
			}
			return BigToInt(r.Binomial(n.Int64(), kk)), nil
		}
	}
	addModuleFunc("math", "comb", comb("comb", false))
	addModuleFunc("math", "perm", comb("perm", true))
	addModuleFunc("math", "dist", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		if len(args) != 2 {
			return nil, py.ExceptionNewf(py.TypeError, "dist expected 2 arguments, got %d", len(args))
		}
		p, err := py.SequenceTuple(args[0])
		if err != nil {
			return nil, err
		}
		q, err := py.SequenceTuple(args[1])
		if err != nil {
			return nil, err
		}
		if len(p) != len(q) {
			return nil, py.ExceptionNewf(py.ValueError, "both points must have the same number of dimensions")
		}
		s := 0.0
		for i := range p {
			a, _ := py.FloatAsFloat64(p[i])
			b, _ := py.FloatAsFloat64(q[i])
			s += (a - b) * (a - b)
		}
		return py.Float(math.Sqrt(s)), nil
	})
}

// osPath is the os.path namespace (posixpath), a module object in each context.
func installOSPath() {
	str1 := func(name string, args py.Tuple) (string, error) {
		if len(args) != 1 {
			return "", py.ExceptionNewf(py.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
		}
		s, ok := args[0].(py.String)
		if !ok {
			return "", py.ExceptionNewf(py.TypeError, "expected str, bytes or os.PathLike object, not %s", args[0].Type().Name)
		}
		return string(s), nil
	}
	m := func(name string, fn func(args py.Tuple, kw py.StringDict) (py.Object, error)) *py.Method {
		return builtinFunc(name, fn)
	}
	strFn := func(name string, f func(string) py.Object) *py.Method {
		return m(name, func(args py.Tuple, kw py.StringDict) (py.Object, error) {
			s, err := str1(name, args)
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
		m("join", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
			if len(args) == 0 {
				return nil, py.ExceptionNewf(py.TypeError, "join() missing 1 required positional argument: 'a'")
			}
			out := ""
			for i, a := range args {
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
		strFn("basename", func(p string) py.Object { return py.String(p[strings.LastIndex(p, "/")+1:]) }),
		strFn("dirname", func(p string) py.Object {
			head := p[:strings.LastIndex(p, "/")+1]
			if head != "" && strings.Trim(head, "/") != "" {
				head = strings.TrimRight(head, "/")
			}
			return py.String(head)
		}),
		strFn("split", func(p string) py.Object {
			i := strings.LastIndex(p, "/") + 1
			head, tail := p[:i], p[i:]
			if head != "" && strings.Trim(head, "/") != "" {
				head = strings.TrimRight(head, "/")
			}
			return py.Tuple{py.String(head), py.String(tail)}
		}),
		strFn("splitext", func(p string) py.Object {
			base := p[strings.LastIndex(p, "/")+1:]
			dot := strings.LastIndex(base, ".")
			if dot <= 0 || strings.Trim(base[:dot], ".") == "" {
				return py.Tuple{py.String(p), py.String("")}
			}
			cut := len(p) - len(base) + dot
			return py.Tuple{py.String(p[:cut]), py.String(p[cut:])}
		}),
		strFn("exists", func(p string) py.Object { _, ok := stat(p); return py.NewBool(ok) }),
		strFn("isfile", func(p string) py.Object { fi, ok := stat(p); return py.NewBool(ok && fi.Mode().IsRegular()) }),
		strFn("isdir", func(p string) py.Object { fi, ok := stat(p); return py.NewBool(ok && fi.IsDir()) }),
		strFn("isabs", func(p string) py.Object { return py.NewBool(strings.HasPrefix(p, "/")) }),
		strFn("normpath", func(p string) py.Object { return py.String(filepath.Clean(p)) }),
		strFn("abspath", func(p string) py.Object { a, _ := filepath.Abs(p); return py.String(a) }),
		strFn("realpath", func(p string) py.Object {
			a, _ := filepath.Abs(p)
			if r, err := filepath.EvalSymlinks(a); err == nil {
				a = r
			}
			return py.String(a)
		}),
		strFn("expanduser", func(p string) py.Object {
			if strings.HasPrefix(p, "~") {
				if h, err := os.UserHomeDir(); err == nil && (len(p) == 1 || p[1] == '/') {
					return py.String(h + p[1:])
				}
			}
			return py.String(p)
		}),
		m("getsize", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
			s, err := str1("getsize", args)
			if err != nil {
				return nil, err
			}
			fi, err := os.Stat(s)
			if err != nil {
				return nil, NewOSError(err, py.String(s))
			}
			return py.Int(fi.Size()), nil
		}),
		m("relpath", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
			if len(args) < 1 {
				return nil, py.ExceptionNewf(py.TypeError, "relpath() missing 1 required positional argument: 'path'")
			}
			target, _ := args[0].(py.String)
			base, _ := os.Getwd()
			if len(args) > 1 {
				if b, ok := args[1].(py.String); ok {
					base = string(b)
				}
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
	addModuleFunc("os", "cpu_count", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		return py.Int(runtime.NumCPU()), nil
	})
	addModuleFunc("os", "getppid", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		return py.Int(os.Getppid()), nil
	})
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

func builtinVars(args py.Tuple, kw py.StringDict) (py.Object, error) {
	if err := pyrt.NArgs("vars", args, kw, 1, 1); err != nil {
		return nil, err
	}
	if err := loadLazySource(args[0]); err != nil {
		return nil, err
	}
	if g, ok := args[0].(py.IGetDict); ok {
		if d := g.GetDict(); d != nil {
			return d, nil
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "vars() argument must have __dict__ attribute")
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "mod_extra", func() {
		installMathExtra()
		installOSPath()
		SetBuiltin("vars", builtinFunc("vars", builtinVars))
	})
}
