package pyobj

// Instances of user classes that define operator dunders.
//
// gpython makes every instance of a user class a *py.Type (Type.Alloc), and
// its operators (py.Add, py.Eq, py.Lt, py.MakeBool, py.MakeInt, …) dispatch
// on Go interfaces (I__add__, I__eq__, …) that *py.Type does not have, so a
// user __add__, __eq__, __lt__ or __bool__ was never called. A class that
// defines (or inherits) one of those gets, from fixClass, a New making an
// *Instance instead: a Go value holding the attributes in a *py.Type (its
// Dict) and implementing the operator interfaces by looking the dunder up in
// the class and calling it with the *Instance as self.
//
// gpython also finds some dunders of plain instances by asserting *py.Type
// (py.TypeCall: __len__, __getitem__, __iter__, __repr__, __getattr__, …);
// the *Instance implements those interfaces too, with the default behaviour
// when the class lacks the dunder. Plain classes (no operator dunders) keep
// making *py.Type instances and cost nothing more.

import (
	"fmt"
	"reflect"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Instance is an instance of a user class defining operator dunders. The
// embedded-by-hand *py.Type holds the instance's attribute dict and class;
// the *Instance itself is the Python object (self).
type Instance struct {
	Inst  *py.Type
	outer py.Object // the *CallableInstance or *BaseInstance embedding this Instance, if any
	Base  py.Object // the builtin value of an instance of a list/tuple/str/int/float subclass
}

// CallableInstance is an Instance of a class that defines __call__.
type CallableInstance struct {
	Instance
}

// operatorDunders are the dunders whose presence makes a class's instances
// *Instance values.
var operatorDunders = []string{
	"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__bool__",
	"__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__divmod__",
	"__matmul__", "__lshift__", "__rshift__", "__and__", "__or__", "__xor__",
	"__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__",
	"__rlshift__", "__rrshift__", "__rand__", "__ror__", "__rxor__",
	"__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__",
	"__ilshift__", "__irshift__", "__iand__", "__ior__", "__ixor__",
	"__neg__", "__pos__", "__abs__", "__invert__", "__int__", "__float__", "__index__", "__complex__",
}

// wantsInstance reports whether instances of the user class cls (whose first
// Go-implemented base is base, nil for none) need to be *Instance values: it
// (or a user base) defines an operator dunder, and it does not redefine
// attribute lookup itself. namedtuple classes derive from tuple but hold
// their values in attributes, so they qualify too.
func wantsInstance(cls *py.Type, base *py.Type) bool {
	if base != nil && (base != py.TupleType || userLookup(cls, "_fields") == nil) {
		return false
	}
	if userLookup(cls, "__getattribute__") != nil {
		return false
	}
	for _, name := range operatorDunders {
		if userLookup(cls, name) != nil {
			return true
		}
	}
	return false
}

// operatorAdded switches a user class that gets an operator dunder after its
// body (a class decorator such as dataclass's order=True, or C.__eq__ = f)
// to *Instance values; instances made before stay plain.
func operatorAdded(cls *py.Type, name string) {
	if len(name) < 5 || name[:2] != "__" || cls.Type() != py.TypeType || fmt.Sprintf("%p", cls.New) != fmt.Sprintf("%p", py.ObjectNew) {
		return // only classes making plain instances (not enums, exceptions, …)
	}
	if _, user := cls.Dict["__module__"]; !user {
		return
	}
	base := goBase(cls)
	if base != nil || !wantsInstance(cls, base) {
		return
	}
	useInstances(cls)
}

// RefreshClass makes the user class cls create *Instance values when it now
// defines an operator dunder it lacked when it was made (a class decorator
// such as dataclass added __eq__, __lt__, __hash__, …); instances made
// before stay plain. It reports false when cls is not a user class.
func RefreshClass(cls *py.Type) bool {
	if !IsClass(cls) {
		return false
	}
	if !isInstanceClass(cls) && wantsInstance(cls, goBase(cls)) {
		useInstances(cls)
	}
	return true
}

// NewBareInstance returns a new instance of the user class cls without
// calling __init__ (enum members are made so): an *Instance when cls defines
// an operator dunder, else a plain one.
func NewBareInstance(cls *py.Type) py.Object {
	if wantsInstance(cls, goBase(cls)) {
		// operator dunders
		return wrapInstance(cls.Alloc(), cls)
	}
	inst := cls.Alloc()
	prepareInstance(inst)
	return inst
}

// useInstances makes cls (a user class whose instances would be *py.Type
// values) create *Instance values.
func useInstances(cls *py.Type) {
	cls.New = instanceNew
	cls.Init = instanceInit
}

// newInstance returns a fresh, empty instance of cls: an *Instance when cls
// uses them, a plain *py.Type otherwise.
func NewInstance(cls *py.Type) py.Object {
	inst := cls.Alloc()
	if usesBaseInstances(cls, goBase(cls)) {
		b := &BaseInstance{Instance{Inst: inst}}
		b.outer = b
		return b
	}
	if !isInstanceClass(cls) {
		prepareInstance(inst)
		return inst
	}
	return wrapInstance(inst, cls)
}

func wrapInstance(inst *py.Type, cls *py.Type) py.Object {
	if userLookup(cls, "__call__") != nil {
		c := &CallableInstance{Instance{Inst: inst}}
		c.outer = c
		return c
	}
	return &Instance{Inst: inst}
}

// isInstanceClass reports whether cls makes *Instance values.
func isInstanceClass(cls *py.Type) bool {
	return fmt.Sprintf("%p", cls.New) == fmt.Sprintf("%p", instanceNew)
}

func instanceNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return wrapInstance(t.Alloc(), t), nil
}

