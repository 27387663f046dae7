package pyobj

// Helpers for the compat layer's process-global patches (registered with
// OnInstall): builtins replaced or added, builtin types' methods.

import (
	"slices"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// SetBuiltin makes name in builtins refer to obj in every context made
// afterwards.
func SetBuiltin(name string, obj py.Object) {
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

// intrinsic makes one of the rewrite passes' helper builtins (__pp_dict__,
// __pp_mod__, the match helpers, …). They take their arguments raw, not
// through a pyrt.Sig: only rewritten code calls them, with the shapes the
// passes emit, and they sit on hot paths (every dict display, every %
// format) where binding *args would copy them. Functions a script calls
// are pyrt.Func.
func intrinsic(name string, fn func(args py.Tuple, kwargs py.StringDict) (py.Object, error)) *py.Method {
	return py.MustNewMethod(name, func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return fn(args, kwargs)
	}, 0, "")
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "compat_install", installContainers)
}

func installContainers() {
	SetBuiltin("dict", DictType)
	SetBuiltin("set", SetType)
	SetBuiltin("frozenset", FrozenSetType)
	SetBuiltin("repr", pyrt.Func("repr", "$module, obj, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		s, err := Repr(a.Get("obj"))
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
	pyrt.OnInstall(pyrt.InstallCompat, "compat_install#2", func() {
		boolSig := pyrt.MustSig("bool", "$type, x=False, /")
		py.BoolType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := boolSig.Parse(args, kwargs)
			if err != nil {
				return nil, err
			}
			return py.MakeBool(a.Get("x"))
		}
	})
}
