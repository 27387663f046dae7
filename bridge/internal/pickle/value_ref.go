package pickle

// Objects that travel by reference (builtins, module functions, modules,
// bound methods as receiver + name, functools.partial, property) and the
// dispatch of tagged values.

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/pool/wire"
)

// encodeMethod sends a Go-implemented function of a module or method of a
// builtin type by reference (builtins.abs → Ref{"builtins", "abs"}, str.upper
// → Ref{"builtins", "str.upper"}).
func (e *encoder) encodeMethod(m *py.Method) (wire.Value, error) {
	for _, t := range builtinTypesByRef() {
		if t.Dict[m.Name] == py.Object(m) {
			return wire.Ref{Module: "builtins", Name: t.Name + "." + m.Name}, nil
		}
	}
	if m.Module != nil {
		if name, ok := m.Module.Globals["__name__"].(py.String); ok && name != "" && name != "__main__" {
			if g, ok := m.Module.Globals[m.Name].(*py.Method); ok && g == m {
				return wire.Ref{Module: string(name), Name: m.Name}, nil
			}
		}
	}
	return nil, cannotPickle(m)
}

// builtinTypesByRef are the builtin types whose unbound methods (str.upper,
// list.count, …) travel by reference.
func builtinTypesByRef() []*py.Type {
	return []*py.Type{py.StringType, py.ListType, py.TupleType, pyobj.DictType, pyobj.SetType, pyobj.FrozenSetType, py.BytesType, py.IntType, py.FloatType}
}

// encodeBoundMethod sends obj.name as the receiver and the name.
func (e *encoder) encodeBoundMethod(bm *py.BoundMethod) (wire.Value, error) {
	var name string
	switch m := bm.Method.(type) {
	case *py.Function:
		name = m.Name
	case *py.Method:
		name = m.Name
	default:
		return nil, cannotPickle(bm)
	}
	self, err := e.encode(bm.Self)
	if err != nil {
		return nil, err
	}
	return tagged(tagMethod, self, name), nil
}

// encodeProperty sends a property as its four parts.
func (e *encoder) encodeProperty(p *pyobj.Property) (wire.Value, error) {
	parts, err := e.encodeItems([]py.Object{p.Fget, p.Fset, p.Fdel, p.Doc})
	if err != nil {
		return nil, err
	}
	return tagged(tagProperty, parts...), nil
}

// encodeByProtocol handles functools.partial through its Python attributes
// (func, args, keywords).
func (e *encoder) encodeByProtocol(obj py.Object) (wire.Value, bool, error) {
	t := obj.Type()
	if t == nil {
		return nil, false, nil
	}
	switch t.Name {
	case "functools.partial", "partial":
		var parts [3]wire.Value
		for i, attr := range []string{"func", "args", "keywords"} {
			a, err := py.GetAttrString(obj, attr)
			if err != nil {
				return nil, false, nil
			}
			if parts[i], err = e.encode(a); err != nil {
				return nil, true, err
			}
		}
		return tagged(tagPartial, parts[0], parts[1], parts[2]), true, nil
	}
	return nil, false, nil
}

// importModule imports a module by its full dotted name in ctx.
func importModule(ctx py.Context, name string) (*py.Module, error) {
	if m, err := ctx.GetModule(name); err == nil {
		return m, nil
	}
	obj, err := py.ImportModuleLevelObject(ctx, name, nil, nil, nil, 0)
	if err != nil {
		return nil, err
	}
	m, ok := obj.(*py.Module)
	if !ok {
		return nil, py.ExceptionNewf(py.ImportError, "import of %s gave %s, not a module", name, obj.Type().Name)
	}
	return m, nil
}

// resolveRef finds module.name (name may be dotted: Class.method).
func (d *decoder) resolveRef(module, name string) (py.Object, error) {
	if d.ctx == nil {
		return nil, py.ExceptionNewf(py.SystemError, "no interpreter to import %s.%s into", module, name)
	}
	var cur py.Object
	if module == "builtins" {
		cur = d.ctx.Store().Builtins
	} else {
		m, err := importModule(d.ctx, module)
		if err != nil {
			return nil, err
		}
		cur = m
	}
	for _, part := range strings.Split(name, ".") {
		next, err := py.GetAttrString(cur, part)
		if err != nil {
			return nil, py.ExceptionNewf(py.AttributeError, "Can't get attribute '%s' on <module '%s'>", name, module)
		}
		cur = next
	}
	return cur, nil
}

