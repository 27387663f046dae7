package pyobj

// float(True) and float(False): gpython's float() has no case for bool.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_float_bool", func() {
		floatNew := py.FloatType.New
		py.FloatType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if len(args) == 1 && len(kwargs) == 0 && t == py.FloatType {
				if b, ok := args[0].(py.Bool); ok {
					if b {
						return py.Float(1), nil
					}
					return py.Float(0), nil
				}
			}
			return floatNew(t, args, kwargs)
		}
	})
}
