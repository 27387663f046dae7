package pyobj

// gpython builtins wrapped where they differ from CPython: sum(iterable, /,
// start=0) takes start by keyword; abs() of a bool is an int; divmod() by
// zero words its ZeroDivisionError as CPython; next() of a non-iterator says
// so.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// wrapBuiltin replaces builtin name by wrap(original).
func wrapBuiltin(name string, wrap func(orig *py.Method) func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error)) {
	impl := py.GetModuleImpl("builtins")
	for _, m := range impl.Methods {
		if m.Name == name {
			SetBuiltin(name, py.MustNewMethod(name, wrap(m), 0, m.Doc))
			return
		}
	}
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_wrapped", func() {
		wrapBuiltin("sum", func(orig *py.Method) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
			return func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
				if start, ok := kw["start"]; ok && len(kw) == 1 && len(args) == 1 {
					args, kw = py.Tuple{args[0], start}, nil
				}
				if len(kw) > 0 {
					for k := range kw {
						if k != "start" {
							return nil, py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for sum()", k)
						}
					}
					return nil, py.ExceptionNewf(py.TypeError, "sum() got multiple values for argument 'start'")
				}
				return orig.CallWithKeywords(self, args, kw)
			}
		})
		wrapBuiltin("divmod", func(orig *py.Method) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
			return func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
				if len(args) == 2 && len(kw) == 0 {
					if d, ok := asFloat64(args[1]); ok && d == 0 {
						if _, ok := asFloat64(args[0]); ok {
							_, f1 := args[0].(py.Float)
							_, f2 := args[1].(py.Float)
							if f1 || f2 {
								return nil, py.ExceptionNewf(py.ZeroDivisionError, "float divmod()")
							}
							return nil, py.ExceptionNewf(py.ZeroDivisionError, "integer division or modulo by zero")
						}
					}
				}
				return orig.CallWithKeywords(self, args, kw)
			}
		})
		wrapBuiltin("next", func(orig *py.Method) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
			return func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
				if len(args) >= 1 {
					_, isIter := args[0].(py.I__next__)
					if _, ok, _ := pyrt.TypeLookup(args[0], "__next__"); !ok && !isIter {
						if t, ok := args[0].(*py.Type); !ok || t.Type().Lookup("__next__") == nil {
							return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not an iterator", pyrt.TypeName(args[0]))
						}
					}
				}
				return orig.CallWithKeywords(self, args, kw)
			}
		})
		wrapBuiltin("abs", func(orig *py.Method) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
			return func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
				if len(args) == 1 && len(kw) == 0 {
					if b, ok := args[0].(py.Bool); ok {
						return BoolInt(b), nil
					}
				}
				return orig.CallWithKeywords(self, args, kw)
			}
		})
	})
}
