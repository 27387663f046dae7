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
	pyobj.AddModuleFunc("math", "isclose", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
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
	pyobj.AddModuleFunc("math", "gcd", func(args py.Tuple, kw py.StringDict) (py.Object, error) { return gcdArgs(args, false) })
	pyobj.AddModuleFunc("math", "lcm", func(args py.Tuple, kw py.StringDict) (py.Object, error) { return gcdArgs(args, true) })
	pyobj.AddModuleFunc("math", "isqrt", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyrt.NArgs("isqrt", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := pyobj.IntArg("isqrt", args[0])
		if err != nil {
			return nil, err
		}
		if n.Sign() < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "isqrt() argument must be nonnegative")
		}
		return pyobj.BigToInt(new(big.Int).Sqrt(n)), nil
	})
	pyobj.AddModuleFunc("math", "prod", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
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
			n, err := pyobj.IntArg(name, args[0])
			if err != nil {
				return nil, err
			}
			k := new(big.Int).Set(n)
			if len(args) == 2 && args[1] != py.None {
				if k, err = pyobj.IntArg(name, args[1]); err != nil {
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
	pyobj.AddModuleFunc("math", "comb", comb("comb", false))
	pyobj.AddModuleFunc("math", "perm", comb("perm", true))
	pyobj.AddModuleFunc("math", "dist", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
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

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "mod_extra", installMathExtra)
}
