package pyobj

// The class statement: __build_class__ is wrapped so every class without an
// explicit metaclass is made by compatMeta, which
//   - makes exception subclasses real exception types (instances are
//     *py.Exception, raised and caught by class, user __init__ run, .args set,
//     attributes set in __init__ stored through descriptors);
//   - makes subclasses of dict/set/list-like Go types build Go instances;
//   - copies inherited dunders into the class dict (gpython looks dunders up
//     in the class's own dict only);
//   - drops __slots__;
//   - lets instances of classes with __call__ be called.
//
// The compat rewrite passes the attribute names a class body assigns on self
// (self.x = …) as the class keyword __pp_attrs__.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var origBuildClass *py.Method

// buildClass is __build_class__(func, name, *bases, metaclass=None, **kw):
// it runs the class body and makes the class with compatMeta (or the
// explicit metaclass). gpython's own ignores an explicit metaclass.
func buildClass(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) < 2 {
		return nil, py.ExceptionNewf(py.TypeError, "__build_class__: not enough arguments")
	}
	fn, ok := args[0].(*py.Function)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "__build_class__: func must be a function")
	}
	name, ok := args[1].(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "__build_class__: name is not a string")
	}
	bases := append(py.Tuple{}, args[2:]...)
	var meta py.Object
	kw := py.NewStringDict()
	for k, v := range kwargs {
		if k == "metaclass" {
			meta = v
			continue
		}
		kw[k] = v
	}
	ns := py.NewStringDict()
	cell, err := fn.Context.RunCode(fn.Code, fn.Globals, ns, fn.Closure)
	if err != nil {
		return nil, err
	}
	for _, b := range bases {
		if bt, ok := b.(*py.Type); ok {
			if m := MetaclassOf(bt); m != nil && m.BodyOrder != nil {
				m.BodyOrder(fn.Code, ns)
				break
			}
		}
	}
	var cls py.Object
	if meta == nil {
		cls, err = compatMeta(name, bases, ns, kw)
	} else {
		delete(kw, "__pp_attrs__")
		if len(kw) == 0 {
			kw = nil
		}
		cls, err = py.Call(meta, py.Tuple{name, bases, ns}, kw)
	}
	if err != nil {
		return nil, err
	}
	if c, ok := cell.(*py.Cell); ok {
		c.Set(cls)
	}
	return cls, nil
}

// typeNew is type.__new__: gpython's, then the fixes of the class statement.
func typeNew(meta *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 3 {
		// The namespace may be the project's dict ({…} displays are).
		if d, ok := args[2].(DictLike); ok {
			ns := py.NewStringDict()
			for _, it := range d.AsDict().Items() {
				k, ok := it.Key.(py.String)
				if !ok {
					return nil, py.ExceptionNewf(py.TypeError, "type() namespace keys must be strings, not '%s'", pyrt.TypeName(it.Key))
				}
				ns[string(k)] = it.Value
			}
			args = py.Tuple{args[0], args[1], ns}
		}
		if ns, ok := args[2].(py.StringDict); ok {
			_, slots := ns["__slots__"]
			_, module := ns["__module__"]
			if slots || !module {
				// gpython cannot find the caller's module (it prints a
				// FIXME): the class is taken to be __main__'s.
				ns = ns.Copy()
				delete(ns, "__slots__")
				if !module {
					ns["__module__"] = py.String("__main__")
				}
				args = py.Tuple{args[0], args[1], ns}
			}
		}
	}
	obj, err := py.TypeNew(meta, args, kwargs)
	if err != nil || len(args) != 3 {
		return obj, err
	}
	if cls, ok := obj.(*py.Type); ok && isPyClass(cls) {
		FixClass(cls, nil)
	}
	return obj, nil
}

func compatMeta(name py.String, bases py.Tuple, ns py.StringDict, kwargs py.StringDict) (py.Object, error) {
	args := py.Tuple{name, bases, ns}
	attrs := kwargs["__pp_attrs__"]
	delete(kwargs, "__pp_attrs__")
	delete(ns, "__slots__")
	// A user metaclass inherited from a base.
	for _, b := range bases {
		if bt, ok := b.(*py.Type); ok {
			mt := bt.Type()
			if mt != nil && mt != py.TypeType && mt != py.ObjectType && mt.IsSubtype(py.TypeType) {
				return py.Call(mt, args, kwargs)
			}
		}
	}
	for _, b := range bases {
		if bt, ok := b.(*py.Type); ok {
			if tr, ok := bt.Dict["__pp_transform__"]; ok {
				// typing.NamedTuple: the class body becomes a namedtuple.
				plain, err := compatMeta(name, nil, ns, kwargs)
				if err != nil {
					return nil, err
				}
				if sm, ok := tr.(*py.StaticMethod); ok {
					tr = sm.Callable
				}
				return py.Call(tr, py.Tuple{plain}, nil)
			}
		}
	}
	if len(kwargs) == 0 {
		kwargs = nil
	}
	obj, err := py.TypeNew(py.TypeType, args, kwargs)
	if err != nil {
		return nil, err
	}
	if err := py.TypeType.Init(obj, args, kwargs); err != nil {
		return nil, err
	}
	cls, ok := obj.(*py.Type)
	if !ok {
		return obj, nil
	}
	FixClass(cls, attrs)
	return cls, nil
}

