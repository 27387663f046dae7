package pyobj

// range.index and range.count (gpython's range has neither).

import (
	"math/big"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// rangeFind returns the position of x in r, or -1. Only ints (and bools)
// can be members by arithmetic; other values are compared one by one.
func rangeFind(r py.Object, x py.Object) (int, error) {
	if isIntLike(x) {
		rs, ok := r.(*py.Range)
		if ok {
			v := toBig(x)
			start, stop, step := big.NewInt(int64(rs.Start)), big.NewInt(int64(rs.Stop)), big.NewInt(int64(rs.Step))
			d := new(big.Int).Sub(v, start)
			q, m := new(big.Int).DivMod(d, step, new(big.Int))
			if step.Sign() < 0 {
				// DivMod is Euclidean: redo with the step's sign.
				q.Quo(d, step)
				m.Rem(d, step)
			}
			if m.Sign() != 0 || q.Sign() < 0 {
				return -1, nil
			}
			in := step.Sign() > 0 && v.Cmp(stop) < 0 || step.Sign() < 0 && v.Cmp(stop) > 0
			if !in || !q.IsInt64() {
				return -1, nil
			}
			return int(q.Int64()), nil
		}
	}
	pos, found := 0, -1
	var ierr error
	err := py.Iterate(r, func(o py.Object) bool {
		eq, err := Equal(o, x)
		if err != nil {
			ierr = err
			return true
		}
		if eq {
			found = pos
			return true
		}
		pos++
		return false
	})
	if ierr != nil {
		return 0, ierr
	}
	return found, err
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_range", func() {
		pyrt.Method(py.RangeType, "range.index", "value, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			i, err := rangeFind(self, a.Get("value"))
			if err != nil {
				return nil, err
			}
			if i < 0 {
				if isIntLike(a.Get("value")) {
					r, _ := Repr(a.Get("value"))
					return nil, py.ExceptionNewf(py.ValueError, "%s is not in range", r)
				}
				return nil, py.ExceptionNewf(py.ValueError, "sequence.index(x): x not in sequence")
			}
			return py.Int(i), nil
		})
		pyrt.Method(py.RangeType, "range.count", "value, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			x := a.Get("value")
			if isIntLike(x) {
				i, err := rangeFind(self, x)
				if err != nil {
					return nil, err
				}
				if i < 0 {
					return py.Int(0), nil
				}
				return py.Int(1), nil
			}
			n := 0
			err := py.Iterate(self, func(o py.Object) bool {
				if eq, _ := Equal(o, x); eq {
					n++
				}
				return false
			})
			return py.Int(n), err
		})
	})
}