// instanceInit runs the class's __init__ (gpython's ObjectInit only does for
// *py.Type instances).
func instanceInit(self py.Object, args py.Tuple, kwargs py.StringDict) error {
	init := userLookup(self.Type(), "__init__")
	if init == nil {
		return nil
	}
	var res py.Object
	var err error
	if f, ok := init.(*py.Function); ok {
		res, err = f.M__call__(append(py.Tuple{self}, args...), kwargs)
	} else {
		res, err = py.Call(init, append(py.Tuple{self}, args...), kwargs)
	}
	if err != nil {
		return err
	}
	if res != py.None {
		return py.ExceptionNewf(py.TypeError, "__init__() should return None, not '%s'", pyrt.TypeName(res))
	}
	return nil
}

// AsInstance returns the *py.Type holding the attributes of o when o is an
// instance of a user class (a plain *py.Type instance or an *Instance).
func AsInstance(o py.Object) (*py.Type, bool) {
	switch x := o.(type) {
	case *py.Type:
		if !isPyClass(x) {
			return x, true
		}
	case *Instance:
		return x.Inst, true
	case *CallableInstance:
		return x.Inst, true
	case *BaseInstance:
		return x.Inst, true
	}
	return nil, false
}

// Type returns the instance's class.
func (w *Instance) Type() *py.Type { return w.Inst.ObjectType }

// GetDict returns the instance's attribute dict.
func (w *Instance) GetDict() py.StringDict { return w.Inst.Dict }

// self is the Python object w stands for (a *CallableInstance embeds its
// Instance: methods promoted from Instance must pass the outer value).
func (w *Instance) self() py.Object {
	if w.outer != nil {
		return w.outer
	}
	return w
}

// callDunder calls the dunder fn found in a class with self first.
func callDunder(fn py.Object, self py.Object, args ...py.Object) (py.Object, error) {
	switch f := fn.(type) {
	case *py.Function:
		return f.M__call__(append(py.Tuple{self}, args...), nil)
	case *py.StaticMethod:
		return py.Call(f.Callable, args, nil)
	case *py.ClassMethod:
		return py.Call(f.Callable, append(py.Tuple{self.Type()}, args...), nil)
	}
	if g, ok := fn.(py.I__get__); ok {
		bound, err := g.M__get__(self, self.Type())
		if err != nil {
			return nil, err
		}
		return py.Call(bound, args, nil)
	}
	return py.Call(fn, append(py.Tuple{self}, args...), nil)
}

// dunder calls the class's dunder name with args, or returns
// (nil, false, nil) when the class has none.
func (w *Instance) dunder(name string, args ...py.Object) (py.Object, bool, error) {
	fn := userLookup(w.Inst.ObjectType, name)
	if fn == nil {
		return nil, false, nil
	}
	if fn == py.None {
		return nil, true, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", "NoneType")
	}
	res, err := callDunder(fn, w.self(), args...)
	return res, true, err
}