// bodyFilled applies to cls, made empty and then given its namespace (a
// class rebuilt from a wire value), the fixes that depend on the namespace.
func BodyFilled(cls *py.Type) {
	base := goBase(cls)
	if usesBaseInstances(cls, base) {
		useBaseInstances(cls, base)
	} else if wantsInstance(cls, base) {
		useInstances(cls)
	}
	// an enum whose members cannot be made is left without them: looking
	// one up then raises AttributeError/ValueError naming it
	if m := MetaclassOf(cls); m != nil && m.Filled != nil {
		_ = m.Filled(cls)
	}
}

// goBase returns the first Go-implemented (builtin) type in cls's MRO that
// is not object, or nil.
func goBase(cls *py.Type) *py.Type {
	for _, b := range mroOf(cls)[1:] {
		bt := b.(*py.Type)
		if bt == py.ObjectType {
			return nil
		}
		if _, user := bt.Dict["__module__"]; !user {
			return bt
		}
	}
	return nil
}

// userLookup finds name in the user classes of cls's MRO (before any Go type).
func userLookup(cls *py.Type, name string) py.Object {
	for _, b := range mroOf(cls) {
		bt := b.(*py.Type)
		if _, user := bt.Dict["__module__"]; !user {
			return nil
		}
		if v, ok := bt.Dict[name]; ok {
			return v
		}
	}
	return nil
}

func FixClass(cls *py.Type, attrs py.Object) {
	// A class defining __eq__ without __hash__ is unhashable (CPython sets
	// __hash__ to None in its namespace).
	if _, eq := cls.Dict["__eq__"]; eq {
		if _, h := cls.Dict["__hash__"]; !h {
			cls.Dict["__hash__"] = py.None
		}
	}
	// Inherited dunders into the class's own dict.
	for _, b := range mroOf(cls)[1:] {
		bt := b.(*py.Type)
		if _, user := bt.Dict["__module__"]; !user {
			break
		}
		for k, v := range bt.Dict {
			if len(k) > 4 && k[:2] == "__" && k[len(k)-2:] == "__" && k != "__module__" && k != "__qualname__" && k != "__doc__" && k != "__dict__" && k != "__annotations__" {
				if _, ok := cls.Dict[k]; !ok {
					cls.Dict[k] = v
				}
			}
		}
	}
	base := goBase(cls)
	switch {
	case base != nil && (base == py.BaseException || base.IsSubtype(py.BaseException)):
		fixExceptionClass(cls, attrs)
	case base == DictType || base == SetType || base == FrozenSetType || base != nil && base.New != nil && base != py.TypeType:
		fixGoSubclass(cls, base)
	}
	if usesBaseInstances(cls, base) {
		useBaseInstances(cls, base)
		return
	}
	if wantsInstance(cls, base) {
		// Operator dunders: instances are *Instance values (instance.go).
		useInstances(cls)
		return
	}
	if userLookup(cls, "__call__") != nil && cls.New != nil {
		inner := cls.New
		cls.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			obj, err := inner(t, args, kwargs)
			if err != nil {
				return nil, err
			}
			if inst, ok := obj.(*py.Type); ok {
				prepareInstance(inst)
			}
			return obj, nil
		}
	}
}

// prepareInstance readies a new instance of a user class: instances of
// classes defining __call__ become callable. Code making instances without
// calling the class (values' Alloc) calls it too.
func prepareInstance(inst *py.Type) {
	if inst.Name == "" && inst.New == nil && inst.Type() != nil && inst.Type().Lookup("__call__") != nil {
		inst.New = callInstance
	}
}

// callInstance is inst(...) for instances of classes defining __call__:
// gpython calls an instance's New.
func callInstance(inst *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	call := inst.Type().Lookup("__call__")
	if call == nil {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", inst.Type().Name)
	}
	return py.Call(call, append(py.Tuple{inst}, args...), kwargs)
}

// ExcAttr is a descriptor storing an attribute of an exception instance in
// its Dict (gpython's exceptions take no attribute assignment).
type ExcAttr struct{ Name string }

var excAttrType = py.NewType("exception_attribute", "")

// Type returns the descriptor's type.
func (a *ExcAttr) Type() *py.Type { return excAttrType }

