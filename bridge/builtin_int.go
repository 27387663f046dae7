package bridge

// int(x) for bools: gpython's int() cannot convert a bool (int(True) is a
// TypeError there); CPython gives 0 or 1.

import (
	"github.com/go-python/gpython/py"
)

func init() {
	compatInstallers = append(compatInstallers, func() {
		intNew := py.IntType.New
		py.IntType.New = func(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
			if len(args) == 1 && len(kw) == 0 && t == py.IntType {
				if b, ok := args[0].(py.Bool); ok {
					return boolInt(b), nil
				}
			}
			return intNew(t, args, kw)
		}
	})
}
