package pyobj

// Python-source modules shipped in the binary (bridge/pylib/*.py):
// functools, itertools, collections, typing, … They are compiled through the
// project's py.Compile, so they get every rewrite pass.

import (
	"embed"
	"strings"
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

//go:embed pylib/*.py
var PylibFS embed.FS

// pylibMarker starts the stand-in source a pylib module is registered with:
// its file is read, and compiled, only when the module is first imported.
// The NUL keeps it apart from any source a script could compile.
const PylibMarker = "\x00pypool-pylib:"

func installPylib() {
	entries, err := PylibFS.ReadDir("pylib")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".py")
		if py.GetModuleImpl(name) != nil {
			continue // a Go implementation wins
		}
		py.RegisterModule(&py.ModuleImpl{
			Info:    py.ModuleInfo{Name: name, FileDesc: "<" + name + ">"},
			CodeSrc: PylibMarker + e.Name(),
		})
	}
}

// pylibSource is the source of the pylib module whose stand-in is src (the
// compile of ModuleImpl.CodeSrc named desc), or src itself.
func PylibSource(src, desc string) string {
	file, ok := strings.CutPrefix(src, PylibMarker)
	if !ok || desc != "<"+strings.TrimSuffix(file, ".py")+">" {
		return src
	}
	b, err := PylibFS.ReadFile("pylib/" + file)
	if err != nil || len(b) == 0 {
		return src
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is ReadFile's own copy
}

// genericAliasType is the type of list[int] and friends (PEP 585).
var genericAliasType = py.NewType("types.GenericAlias", "")

// GenericAlias is a subscripted builtin class such as dict[str, int].
type GenericAlias struct {
	origin *py.Type
	args   py.Tuple
}

// Type returns types.GenericAlias.
func (g *GenericAlias) Type() *py.Type { return genericAliasType }

// M__repr__ is list[int].
func (g *GenericAlias) M__repr__() (py.Object, error) {
	var b strings.Builder
	b.WriteString(g.origin.Name)
	b.WriteByte('[')
	for i, a := range g.args {
		if i > 0 {
			b.WriteString(", ")
		}
		switch x := a.(type) {
		case *py.Type:
			b.WriteString(qualifiedName(x))
		case py.Tuple:
			if len(x) == 0 {
				b.WriteString("()")
			}
		default:
			if a == py.Ellipsis {
				b.WriteString("...")
				continue
			}
			r, err := Repr(a)
			if err != nil {
				return nil, err
			}
			b.WriteString(r)
		}
	}
	b.WriteByte(']')
	return py.String(b.String()), nil
}

// M__call__ makes an instance of the origin class.
func (g *GenericAlias) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return py.Call(g.origin, args, kwargs)
}

// classGetItem is type.__getitem__: cls[key] (list[int], a generic alias,
// or the class's __class_getitem__).
func classGetItem(self py.Object, a *pyrt.Args) (py.Object, error) {
	t, ok := self.(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "type subscription needs one argument")
	}
	key := a.Get("key")
	params, ok := key.(py.Tuple)
	if !ok {
		params = py.Tuple{key}
	}
	if m := userLookup(t, "__class_getitem__"); m != nil {
		return py.Call(m, py.Tuple{t, key}, nil)
	}
	return &GenericAlias{origin: t, args: params}, nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "pylib", func() {
		installPylib()
		pyrt.Method(py.TypeType, "type.__getitem__", "$self, key, /", classGetItem)
	})
}

func init() { pyrt.ModuleSource = PylibSource }