// binary calls a binary dunder, NotImplemented when the class has none.
func (w *Instance) binary(name string, other py.Object) (py.Object, error) {
	res, ok, err := w.dunder(name, other)
	if !ok {
		if w.Base != nil {
			if t, ok := w.Base.(py.Tuple); ok {
				if o, ok := unwrapBase(other).(py.Tuple); ok && (name == "__add__" || name == "__radd__") {
					// gpython's tuple + tuple misplaces the right operand.
					if name == "__radd__" {
						t, o = o, t
					}
					return append(append(py.Tuple{}, t...), o...), nil
				}
			}
			res, err := baseCall(w.Base, name, unwrapBase(other))
			if err == nil && isIdentical(res, w.Base) {
				res = w.self() // list's in-place operators return self
			}
			return res, err
		}
		return py.NotImplemented, nil
	}
	return res, err
}

// unary calls a unary dunder; op names the operation in the TypeError.
func (w *Instance) unary(name, op string) (py.Object, error) {
	res, ok, err := w.dunder(name)
	if !ok {
		if w.Base != nil {
			if res, err := baseCall(w.Base, name); err != nil || res != py.NotImplemented {
				return res, err
			}
		}
		return nil, py.ExceptionNewf(py.TypeError, "bad operand type for %s: '%s'", op, w.Type().Name)
	}
	return res, err
}

// Arithmetic.

// M__add__ is self + other.
func (w *Instance) M__add__(other py.Object) (py.Object, error) { return w.binary("__add__", other) }

// M__radd__ is other + self.
func (w *Instance) M__radd__(other py.Object) (py.Object, error) { return w.binary("__radd__", other) }

// M__iadd__ is self += other.
func (w *Instance) M__iadd__(other py.Object) (py.Object, error) { return w.binary("__iadd__", other) }

// M__sub__ is self - other.
func (w *Instance) M__sub__(other py.Object) (py.Object, error) { return w.binary("__sub__", other) }

// M__rsub__ is other - self.
func (w *Instance) M__rsub__(other py.Object) (py.Object, error) { return w.binary("__rsub__", other) }

// M__isub__ is self -= other.
func (w *Instance) M__isub__(other py.Object) (py.Object, error) { return w.binary("__isub__", other) }

// M__mul__ is self * other.
func (w *Instance) M__mul__(other py.Object) (py.Object, error) { return w.binary("__mul__", other) }

// M__rmul__ is other * self.
func (w *Instance) M__rmul__(other py.Object) (py.Object, error) { return w.binary("__rmul__", other) }

// M__imul__ is self *= other.
func (w *Instance) M__imul__(other py.Object) (py.Object, error) { return w.binary("__imul__", other) }

// M__truediv__ is self / other.
func (w *Instance) M__truediv__(other py.Object) (py.Object, error) {
	return w.binary("__truediv__", other)
}

// M__rtruediv__ is other / self.
func (w *Instance) M__rtruediv__(other py.Object) (py.Object, error) {
	return w.binary("__rtruediv__", other)
}

// M__itruediv__ is self /= other.
func (w *Instance) M__itruediv__(other py.Object) (py.Object, error) {
	return w.binary("__itruediv__", other)
}

// M__floordiv__ is self // other.
func (w *Instance) M__floordiv__(other py.Object) (py.Object, error) {
	return w.binary("__floordiv__", other)
}

// M__rfloordiv__ is other // self.
func (w *Instance) M__rfloordiv__(other py.Object) (py.Object, error) {
	return w.binary("__rfloordiv__", other)
}

// M__ifloordiv__ is self //= other.
func (w *Instance) M__ifloordiv__(other py.Object) (py.Object, error) {
	return w.binary("__ifloordiv__", other)
}

// M__mod__ is self % other.
func (w *Instance) M__mod__(other py.Object) (py.Object, error) { return w.binary("__mod__", other) }

// M__rmod__ is other % self.
func (w *Instance) M__rmod__(other py.Object) (py.Object, error) { return w.binary("__rmod__", other) }

// M__imod__ is self %= other.
func (w *Instance) M__imod__(other py.Object) (py.Object, error) { return w.binary("__imod__", other) }

// M__pow__ is pow(self, other[, modulo]).
func (w *Instance) M__pow__(other, modulo py.Object) (py.Object, error) {
	if modulo != nil && modulo != py.None {
		res, ok, err := w.dunder("__pow__", other, modulo)
		if !ok {
			return py.NotImplemented, nil
		}
		return res, err
	}
	return w.binary("__pow__", other)
}

