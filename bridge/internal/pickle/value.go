package pickle

// Python ⇄ wire values: the one place that converts Python objects to the
// values that cross a process boundary (package pool/wire) and back.
//
// Host-visible mapping (Python → wire → Python):
//
//	None                   nil                 None
//	bool                   bool                bool
//	int                    int64 / *big.Int    int (big outside int64)
//	float                  float64             float
//	complex                complex128          complex
//	str                    string              str
//	bytes                  []byte              bytes
//	list                   wire.List           list
//	tuple                  wire.Tuple          tuple
//	dict                   *wire.Dict          dict, insertion order kept (a
//	                                           gpython StringDict is sent
//	                                           sorted by key)
//	dict subclass          tagged              the same class (Counter,
//	  instance                                 OrderedDict, defaultdict with
//	                                           its factory, __main__ ones)
//	set / frozenset        wire.Set/FrozenSet  set / frozenset
//	exception              *wire.Exception     the same exception type and args
//	builtins, functions    wire.Ref            the same object, imported by name
//	  and classes of an                        (the worker's sys.path is the
//	  importable module                        parent's)
//	module                 tagged              the module, imported by name
//	__main__ function,     tagged              a rebuilt function (by value,
//	  lambda, closure                          see funcvalue.go)
//	__main__ class         tagged              the receiver's class of that
//	                                           name, else rebuilt by value
//	__main__ instance      tagged              a new instance (class, then
//	                                           __dict__; __init__ not called)
//	bound method           tagged              getattr(receiver, name)
//	property, staticmethod,tagged              the same, rebuilt
//	  classmethod
//	functools.partial      tagged              functools.partial(func, *args, **kw)
//
// "tagged" values are bridge-defined: a wire.Tuple whose first item is a
// wire.Ext with Code >= 32 and no data (see value_tags.go). The bridge never
// produces a bare Ext in any other place, so such tuples are unambiguous.
//
// Anything else fails with a TypeError naming the type, worded as CPython's
// pickle error: "cannot pickle '_thread.lock' object" (but see
// value_fresh.go for locks that are globals of a shipped function). A list,
// dict, set or tuple that contains itself fails with a ValueError (msgpack
// has no references); functions, classes and instances may refer to
// themselves (recursion, back-pointers): they are sent once per value and
// referred to after. Shared plain containers arrive as separate copies.

