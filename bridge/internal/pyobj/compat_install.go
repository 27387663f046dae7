package pyobj

// Installing the compat layer's process-global patches: builtins replaced or
// added, builtin types' methods. gpython copies a module's ModuleImpl into
// each new context, so this must run before the first context is made.

import (
	"slices"
	"sync"

	"github.com/go-python/gpython/py"
)

var compatOnce sync.Once

// compatInstallers are run once, in order, by installCompat. Each compat file
// appends its installer in an init function.
var compatInstallers []func()

// compatLateInstallers run after every compatInstallers entry (e.g. to wrap
// methods that other installers put into type dicts).
var compatLateInstallers []func()

// installCompat applies every compat patch once per process.
func installCompat() {
	compatOnce.Do(func() {
		for _, f := range compatInstallers {
			f()
		}
		for _, f := range compatLateInstallers {
			f()
		}
	})
}

// setBuiltin makes name in builtins refer to obj in every context made
// afterwards.
func setBuiltin(name string, obj py.Object) {
	impl := py.GetModuleImpl("builtins")
	if impl == nil {
		panic("bridge: gpython builtins module not registered")
	}
	i := -1
	for k, m := range impl.Methods {
		if m.Name == name {
			i = k
			break
		}
	}
	if m, ok := obj.(*py.Method); ok {
		if i >= 0 {
			impl.Methods[i] = m
		} else {
			impl.Methods = append(impl.Methods, m)
		}
		delete(impl.Globals, name)
		return
	}
	if i >= 0 {
		impl.Methods = slices.Delete(impl.Methods, i, i+1)
	}
	impl.Globals[name] = obj
}

// builtinFunc makes a module-level Go function with CPython-like name.
func builtinFunc(name string, fn func(args py.Tuple, kwargs py.StringDict) (py.Object, error)) *py.Method {
	return py.MustNewMethod(name, func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return fn(args, kwargs)
	}, 0, "")
}

func init() {
	compatInstallers = append(compatInstallers, installContainers)
}

func installContainers() {
	setBuiltin("dict", DictType)
	setBuiltin("set", SetType)
	setBuiltin("frozenset", FrozenSetType)
	setBuiltin("repr", builtinFunc("repr", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := nArgs("repr", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s, err := Repr(args[0])
		return py.String(s), err
	}))
	strNew := py.StringType.New
	py.StringType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) == 1 && len(kwargs) == 0 && t == py.StringType {
			s, err := Str(args[0])
			return py.String(s), err
		}
		return strNew(t, args, kwargs)
	}
}

func init() {
	compatInstallers = append(compatInstallers, func() {
		py.BoolType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := nArgs("bool", args, kwargs, 0, 1); err != nil {
				return nil, err
			}
			if len(args) == 0 {
				return py.False, nil
			}
			return py.MakeBool(args[0])
		}
	})
}