// M__rpow__ is other ** self.
func (w *Instance) M__rpow__(other py.Object) (py.Object, error) { return w.binary("__rpow__", other) }

// M__ipow__ is self **= other.
func (w *Instance) M__ipow__(other, modulo py.Object) (py.Object, error) {
	return w.binary("__ipow__", other)
}

// M__divmod__ is divmod(self, other).
func (w *Instance) M__divmod__(other py.Object) (py.Object, py.Object, error) {
	if w.Base != nil && userLookup(w.Inst.ObjectType, "__divmod__") == nil {
		return py.DivMod(w.Base, unwrapBase(other))
	}
	return splitPair(w.binary("__divmod__", other))
}

// M__rdivmod__ is divmod(other, self).
func (w *Instance) M__rdivmod__(other py.Object) (py.Object, py.Object, error) {
	if w.Base != nil && userLookup(w.Inst.ObjectType, "__rdivmod__") == nil {
		return py.DivMod(other, w.Base)
	}
	return splitPair(w.binary("__rdivmod__", other))
}

// splitPair adapts a Python divmod result to gpython's two results.
func splitPair(res py.Object, err error) (py.Object, py.Object, error) {
	if err != nil {
		return nil, nil, err
	}
	if res == py.NotImplemented {
		return res, nil, nil
	}
	t, ok := res.(py.Tuple)
	if !ok || len(t) != 2 {
		return nil, nil, py.ExceptionNewf(py.TypeError, "__divmod__ must return a pair (pypool), not '%s'", pyrt.TypeName(res))
	}
	return t[0], t[1], nil
}

// M__lshift__ is self << other.
func (w *Instance) M__lshift__(other py.Object) (py.Object, error) {
	return w.binary("__lshift__", other)
}

// M__rlshift__ is other << self.
func (w *Instance) M__rlshift__(other py.Object) (py.Object, error) {
	return w.binary("__rlshift__", other)
}

// M__ilshift__ is self <<= other.
func (w *Instance) M__ilshift__(other py.Object) (py.Object, error) {
	return w.binary("__ilshift__", other)
}

// M__rshift__ is self >> other.
func (w *Instance) M__rshift__(other py.Object) (py.Object, error) {
	return w.binary("__rshift__", other)
}

// M__rrshift__ is other >> self.
func (w *Instance) M__rrshift__(other py.Object) (py.Object, error) {
	return w.binary("__rrshift__", other)
}

// M__irshift__ is self >>= other.
func (w *Instance) M__irshift__(other py.Object) (py.Object, error) {
	return w.binary("__irshift__", other)
}

// M__and__ is self & other.
func (w *Instance) M__and__(other py.Object) (py.Object, error) { return w.binary("__and__", other) }

// M__rand__ is other & self.
func (w *Instance) M__rand__(other py.Object) (py.Object, error) { return w.binary("__rand__", other) }

// M__iand__ is self &= other.
func (w *Instance) M__iand__(other py.Object) (py.Object, error) { return w.binary("__iand__", other) }

// M__or__ is self | other.
func (w *Instance) M__or__(other py.Object) (py.Object, error) { return w.binary("__or__", other) }

// M__ror__ is other | self.
func (w *Instance) M__ror__(other py.Object) (py.Object, error) { return w.binary("__ror__", other) }

// M__ior__ is self |= other.
func (w *Instance) M__ior__(other py.Object) (py.Object, error) { return w.binary("__ior__", other) }

// M__xor__ is self ^ other.
func (w *Instance) M__xor__(other py.Object) (py.Object, error) { return w.binary("__xor__", other) }

// M__rxor__ is other ^ self.
func (w *Instance) M__rxor__(other py.Object) (py.Object, error) { return w.binary("__rxor__", other) }

// M__ixor__ is self ^= other.
func (w *Instance) M__ixor__(other py.Object) (py.Object, error) { return w.binary("__ixor__", other) }

// M__neg__ is -self.
func (w *Instance) M__neg__() (py.Object, error) { return w.unary("__neg__", "unary -") }

// M__pos__ is +self.
func (w *Instance) M__pos__() (py.Object, error) { return w.unary("__pos__", "unary +") }

// M__abs__ is abs(self).
func (w *Instance) M__abs__() (py.Object, error) { return w.unary("__abs__", "abs()") }

// M__invert__ is ~self.
func (w *Instance) M__invert__() (py.Object, error) { return w.unary("__invert__", "unary ~") }

