package pool

import (
	"math"
	"reflect"

	"github.com/pypool/pypool/pool/wire"
)

// fastCall returns a reflection-free caller for the commonest function
// shapes (a map over small ints runs millions of them), or nil. Its ok
// result is false when the arguments are not exactly the expected wire
// types: the general path then converts them or explains the mismatch.
func fastCall(fn any) func(args []wire.Value) (wire.Value, error, bool) {
	switch f := fn.(type) {
	case func(int) int:
		return func(args []wire.Value) (wire.Value, error, bool) {
			if x, ok := oneInt(args); ok {
				return int64(f(x)), nil, true
			}
			return nil, nil, false
		}
	case func(int) (int, error):
		return func(args []wire.Value) (wire.Value, error, bool) {
			if x, ok := oneInt(args); ok {
				r, err := f(x)
				if err != nil {
					return nil, err, true
				}
				return int64(r), nil, true
			}
			return nil, nil, false
		}
	case func(int64) int64:
		return func(args []wire.Value) (wire.Value, error, bool) {
			if len(args) == 1 {
				if x, ok := args[0].(int64); ok {
					return f(x), nil, true
				}
			}
			return nil, nil, false
		}
	case func(int64) (int64, error):
		return func(args []wire.Value) (wire.Value, error, bool) {
			if len(args) == 1 {
				if x, ok := args[0].(int64); ok {
					r, err := f(x)
					if err != nil {
						return nil, err, true
					}
					return r, nil, true
				}
			}
			return nil, nil, false
		}
	case func(int, int) int:
		return func(args []wire.Value) (wire.Value, error, bool) {
			if len(args) == 2 {
				a, ok1 := smallInt(args[0])
				b, ok2 := smallInt(args[1])
				if ok1 && ok2 {
					return int64(f(a, b)), nil, true
				}
			}
			return nil, nil, false
		}
	case func(int64, int64) int64:
		return func(args []wire.Value) (wire.Value, error, bool) {
			if len(args) == 2 {
				a, ok1 := args[0].(int64)
				b, ok2 := args[1].(int64)
				if ok1 && ok2 {
					return f(a, b), nil, true
				}
			}
			return nil, nil, false
		}
	case func(float64) float64:
		return func(args []wire.Value) (wire.Value, error, bool) {
			if len(args) == 1 {
				switch x := args[0].(type) {
				case float64:
					return f(x), nil, true
				case int64:
					return f(float64(x)), nil, true
				}
			}
			return nil, nil, false
		}
	case func(string) string:
		return func(args []wire.Value) (wire.Value, error, bool) {
			if len(args) == 1 {
				if x, ok := args[0].(string); ok {
					return f(x), nil, true
				}
			}
			return nil, nil, false
		}
	case func(any) any:
		return func(args []wire.Value) (wire.Value, error, bool) {
			if len(args) == 1 {
				v, err := anyToWire(f(args[0]))
				return v, err, true
			}
			return nil, nil, false
		}
	case func(any) (any, error):
		return func(args []wire.Value) (wire.Value, error, bool) {
			if len(args) == 1 {
				v, err := f(args[0])
				if err != nil {
					return nil, err, true
				}
				v, err = anyToWire(v)
				return v, err, true
			}
			return nil, nil, false
		}
	}
	return nil
}

func oneInt(args []wire.Value) (int, bool) {
	if len(args) != 1 {
		return 0, false
	}
	return smallInt(args[0])
}

// smallInt is v as an int when it is an int64 that fits.
func smallInt(v wire.Value) (int, bool) {
	x, ok := v.(int64)
	if !ok || x < math.MinInt || x > math.MaxInt {
		return 0, false
	}
	return int(x), true
}

// anyToWire converts a result held in an interface to a wire value.
func anyToWire(v any) (wire.Value, error) {
	switch v.(type) {
	case nil, bool, int64, float64, string, []byte, wire.List, wire.Tuple, *wire.Dict:
		return v, nil
	}
	return toWire(reflect.ValueOf(v), 0)
}
