package pickle

// Classes and instances across the process boundary. A class of an
// importable module travels by reference; a class defined in __main__ by
// value (name, bases, namespace). The receiver first looks for a class of
// that name in its own __main__ (pickle finds classes by name, so an
// instance sent twice has the same class both times) and builds one with its
// __build_class__ only when there is none; a worker then keeps it in
// __main__ under its name (filling, never overwriting). Instances travel as
// their class and __dict__: the receiver allocates one without calling
// __init__, as unpickling does.

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/pool/wire"
)

// classSkip names namespace entries a class never sends.
var classSkip = map[string]bool{"__dict__": true, "__weakref__": true, "__slots__": true, "__qualname__": true}

func (e *encoder) encodeClass(t *py.Type) (wire.Value, error) {
	if id, ok := e.memo[t]; ok {
		return tagged(tagBackref, id), nil
	}
	module := moduleOf(t)
	qual := qualnameOf(t)
	if module != "__main__" {
		return wire.Ref{Module: module, Name: qual}, nil
	}
	id := e.remember(t)
	if err := e.enter(0, "class"); err != nil {
		return nil, err
	}
	defer e.leave(0)
	bases := make(wire.Tuple, 0, len(t.Bases))
	for _, b := range classBases(t) {
		if b == py.ObjectType {
			continue
		}
		v, err := e.encode(b)
		if err != nil {
			return nil, err
		}
		bases = append(bases, v)
	}
	ns := py.StringDict{}
	for k, v := range t.Dict {
		if classSkip[k] || inherited(t, k, v) {
			continue
		}
		ns[k] = v
	}
	if m := pyobj.MetaclassOf(t); m != nil && m.SendNamespace != nil {
		m.SendNamespace(t, ns)
	}
	nsV, err := e.encodeStringDict(ns)
	if err != nil {
		return nil, err
	}
	return tagged(tagClass, id, module, qual, t.Name, bases, nsV), nil
}

// classBases is t.__bases__. gpython v0.2.0 keeps the caller's argument
// slice as __bases__, which later calls may overwrite; when that happened,
// the primary base (t.Base) is what is left to trust.
func classBases(t *py.Type) py.Tuple {
	for _, b := range t.Bases {
		if bt, ok := b.(*py.Type); !ok || !pyobj.IsClass(bt) {
			if t.Base != nil {
				return py.Tuple{t.Base}
			}
			return nil
		}
	}
	return t.Bases
}

// inherited tells whether the namespace entry k of t is the very object a
// base provides (a repair may copy inherited dunders into a class).
func inherited(t *py.Type, k string, v py.Object) bool {
	for _, b := range classBases(t) {
		bt, ok := b.(*py.Type)
		if !ok {
			continue
		}
		if bv := bt.Lookup(k); bv != nil && sameObject(bv, v) {
			return true
		}
	}
	return false
}

func (e *encoder) encodeInstance(x *py.Type) (wire.Value, error) {
	if id, ok := e.memo[x]; ok {
		return tagged(tagBackref, id), nil
	}
	cls := x.Type()
	if cls == nil || !pyobj.IsClass(cls) {
		return nil, cannotPickle(x)
	}
	if m := pyobj.MetaclassOf(cls); m != nil && m.MemberName != nil {
		// an enum member travels as getattr(its class, name)
		if name, ok := m.MemberName(x); ok {
			clsV, err := e.encode(cls)
			if err != nil {
				return nil, err
			}
			return tagged(tagMethod, clsV, name), nil
		}
	}
	id := e.remember(x)
	if err := e.enter(0, "object"); err != nil {
		return nil, err
	}
	defer e.leave(0)
	clsV, err := e.encode(cls)
	if err != nil {
		return nil, err
	}
	dict, err := e.encodeStringDict(x.Dict)
	if err != nil {
		return nil, err
	}
	return tagged(tagInstance, id, clsV, dict), nil
}