// M__int__ is int(self).
func (w *Instance) M__int__() (py.Object, error) {
	res, ok, err := w.dunder("__int__")
	if !ok && w.Base != nil {
		return py.MakeInt(w.Base)
	}
	if !ok {
		if res, ok, err = w.dunder("__index__"); !ok {
			return nil, py.ExceptionNewf(py.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", w.Type().Name)
		}
	}
	if err != nil {
		return nil, err
	}
	if !isIntValue(res) {
		return nil, py.ExceptionNewf(py.TypeError, "__int__ returned non-int (type %s)", pyrt.TypeName(res))
	}
	return res, nil
}

// M__float__ is float(self).
func (w *Instance) M__float__() (py.Object, error) {
	res, ok, err := w.dunder("__float__")
	if !ok && w.Base != nil {
		return py.MakeFloat(w.Base)
	}
	if !ok {
		if res, ok, err = w.dunder("__index__"); !ok {
			return nil, py.ExceptionNewf(py.TypeError, "float() argument must be a string or a real number, not '%s'", w.Type().Name)
		}
		if err == nil && isIntValue(res) {
			return py.MakeFloat(res)
		}
	}
	if err != nil {
		return nil, err
	}
	if _, ok := res.(py.Float); !ok {
		return nil, py.ExceptionNewf(py.TypeError, "%s.__float__ returned non-float (type %s)", w.Type().Name, pyrt.TypeName(res))
	}
	return res, nil
}

// M__complex__ is complex(self).
func (w *Instance) M__complex__() (py.Object, error) { return w.unary("__complex__", "complex()") }

// M__index__ is operator.index(self): list indexes, slices, bin/hex.
func (w *Instance) M__index__() (py.Int, error) {
	res, ok, err := w.dunder("__index__")
	if !ok && w.Base != nil {
		return py.Index(w.Base)
	}
	if !ok {
		return 0, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", w.Type().Name)
	}
	if err != nil {
		return 0, err
	}
	switch x := res.(type) {
	case py.Int:
		return x, nil
	case py.Bool:
		return BoolInt(x), nil
	}
	return 0, py.ExceptionNewf(py.TypeError, "__index__ returned non-int (type %s)", pyrt.TypeName(res))
}

// identityHash is the default hash of an object: its address.
func identityHash(p *py.Type) int64 {
	a := int64(reflect.ValueOf(p).Pointer())
	return fixHash(a>>4 | a<<60)
}

func isIntValue(o py.Object) bool {
	switch o.(type) {
	case py.Int, py.Bool, *py.BigInt:
		return true
	}
	return false
}

// Comparisons.

// M__eq__ is self == other: the class's __eq__, else the other's reflected,
// else identity.
func (w *Instance) M__eq__(other py.Object) (py.Object, error) {
	res, ok, err := w.dunder("__eq__", other)
	if err != nil {
		return nil, err
	}
	if ok && res != py.NotImplemented {
		return res, nil
	}
	if !ok && w.Base != nil {
		return py.Eq(w.Base, unwrapBase(other))
	}
	if o := asWrapped(other); o != nil && o != w {
		res, ok, err := o.dunder("__eq__", w.self())
		if err != nil {
			return nil, err
		}
		if ok && res != py.NotImplemented {
			return res, nil
		}
	}
	return py.NewBool(sameInstance(w, other)), nil
}

// M__ne__ is self != other: the class's __ne__, else the negation of ==.
func (w *Instance) M__ne__(other py.Object) (py.Object, error) {
	res, ok, err := w.dunder("__ne__", other)
	if err != nil {
		return nil, err
	}
	if ok && res != py.NotImplemented {
		return res, nil
	}
	eq, err := w.M__eq__(other)
	if err != nil {
		return nil, err
	}
	t, err := py.MakeBool(eq)
	if err != nil {
		return nil, err
	}
	return py.NewBool(t != py.True), nil
}

// M__lt__ is self < other.
func (w *Instance) M__lt__(other py.Object) (py.Object, error) {
	return w.order("__lt__", "__gt__", "<", other)
}

// M__le__ is self <= other.
func (w *Instance) M__le__(other py.Object) (py.Object, error) {
	return w.order("__le__", "__ge__", "<=", other)
}

// M__gt__ is self > other.
func (w *Instance) M__gt__(other py.Object) (py.Object, error) {
	return w.order("__gt__", "__lt__", ">", other)
}

// M__ge__ is self >= other.
func (w *Instance) M__ge__(other py.Object) (py.Object, error) {
	return w.order("__ge__", "__le__", ">=", other)
}

// order is an ordering comparison: the class's dunder, else (when other is
// an *Instance too) other's reflected one, else CPython's TypeError. With
// other of a Go type, NotImplemented lets gpython try other's reflection.
func (w *Instance) order(name, reflected, op string, other py.Object) (py.Object, error) {
	res, err := w.binary(name, other)
	if err != nil || res != py.NotImplemented {
		return res, err
	}
	o := asWrapped(other)
	if o == nil {
		return py.NotImplemented, nil
	}
	res, err = o.binary(reflected, w.self())
	if err != nil || res != py.NotImplemented {
		return res, err
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' not supported between instances of '%s' and '%s'", op, w.Type().Name, other.Type().Name)
}

// asWrapped returns the *Instance behind o, or nil.
func asWrapped(o py.Object) *Instance {
	switch x := o.(type) {
	case *Instance:
		return x
	case *CallableInstance:
		return &x.Instance
	case *BaseInstance:
		return &x.Instance
	}
	return nil
}

func sameInstance(w *Instance, other py.Object) bool {
	o := asWrapped(other)
	return o != nil && o.Inst == w.Inst
}

// M__hash__ is hash(self): the class's __hash__; unhashable when the class
// sets __hash__ = None (or defines __eq__ without __hash__); else identity.
func (w *Instance) M__hash__() (py.Object, error) {
	fn := userLookup(w.Inst.ObjectType, "__hash__")
	if fn == py.None {
		return nil, unhashable(w)
	}
	if fn == nil {
		if w.Base != nil {
			h, err := Hash(w.Base)
			return py.Int(h), err
		}
		return py.Int(identityHash(w.Inst)), nil
	}
	res, err := callDunder(fn, w.self())
	if err != nil {
		return nil, err
	}
	if !isIntValue(res) {
		return nil, py.ExceptionNewf(py.TypeError, "__hash__ method should return an integer")
	}
	return res, nil
}

// Truth, containers, iteration.

// M__bool__ is bool(self): __bool__, else __len__() != 0, else True.
func (w *Instance) M__bool__() (py.Object, error) {
	if res, ok, err := w.dunder("__bool__"); ok {
		if err != nil {
			return nil, err
		}
		if b, ok := res.(py.Bool); ok {
			return b, nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "__bool__ should return bool, returned %s", pyrt.TypeName(res))
	}
	if res, ok, err := w.dunder("__len__"); ok {
		if err != nil {
			return nil, err
		}
		n, err := py.Index(res)
		if err != nil {
			return nil, err
		}
		return py.NewBool(n != 0), nil
	}
	if w.Base != nil {
		return py.MakeBool(w.Base)
	}
	return py.True, nil
}

// M__len__ is len(self).
func (w *Instance) M__len__() (py.Object, error) {
	res, ok, err := w.dunder("__len__")
	if !ok && w.Base != nil {
		return py.Len(w.Base)
	}
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "object of type '%s' has no len()", w.Type().Name)
	}
	return res, err
}

