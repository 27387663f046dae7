// Package enum is the Go half of Python's enum module (pylib/enum.py,
// loaded by pyobj's pylib loader): enum.EnumType, the metaclass of
// enum.Enum, in Go, since gpython takes no Python metaclasses. Making a class
// whose base is an Enum runs EnumType's New: the class is made as type()
// makes it, then the Python side (Enum._pp_setup_) turns the body's plain
// values into members, in the order the body assigned them. The class then
// answers iteration, len(), `in`, cls[name], cls(value) (lookup, not
// construction) and its repr `<enum 'Color'>` through EnumType's methods,
// which call back into enum.py.
//
// The order of the body's names comes from the class body's code (co_names
// is first-use order): the class builder asks EnumType's registered
// pyobj.Metaclass (classBodyOrder) to put it in ns["__pp_order__"]. The same
// registration lets the wire encoder send members as getattr(class, name)
// and enum classes of __main__ with their members' plain values.
//
// It registers _pypool_enum with gpython and EnumType with
// pyobj.RegisterMetaclass from its init, and readies EnumType with
// pyrt.OnInstall; the facade (bridge) imports it for that effect. It imports
// gpython, bridge/pyrt and bridge/internal/pyobj (the Metaclass registry,
// instances, class fixes) and nothing above them.
package enum

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// enumType is enum.EnumType.
var enumType = py.TypeType.NewType("EnumType", "Metaclass for Enum", enumTypeNew, nil)

const orderKey = "__pp_order__"

// classBodyOrder stores the names a class body deriving from an enum uses,
// in first-use order, as ns[__pp_order__].
func classBodyOrder(code *py.Code, ns py.StringDict) {
	names := make(py.Tuple, len(code.Names))
	for i, n := range code.Names {
		names[i] = py.String(n)
	}
	ns[orderKey] = names
}

// enumTypeSig is EnumType's (the class statement passes __pp_attrs__).
var enumTypeSig = pyrt.MustSig("EnumType", "name, bases, namespace, /, *, __pp_attrs__=None")

func enumTypeNew(mt *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := enumTypeSig.Parse(args, kwargs)
	if err != nil {
		return nil, err
	}
	args = py.Tuple{a.Get("name"), a.Get("bases"), a.Get("namespace")}
	var ns py.StringDict
	switch d := args[2].(type) {
	case py.StringDict:
		ns = d
	case pyobj.DictLike:
		ns = py.NewStringDict()
		for _, it := range d.AsDict().Items() {
			k, ok := it.Key.(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "EnumType() namespace keys must be strings")
			}
			ns[string(k)] = it.Value
		}
		args = py.Tuple{args[0], args[1], ns}
	default:
		return nil, py.ExceptionNewf(py.TypeError, "EnumType() namespace must be a dict")
	}
	order, _ := ns[orderKey].(py.Tuple)
	delete(ns, orderKey)
	delete(ns, "__slots__")
	if order == nil {
		// made by a call (functional API): the namespace's own names
		for k := range ns {
			order = append(order, py.String(k))
		}
	}
	obj, err := py.TypeNew(mt, args, nil)
	if err != nil {
		return nil, err
	}
	cls := obj.(*py.Type)
	pyobj.FixClass(cls, nil)
	if setup, err := py.GetAttrString(cls, "_pp_setup_"); err == nil {
		if _, err := py.Call(setup, py.Tuple{cls, order}, nil); err != nil {
			return nil, err
		}
	}
	cls.New = enumCall
	cls.Init = func(py.Object, py.Tuple, py.StringDict) error { return nil }
	return cls, nil
}

// enumCall is Color(value): the member with that value (or, for an enum
// without members, the functional API Enum('Name', 'A B')).
func enumCall(cls *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	fn, err := py.GetAttrString(cls, "_pp_call_")
	if err != nil {
		return nil, err
	}
	return py.Call(fn, args, kwargs)
}

