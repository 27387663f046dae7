package pyobj

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// ModuleNotFoundError is the builtin ModuleNotFoundError (gpython lacks it):
// an ImportError subclass raised for a module that does not exist.
var ModuleNotFoundError = py.ImportError.NewType("ModuleNotFoundError", "Module not found.", nil, nil)

// installImport replaces builtins.__import__: dotted names import every
// parent first and set each child as an attribute of its parent, so
// `import concurrent.futures` and `import a.b as x` work for Go modules as
// for .py files; a missing module is ModuleNotFoundError("No module named 'x'").
func installImport() {
	MustReady(ModuleNotFoundError)
	SetModuleGlobal("builtins", "ModuleNotFoundError", ModuleNotFoundError)
	ReplaceMethod("builtins", Func("__import__", "name, globals=None, locals=None, fromlist=(), level=0", builtinImport))
	for _, attr := range []string{"name", "path"} {
		py.ImportError.Dict[attr] = exceptionDictAttr(attr)
	}
}

// exceptionDictAttr is a property kept in an exception's Dict (None when
// unset), such as ImportError.name: gpython answers every attribute not in
// the type with the exception's args.
func exceptionDictAttr(attr string) *py.Property {
	return &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			if e, ok := self.(*py.Exception); ok && e.Dict != nil {
				if v, ok := e.Dict[attr]; ok {
					return v, nil
				}
			}
			return py.None, nil
		},
		Fset: func(self, value py.Object) error {
			e, ok := self.(*py.Exception)
			if !ok {
				return py.ExceptionNewf(py.TypeError, "descriptor '%s' requires an exception", attr)
			}
			if e.Dict == nil {
				e.Dict = py.StringDict{}
			}
			e.Dict[attr] = value
			return nil
		},
	}
}

func builtinImport(self py.Object, a *Args) (py.Object, error) {
	ctx := CtxOf(self)
	if ctx == nil {
		return nil, py.ExceptionNewf(py.ImportError, "__import__ not available")
	}
	name, err := a.Str("name")
	if err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "__import__() argument 1 must be str, not %s", TypeName(a.Get("name")))
	}
	globals, _ := a.Get("globals").(py.StringDict)
	level, err := a.Int("level")
	if err != nil {
		return nil, err
	}
	var fromlist []string
	switch fl := a.Get("fromlist").(type) {
	case py.Tuple:
		for _, o := range fl {
			if s, ok := o.(py.String); ok {
				fromlist = append(fromlist, string(s))
			}
		}
	case *py.List:
		for _, o := range fl.Items {
			if s, ok := o.(py.String); ok {
				fromlist = append(fromlist, string(s))
			}
		}
	}
	if level > 0 {
		pkg := ""
		if globals != nil {
			if p, ok := globals["__package__"].(py.String); ok {
				pkg = string(p)
			} else if n, ok := globals["__name__"].(py.String); ok {
				if _, isPkg := globals["__path__"]; isPkg {
					pkg = string(n)
				} else if i := strings.LastIndexByte(string(n), '.'); i >= 0 {
					pkg = string(n)[:i]
				}
			}
		}
		if pkg == "" || pkg == "__main__" {
			return nil, py.ExceptionNewf(py.ImportError, "attempted relative import with no known parent package")
		}
		parts := strings.Split(pkg, ".")
		if level-1 >= len(parts) {
			return nil, py.ExceptionNewf(py.ImportError, "attempted relative import beyond top-level package")
		}
		base := strings.Join(parts[:len(parts)-(level-1)], ".")
		if name != "" {
			name = base + "." + name
		} else {
			name = base
		}
	}
	if name == "" {
		return nil, py.ExceptionNewf(py.ValueError, "Empty module name")
	}
	top, leaf, err := ImportModule(ctx, name, globals)
	if err != nil {
		return nil, err
	}
	if len(fromlist) == 0 {
		if level > 0 {
			return leaf, nil
		}
		return top, nil
	}
	for _, sub := range fromlist {
		if sub == "*" {
			// the whole namespace, Python parts compiled on first use included
			if err := loadLazySource(leaf); err != nil {
				return nil, err
			}
			continue
		}
		if _, ok := leaf.Globals[sub]; ok {
			continue
		}
		// from pkg import submodule
		if _, _, err := ImportModule(ctx, name+"."+sub, globals); err != nil && !py.IsException(ModuleNotFoundError, err) {
			return nil, err
		}
	}
	return leaf, nil
}

// ImportModule imports the dotted module name in ctx, parents first, and
// sets each module as an attribute of its parent. It returns the top-level
// and the named module.
func ImportModule(ctx py.Context, name string, globals py.StringDict) (top, leaf *py.Module, err error) {
	parts := strings.Split(name, ".")
	var parent *py.Module
	for i := range parts {
		full := strings.Join(parts[:i+1], ".")
		var m *py.Module
		if parent != nil {
			// a Go module may hold its submodules as attributes (os.path)
			m, _ = parent.Globals[parts[i]].(*py.Module)
		}
		if m == nil {
			if m, err = importOne(ctx, full, globals); err != nil {
				return nil, nil, err
			}
		}
		if parent != nil {
			if _, ok := parent.Globals[parts[i]]; !ok {
				parent.Globals[parts[i]] = m
			}
		} else {
			top = m
		}
		parent = m
	}
	return top, parent, nil
}

func importOne(ctx py.Context, name string, globals py.StringDict) (*py.Module, error) {
	if m, err := ctx.GetModule(name); err == nil {
		return m, nil
	}
	if impl := py.GetModuleImpl(name); impl != nil {
		return ctx.ModuleInit(impl)
	}
	obj, err := py.ImportModuleLevelObject(ctx, name, globals, nil, nil, 0)
	if err != nil {
		if e, ok := err.(*py.Exception); ok && e.Base == py.FileNotFoundError {
			if msg, _ := ExceptionStr(e); strings.HasPrefix(msg, "Failed to resolve") {
				ne := NewException(ModuleNotFoundError, py.String("No module named '"+name+"'"))
				ne.Dict["name"] = py.String(name)
				return nil, ne
			}
		}
		return nil, err
	}
	m, ok := obj.(*py.Module)
	if !ok {
		return nil, py.ExceptionNewf(py.ImportError, "import of %s did not give a module", name)
	}
	return m, nil
}

func init() { OnInstall(InstallCore, "core05-import", installImport) }
