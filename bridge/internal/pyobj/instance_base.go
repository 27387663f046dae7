package pyobj

// Instances of user subclasses of list, tuple, str, int and float.
//
// gpython's instances of such a subclass were *py.Type values, and the
// builtin's methods (list.append, …) fail on them ("interface conversion:
// py.Object is *py.Type, not *py.List"); gpython's own values cannot carry a
// subclass. A *BaseInstance holds the builtin value (base) next to the
// instance's attributes: the class's dunders win, the base answers the rest
// (Instance's fallbacks), and attribute lookup binds the builtin types'
// methods to the base, the user classes' methods to the instance.

import (
	"reflect"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// BaseInstance is an instance of a user subclass of a builtin value type.
type BaseInstance struct {
	Instance
}

// baseKinds are the builtin types whose subclasses make *BaseInstance values.
func baseKind(t *py.Type) bool {
	switch t {
	case py.ListType, py.TupleType, py.StringType, py.IntType, py.FloatType:
		return true
	}
	return false
}

// usesBaseInstances reports whether the user class cls, whose first Go base
// is base, makes *BaseInstance values (namedtuple classes keep their values
// in attributes: plain *Instance values).
func usesBaseInstances(cls, base *py.Type) bool {
	return base != nil && baseKind(base) && (base != py.TupleType || userLookup(cls, "_fields") == nil)
}

// useBaseInstances makes cls, a user subclass of the builtin base, create
// *BaseInstance values.
func useBaseInstances(cls *py.Type, base *py.Type) {
	cls.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		var v py.Object
		if base == py.ListType {
			// Filled by __init__ (list's or the class's through super()).
			v = py.NewList()
		} else {
			var err error
			if userLookup(t, "__init__") != nil {
				// The class's __init__ takes the arguments; the value is
				// made from the first, as CPython's immutable types do when
				// __new__ is not overridden.
				args, kwargs = args[:min(len(args), 1)], nil
			}
			v, err = base.New(base, args, kwargs)
			if err != nil {
				return nil, err
			}
		}
		b := &BaseInstance{Instance{Inst: t.Alloc(), Base: v}}
		b.outer = b
		return b, nil
	}
	cls.Init = func(self py.Object, args py.Tuple, kwargs py.StringDict) error {
		if userLookup(self.Type(), "__init__") != nil {
			return instanceInit(self, args, kwargs)
		}
		if b, ok := self.(*BaseInstance); ok && base == py.ListType {
			return listInit(b.Base.(*py.List), args, kwargs)
		}
		return nil
	}
}

// listInit is list.__init__(iterable=()).
func listInit(l *py.List, args py.Tuple, kwargs py.StringDict) error {
	a, err := listInitSig.Parse(args, kwargs)
	if err != nil {
		return err
	}
	l.Items = l.Items[:0]
	if a.Given("iterable") {
		return l.ExtendSequence(a.Get("iterable"))
	}
	return nil
}

// listInitSig binds list.__init__'s arguments, worded as list()'s.
var listInitSig = pyrt.MustSig("list", "$type, iterable=None, /")

// unwrapBase returns the builtin value of o when o is a *BaseInstance.
func unwrapBase(o py.Object) py.Object {
	if b, ok := o.(*BaseInstance); ok {
		return b.Base
	}
	return o
}

// baseCall calls the Go method M<name> of a builtin value (its operator),
// NotImplemented when it has none.
func baseCall(base py.Object, name string, args ...py.Object) (py.Object, error) {
	m := reflect.ValueOf(base).MethodByName("M" + name)
	if !m.IsValid() || m.Type().NumIn() != len(args) {
		return py.NotImplemented, nil
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = reflect.ValueOf(&a).Elem()
	}
	out := m.Call(in)
	if len(out) != 2 {
		return py.NotImplemented, nil
	}
	err, _ := out[1].Interface().(error)
	if err != nil {
		return nil, err
	}
	res, _ := out[0].Interface().(py.Object)
	if res == nil {
		return py.NotImplemented, nil
	}
	return res, nil
}

// M__getattribute__ looks name up: the instance dict, then the class's MRO,
// binding methods of user classes to the instance and methods of the
// builtin types to the base value; then the class's __getattr__.
func (b *BaseInstance) M__getattribute__(name string) (py.Object, error) {
	if v, ok := b.Inst.Dict[name]; ok {
		return v, nil
	}
	cls := b.Type()
	for _, o := range mroOf(cls) {
		t := o.(*py.Type)
		v, ok := t.Dict[name]
		if !ok {
			continue
		}
		self := py.Object(b)
		if _, user := t.Dict["__module__"]; !user && t != py.ObjectType {
			self = b.Base
		}
		if g, ok := v.(py.I__get__); ok {
			return g.M__get__(self, self.Type())
		}
		return v, nil
	}
	return b.M__getattr__(name)
}

// baseSelf is the object a method found in class t binds to when looked up
// through super() on obj: the builtin value for the builtin types' methods.
func baseSelf(obj py.Object, t *py.Type) py.Object {
	if b, ok := obj.(*BaseInstance); ok {
		if _, user := t.Dict["__module__"]; !user && t != py.ObjectType {
			return b.Base
		}
	}
	return obj
}

// baseAttr carries a *BaseInstance's builtin value in its wire form.
const BaseAttr = "__pypool_base__"

// decodedBase moves the builtin value of a decoded *BaseInstance from its
// attributes to its base.
func DecodedBase(obj py.Object) error {
	b, ok := obj.(*BaseInstance)
	if !ok {
		return nil
	}
	v, ok := b.Inst.Dict[BaseAttr]
	if !ok {
		return py.ExceptionNewf(py.ValueError, "%s instance without its %s value", b.Type().Name, goBase(b.Type()).Name)
	}
	delete(b.Inst.Dict, BaseAttr)
	b.Base = v
	return nil
}

var _ py.I__getattribute__ = (*BaseInstance)(nil)
