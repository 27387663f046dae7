package bridge

// pow(base, exp, mod): gpython's three-argument pow rejects a negative
// exponent; CPython (3.8+) computes the modular inverse. The result takes
// the sign of the modulus, as CPython's does.

import (
	"math/big"

	"github.com/go-python/gpython/py"
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
	return bigToInt(r), nil
}

func builtinPow(self py.Object, a *Args) (py.Object, error) {
	b, e, m := a.Get("base"), a.Get("exp"), a.Get("mod")
	if m == py.None {
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
	compatInstallers = append(compatInstallers, func() {
		setBuiltin("pow", Func("pow", "base, exp, mod=None", builtinPow))
	})
}