// M__contains__ is item in self: __contains__, else a scan of iter(self).
func (w *Instance) M__contains__(item py.Object) (py.Object, error) {
	if res, ok, err := w.dunder("__contains__", item); ok {
		if err != nil {
			return nil, err
		}
		return py.MakeBool(res)
	}
	if w.Base != nil {
		in, err := py.SequenceContains(w.Base, item)
		return py.NewBool(in), err
	}
	it, err := w.M__iter__()
	if err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "argument of type '%s' is not iterable", w.Type().Name)
	}
	found := false
	var loopErr error
	err = py.Iterate(it, func(x py.Object) bool {
		var eq bool
		eq, loopErr = Equal(x, item)
		found = eq
		return eq || loopErr != nil
	})
	if err == nil {
		err = loopErr
	}
	if err != nil {
		return nil, err
	}
	return py.NewBool(found), nil
}

// M__iter__ is iter(self): __iter__, else iteration by __getitem__.
func (w *Instance) M__iter__() (py.Object, error) {
	if res, ok, err := w.dunder("__iter__"); ok {
		return res, err
	}
	if w.Base != nil {
		return py.Iter(w.Base)
	}
	if userLookup(w.Inst.ObjectType, "__getitem__") != nil {
		return py.NewIterator(w.self()), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not iterable", w.Type().Name)
}

// M__next__ is next(self).
func (w *Instance) M__next__() (py.Object, error) {
	res, ok, err := w.dunder("__next__")
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not an iterator", w.Type().Name)
	}
	return res, err
}

