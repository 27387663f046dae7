package pyobj

// int: int(x) for bools (gpython's int(True) is a TypeError), int() of an
// infinite or NaN float raises as CPython (gpython returns a garbage int),
// the int methods reach big ints and bools (gpython gives them separate
// types with empty dicts: (2**64).bit_length() and True.real fail there),
// int.as_integer_ratio, int.from_bytes of an iterable of ints, and
// __trunc__/__floor__/__ceil__ for ints and floats.

import (
	"math"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func intNewChecked(intNew func(*py.Type, py.Tuple, py.StringDict) (py.Object, error)) func(*py.Type, py.Tuple, py.StringDict) (py.Object, error) {
	return func(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if len(args) == 1 && len(kw) == 0 && t == py.IntType {
			switch x := args[0].(type) {
			case py.Bool:
				return BoolInt(x), nil
			case py.Float:
				f := float64(x)
				if math.IsInf(f, 0) {
					return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
				}
				if math.IsNaN(f) {
					return nil, py.ExceptionNewf(py.ValueError, "cannot convert float NaN to integer")
				}
			}
		}
		r, err := intNew(t, args, kw)
		if err != nil && len(args) == 2 && isExc(err, py.ValueError) {
			if b, ok := args[1].(py.Int); ok && b == 0 {
				if s, ok := args[0].(py.String); ok {
					return nil, py.ExceptionNewf(py.ValueError, "invalid literal for int() with base 0: %s", StringRepr(string(s)))
				}
			}
		}
		return r, err
	}
}

// boolSelf runs an int method for a bool receiver as for the int 0 or 1.
func boolSelf(self py.Object) py.Object {
	if b, ok := self.(py.Bool); ok {
		return BoolInt(b)
	}
	return self
}

// shareIntDict gives bigint and bool the int methods and properties they
// lack.
func shareIntDict() {
	for name, v := range py.IntType.Dict {
		if _, has := py.BigIntType.Dict[name]; !has {
			py.BigIntType.Dict[name] = v
		}
		if _, has := py.BoolType.Dict[name]; has {
			continue
		}
		switch x := v.(type) {
		case *py.Method:
			if x.Internal() != py.InternalMethodNone {
				continue
			}
			orig := x
			py.BoolType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
				return orig.CallWithKeywords(boolSelf(self), args, kw)
			}, 0, orig.Doc)
		case *py.Property:
			orig := x
			py.BoolType.Dict[name] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
				return orig.Fget(boolSelf(self))
			}}
		}
	}
}

func installIntExtras() {
	pyrt.Method(py.IntType, "int.as_integer_ratio", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.Tuple{BigToInt(toBig(boolSelf(self))), py.Int(1)}, nil
	})
	for _, name := range []string{"__trunc__", "__floor__", "__ceil__"} {
		pyrt.Method(py.IntType, "int."+name, "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return BigToInt(toBig(boolSelf(self))), nil
		})
	}
	floatToInt := func(name string, f func(float64) float64) {
		pyrt.Method(py.FloatType, "float."+name, "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			x, ok := self.(py.Float)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a 'float' object", name)
			}
			return intNewChecked(py.IntType.New)(py.IntType, py.Tuple{py.Float(f(float64(x)))}, nil)
		})
	}
	floatToInt("__trunc__", math.Trunc)
	floatToInt("__floor__", math.Floor)
	floatToInt("__ceil__", math.Ceil)
	if fb, ok := py.IntType.Dict["from_bytes"].(*py.Method); ok {
		orig := fb
		py.IntType.Dict["from_bytes"] = py.MustNewMethod("from_bytes", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
			i := 0
			if len(args) > 0 {
				if _, isType := args[0].(*py.Type); isType {
					i = 1
				}
			}
			if len(args) > i {
				if _, ok := BytesLike(args[i]); !ok {
					if _, isStr := args[i].(py.String); !isStr {
						if b, err := bytesFromIterable(args[i]); err == nil {
							args = append(append(py.Tuple{}, args[:i]...), append(py.Tuple{py.Bytes(b)}, args[i+1:]...)...)
						}
					}
				}
			}
			return orig.CallWithKeywords(self, args, kw)
		}, 0, orig.Doc)
	}
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_int", func() {
		py.IntType.New = intNewChecked(py.IntType.New)
	})
	pyrt.OnInstall(pyrt.InstallLate, "builtin_int", func() {
		installIntExtras()
		shareIntDict()
	})
}
