package pyobj

// pow(base, exp, mod): gpython's three-argument pow rejects a negative
// exponent; CPython (3.8+) computes the modular inverse. The result takes
// the sign of the modulus, as CPython's does.

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func isIntLike(o py.Object) bool {
	switch o.(type) {
	case py.Int, *py.BigInt, py.Bool:
		return true
	}
	return false
}

// modPow is pow(b, e, m) for ints.
func modPow(b, e, m *big.Int) (py.Object, error) {
	if m.Sign() == 0 {
		return nil, py.ExceptionNewf(py.ValueError, "pow() 3rd argument cannot be 0")
	}
	am := new(big.Int).Abs(m)
	if am.Cmp(big.NewInt(1)) == 0 {
		return py.Int(0), nil
	}
	base := new(big.Int).Mod(b, am)
	exp := e
	if e.Sign() < 0 {
		inv := new(big.Int).ModInverse(base, am)
		if inv == nil {
			return nil, py.ExceptionNewf(py.ValueError, "base is not invertible for the given modulus")
		}
		base = inv
		exp = new(big.Int).Neg(e)
	}
	r := new(big.Int).Exp(base, exp, am)
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Sub(r, am)
	}
	return BigToInt(r), nil
}

// asFloat64 reads an int, bool or float.
func asFloat64(o py.Object) (float64, bool) {
	switch x := o.(type) {
	case py.Float:
		return float64(x), true
	case py.Int:
		return float64(x), true
	case py.Bool:
		return float64(BoolInt(x)), true
	case *py.BigInt:
		f, _ := new(big.Float).SetInt((*big.Int)(x)).Float64()
		return f, true
	}
	return 0, false
}

// powSpecial is two-argument pow where gpython's result differs from
// CPython's: 0 to a negative power (ZeroDivisionError, not inf), a negative
// number to a fractional power (complex, not nan) and a complex number to a
// small integer power (exact repeated multiplication, as CPython's).
func powSpecial(b, e py.Object) (py.Object, bool, error) {
	if c, ok := b.(py.Complex); ok {
		if n, ok := e.(py.Int); ok && n >= -100 && n <= 100 {
			return py.Complex(complexPowInt(complex128(c), int(n))), true, nil
		}
		return nil, false, nil
	}
	bf, ok1 := asFloat64(b)
	ef, ok2 := asFloat64(e)
	if !ok1 || !ok2 {
		return nil, false, nil
	}
	_, bFloat := b.(py.Float)
	_, eFloat := e.(py.Float)
	if bf == 0 && ef < 0 && (bFloat || eFloat || isIntLike(e)) {
		return nil, true, py.ExceptionNewf(py.ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	if bf < 0 && eFloat && ef != math.Trunc(ef) && !math.IsInf(ef, 0) && !math.IsNaN(ef) {
		// CPython's c_pow for a real exponent: |b|**e at angle atan2(0, b)*e.
		l, phase := math.Pow(math.Abs(bf), ef), math.Atan2(0, bf)*ef
		return py.Complex(complex(l*math.Cos(phase), l*math.Sin(phase))), true, nil
	}
	return nil, false, nil
}

// complexPowInt is c**n by repeated squaring (CPython's c_powi).
func complexPowInt(c complex128, n int) complex128 {
	neg := n < 0
	if neg {
		n = -n
	}
	r, x := complex(1, 0), c
	for n > 0 {
		if n&1 == 1 {
			r *= x
		}
		x *= x
		n >>= 1
	}
	if neg {
		return 1 / r
	}
	return r
}

func builtinPow(self py.Object, a *pyrt.Args) (py.Object, error) {
	b, e, m := a.Get("base"), a.Get("exp"), a.Get("mod")
	if m == py.None {
		if r, ok, err := powSpecial(b, e); ok {
			return r, err
		}
		return py.Pow(b, e, py.None)
	}
	if isIntLike(b) && isIntLike(e) && isIntLike(m) {
		return modPow(toBig(b), toBig(e), toBig(m))
	}
	if _, ok := b.(*py.Type); ok {
		// A class instance may define a three-argument __pow__.
		return py.Pow(b, e, m)
	}
	return nil, py.ExceptionNewf(py.TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_pow", func() {
		SetBuiltin("pow", pyrt.Func("pow", "base, exp, mod=None", builtinPow))
	})
}
