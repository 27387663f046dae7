package pyobj

// Hashing and key equality as CPython defines them, for the project's dict and
// set types: 1 == 1.0 == True hash alike and compare equal; ints and floats
// hash to CPython's values (so hash(x) and set iteration order match CPython
// for numbers and tuples of numbers); strings hash with a per-process seed, as
// CPython's do.

import (
	"hash/maphash"
	"math"
	"math/big"
	"reflect"

	"github.com/go-python/gpython/py"
)

const (
	hashModulus = (1 << 61) - 1 // CPython's _PyHASH_MODULUS
	hashBits    = 61
	hashInf     = 314159
)

var strSeed = maphash.MakeSeed()

// Hash returns CPython's hash of o, or a TypeError for unhashable objects.
func Hash(o py.Object) (int64, error) {
	if o == nil {
		return 0, py.ExceptionNewf(py.SystemError, "NULL object hashed")
	}
	switch x := o.(type) {
	case py.String:
		return fixHash(int64(maphash.String(strSeed, string(x)))), nil
	case py.Int:
		return hashInt64(int64(x)), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case py.Float:
		return HashFloat(float64(x)), nil
	case *py.BigInt:
		return hashBig((*big.Int)(x)), nil
	case py.NoneType:
		return 0xFCA86420, nil
	case py.Tuple:
		return hashTuple(x)
	case py.Bytes:
		return fixHash(int64(maphash.Bytes(strSeed, x))), nil
	case *FrozenSet:
		return x.hash(), nil
	case py.Complex:
		re := HashFloat(real(complex128(x)))
		im := HashFloat(imag(complex128(x)))
		return fixHash(re + 1000003*im), nil
	case *py.List, *Dict, *Set, py.StringDict, *py.Set:
		return 0, unhashable(o)
	case *py.Type:
		if x.ObjectType != nil && x.ObjectType != py.TypeType {
			// An instance of a user class: honour a user __hash__.
			if h := x.ObjectType.Lookup("__hash__"); h != nil {
				if h == py.None {
					return 0, unhashable(o)
				}
				res, err := py.Call(h, py.Tuple{x}, nil)
				if err != nil {
					return 0, err
				}
				n, err := py.MakeGoInt64(res)
				if err != nil {
					return 0, err
				}
				return fixHash(n), nil
			}
			if x.ObjectType.Lookup("__eq__") != nil {
				return 0, unhashable(o)
			}
		}
	}
	if h, ok := o.(py.I__hash__); ok {
		res, err := h.M__hash__()
		if err != nil {
			return 0, err
		}
		n, err := py.MakeGoInt64(res)
		if err != nil {
			return 0, err
		}
		return fixHash(n), nil
	}
	v := reflect.ValueOf(o)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		p := int64(v.Pointer())
		return fixHash(p>>4 | p<<60), nil
	}
	if v.Type().Comparable() {
		// Value-typed Go objects (e.g. small structs): hash their Go value.
		var h maphash.Hash
		h.SetSeed(strSeed)
		h.WriteString(v.Type().String())
		maphash.WriteComparable(&h, o)
		return fixHash(int64(h.Sum64())), nil
	}
	return 0, unhashable(o)
}

func unhashable(o py.Object) error {
	return py.ExceptionNewf(py.TypeError, "unhashable type: '%s'", o.Type().Name)
}

func fixHash(h int64) int64 {
	if h == -1 {
		return -2
	}
	return h
}

func hashInt64(n int64) int64 {
	neg := n < 0
	var u uint64
	if neg {
		u = uint64(-n)
	} else {
		u = uint64(n)
	}
	r := int64(u % hashModulus)
	if neg {
		r = -r
	}
	return fixHash(r)
}

var bigModulus = big.NewInt(hashModulus)

func hashBig(b *big.Int) int64 {
	if b.IsInt64() {
		return hashInt64(b.Int64())
	}
	r := new(big.Int).Abs(b)
	r.Mod(r, bigModulus)
	n := r.Int64()
	if b.Sign() < 0 {
		n = -n
	}
	return fixHash(n)
}

