package pyobj

// Classes as CPython: attribute lookup on classes through the MRO (gpython
// only looks in the class's own dict, so B.k for an inherited k fails) with
// descriptors bound the class way (classmethods bound to the class,
// staticmethods unwrapped), __name__/__qualname__/__module__/__mro__/…, and
// the builtins super, property, isinstance and issubclass.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// classAttr looks name up on class t as CPython's type.__getattribute__.
func classAttr(t *py.Type, name string) (py.Object, error) {
	switch name {
	case "__name__":
		return py.String(t.Name), nil
	case "__qualname__":
		if t.Qualname != "" {
			return py.String(t.Qualname), nil
		}
		return py.String(t.Name), nil
	case "__module__":
		if m, ok := t.Dict["__module__"]; ok {
			return m, nil
		}
		return py.String("builtins"), nil
	case "__dict__":
		return t.Dict, nil
	case "__mro__":
		return mroOf(t), nil
	case "__bases__":
		if len(t.Bases) == 0 && t.Base != nil {
			return py.Tuple{t.Base}, nil
		}
		return t.Bases, nil
	case "__base__":
		if t.Base == nil {
			return py.None, nil
		}
		return t.Base, nil
	case "__class__":
		return t.Type(), nil
	case "__doc__":
		if d, ok := t.Dict["__doc__"]; ok {
			return d, nil
		}
		if t.Doc == "" {
			return py.None, nil
		}
		return py.String(t.Doc), nil
	}
	for _, base := range mroOf(t) {
		bt := base.(*py.Type)
		if v, ok := bt.Dict[name]; ok {
			return bindToClass(v, t)
		}
	}
	// The metaclass's attributes (type.mro, …).
	if v := t.Type().Lookup(name); v != nil {
		if g, ok := v.(py.I__get__); ok {
			return g.M__get__(t, t.Type())
		}
		return v, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "type object '%s' has no attribute '%s'", t.Name, name)
}

