package pyobj

// The __pp_*__ builtins that rewritten source calls (see rewrite_compat.go).

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var markerType = py.NewType("__pp_marker__", "")

// starMarker is *x inside a display or call: its items are spliced in.
type starMarker struct{ obj py.Object }

func (*starMarker) Type() *py.Type { return markerType }

// dstarMarker is **x inside a dict display.
type dstarMarker struct{ obj py.Object }

func (*dstarMarker) Type() *py.Type { return markerType }

// flatten splices star markers' items into a list of objects.
func flatten(args py.Tuple) ([]py.Object, error) {
	out := make([]py.Object, 0, len(args))
	for _, a := range args {
		m, ok := a.(*starMarker)
		if !ok {
			out = append(out, a)
			continue
		}
		if _, err := py.Iter(m.obj); err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "Value after * must be an iterable, not %s", m.obj.Type().Name)
		}
		if err := py.Iterate(m.obj, func(o py.Object) bool {
			out = append(out, o)
			return false
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func ppDict(args py.Tuple, _ py.StringDict) (py.Object, error) {
	d := NewDictSized(len(args) / 2)
	for i := 0; i < len(args); {
		if m, ok := args[i].(*dstarMarker); ok {
			if err := updateFromMapping(d, m.obj); err != nil {
				return nil, err
			}
			i++
			continue
		}
		if i+1 >= len(args) {
			return nil, py.ExceptionNewf(py.SystemError, "__pp_dict__: odd item count")
		}
		if err := d.Set(args[i], args[i+1]); err != nil {
			return nil, err
		}
		i += 2
	}
	return d, nil
}

// updateFromMapping is {**m}: m must be a mapping.
func updateFromMapping(d *Dict, m py.Object) error {
	switch m.(type) {
	case DictLike, py.StringDict:
		return d.Update(m)
	}
	if _, err := py.GetAttrString(m, "keys"); err != nil {
		return py.ExceptionNewf(py.TypeError, "'%s' object is not a mapping", m.Type().Name)
	}
	return d.Update(m)
}

func ppDictComp(args py.Tuple, _ py.StringDict) (py.Object, error) {
	d := NewDict()
	var ierr error
	err := py.Iterate(args[0], func(o py.Object) bool {
		kv := o.(py.Tuple)
		ierr = d.Set(kv[0], kv[1])
		return ierr != nil
	})
	if ierr != nil {
		return nil, ierr
	}
	return d, err
}

func ppSet(args py.Tuple, _ py.StringDict) (py.Object, error) {
	items, err := flatten(args)
	if err != nil {
		return nil, err
	}
	return NewSetFromItems(items)
}

func ppSetComp(args py.Tuple, _ py.StringDict) (py.Object, error) {
	return NewSetFromIterable(args[0])
}

func ppList(args py.Tuple, _ py.StringDict) (py.Object, error) {
	items, err := flatten(args)
	if err != nil {
		return nil, err
	}
	return py.NewListFromItems(items), nil
}

func ppTuple(args py.Tuple, _ py.StringDict) (py.Object, error) {
	items, err := flatten(args)
	if err != nil {
		return nil, err
	}
	return py.Tuple(items), nil
}

// ppKw merges ** operands (and __pp_kv__ keyword groups) into the
// string-keyed dict gpython's calls take.
func ppKw(args py.Tuple, _ py.StringDict) (py.Object, error) {
	out := py.NewStringDict()
	add := func(k py.Object, v py.Object) error {
		s, ok := k.(py.String)
		if !ok {
			return py.ExceptionNewf(py.TypeError, "keywords must be strings")
		}
		if _, dup := out[string(s)]; dup {
			return py.ExceptionNewf(py.TypeError, "got multiple values for keyword argument '%s'", string(s))
		}
		out[string(s)] = v
		return nil
	}
	for _, a := range args {
		switch m := a.(type) {
		case py.StringDict:
			for _, k := range SortedKeys(m) {
				if err := add(py.String(k), m[k]); err != nil {
					return nil, err
				}
			}
		case DictLike:
			for _, it := range m.AsDict().Items() {
				if err := add(it.Key, it.Value); err != nil {
					return nil, err
				}
			}
		default:
			keys, err := py.GetAttrString(a, "keys")
			if err != nil {
				return nil, py.ExceptionNewf(py.TypeError, "argument after ** must be a mapping, not %s", a.Type().Name)
			}
			ks, err := py.Call(keys, nil, nil)
			if err != nil {
				return nil, err
			}
			var ierr error
			err = py.Iterate(ks, func(k py.Object) bool {
				var v py.Object
				if v, ierr = py.GetItem(a, k); ierr == nil {
					ierr = add(k, v)
				}
				return ierr != nil
			})
			if ierr != nil {
				return nil, ierr
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// ppAdd is a + b with tuple + tuple done right.
func ppAdd(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if a, ok := args[0].(py.Tuple); ok {
		if b, ok := args[1].(py.Tuple); ok {
			out := make(py.Tuple, 0, len(a)+len(b))
			return append(append(out, a...), b...), nil
		}
	}
	return py.Add(args[0], args[1])
}

// ppAnn records a class-body annotation in the namespace's __annotations__.
func ppAnn(args py.Tuple, _ py.StringDict) (py.Object, error) {
	ns, ok := args[0].(py.StringDict)
	if !ok {
		return py.None, nil
	}
	ann, ok := ns["__annotations__"].(*Dict)
	if !ok {
		ann = NewDict()
		ns["__annotations__"] = ann
	}
	return py.None, ann.Set(args[1], args[2])
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "rewrite_helpers", func() {
		one := func(name string, fn func(py.Tuple, py.StringDict) (py.Object, error)) {
			SetBuiltin(name, intrinsic(name, fn))
		}
		one("__pp_dict__", ppDict)
		one("__pp_dictcomp__", ppDictComp)
		one("__pp_set__", ppSet)
		one("__pp_setcomp__", ppSetComp)
		one("__pp_list__", ppList)
		one("__pp_tuple__", ppTuple)
		one("__pp_args__", ppTuple)
		one("__pp_kw__", ppKw)
		one("__pp_ann__", ppAnn)
		one("__pp_star__", func(a py.Tuple, _ py.StringDict) (py.Object, error) { return &starMarker{a[0]}, nil })
		one("__pp_dstar__", func(a py.Tuple, _ py.StringDict) (py.Object, error) { return &dstarMarker{a[0]}, nil })
		one("__pp_kv__", func(_ py.Tuple, kw py.StringDict) (py.Object, error) { return kw, nil })
		one("__pp_add__", ppAdd)
		one("__pp_id__", func(a py.Tuple, _ py.StringDict) (py.Object, error) { return a[0], nil })
	})
}
