// Package math completes gpython's math module with what CPython 3.11 has
// and gpython lacks: isclose, gcd, lcm, inf, nan, prod, comb, perm, isqrt,
// dist.
//
// It adds them with pyrt.OnInstall (compat stage, "mod_extra", as before);
// the facade (bridge) imports it for that effect. It imports gpython,
// bridge/pyrt and bridge/internal/pyobj (integer arguments, module
// functions) and nothing above them.
package math

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// realArg reads a float parameter as CPython's math functions do.
func realArg(a *pyrt.Args, name string) (float64, error) {
	v := a.Get(name)
	f, err := py.FloatAsFloat64(v)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "must be real number, not %s", v.Type().Name)
	}
	return f, nil
}

func gcdArgs(args py.Tuple, lcm bool) (py.Object, error) {
	acc := big.NewInt(0)
	if lcm {
		acc = big.NewInt(1)
	}
	for _, a := range args {
		n, err := pyobj.IntArg("gcd", a)
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
	return pyobj.BigToInt(acc), nil
}

func installMathExtra() {
	impl := py.GetModuleImpl("math")
	if impl != nil {
		impl.Globals["inf"] = py.Float(math.Inf(1))
		impl.Globals["nan"] = py.Float(math.NaN())
		impl.Globals["tau"] = py.Float(2 * math.Pi)
	}
	// the specs are CPython's (C functions: $module, and its wording)
	add := func(name, spec string, fn func(a *pyrt.Args) (py.Object, error)) {
		pyrt.ReplaceMethod("math", pyrt.Func("math."+name, "$module, "+spec, func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			return fn(a)
		}))
	}
	add("isclose", "a, b, *, rel_tol=1e-09, abs_tol=0.0", func(args *pyrt.Args) (py.Object, error) {
		a, err := realArg(args, "a")
		if err != nil {
			return nil, err
		}
		b, err := realArg(args, "b")
		if err != nil {
			return nil, err
		}
		rel, _ := py.FloatAsFloat64(args.Get("rel_tol"))
		abs, _ := py.FloatAsFloat64(args.Get("abs_tol"))
		if a == b {
			return py.True, nil
		}
		if math.IsInf(a, 0) || math.IsInf(b, 0) {
			return py.False, nil
		}
		d := math.Abs(b - a)
		return py.NewBool(d <= math.Abs(rel*b) || d <= math.Abs(rel*a) || d <= abs), nil
	})
	add("gcd", "*integers", func(a *pyrt.Args) (py.Object, error) { return gcdArgs(a.Star, false) })
	add("lcm", "*integers", func(a *pyrt.Args) (py.Object, error) { return gcdArgs(a.Star, true) })
	add("isqrt", "n, /", func(a *pyrt.Args) (py.Object, error) {
		n, err := pyobj.IntArg("isqrt", a.Get("n"))
		if err != nil {
			return nil, err
		}
		if n.Sign() < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "isqrt() argument must be nonnegative")
		}
		return pyobj.BigToInt(new(big.Int).Sqrt(n)), nil
	})
	add("prod", "iterable, /, *, start=1", func(a *pyrt.Args) (py.Object, error) {
		acc := a.Get("start")
		var ierr error
		err := py.Iterate(a.Get("iterable"), func(o py.Object) bool {
			acc, ierr = py.Mul(acc, o)
			return ierr != nil
		})
		if ierr != nil {
			return nil, ierr
		}
		return acc, err
	})
	comb := func(name string, perm bool) func(a *pyrt.Args) (py.Object, error) {
		return func(a *pyrt.Args) (py.Object, error) {
			n, err := pyobj.IntArg(name, a.Get("n"))
			if err != nil {
				return nil, err
			}
			k := new(big.Int).Set(n)
			if !a.IsNone("k") {
				if k, err = pyobj.IntArg(name, a.Get("k")); err != nil {
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
				return pyobj.BigToInt(r), nil
			}
			return pyobj.BigToInt(r.Binomial(n.Int64(), kk)), nil
		}
	}
	add("comb", "n, k, /", comb("comb", false))
	add("perm", "n, k=None, /", comb("perm", true))
	add("dist", "p, q, /", func(a *pyrt.Args) (py.Object, error) {
		p, err := py.SequenceTuple(a.Get("p"))
		if err != nil {
			return nil, err
		}
		q, err := py.SequenceTuple(a.Get("q"))
		if err != nil {
			return nil, err
		}
		if len(p) != len(q) {
			return nil, py.ExceptionNewf(py.ValueError, "both points must have the same number of dimensions")
		}
		s := 0.0
		for i := range p {
			x, _ := py.FloatAsFloat64(p[i])
			y, _ := py.FloatAsFloat64(q[i])
			s += (x - y) * (x - y)
		}
		return py.Float(math.Sqrt(s)), nil
	})
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "mod_extra", installMathExtra)
}
