package multiprocessing

// multiprocessing.sharedctypes: RawValue, RawArray, Value, Array and the
// Synchronized wrappers over pool/sharedctypes (typed slots in a /dev/shm
// block). They reach child processes by handle: the block's name, type and
// length, and the wrapper's lock.

import (
	"fmt"
	"math/big"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/sharedctypes"
)

const sctModule = "multiprocessing.sharedctypes"

// A pyRaw is a RawValue (a ctypes scalar, type ctypes.c_int…) or a RawArray
// (type multiprocessing.sharedctypes.c_int_Array_N).
type pyRaw struct {
	r   *sharedctypes.Raw
	typ *py.Type
}

func (r *pyRaw) Type() *py.Type { return r.typ }

var (
	rawTypesMu sync.Mutex
	rawTypes   = map[string]*py.Type{} // "c_int" or "c_int_Array_3" → type
)

// rawTypeOf is the Python type of r: made once per ctypes name (and length).
func rawTypeOf(r *sharedctypes.Raw) *py.Type {
	name, module := r.Type().Name, "ctypes"
	if r.IsArray() {
		name, module = fmt.Sprintf("%s_Array_%d", name, r.Len()), sctModule
	}
	rawTypesMu.Lock()
	defer rawTypesMu.Unlock()
	if t := rawTypes[name]; t != nil {
		return t
	}
	base := rawValueBase
	if r.IsArray() {
		base = rawArrayBase
	}
	t := base.NewType(name, "", nil, nil)
	t.Dict["__module__"] = py.String(module)
	t.Qualname = name
	pyrt.MustReady(t)
	rawTypes[name] = t
	return t
}

var (
	rawValueBase = pyrt.NewClass("ctypes", "_SimpleCData", "", nil)
	rawArrayBase = pyrt.NewClass("ctypes", "Array", "", nil)

	synchronizedBase    = pyrt.NewClass(sctModule, "SynchronizedBase", "", nil)
	synchronizedType    = syncSubclassIn(synchronizedBase, sctModule, "Synchronized")
	synchronizedArrType = syncSubclassIn(synchronizedBase, sctModule, "SynchronizedArray")
	synchronizedStrType = syncSubclassIn(synchronizedArrType, sctModule, "SynchronizedString")
)

func syncSubclassIn(base *py.Type, module, name string) *py.Type {
	t := base.NewType(name, "", nil, nil)
	t.Dict["__module__"] = py.String(module)
	t.Qualname = name
	pyrt.MustReady(t)
	return t
}

func newPyRaw(r *sharedctypes.Raw) *pyRaw { return &pyRaw{r: r, typ: rawTypeOf(r)} }

// typecodeOf is typecode_or_type: a typecode string or a ctypes type (by
// its __name__).
func typecodeOf(o py.Object) (string, error) {
	if s, ok := o.(py.String); ok {
		return string(s), nil
	}
	if t, ok := o.(*py.Type); ok {
		return t.Name, nil
	}
	return "", py.ExceptionNewf(py.TypeError, "this type has no size")
}

// toSlot converts a Python value for a slot of type t, as ctypes does.
func toSlot(t sharedctypes.Type, v py.Object) (any, error) {
	switch t.Class {
	case sharedctypes.Signed, sharedctypes.Unsigned:
		switch x := v.(type) {
		case py.Bool:
			if x {
				return int64(1), nil
			}
			return int64(0), nil
		case py.Int:
			return int64(x), nil
		case *py.BigInt:
			b := (*big.Int)(x)
			if b.IsUint64() {
				return b.Uint64(), nil
			}
			return new(big.Int).And(b, new(big.Int).SetUint64(^uint64(0))).Uint64(), nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", pyrt.TypeName(v))
	case sharedctypes.Float:
		switch x := v.(type) {
		case py.Float:
			return float64(x), nil
		case py.Int:
			return float64(x), nil
		case py.Bool:
			if x {
				return 1.0, nil
			}
			return 0.0, nil
		}
		f, err := py.MakeFloat(v)
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "must be real number, not %s", pyrt.TypeName(v))
		}
		return float64(f.(py.Float)), nil
	case sharedctypes.Bool:
		return pyrt.Truth(v), nil
	case sharedctypes.Char:
		if i, ok := v.(py.Int); ok {
			if i < 0 || i > 255 {
				return nil, py.ExceptionNewf(py.TypeError, "one character bytes, bytearray or integer expected")
			}
			return byte(i), nil
		}
		if b, ok := pyobj.BytesLike(v); ok && len(b) == 1 {
			return b[0], nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "one character bytes, bytearray or integer expected")
	case sharedctypes.Wchar:
		if s, ok := v.(py.String); ok && len([]rune(string(s))) == 1 {
			return []rune(string(s))[0], nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "one character unicode string expected")
	}
	return nil, py.ExceptionNewf(py.TypeError, "unsupported slot type")
}