// M__getitem__ is self[key].
func (w *Instance) M__getitem__(key py.Object) (py.Object, error) {
	res, ok, err := w.dunder("__getitem__", key)
	if !ok && w.Base != nil {
		return py.GetItem(w.Base, key)
	}
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not subscriptable", w.Type().Name)
	}
	return res, err
}

// M__setitem__ is self[key] = value.
func (w *Instance) M__setitem__(key, value py.Object) (py.Object, error) {
	res, ok, err := w.dunder("__setitem__", key, value)
	if !ok && w.Base != nil {
		return py.SetItem(w.Base, key, value)
	}
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object does not support item assignment", w.Type().Name)
	}
	return res, err
}

// M__delitem__ is del self[key].
func (w *Instance) M__delitem__(key py.Object) (py.Object, error) {
	res, ok, err := w.dunder("__delitem__", key)
	if !ok && w.Base != nil {
		return py.DelItem(w.Base, key)
	}
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object doesn't support item deletion", w.Type().Name)
	}
	return res, err
}

// Attributes. Lookup itself is gpython's (instance dict, then the class
// with descriptors bound to the *Instance); these add what it would find
// for a *py.Type instance through py.TypeCall.

// M__getattr__ is called when normal lookup fails.
func (w *Instance) M__getattr__(name string) (py.Object, error) {
	if res, ok, err := w.dunder("__getattr__", py.String(name)); ok {
		return res, err
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", w.Type().Name, name)
}

// M__setattr__ is self.name = value.
func (w *Instance) M__setattr__(name string, value py.Object) (py.Object, error) {
	if res, ok, err := w.dunder("__setattr__", py.String(name), value); ok {
		return res, err
	}
	w.Inst.Dict[name] = value
	return py.None, nil
}

// M__delattr__ is del self.name.
func (w *Instance) M__delattr__(name string) (py.Object, error) {
	if res, ok, err := w.dunder("__delattr__", py.String(name)); ok {
		return res, err
	}
	if _, ok := w.Inst.Dict[name]; !ok {
		return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", w.Type().Name, name)
	}
	delete(w.Inst.Dict, name)
	return py.None, nil
}

// M__repr__ is repr(self).
func (w *Instance) M__repr__() (py.Object, error) {
	if res, ok, err := w.dunder("__repr__"); ok {
		return res, err
	}
	if w.Base != nil {
		s, err := Repr(w.Base)
		return py.String(s), err
	}
	return py.String(fmt.Sprintf("<%s object at %p>", qualifiedName(w.Type()), w.Inst)), nil
}

// M__str__ is str(self).
func (w *Instance) M__str__() (py.Object, error) {
	if res, ok, err := w.dunder("__str__"); ok {
		return res, err
	}
	if w.Base != nil {
		if _, isStr := w.Base.(py.String); isStr || userLookup(w.Inst.ObjectType, "__repr__") == nil {
			s, err := Str(w.Base)
			return py.String(s), err
		}
	}
	return w.M__repr__()
}

// M__call__ is self(...).
func (c *CallableInstance) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	fn := userLookup(c.Inst.ObjectType, "__call__")
	if fn == nil {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", c.Type().Name)
	}
	if f, ok := fn.(*py.Function); ok {
		return f.M__call__(append(py.Tuple{c}, args...), kwargs)
	}
	bound, err := py.GetAttrString(c, "__call__")
	if err != nil {
		return nil, err
	}
	return py.Call(bound, args, kwargs)
}

var (
	_ py.I__add__     = (*Instance)(nil)
	_ py.I__eq__      = (*Instance)(nil)
	_ py.I__lt__      = (*Instance)(nil)
	_ py.I__bool__    = (*Instance)(nil)
	_ py.I__hash__    = (*Instance)(nil)
	_ py.I__getattr__ = (*Instance)(nil)
	_ py.IGetDict     = (*Instance)(nil)
	_ py.I__call__    = (*CallableInstance)(nil)
	_ py.I__divmod__  = (*Instance)(nil)
	_ py.I__index__   = (*Instance)(nil)
)