// instanceAttr is generic attribute lookup on an instance (of object itself:
// instances of other classes never reach object's __getattribute__).
func instanceAttr(obj py.Object, name string) (py.Object, error) {
	if inst, ok := AsInstance(obj); ok {
		if v, ok := inst.Dict[name]; ok {
			return v, nil
		}
	}
	t := obj.Type()
	for _, base := range mroOf(t) {
		if v, ok := base.(*py.Type).Dict[name]; ok {
			if g, ok := v.(py.I__get__); ok {
				return g.M__get__(obj, t)
			}
			return v, nil
		}
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", t.Name, name)
}

// bindToClass is descriptor __get__ with no instance.
func bindToClass(v py.Object, t *py.Type) (py.Object, error) {
	switch x := v.(type) {
	case *py.ClassMethod:
		return py.NewBoundMethod(t, x.Callable), nil
	case *py.StaticMethod:
		return x.Callable, nil
	case *py.Function, *py.Method:
		return v, nil
	case *Property:
		return v, nil
	case *py.Property:
		return v, nil
	}
	return v, nil
}

// mroOf returns t's MRO, following Base when gpython left it empty.
func mroOf(t *py.Type) py.Tuple {
	if len(t.Mro) > 0 {
		return t.Mro
	}
	var out py.Tuple
	for b := t; b != nil; b = b.Base {
		out = append(out, b)
	}
	if len(out) == 0 || out[len(out)-1] != py.ObjectType {
		out = append(out, py.ObjectType)
	}
	return out
}

// IsInstance is isinstance(obj, cls) for one class, with the relations
// gpython's types do not record (bool is an int; gpython's string-keyed
// dict is a dict; every class is a type; everything is an object).
func IsInstance(obj py.Object, cls *py.Type) bool {
	ot := obj.Type()
	if ot == cls || cls == py.ObjectType || ot.IsSubtype(cls) {
		return true
	}
	return IsSubclass(ot, cls)
}

// IsSubclass is issubclass(a, b) for one class.
func IsSubclass(a, b *py.Type) bool {
	if a == b || b == py.ObjectType || a.IsSubtype(b) {
		return true
	}
	switch b {
	case py.IntType:
		return a == py.BoolType || a == py.BigIntType || a.IsSubtype(py.BoolType)
	case DictType:
		return a == py.StringDictType || a == py.DictType
	case SetType:
		return a == py.SetType
	case FrozenSetType:
		return a == py.FrozenSetType
	case py.TypeType:
		return a == py.TypeType || a.IsSubtype(py.TypeType)
	}
	return false
}

func classArg(fn string, o py.Object) ([]*py.Type, error) {
	switch x := o.(type) {
	case *py.Type:
		if isPyClass(x) {
			return []*py.Type{x}, nil
		}
	case py.Tuple:
		var out []*py.Type
		for _, item := range x {
			ts, err := classArg(fn, item)
			if err != nil {
				return nil, err
			}
			out = append(out, ts...)
		}
		return out, nil
	}
	if fn == "isinstance" {
		return nil, py.ExceptionNewf(py.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
	}
	return nil, py.ExceptionNewf(py.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
}

func builtinIsInstance(_ py.Object, a *pyrt.Args) (py.Object, error) {
	classes, err := classArg("isinstance", a.Get("class_or_tuple"))
	if err != nil {
		return nil, err
	}
	obj := a.Get("obj")
	for _, c := range classes {
		if IsInstance(obj, c) {
			return py.True, nil
		}
	}
	return py.False, nil
}

func builtinIsSubclass(_ py.Object, a *pyrt.Args) (py.Object, error) {
	cls, ok := a.Get("cls").(*py.Type)
	if !ok || !isPyClass(cls) {
		return nil, py.ExceptionNewf(py.TypeError, "issubclass() arg 1 must be a class")
	}
	classes, err := classArg("issubclass", a.Get("class_or_tuple"))
	if err != nil {
		return nil, err
	}
	for _, c := range classes {
		if IsSubclass(cls, c) {
			return py.True, nil
		}
	}
	return py.False, nil
}

// SuperType is builtins.super.
var SuperType = py.ObjectType.NewType("super", "super(type, obj) -> bound super object; requires isinstance(obj, type)", nil, nil)

// Super is a bound super object: attribute lookups start after class in
// obj's MRO.
type Super struct {
	class *py.Type
	obj   py.Object
	start *py.Type // the type whose MRO is searched
}

// Type returns super.
func (s *Super) Type() *py.Type { return SuperType }

func superNew(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 0 {
		return nil, py.ExceptionNewf(py.RuntimeError, "super(): no arguments")
	}
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.TypeError, "super() takes 2 arguments here (the compat layer rewrites super() inside methods)")
	}
	cls, ok := args[0].(*py.Type)
	if !ok || !isPyClass(cls) {
		return nil, py.ExceptionNewf(py.TypeError, "super() argument 1 must be a type, not %s", args[0].Type().Name)
	}
	s := &Super{class: cls, obj: args[1]}
	if t, ok := args[1].(*py.Type); ok && isPyClass(t) && IsSubclass(t, cls) {
		s.start = t
	} else if IsInstance(args[1], cls) {
		s.start = args[1].Type()
	} else {
		return nil, py.ExceptionNewf(py.TypeError, "super(type, obj): obj must be an instance or subtype of type")
	}
	return s, nil
}

var objectInit = py.MustNewMethod("__init__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return py.None, nil
}, 0, "")