// HashFloat is CPython's _Py_HashDouble for finite values; NaN hashes by
// identity in CPython, here to 0.
func HashFloat(v float64) int64 {
	if math.IsInf(v, 0) {
		if v > 0 {
			return hashInf
		}
		return -hashInf
	}
	if math.IsNaN(v) {
		return 0
	}
	m, e := math.Frexp(v)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(hashBits-28)
		m *= 268435456.0 // 2**28
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % hashBits
	} else {
		e = hashBits - 1 - ((-1 - e) % hashBits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(hashBits-uint(e))
	return fixHash(int64(x) * sign)
}

// hashTuple is CPython 3.8+'s xxHash-based tuple hash.
func hashTuple(t py.Tuple) (int64, error) {
	const (
		p1 = 11400714785074694791
		p2 = 14029467366897019727
		p5 = 2870177450012600261
	)
	acc := uint64(p5)
	for _, item := range t {
		h, err := Hash(item)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * p2
		acc = acc<<31 | acc>>33
		acc *= p1
	}
	acc += uint64(len(t)) ^ (p5 ^ 3527539)
	if acc == math.MaxUint64 {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// KeysEqual reports whether a and b are the same dict key / set member:
// Python's ==, with numbers compared across int, bool and float.
func KeysEqual(a, b py.Object) (bool, error) {
	// Subclasses of str, int, … compare as their value unless they define __eq__.
	if x, ok := a.(*BaseInstance); ok && userLookup(x.Type(), "__eq__") == nil {
		a = x.Base
	}
	if y, ok := b.(*BaseInstance); ok && userLookup(y.Type(), "__eq__") == nil {
		b = y.Base
	}
	switch x := a.(type) {
	case py.String:
		y, ok := b.(py.String)
		return ok && x == y, nil
	case py.Int:
		switch y := b.(type) {
		case py.Int:
			return x == y, nil
		case py.Bool:
			return x == BoolInt(y), nil
		case py.Float:
			return float64(x) == float64(y) && int64(float64(x)) == int64(x), nil
		case *py.BigInt:
			return (*big.Int)(y).IsInt64() && (*big.Int)(y).Int64() == int64(x), nil
		}
		return false, nil
	case py.Bool:
		return KeysEqual(BoolInt(x), b)
	case py.Float:
		switch y := b.(type) {
		case py.Float:
			return x == y, nil
		case py.Int, py.Bool:
			return KeysEqual(b, a)
		case *py.BigInt:
			f, acc := new(big.Float).SetInt((*big.Int)(y)).Float64()
			return acc == big.Exact && f == float64(x), nil
		}
		return false, nil
	case *py.BigInt:
		switch y := b.(type) {
		case *py.BigInt:
			return (*big.Int)(x).Cmp((*big.Int)(y)) == 0, nil
		case py.Int, py.Bool, py.Float:
			return KeysEqual(b, a)
		}
		return false, nil
	case py.NoneType:
		_, ok := b.(py.NoneType)
		return ok, nil
	case py.Tuple:
		y, ok := b.(py.Tuple)
		if !ok || len(x) != len(y) {
			return false, nil
		}
		for i := range x {
			eq, err := KeysEqual(x[i], y[i])
			if err != nil || !eq {
				return false, err
			}
		}
		return true, nil
	case py.Bytes, Bytes:
		xb, _ := BytesLike(x)
		y, ok := BytesLike(b)
		return ok && string(xb) == string(y), nil
	case *FrozenSet:
		return setsEqual(&x.Set, b)
	case *Set:
		return setsEqual(x, b)
	case *py.Type:
		if y, ok := b.(*py.Type); ok && x == y {
			return true, nil
		}
		if x.ObjectType != nil && x.ObjectType != py.TypeType {
			if eq := x.ObjectType.Lookup("__eq__"); eq != nil {
				res, err := py.Call(eq, py.Tuple{x, b}, nil)
				if err != nil {
					return false, err
				}
				if res == py.NotImplemented {
					return false, nil
				}
				t, err := py.MakeBool(res)
				return t == py.True, err
			}
		}
		return false, nil
	}
	if isIdentical(a, b) {
		return true, nil
	}
	if _, ok := a.(py.I__eq__); !ok {
		return false, nil
	}
	res, err := py.Eq(a, b)
	if err != nil {
		return false, nil
	}
	return res == py.True, nil
}

func BoolInt(b py.Bool) py.Int {
	if b {
		return 1
	}
	return 0
}

// isIdentical is Python's `is` for objects whose Go type may not be comparable.
func isIdentical(a, b py.Object) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb {
		return false
	}
	if ta.Comparable() {
		return a == b
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	switch va.Kind() {
	case reflect.Slice, reflect.Map, reflect.Func:
		return va.Pointer() == vb.Pointer() && va.Len() == vb.Len()
	}
	return false
}