// enumDelegate installs the metaclass method name (self: the enum class;
// its one argument, if arg) that calls the class's Python classmethod
// pyName.
func enumDelegate(name, pyName string, arg bool) {
	spec := "$self"
	if arg {
		spec = "$self, arg, /"
	}
	pyrt.Method(enumType, "EnumType."+name, spec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
		var rest py.Tuple
		if arg {
			rest = py.Tuple{a.Get("arg")}
		}
		fn, err := py.GetAttrString(self, pyName)
		if err != nil {
			return nil, err
		}
		return py.Call(fn, rest, nil)
	})
}

func newMember(_ py.Object, a *pyrt.Args) (py.Object, error) {
	cls, ok := a.Get("cls").(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "new_member(cls): cls must be a class")
	}
	return pyobj.NewBareInstance(cls), nil
}

func init() {
	pyobj.RegisterMetaclass(enumType, &pyobj.Metaclass{
		BodyOrder:     classBodyOrder,
		Filled:        enumBodyFilled,
		SendNamespace: enumNamespace,
		MemberName:    memberName,
	})
	pyrt.OnInstall(pyrt.InstallCompat, "mod_enum", func() {
		enumType.Dict["__module__"] = py.String("enum")
		enumType.Bases = py.Tuple{py.TypeType}
		pyrt.MustReady(enumType)
		enumDelegate("__iter__", "_pp_iter_", false)
		enumDelegate("__len__", "_pp_len_", false)
		enumDelegate("__contains__", "_pp_contains_", true)
		enumDelegate("__getitem__", "_pp_getitem_", true)
		enumDelegate("__repr__", "_pp_class_repr_", false)
		enumDelegate("__str__", "_pp_class_repr_", false)
	})
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_pypool_enum", Doc: "Go support for the enum module."},
		Methods: []*py.Method{
			pyrt.Func("new_member", "cls, /", newMember), // a new instance of cls, without __init__,
		},
		Globals: py.StringDict{"EnumType": enumType},
	})
}

// Enum classes and members across the process boundary: a member travels
// as getattr(its class, name), so the receiver's member is the receiver's
// own object (identity holds, as pickle's Color(value) gives); a class
// defined in __main__ travels with its members' plain values and their
// order (__pp_order__), and the receiver makes the members when the
// namespace is filled in (enumBodyFilled).

// memberName is the name x travels under when it is an enum member.
func memberName(x *py.Type) (string, bool) {
	name, ok := x.Dict["_name_"].(py.String)
	return string(name), ok
}

// enumNamespace replaces, in the namespace of enum class t about to be
// sent, the members by their values and the member tables by the order.
func enumNamespace(t *py.Type, ns py.StringDict) {
	if t.Type() != enumType {
		return
	}
	names, _ := t.Dict["_member_names_"].(*py.List)
	if names == nil {
		return
	}
	var order py.Tuple
	for _, n := range names.Items {
		order = append(order, n)
	}
	for k, v := range ns {
		if m := memberOf(v, t); m != nil {
			ns[k] = m.Dict["_value_"]
			if m.Dict["_name_"] != py.String(k) {
				order = append(order, py.String(k)) // an alias
			}
		}
	}
	for _, k := range []string{"_member_names_", "_member_map_", "_value2member_map_", "__members__"} {
		delete(ns, k)
	}
	ns[orderKey] = order
}

// memberOf returns the attribute dict holder of v when v is an instance of
// cls (a member: a plain instance or an *Instance, as newMember makes them).
func memberOf(v py.Object, cls *py.Type) *py.Type {
	inst, ok := pyobj.AsInstance(v)
	if !ok || inst.Type() != cls {
		return nil
	}
	return inst
}

// enumBodyFilled makes the members of an enum class rebuilt from a wire
// value, once its namespace is in place.
func enumBodyFilled(cls *py.Type) error {
	if cls.Type() != enumType {
		return nil
	}
	order, ok := cls.Dict[orderKey].(py.Tuple)
	if !ok {
		return nil
	}
	delete(cls.Dict, orderKey)
	setup, err := py.GetAttrString(cls, "_pp_setup_")
	if err != nil {
		return err
	}
	cls.New = enumCall
	cls.Init = func(py.Object, py.Tuple, py.StringDict) error { return nil }
	_, err = py.Call(setup, py.Tuple{cls, order}, nil)
	return err
}