// fromSlot converts a slot's Go value to Python.
func fromSlot(v any) py.Object {
	switch x := v.(type) {
	case int64:
		return py.Int(x)
	case uint64:
		if x <= 1<<63-1 {
			return py.Int(int64(x))
		}
		return (*py.BigInt)(new(big.Int).SetUint64(x))
	case float64:
		return py.Float(x)
	case bool:
		return py.NewBool(x)
	case byte:
		return pyobj.Bytes([]byte{x})
	case rune:
		return py.String(string(x))
	}
	return py.None
}

func rawSelf(self py.Object) *pyRaw { return self.(*pyRaw) }

// rawGet is obj[key] of an array (an int or a slice).
func rawGet(r *sharedctypes.Raw, key py.Object) (py.Object, error) {
	n := r.Len()
	if s, ok := key.(*py.Slice); ok {
		start, _, step, cnt, err := s.GetIndices(n)
		if err != nil {
			return nil, err
		}
		items := make([]py.Object, cnt)
		var bs []byte
		for k := 0; k < cnt; k++ {
			v, err := r.Get(start + k*step)
			if err != nil {
				return nil, syncError(nil, err)
			}
			if b, ok := v.(byte); ok && r.Type().Class == sharedctypes.Char {
				bs = append(bs, b)
			}
			items[k] = fromSlot(v)
		}
		if r.Type().Class == sharedctypes.Char {
			return pyobj.Bytes(bs), nil
		}
		return py.NewListFromItems(items), nil
	}
	i, err := py.IndexInt(key)
	if err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "indices must be integers")
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return nil, py.ExceptionNewf(py.IndexError, "invalid index")
	}
	v, err := r.Get(i)
	if err != nil {
		return nil, syncError(nil, err)
	}
	return fromSlot(v), nil
}

// rawSet is obj[key] = value of an array.
func rawSet(r *sharedctypes.Raw, key, value py.Object) error {
	n := r.Len()
	if s, ok := key.(*py.Slice); ok {
		start, _, step, cnt, err := s.GetIndices(n)
		if err != nil {
			return err
		}
		items, err := itemsOf(value)
		if err != nil {
			return err
		}
		if len(items) != cnt {
			return py.ExceptionNewf(py.ValueError, "Can only assign sequence of same size")
		}
		for k, it := range items {
			v, err := toSlot(r.Type(), it)
			if err != nil {
				return err
			}
			if err := r.Set(start+k*step, v); err != nil {
				return syncError(nil, err)
			}
		}
		return nil
	}
	i, err := py.IndexInt(key)
	if err != nil {
		return py.ExceptionNewf(py.TypeError, "indices must be integers")
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return py.ExceptionNewf(py.IndexError, "invalid index")
	}
	v, err := toSlot(r.Type(), value)
	if err != nil {
		return err
	}
	return syncError(nil, r.Set(i, v))
}

func rawValueGet(r *sharedctypes.Raw) (py.Object, error) {
	if r.IsArray() {
		if r.Type().Class == sharedctypes.Char {
			b, err := r.CharValue()
			return pyobj.Bytes(b), syncError(nil, err)
		}
		return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute 'value'", rawTypeOf(r).Name)
	}
	v, err := r.Value()
	if err != nil {
		return nil, syncError(nil, err)
	}
	return fromSlot(v), nil
}

func rawValueSet(r *sharedctypes.Raw, v py.Object) error {
	if r.IsArray() {
		if r.Type().Class == sharedctypes.Char {
			b, ok := pyobj.BytesLike(v)
			if !ok {
				return py.ExceptionNewf(py.TypeError, "bytes expected instead of %s instance", pyrt.TypeName(v))
			}
			return syncError(nil, r.SetCharValue(b))
		}
		return py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute 'value'", rawTypeOf(r).Name)
	}
	x, err := toSlot(r.Type(), v)
	if err != nil {
		return err
	}
	return syncError(nil, r.SetValue(x))
}

