package pyobj

// Builtin types' methods called through their class: str.replace(s, "a", "b"),
// map(str.strip, lines), Pool.starmap(str.replace, …). gpython hands the
// methods it implements itself the module (or nil) as self when they are
// called that way; pypool's own methods take self from the first argument.
// This installer gives the remaining gpython methods the same behaviour.

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// gpythonMethods are the builtin types' methods as gpython made them, taken
// when package variables are initialised: before any init function of this
// package replaces one with pypool's own.
var gpythonMethods = func() map[*py.Method]bool {
	own := map[*py.Method]bool{}
	for _, t := range unboundMethodTypes() {
		for _, v := range t.Dict {
			if m, ok := v.(*py.Method); ok {
				own[m] = true
			}
		}
	}
	return own
}()

func unboundMethodTypes() []*py.Type {
	return []*py.Type{py.StringType, py.BytesType, py.ListType, py.TupleType,
		py.IntType, py.FloatType, py.ComplexType, py.RangeType}
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "unbound_methods", func() {
		for _, t := range unboundMethodTypes() {
			callableThroughClass(t)
		}
	})
}

// callableThroughClass wraps t's plain methods still implemented by gpython
// so that a call through the class takes self from the first argument, with
// CPython's error when it is missing or of the wrong type.
func callableThroughClass(t *py.Type) {
	for name, v := range t.Dict {
		m, ok := v.(*py.Method)
		if !ok || !gpythonMethods[m] || strings.HasPrefix(name, "__") || m.Flags&(py.METH_CLASS|py.METH_STATIC) != 0 {
			continue
		}
		t.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if !pyrt.IsInstance(self, t) {
				if len(args) == 0 {
					return nil, py.ExceptionNewf(py.TypeError, "unbound method %s.%s() needs an argument", t.Name, m.Name)
				}
				if !pyrt.IsInstance(args[0], t) {
					return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.Name, t.Name, args[0].Type().Name)
				}
				self, args = args[0], args[1:]
			}
			return m.CallWithKeywords(self, args, kwargs)
		}, m.Flags, m.Doc)
	}
}