func (d *decoder) decodeTagged(tag int8, f []wire.Value) (py.Object, error) {
	switch tag {
	case tagFunction:
		return d.decodeFunction(f)
	case tagCode:
		return d.decodeCode(f)
	case tagClass:
		return d.decodeClass(f)
	case tagInstance:
		return d.decodeInstance(f)
	case tagBackref:
		if err := fields("reference", f, 1); err != nil {
			return nil, err
		}
		id, _ := wantInt(f[0])
		o, ok := d.memo[id]
		if !ok {
			return nil, errBadValue(fmt.Sprintf("reference to unknown object %d", id))
		}
		return o, nil
	case tagModule:
		if err := fields("module", f, 1); err != nil {
			return nil, err
		}
		name, ok := f[0].(string)
		if !ok || d.ctx == nil {
			return nil, errBadValue("module name")
		}
		return importModule(d.ctx, name)
	case tagEllipsis:
		return py.Ellipsis, nil
	case tagHandle:
		return d.decodeHandle(f)
	case tagByteArray:
		if err := fields("bytearray", f, 1); err != nil {
			return nil, err
		}
		b, ok := f[0].([]byte)
		if !ok {
			return nil, errBadValue("bytearray contents")
		}
		return &pyobj.ByteArray{B: append([]byte{}, b...)}, nil
	case tagRange:
		if err := fields("range", f, 3); err != nil {
			return nil, err
		}
		var se [3]py.Object
		for i, v := range f {
			n, ok := v.(int64)
			if !ok || i == 2 && n == 0 {
				return nil, errBadValue("range bounds")
			}
			se[i] = py.Int(n)
		}
		return py.RangeNew(py.RangeType, py.Tuple{se[0], se[1], se[2]}, nil)
	case tagMethod:
		if err := fields("method", f, 2); err != nil {
			return nil, err
		}
		self, err := d.decode(f[0])
		if err != nil {
			return nil, err
		}
		name, ok := f[1].(string)
		if !ok {
			return nil, errBadValue("method name")
		}
		return py.GetAttrString(self, name)
	case tagStaticMethod, tagClassMethod:
		if err := fields("method wrapper", f, 1); err != nil {
			return nil, err
		}
		c, err := d.decode(f[0])
		if err != nil {
			return nil, err
		}
		if tag == tagStaticMethod {
			return &py.StaticMethod{Callable: c}, nil
		}
		return &py.ClassMethod{Callable: c, Dict: py.StringDict{}}, nil
	case tagPartial:
		if err := fields("partial", f, 3); err != nil {
			return nil, err
		}
		parts, err := d.decodeItems(f)
		if err != nil {
			return nil, err
		}
		partial, err := d.resolveRef("functools", "partial")
		if err != nil {
			return nil, err
		}
		args, _ := parts[1].(py.Tuple)
		kw, _ := parts[2].(py.StringDict)
		return py.Call(partial, append(py.Tuple{parts[0]}, args...), kw)
	case tagProperty:
		if err := fields("property", f, 4); err != nil {
			return nil, err
		}
		parts, err := d.decodeItems(f)
		if err != nil {
			return nil, err
		}
		return pyobj.PropertyNew(pyobj.PropertyType, py.Tuple(parts), nil)
	case tagDictSub:
		return d.decodeDictSubclass(f)
	case tagExcAttr:
		if err := fields("exception attribute", f, 1); err != nil {
			return nil, err
		}
		name, ok := f[0].(string)
		if !ok {
			return nil, errBadValue("exception attribute name")
		}
		return &pyobj.ExcAttr{Name: name}, nil
	case tagExcExtra:
		return nil, errBadValue("exception state outside an exception")
	case tagFresh:
		if err := fields("fresh object", f, 1); err != nil {
			return nil, err
		}
		ref, ok := f[0].(wire.Ref)
		if !ok || !isFreshConstructor(ref) {
			return nil, errBadValue("fresh object constructor")
		}
		ctor, err := d.resolveRef(ref.Module, ref.Name)
		if err != nil {
			return nil, err
		}
		return py.Call(ctor, nil, nil)
	case tagDefinition:
		return nil, errBadValue("a function definition inside a value")
	}
	return nil, errBadValue(fmt.Sprintf("unknown tag %d", tag))
}