func (d *decoder) decodeClass(f []wire.Value) (py.Object, error) {
	if err := fields("class", f, 6); err != nil {
		return nil, err
	}
	id, ok1 := wantInt(f[0])
	module, ok2 := f[1].(string)
	qual, ok3 := f[2].(string)
	name, ok4 := f[3].(string)
	basesV, ok5 := f[4].(wire.Tuple)
	if !(ok1 && ok2 && ok3 && ok4 && ok5) || name == "" {
		return nil, errBadValue("class fields")
	}
	ns, writable, err := d.namespace(module)
	if err != nil {
		return nil, err
	}
	plain := isIdentifier(qual)
	if plain {
		if existing, ok := ns[qual].(*py.Type); ok && pyobj.IsClass(existing) && existing.Name == name {
			// The receiver's own class of that name, as pickle would find it.
			// The shipped namespace is still decoded (it may define ids
			// that later parts of the value refer to), then dropped.
			d.remember(id, existing)
			if _, err := d.decodeStringDict(f[5]); err != nil {
				return nil, err
			}
			return existing, nil
		}
	}
	bases := make(py.Tuple, 0, len(basesV))
	for _, bv := range basesV {
		b, err := d.decode(bv)
		if err != nil {
			return nil, err
		}
		if bt, ok := b.(*py.Type); !ok || !pyobj.IsClass(bt) {
			return nil, errBadValue("class base is not a class")
		}
		bases = append(bases, b)
	}
	cls, err := d.buildClass(module, qual, name, bases)
	if err != nil {
		return nil, err
	}
	d.remember(id, cls)
	body, err := d.decodeStringDict(f[5])
	if err != nil {
		return nil, err
	}
	for k, v := range body {
		cls.Dict[k] = v
	}
	pyobj.BodyFilled(cls)
	if doc, ok := body["__doc__"].(py.String); ok {
		cls.Doc = string(doc)
	}
	cls.Qualname = qual
	if plain && writable {
		if _, has := ns[qual]; !has {
			ns[qual] = cls
		}
	}
	return cls, nil
}

// buildClass makes an empty class through the receiver's __build_class__, so
// that whatever repairs the interpreter applies to new classes apply. The
// class body is a hand-made code object that sets __module__ and
// __qualname__ (LOAD_CONST, STORE_NAME twice; LOAD_CONST None; RETURN_VALUE).
func (d *decoder) buildClass(module, qual, name string, bases py.Tuple) (*py.Type, error) {
	if d.ctx == nil {
		return nil, py.ExceptionNewf(py.SystemError, "no interpreter to build class %s in", qual)
	}
	const loadConst, storeName, returnValue = 100, 90, 83
	body := &py.Code{
		Stacksize: 1,
		Code: string([]byte{
			loadConst, 1, 0, storeName, 0, 0,
			loadConst, 2, 0, storeName, 1, 0,
			loadConst, 0, 0, returnValue,
		}),
		Consts:   py.Tuple{py.None, py.String(module), py.String(qual)},
		Names:    []string{"__module__", "__qualname__"},
		Filename: "<pypool>",
		Name:     name,
	}
	fn := py.NewFunction(d.ctx, body, py.StringDict{"__name__": py.String(module)}, qual)
	buildClass := d.ctx.Store().Builtins.Globals["__build_class__"]
	if buildClass == nil {
		return nil, py.ExceptionNewf(py.SystemError, "__build_class__ not found")
	}
	args := append(py.Tuple{fn, py.String(name)}, bases...)
	obj, err := py.Call(buildClass, args, nil)
	if err != nil {
		return nil, err
	}
	cls, ok := obj.(*py.Type)
	if !ok || !pyobj.IsClass(cls) {
		return nil, py.ExceptionNewf(py.TypeError, "cannot rebuild class %s: __build_class__ gave %s", qual, obj.Type().Name)
	}
	return cls, nil
}

func (d *decoder) decodeInstance(f []wire.Value) (py.Object, error) {
	if err := fields("object", f, 3); err != nil {
		return nil, err
	}
	id, ok := wantInt(f[0])
	if !ok {
		return nil, errBadValue("object id")
	}
	c, err := d.decode(f[1])
	if err != nil {
		return nil, err
	}
	cls, ok := c.(*py.Type)
	if !ok || !pyobj.IsClass(cls) || cls.Flags&py.TPFLAGS_HEAPTYPE == 0 {
		return nil, errBadValue("object of a class not defined in Python")
	}
	obj := pyobj.NewInstance(cls)
	d.remember(id, obj)
	dict, err := d.decodeStringDict(f[2])
	if err != nil {
		return nil, err
	}
	inst, _ := pyobj.AsInstance(obj)
	for k, v := range dict {
		inst.Dict[k] = v
	}
	if err := pyobj.DecodedBase(obj); err != nil {
		return nil, err
	}
	return obj, nil
}

// isIdentifier tells a plain top-level name from a dotted or <locals> one.
func isIdentifier(s string) bool {
	if s == "" || strings.ContainsAny(s, ".<> ") {
		return false
	}
	return true
}