// M__get__ reads the attribute.
func (a *ExcAttr) M__get__(instance, owner py.Object) (py.Object, error) {
	e, ok := instance.(*py.Exception)
	if !ok {
		return a, nil
	}
	if v, ok := e.Dict[a.Name]; ok {
		return v, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", e.Base.Name, a.Name)
}

// M__set__ writes the attribute.
func (a *ExcAttr) M__set__(instance, value py.Object) (py.Object, error) {
	e, ok := instance.(*py.Exception)
	if !ok {
		return nil, py.ExceptionNewf(py.AttributeError, "can't set attribute '%s'", a.Name)
	}
	if e.Dict == nil {
		e.Dict = py.NewStringDict()
	}
	e.Dict[a.Name] = value
	return py.None, nil
}

func fixExceptionClass(cls *py.Type, attrs py.Object) {
	cls.Flags |= py.TPFLAGS_BASE_EXC_SUBCLASS
	cls.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return &py.Exception{Base: t, Args: append(py.Tuple{}, args...), Dict: py.NewStringDict()}, nil
	}
	cls.Init = func(self py.Object, args py.Tuple, kwargs py.StringDict) error {
		init := userLookup(self.Type(), "__init__")
		if init == nil {
			if len(kwargs) > 0 {
				return py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", self.Type().Name)
			}
			return nil
		}
		res, err := py.Call(init, append(py.Tuple{self}, args...), kwargs)
		if err != nil {
			return err
		}
		if res != py.None {
			return py.ExceptionNewf(py.TypeError, "__init__() should return None, not '%s'", res.Type().Name)
		}
		return nil
	}
	if t, ok := attrs.(py.Tuple); ok {
		for _, a := range t {
			if s, ok := a.(py.String); ok && s != "args" {
				if _, exists := cls.Dict[string(s)]; !exists {
					cls.Dict[string(s)] = &ExcAttr{Name: string(s)}
				}
			}
		}
	}
}

// fixGoSubclass makes a user subclass of a Go type (dict, set, list, …)
// build the Go type's instances, tagged with the subclass.
func fixGoSubclass(cls *py.Type, base *py.Type) {
	switch base {
	case DictType:
		cls.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			d := NewDict()
			d.Typ = t
			return d, nil
		}
		cls.Init = func(self py.Object, args py.Tuple, kwargs py.StringDict) error {
			if init := userLookup(self.Type(), "__init__"); init != nil {
				_, err := py.Call(init, append(py.Tuple{self}, args...), kwargs)
				return err
			}
			return dictInit(self.(DictLike).AsDict(), args, kwargs)
		}
	case SetType:
		cls.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			s := NewSet()
			s.typ = t
			return s, nil
		}
		cls.Init = func(self py.Object, args py.Tuple, kwargs py.StringDict) error {
			if init := userLookup(self.Type(), "__init__"); init != nil {
				_, err := py.Call(init, append(py.Tuple{self}, args...), kwargs)
				return err
			}
			if len(args) == 1 {
				return self.(*Set).update(args[0])
			}
			return nil
		}
	}
}

func dictInit(d *Dict, args py.Tuple, kwargs py.StringDict) error {
	if len(args) > 1 {
		return py.ExceptionNewf(py.TypeError, "dict expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 1 {
		if err := d.Update(args[0]); err != nil {
			return err
		}
	}
	return d.updateKwargs(kwargs)
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "classes_build", func() {
		impl := py.GetModuleImpl("builtins")
		for _, m := range impl.Methods {
			if m.Name == "__build_class__" {
				origBuildClass = m
			}
		}
		if origBuildClass == nil {
			panic("bridge: builtins.__build_class__ not found")
		}
		SetBuiltin("__build_class__", py.MustNewMethod("__build_class__", buildClass, 0, ""))
		// type(name, bases, ns) makes classes as the class statement does.
		py.TypeType.New = typeNew
		// gpython makes a Go type's metatype its base (int's is object,
		// ValueError's is BaseException): classes deriving from them then hit
		// "metaclass conflict". Every builtin class is an instance of type.
		for _, v := range impl.Globals {
			if t, ok := v.(*py.Type); ok && t.Name != "" && t.ObjectType != py.TypeType {
				t.ObjectType = py.TypeType
			}
		}
		for _, t := range []*py.Type{DictType, SetType, FrozenSetType, SuperType, PropertyType} {
			t.ObjectType = py.TypeType
		}
		// CPython's names for Go functions and bound methods.
		py.MethodType.Name = "builtin_function_or_method"
		py.BoundMethodType.Name = "method"
		// CPython's names: type(2**100).__name__ is 'int', type(1j).__name__ 'complex'.
		py.BigIntType.Name = "int"
		py.ComplexType.Name = "complex"
		pyrt.Method(DictType, "dict.__init__", "$self, *args, **kwargs", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.None, dictInit(self.(DictLike).AsDict(), a.Star, a.Kw)
		})
		pyrt.Method(py.BaseException, "BaseException.__init__", "$self, *args, **kwargs", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			if e, ok := self.(*py.Exception); ok {
				e.Args = append(py.Tuple{}, a.Star...)
			}
			return py.None, nil
		})
		pyrt.Method(py.BaseException, "BaseException.with_traceback", "$self, tb, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return self, nil
		})
	})
}