// M__getattribute__ looks name up after the class in the MRO.
func (s *Super) M__getattribute__(name string) (py.Object, error) {
	switch name {
	case "__thisclass__":
		return s.class, nil
	case "__self__":
		return s.obj, nil
	}
	mro := mroOf(s.start)
	i := 0
	for i < len(mro) && mro[i] != s.class {
		i++
	}
	_, objIsClass := s.obj.(*py.Type)
	objIsClass = objIsClass && isPyClass(s.obj.(*py.Type))
	for _, b := range mro[min(i+1, len(mro)):] {
		bt := b.(*py.Type)
		v, ok := bt.Dict[name]
		if !ok {
			continue
		}
		switch x := v.(type) {
		case *py.ClassMethod:
			return py.NewBoundMethod(s.start, x.Callable), nil
		case *py.StaticMethod:
			return x.Callable, nil
		case *py.Function:
			if objIsClass {
				return x, nil
			}
			return py.NewBoundMethod(s.obj, x), nil
		case *py.Method:
			if objIsClass {
				return x, nil
			}
			return py.NewBoundMethod(baseSelf(s.obj, bt), x), nil
		case *Property:
			if objIsClass {
				return x, nil
			}
			return x.M__get__(s.obj, s.start)
		case *py.Property:
			if objIsClass {
				return x, nil
			}
			return x.Fget(s.obj)
		}
		return v, nil
	}
	if exc, ok := s.obj.(*py.Exception); ok && name == "__init__" {
		return py.MustNewMethod("__init__", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			exc.Args = append(py.Tuple(nil), args...)
			return py.None, nil
		}, 0, ""), nil
	}
	if b, ok := s.obj.(*BaseInstance); ok && name == "__init__" {
		if l, ok := b.Base.(*py.List); ok {
			return py.MustNewMethod("__init__", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.None, listInit(l, args, kwargs)
			}, 0, ""), nil
		}
	}
	if name == "__init__" {
		return py.NewBoundMethod(s.obj, objectInit), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'super' object has no attribute '%s'", name)
}

// PropertyType is builtins.property.
var PropertyType = py.ObjectType.NewType("property", "property(fget=None, fset=None, fdel=None, doc=None) -> property attribute", nil, nil)

// Property is a Python-level property (fget/fset/fdel callables).
type Property struct {
	Fget, Fset, Fdel, Doc py.Object
	name                  string
}

// Type returns property.
func (p *Property) Type() *py.Type { return PropertyType }

func PropertyNew(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p := &Property{Fget: py.None, Fset: py.None, Fdel: py.None, Doc: py.None}
	names := []string{"fget", "fset", "fdel", "doc"}
	slots := []*py.Object{&p.Fget, &p.Fset, &p.Fdel, &p.Doc}
	if len(args) > 4 {
		return nil, py.ExceptionNewf(py.TypeError, "property() takes at most 4 arguments (%d given)", len(args))
	}
	for i, a := range args {
		*slots[i] = a
	}
	for k, v := range kwargs {
		found := false
		for i, n := range names {
			if n == k {
				*slots[i] = v
				found = true
			}
		}
		if !found {
			return nil, py.ExceptionNewf(py.TypeError, "property() got an unexpected keyword argument '%s'", k)
		}
	}
	p.setName()
	return p, nil
}

func (p *Property) setName() {
	if f, ok := p.Fget.(*py.Function); ok {
		p.name = f.Name
	}
}

// M__get__ reads the property.
func (p *Property) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == nil || instance == py.None {
		return p, nil
	}
	if p.Fget == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property '%s' of '%s' object has no getter", p.name, instance.Type().Name)
	}
	return py.Call(p.Fget, py.Tuple{instance}, nil)
}

// M__set__ writes the property.
func (p *Property) M__set__(instance, value py.Object) (py.Object, error) {
	if p.Fset == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property '%s' of '%s' object has no setter", p.name, instance.Type().Name)
	}
	return py.Call(p.Fset, py.Tuple{instance, value}, nil)
}

// M__delete__ deletes the property.
func (p *Property) M__delete__(instance py.Object) (py.Object, error) {
	if p.Fdel == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property '%s' of '%s' object has no deleter", p.name, instance.Type().Name)
	}
	return py.Call(p.Fdel, py.Tuple{instance}, nil)
}

// classTypes are the types the "classes" installer readies (metatype type,
// single base filled in) before the builtins that use them are patched.
var classTypes = []*py.Type{DictType, SetType, FrozenSetType, SuperType, PropertyType, genericAliasType, excAttrType, markerType}

// ReadyWithClasses adds t to the types readied with the builtin classes when
// Install runs: a module package's class (json.JSONDecodeError,
// random.Random) calls it from its init.
func ReadyWithClasses(t *py.Type) { classTypes = append(classTypes, t) }