func rawRawGet(r *sharedctypes.Raw) (py.Object, error) {
	b, err := r.RawBytes()
	if err != nil {
		return nil, syncError(nil, err)
	}
	return pyobj.Bytes(b), nil
}

func rawRawSet(r *sharedctypes.Raw, v py.Object) error {
	b, ok := pyobj.BytesLike(v)
	if !ok {
		return py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyrt.TypeName(v))
	}
	return syncError(nil, r.SetRawBytes(b))
}

// rawRepr is ctypes' repr: c_int(5), or <module.c_int_Array_3 object at …>.
func rawRepr(r *pyRaw) (string, error) {
	if r.r.IsArray() {
		return fmt.Sprintf("<%s.%s object at %p>", sctModule, r.typ.Name, r), nil
	}
	v, err := rawValueGet(r.r)
	if err != nil {
		return "", err
	}
	rs, err := pyobj.Repr(v)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s(%s)", r.typ.Name, rs), nil
}

// newRaw is RawValue(typecode, *args) (n < 0) or RawArray(typecode, init).
func newRaw(it *pyrt.Interp, tc py.Object, args py.Tuple, arrayInit py.Object, isArray bool) (*pyRaw, error) {
	code, err := typecodeOf(tc)
	if err != nil {
		return nil, err
	}
	var r *sharedctypes.Raw
	if !isArray {
		if r, err = sharedctypes.RawValue(code); err != nil {
			return nil, syncError(it, err)
		}
		if len(args) > 1 {
			return nil, py.ExceptionNewf(py.TypeError, "__init__ expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 1 {
			if err := rawValueSet(r, args[0]); err != nil {
				return nil, err
			}
		}
		trackExit(it)
		return newPyRaw(r), nil
	}
	var items []py.Object
	n := 0
	if i, ok := arrayInit.(py.Int); ok {
		n = int(i)
	} else {
		if items, err = itemsOf(arrayInit); err != nil {
			return nil, err
		}
		n = len(items)
	}
	if r, err = sharedctypes.RawArray(code, n); err != nil {
		return nil, syncError(it, err)
	}
	for i, o := range items {
		v, err := toSlot(r.Type(), o)
		if err != nil {
			return nil, err
		}
		if err := r.Set(i, v); err != nil {
			return nil, syncError(it, err)
		}
	}
	trackExit(it)
	return newPyRaw(r), nil
}

func installRaw() {
	for _, t := range []*py.Type{rawValueBase, rawArrayBase} {
		t.Dict["value"] = &py.Property{
			Fget: func(self py.Object) (py.Object, error) { return rawValueGet(rawSelf(self).r) },
			Fset: func(self, v py.Object) error { return rawValueSet(rawSelf(self).r, v) },
		}
	}
	t := rawArrayBase
	t.Dict["raw"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) { return rawRawGet(rawSelf(self).r) },
		Fset: func(self, v py.Object) error { return rawRawSet(rawSelf(self).r, v) },
	}
	pickle.RegisterHandle("multiprocessing.sharedctypes.Raw", pickle.Handle{
		Reduce: func(obj py.Object) (py.Object, error) {
			st := rawSelf(obj).r.State()
			return py.Tuple{py.String(st.Name), py.String(st.Type), py.Int(st.Length)}, nil
		},
		Rebuild: func(it *pyrt.Interp, st py.Object) (py.Object, error) {
			t, ok := st.(py.Tuple)
			if !ok || len(t) != 3 {
				return nil, py.ExceptionNewf(py.ValueError, "bad shared ctypes state")
			}
			name, _ := t[0].(py.String)
			typ, _ := t[1].(py.String)
			n, _ := t[2].(py.Int)
			r, err := sharedctypes.Open(sharedctypes.State{Name: string(name), Type: string(typ), Length: int(n)})
			if err != nil {
				return nil, syncError(it, err)
			}
			return newPyRaw(r), nil
		},
	}, rawValueBase, rawArrayBase)
}

// itemsOf lists the items of an iterable.
func itemsOf(o py.Object) ([]py.Object, error) {
	var out []py.Object
	err := py.Iterate(o, func(x py.Object) bool {
		out = append(out, x)
		return false
	})
	return out, err
}
