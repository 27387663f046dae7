package pickle

// Instances of dict subclasses (collections.Counter, OrderedDict,
// defaultdict, a script's own `class Registry(dict)`) keep their class, as
// pickle keeps it: the class (by reference or by value), the items in
// order, and for defaultdict its default_factory (what defaultdict's
// __reduce__ sends). The receiver makes the object with cls.__new__(cls)
// — or cls(default_factory) — and then sets the items.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/pool/wire"
)

func (e *encoder) encodeDictSubclass(x *pyobj.Dict) (wire.Value, error) {
	cls, err := e.encode(x.Typ)
	if err != nil {
		return nil, err
	}
	items, err := e.encodeDict(x)
	if err != nil {
		return nil, err
	}
	var args wire.Value
	if x.Typ.Lookup("default_factory") != nil {
		f, err := py.GetAttrString(x, "default_factory")
		if err == nil {
			fv, err := e.encode(f)
			if err != nil {
				return nil, err
			}
			args = wire.Tuple{fv}
		}
	}
	return tagged(tagDictSub, cls, items, args), nil
}

func (d *decoder) decodeDictSubclass(f []wire.Value) (py.Object, error) {
	if err := fields("dict subclass instance", f, 3); err != nil {
		return nil, err
	}
	c, err := d.decode(f[0])
	if err != nil {
		return nil, err
	}
	cls, ok := c.(*py.Type)
	if !ok || !pyobj.IsClass(cls) || !cls.IsSubtype(pyobj.DictType) || cls.New == nil {
		return nil, errBadValue("dict subclass instance of a non-dict class")
	}
	var obj py.Object
	if f[2] != nil {
		argsV, ok := f[2].(wire.Tuple)
		if !ok {
			return nil, errBadValue("dict subclass constructor args")
		}
		args, err := d.decodeItems(argsV)
		if err != nil {
			return nil, err
		}
		if obj, err = py.Call(cls, py.Tuple(args), nil); err != nil {
			return nil, err
		}
	} else if obj, err = cls.New(cls, nil, nil); err != nil {
		return nil, err
	}
	dl, ok := obj.(pyobj.DictLike)
	if !ok {
		return nil, errBadValue("dict subclass did not make a dict")
	}
	itemsV, ok := f[1].(*wire.Dict)
	if !ok || itemsV == nil {
		return nil, errBadValue("dict subclass items")
	}
	dict := dl.AsDict()
	for _, kv := range itemsV.Items {
		k, err := d.decode(kv.Key)
		if err != nil {
			return nil, err
		}
		v, err := d.decode(kv.Value)
		if err != nil {
			return nil, err
		}
		if err := dict.Set(k, v); err != nil {
			return nil, err
		}
	}
	return obj, nil
}