func init() {
	SuperType.New = superNew
	PropertyType.New = PropertyNew
	for _, m := range []struct {
		name string
		slot int
	}{{"getter", 0}, {"setter", 1}, {"deleter", 2}} {
		pyrt.Method(PropertyType, "property."+m.name, "$self, func, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			p := *self.(*Property)
			switch m.slot {
			case 0:
				p.Fget = a.Get("func")
				p.setName()
			case 1:
				p.Fset = a.Get("func")
			case 2:
				p.Fdel = a.Get("func")
			}
			return &p, nil
		})
	}
	PropertyType.Dict["fget"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self.(*Property).Fget, nil }}
	PropertyType.Dict["fset"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self.(*Property).Fset, nil }}
	PropertyType.Dict["__doc__"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self.(*Property).Doc, nil }}

	pyrt.OnInstall(pyrt.InstallCompat, "classes", func() {
		for _, t := range classTypes {
			t.ObjectType = py.TypeType
			if t.Base == nil && len(t.Bases) == 1 {
				t.Base = t.Bases[0].(*py.Type)
			}
			if err := t.Ready(); err != nil {
				panic(err)
			}
		}
		getattribute := py.MustNewMethod("__getattribute__", func(self py.Object, args py.Tuple) (py.Object, error) {
			if len(args) > 0 {
				if _, ok := self.(*py.Module); ok || self == nil {
					self, args = args[0], args[1:]
				}
			}
			if len(args) == 1 {
				if _, ok := AsInstance(self); ok {
					name, ok := args[0].(py.String)
					if !ok {
						return nil, py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", args[0].Type().Name)
					}
					return instanceAttr(self, string(name))
				}
			}
			t, ok := self.(*py.Type)
			if !ok || len(args) != 1 {
				return nil, py.ExceptionNewf(py.TypeError, "type.__getattribute__ needs a type and a name")
			}
			name, ok := args[0].(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", args[0].Type().Name)
			}
			return classAttr(t, string(name))
		}, 0, "")
		// gpython calls a class's __getattribute__ found in its metatype's
		// dict or its MRO: builtin types have the metatype object.
		py.TypeType.Dict["__getattribute__"] = getattribute
		py.ObjectType.Dict["__getattribute__"] = getattribute
		pyrt.Method(py.ObjectType, "object.__setattr__", "$self, name, value, /", objectSetattr)
		pyrt.Method(py.ObjectType, "object.__delattr__", "$self, name, /", objectDelattr)
		SetBuiltin("super", SuperType)
		SetBuiltin("property", PropertyType)
		SetBuiltin("isinstance", pyrt.Func("isinstance", "$module, obj, class_or_tuple, /", builtinIsInstance))
		SetBuiltin("issubclass", pyrt.Func("issubclass", "$module, cls, class_or_tuple, /", builtinIsSubclass))
	})
}

// objectSetattr is object.__setattr__(self, name, value): a data descriptor
// of the class, else the instance dict (the class dict for a class).
func objectSetattr(self py.Object, a *pyrt.Args) (py.Object, error) {
	name, ok := a.Get("name").(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", pyrt.TypeName(a.Get("name")))
	}
	value := a.Get("value")
	if t, ok := self.(*py.Type); ok && isPyClass(t) {
		t.Dict[string(name)] = value
		operatorAdded(t, string(name))
		return py.None, nil
	}
	if d := self.Type().Lookup(string(name)); d != nil {
		if s, ok := d.(py.I__set__); ok {
			return s.M__set__(self, value)
		}
	}
	if g, ok := self.(py.IGetDict); ok && g.GetDict() != nil {
		g.GetDict()[string(name)] = value
		return py.None, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", self.Type().Name, string(name))
}

// objectDelattr is object.__delattr__(self, name).
func objectDelattr(self py.Object, a *pyrt.Args) (py.Object, error) {
	name, ok := a.Get("name").(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", pyrt.TypeName(a.Get("name")))
	}
	if d := self.Type().Lookup(string(name)); d != nil {
		if s, ok := d.(py.I__delete__); ok {
			return s.M__delete__(self)
		}
	}
	if g, ok := self.(py.IGetDict); ok {
		if dict := g.GetDict(); dict != nil {
			if _, ok := dict[string(name)]; ok {
				delete(dict, string(name))
				return py.None, nil
			}
		}
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", self.Type().Name, string(name))
}

// isClass tells a class from an instance of a Python-defined class: gpython
// represents both as *py.Type, and only classes have a name.
func IsClass(t *py.Type) bool { return t.Name != "" }