import (
	"fmt"
	"math/big"
	"reflect"
	"sort"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// maxValueDepth caps the nesting of a converted value at Python's recursion
// limit, as pickle's recursion does (a deeper value is a RecursionError), and
// below what the wire decoder accepts (a message wraps the value in a few
// levels of its own).
const maxValueDepth = min(pyrt.RecursionLimit, wire.MaxDepth-16)

// ToWire converts a Python object into a wire value, for sending to a worker
// process (or from one). Functions, classes and instances defined in
// __main__ travel by value; builtins and objects of importable modules by
// reference. An object that cannot travel gives a TypeError
// ("cannot pickle 'X' object"). The caller holds the GIL.
func ToWire(obj py.Object) (wire.Value, error) {
	if v, ok := wireIntOf(obj); ok {
		return v, nil
	}
	switch x := obj.(type) { // scalars need no encoder state
	case py.Int:
		return int64(x), nil
	case py.String:
		return string(x), nil
	case py.Float:
		return float64(x), nil
	case py.NoneType:
		return nil, nil
	case py.Bool:
		return bool(x), nil
	}
	e := newEncoder()
	return e.encode(obj)
}

// FromWire converts a wire value into a Python object of interp. Functions
// and classes shipped by value are rebuilt in interp; __main__ classes are
// looked up by name in interp's __main__ first, as pickle does. In a worker
// (the "py" runtime's interpreter) shipped __main__ globals fill names that
// its __main__ does not hold yet; elsewhere __main__ is never written. The
// caller holds interp's GIL.
func FromWire(interp *pyrt.Interp, v wire.Value) (py.Object, error) {
	if o, ok := pyIntOf(v); ok {
		return o, nil
	}
	switch x := v.(type) { // scalars need no decoder state
	case int64:
		return py.Int(x), nil
	case string:
		return py.String(x), nil
	case float64:
		return py.Float(x), nil
	case nil:
		return py.None, nil
	case bool:
		return py.NewBool(x), nil
	}
	d := NewDecoder(interp)
	return d.decode(v)
}

// encoder converts one value; it remembers the containers on the current
// path (cycle detection) and the functions, classes and instances already
// sent (so they are sent once and referred to afterwards).
type encoder struct {
	path  map[uintptr]bool
	memo  map[py.Object]int64
	next  int64
	depth int
}

func newEncoder() *encoder {
	return &encoder{}
}

// cannotPickle is CPython's pickling error for an object of type t.
func cannotPickle(obj py.Object) error {
	return py.ExceptionNewf(py.TypeError, "cannot pickle '%s' object", typeName(obj))
}

// typeName is the qualified type name CPython shows in pickling errors.
func typeName(obj py.Object) string {
	t := obj.Type()
	if t == nil {
		return fmt.Sprintf("%T", obj)
	}
	name := t.Name
	if t.Qualname != "" {
		name = t.Qualname
	}
	if t.Dict != nil {
		if m, ok := t.Dict["__module__"].(py.String); ok && m != "builtins" && m != "" {
			return string(m) + "." + name
		}
	}
	return t.Name
}

// remember gives obj (a function, class or instance being sent) its id.
func (e *encoder) remember(obj py.Object) int64 {
	if e.memo == nil {
		e.memo = map[py.Object]int64{}
	}
	id := e.next
	e.next++
	e.memo[obj] = id
	return id
}

func (e *encoder) enter(key uintptr, kind string) error {
	e.depth++
	if e.depth > maxValueDepth {
		return py.ExceptionNewf(pyrt.RecursionError, "maximum recursion depth exceeded while pickling an object")
	}
	if key != 0 {
		if e.path == nil {
			e.path = map[uintptr]bool{}
		}
		if e.path[key] {
			return py.ExceptionNewf(py.ValueError, "cannot send a %s that contains itself to another process (pypool does not carry reference cycles in plain containers)", kind)
		}
		e.path[key] = true
	}
	return nil
}

func (e *encoder) leave(key uintptr) {
	e.depth--
	if key != 0 {
		delete(e.path, key)
	}
}

func (e *encoder) encode(obj py.Object) (wire.Value, error) {
	switch x := obj.(type) {
	case nil:
		return nil, py.ExceptionNewf(py.SystemError, "cannot send a NULL object")
	case py.NoneType:
		return nil, nil
	case py.Bool:
		return bool(x), nil
	case py.Int:
		if v, ok := wireIntOf(obj); ok {
			return v, nil
		}
		return int64(x), nil
	case *py.BigInt:
		b := (*big.Int)(x)
		if b.IsInt64() {
			return b.Int64(), nil
		}
		return new(big.Int).Set(b), nil
	case py.Float:
		return float64(x), nil
	case py.Complex:
		return complex128(x), nil
	case py.String:
		return string(x), nil
	case py.Bytes:
		return append([]byte{}, x...), nil
	case pyobj.Bytes:
		return append([]byte{}, x...), nil
	case *py.List:
		key := reflect.ValueOf(x).Pointer()
		if err := e.enter(key, "list"); err != nil {
			return nil, err
		}
		defer e.leave(key)
		out := make(wire.List, len(x.Items))
		for i, it := range x.Items {
			v, err := e.encode(it)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case py.Tuple:
		if err := e.enter(0, "tuple"); err != nil {
			return nil, err
		}
		defer e.leave(0)
		out, err := e.encodeItems(x)
		if err != nil {
			return nil, err
		}
		return wire.Tuple(out), nil
	case py.StringDict:
		key := reflect.ValueOf(x).Pointer()
		if err := e.enter(key, "dict"); err != nil {
			return nil, err
		}
		defer e.leave(key)
		return e.encodeStringDict(x)
	case *pyobj.Dict:
		if x.Typ != nil && x.Typ != pyobj.DictType {
			return e.encodeDictSubclass(x)
		}
		return e.encodeDict(x)
	case *pyobj.FrozenSet:
		items, err := e.ourSetItems(&x.Set)
		if err != nil {
			return nil, err
		}
		return wire.FrozenSet(items), nil
	case *pyobj.Set:
		items, err := e.ourSetItems(x)
		if err != nil {
			return nil, err
		}
		return wire.Set(items), nil
	case *py.Set:
		items, err := e.setItems(x)
		if err != nil {
			return nil, err
		}
		return wire.Set(items), nil
	case *py.FrozenSet:
		items, err := e.setItems(&x.Set)
		if err != nil {
			return nil, err
		}
		return wire.FrozenSet(items), nil
	case *py.Exception:
		return e.encodeException(x)
	case *py.Module:
		name, _ := x.Globals["__name__"].(py.String)
		if name == "" || name == "__main__" {
			return nil, cannotPickle(obj)
		}
		return tagged(tagModule, string(name)), nil
	case py.EllipsisType:
		return tagged(tagEllipsis), nil
	case *pyobj.ByteArray:
		return tagged(tagByteArray, append([]byte{}, x.B...)), nil
	case *py.Range:
		return tagged(tagRange, int64(x.Start), int64(x.Stop), int64(x.Step)), nil
	case *py.Function:
		return e.encodeFunction(x)
	case *py.Code:
		return e.encodeCode(x)
	case *py.Method:
		return e.encodeMethod(x)
	case *py.BoundMethod:
		return e.encodeBoundMethod(x)
	case *py.StaticMethod:
		c, err := e.encode(x.Callable)
		if err != nil {
			return nil, err
		}
		return tagged(tagStaticMethod, c), nil
	case *py.ClassMethod:
		c, err := e.encode(x.Callable)
		if err != nil {
			return nil, err
		}
		return tagged(tagClassMethod, c), nil
	case *pyobj.Property:
		return e.encodeProperty(x)
	case *pyobj.ExcAttr:
		return tagged(tagExcAttr, x.Name), nil
	case *py.Type:
		if pyobj.IsClass(x) {
			return e.encodeClass(x)
		}
		return e.encodeInstance(x)
	case *pyobj.Instance:
		return e.encodeInstance(x.Inst)
	case *pyobj.CallableInstance:
		return e.encodeInstance(x.Inst)
	case *pyobj.BaseInstance:
		// The builtin value travels as a hidden attribute.
		x.Inst.Dict[pyobj.BaseAttr] = x.Base
		defer delete(x.Inst.Dict, pyobj.BaseAttr)
		return e.encodeInstance(x.Inst)
	}
	// Subclasses of dict and set (defaultdict, Counter, …) arrive as dict
	// and set.
	if d, ok := obj.(pyobj.DictLike); ok {
		return e.encodeDict(d.AsDict())
	}
	if s, ok := obj.(pyobj.SetLike); ok {
		items, err := e.ourSetItems(s.AsSet())
		if err != nil {
			return nil, err
		}
		return wire.Set(items), nil
	}
	if v, ok, err := e.encodeHandle(obj); ok {
		return v, err
	}
	if v, ok, err := e.encodeByProtocol(obj); ok {
		return v, err
	}
	return nil, cannotPickle(obj)
}

func (e *encoder) encodeItems(items []py.Object) ([]wire.Value, error) {
	out := make([]wire.Value, len(items))
	for i, it := range items {
		v, err := e.encode(it)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// encodeStringDict sends a gpython dict; its keys are sorted, since a Go map
// has no order.
func (e *encoder) encodeStringDict(d py.StringDict) (*wire.Dict, error) {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := &wire.Dict{Items: make([]wire.KV, len(keys))}
	for i, k := range keys {
		v, err := e.encode(d[k])
		if err != nil {
			return nil, err
		}
		out.Items[i] = wire.KV{Key: k, Value: v}
	}
	return out, nil
}

// encodeDict sends the project's dict, in insertion order.
func (e *encoder) encodeDict(d *pyobj.Dict) (*wire.Dict, error) {
	key := reflect.ValueOf(d).Pointer()
	if err := e.enter(key, "dict"); err != nil {
		return nil, err
	}
	defer e.leave(key)
	items := d.Items()
	out := &wire.Dict{Items: make([]wire.KV, len(items))}
	for i, it := range items {
		k, err := e.encode(it.Key)
		if err != nil {
			return nil, err
		}
		v, err := e.encode(it.Value)
		if err != nil {
			return nil, err
		}
		out.Items[i] = wire.KV{Key: k, Value: v}
	}
	return out, nil
}

func (e *encoder) ourSetItems(s *pyobj.Set) ([]wire.Value, error) {
	key := reflect.ValueOf(s).Pointer()
	if err := e.enter(key, "set"); err != nil {
		return nil, err
	}
	defer e.leave(key)
	return e.encodeItems(s.Items())
}

func (e *encoder) setItems(s *py.Set) ([]wire.Value, error) {
	key := reflect.ValueOf(s).Pointer()
	if err := e.enter(key, "set"); err != nil {
		return nil, err
	}
	defer e.leave(key)
	var items []py.Object
	if err := py.Iterate(s, func(o py.Object) bool { items = append(items, o); return false }); err != nil {
		return nil, err
	}
	return e.encodeItems(items)
}

// moduleOf is the __module__ of a class ("builtins" for gpython's own types).
func moduleOf(t *py.Type) string {
	if t.Dict != nil {
		if m, ok := t.Dict["__module__"].(py.String); ok {
			return string(m)
		}
	}
	return "builtins"
}

// qualnameOf is a class's qualified name.
func qualnameOf(t *py.Type) string {
	if t.Qualname != "" {
		return t.Qualname
	}
	return t.Name
}

// decoder rebuilds one value in an interpreter.
type decoder struct {
	interp *pyrt.Interp
	ctx    py.Context
	main   py.StringDict // __main__'s namespace (nil: none yet)
	fill   bool          // a worker: shipped globals fill __main__
	memo   map[int64]py.Object
	depth  int
}

func NewDecoder(interp *pyrt.Interp) *decoder {
	d := &decoder{interp: interp}
	if interp != nil {
		d.ctx = interp.Ctx
		if m, err := interp.Ctx.GetModule("__main__"); err == nil {
			d.main = m.Globals
		}
		d.fill = isWorkerInterp(interp)
	}
	return d
}

// remember records a rebuilt function, class or instance under its id.
func (d *decoder) remember(id int64, obj py.Object) {
	if d.memo == nil {
		d.memo = map[int64]py.Object{}
	}
	d.memo[id] = obj
}

func (d *decoder) decode(v wire.Value) (py.Object, error) {
	d.depth++
	if d.depth > wire.MaxDepth {
		d.depth--
		return nil, py.ExceptionNewf(py.ValueError, "received value is nested too deeply")
	}
	o, err := d.decodeOne(v)
	d.depth--
	return o, err
}

func (d *decoder) decodeOne(v wire.Value) (py.Object, error) {
	switch x := v.(type) {
	case nil:
		return py.None, nil
	case bool:
		return py.NewBool(x), nil
	case int64:
		return py.Int(x), nil
	case int:
		return py.Int(x), nil
	case *big.Int:
		if x == nil {
			return nil, errBadValue("nil big int")
		}
		if x.IsInt64() {
			return py.Int(x.Int64()), nil
		}
		return (*py.BigInt)(new(big.Int).Set(x)), nil
	case float64:
		return py.Float(x), nil
	case complex128:
		return py.Complex(x), nil
	case string:
		return py.String(x), nil
	case []byte:
		return pyobj.Bytes(append([]byte{}, x...)), nil
	case wire.List:
		items, err := d.decodeItems(x)
		if err != nil {
			return nil, err
		}
		return &py.List{Items: items}, nil
	case wire.Tuple:
		if tag, ok := tagOf(x); ok {
			return d.decodeTagged(tag, x[1:])
		}
		items, err := d.decodeItems(x)
		if err != nil {
			return nil, err
		}
		return py.Tuple(items), nil
	case *wire.Dict:
		if x == nil {
			return nil, errBadValue("nil dict")
		}
		return d.decodeDict(x)
	case wire.Set:
		items, err := d.decodeItems(x)
		if err != nil {
			return nil, err
		}
		return newSetObject(items)
	case wire.FrozenSet:
		items, err := d.decodeItems(x)
		if err != nil {
			return nil, err
		}
		return newFrozenSetObject(items)
	case *wire.Exception:
		if x == nil {
			return nil, errBadValue("nil exception")
		}
		return d.decodeException(x)
	case wire.Ref:
		return d.resolveRef(x.Module, x.Name)
	case wire.Ext:
		return nil, errBadValue(fmt.Sprintf("stray ext value (code %d)", x.Code))
	}
	return nil, errBadValue(fmt.Sprintf("unknown wire value of Go type %T", v))
}

func (d *decoder) decodeItems(vs []wire.Value) ([]py.Object, error) {
	return d.AppendItems(make([]py.Object, 0, len(vs)), vs)
}

// AppendItems appends vs, converted, to out.
func (d *decoder) AppendItems(out []py.Object, vs []wire.Value) ([]py.Object, error) {
	for _, v := range vs {
		o, ok := pyIntOf(v)
		if !ok {
			var err error
			if o, err = d.decode(v); err != nil {
				return nil, err
			}
		}
		out = append(out, o)
	}
	return out, nil
}

func (d *decoder) decodeDict(x *wire.Dict) (py.Object, error) {
	keys := make([]py.Object, len(x.Items))
	vals := make([]py.Object, len(x.Items))
	for i, kv := range x.Items {
		k, err := d.decode(kv.Key)
		if err != nil {
			return nil, err
		}
		v, err := d.decode(kv.Value)
		if err != nil {
			return nil, err
		}
		keys[i], vals[i] = k, v
	}
	return newDictObject(keys, vals)
}

// decodeStringDict decodes a dict whose keys must be str (namespaces,
// keyword defaults).
func (d *decoder) decodeStringDict(v wire.Value) (py.StringDict, error) {
	if v == nil {
		return nil, nil
	}
	x, ok := v.(*wire.Dict)
	if !ok || x == nil {
		return nil, errBadValue(fmt.Sprintf("expected a dict, got %T", v))
	}
	out := make(py.StringDict, len(x.Items))
	for _, kv := range x.Items {
		k, ok := kv.Key.(string)
		if !ok {
			return nil, errBadValue(fmt.Sprintf("namespace key of type %T", kv.Key))
		}
		o, err := d.decode(kv.Value)
		if err != nil {
			return nil, err
		}
		out[k] = o
	}
	return out, nil
}

// errBadValue reports a wire value the bridge did not produce.
func errBadValue(what string) error {
	return py.ExceptionNewf(py.ValueError, "malformed value from another process: %s", what)
}

// newDictObject makes a Python dict (the project's, any hashable keys) from
// keys and values in order.
func newDictObject(keys, vals []py.Object) (py.Object, error) {
	d := pyobj.NewDictSized(len(keys))
	for i, k := range keys {
		if err := d.Set(k, vals[i]); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// newSetObject and newFrozenSetObject make the project's set and frozenset.
func newSetObject(items []py.Object) (py.Object, error) {
	return pyobj.NewSetFromItems(items)
}

func newFrozenSetObject(items []py.Object) (py.Object, error) {
	s, err := pyobj.NewSetFromItems(items)
	if err != nil {
		return nil, err
	}
	return pyobj.NewFrozenSet(s), nil
}
