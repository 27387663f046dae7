package pyobj

// Dict is pypool's Python dict: insertion-ordered, any hashable key, with
// CPython's hashing and equality (1, 1.0 and True are one key).
//
// gpython's own dict (py.StringDict) only takes string keys and iterates in
// random order; the compat layer rewrites dict displays and comprehensions
// onto Dict and makes builtins.dict build one. py.StringDict is still what
// gpython uses for globals, class namespaces and **kwargs.
//
// Go API:
//
//	d := NewDict()
//	err := d.Set(py.Int(1), py.String("a"))    // d[1] = 'a'
//	v, ok, err := d.Get(py.Int(1))             // d.get(1)
//	found, err := d.Delete(py.Int(1))          // del d[1]
//	d.Len()
//	d.Range(func(k, v py.Object) bool { return true }) // in insertion order
//	d.Items()                                  // []DictItem in order
//
// Errors come from hashing (unhashable keys) and from user __eq__/__hash__.

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// DictType is the Python type of Dict: builtins.dict.
var DictType = py.ObjectType.NewType("dict", `dict() -> new empty dictionary
dict(mapping) -> new dictionary initialized from a mapping object's
    (key, value) pairs
dict(iterable) -> new dictionary initialized as if via:
    d = {}
    for k, v in iterable:
        d[k] = v
dict(**kwargs) -> new dictionary initialized with the name=value pairs
    in the keyword argument list.  For example:  dict(one=1, two=2)`, nil, nil)

const (
	slotEmpty = -1
	slotDummy = -2
	minIndex  = 8
)

// DictItem is one key/value pair of a Dict.
type DictItem struct {
	Key, Value py.Object
}

type dictEntry struct {
	key, value py.Object // key == nil: deleted
	hash       int64
}

// Dict is an insertion-ordered hash table of Python objects. The zero value
// is not usable: make one with NewDict.
type Dict struct {
	entries []dictEntry
	index   []int32
	used    int
	filled  int    // index slots not empty (live + dummy)
	layout  uint64 // bumped when entries move (compaction)
	Typ     *py.Type
}

// NewDict returns an empty Dict.
func NewDict() *Dict {
	return &Dict{index: newIndex(minIndex)}
}

// NewDictSized returns an empty Dict with room for n items.
func NewDictSized(n int) *Dict {
	size := minIndex
	for size*2 <= n*3 {
		size <<= 1
	}
	return &Dict{index: newIndex(size), entries: make([]dictEntry, 0, n)}
}

func newIndex(n int) []int32 {
	ix := make([]int32, n)
	for i := range ix {
		ix[i] = slotEmpty
	}
	return ix
}

// Type returns dict, or the subclass type set with SetType.
func (d *Dict) Type() *py.Type {
	if d.Typ != nil {
		return d.Typ
	}
	return DictType
}

// AsDict returns d: types embedding *Dict (defaultdict, Counter, …) are
// handled by every dict method through this.
func (d *Dict) AsDict() *Dict { return d }

// DictLike is implemented by Dict and by types that embed it.
type DictLike interface {
	py.Object
	AsDict() *Dict
}

// Len returns the number of items.
func (d *Dict) Len() int { return d.used }

// lookup finds key: the entry index (or -1) and the index slot where it is
// or where it would be inserted.
func (d *Dict) lookup(key py.Object, h int64) (int, int, error) {
	mask := uint64(len(d.index) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	free := -1
	for {
		ix := d.index[i]
		switch ix {
		case slotEmpty:
			if free < 0 {
				free = int(i)
			}
			return -1, free, nil
		case slotDummy:
			if free < 0 {
				free = int(i)
			}
		default:
			e := &d.entries[ix]
			if e.hash == h {
				eq, err := fastEqual(e.key, key)
				if err != nil {
					return -1, 0, err
				}
				if eq {
					return int(ix), int(i), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// fastEqual is KeysEqual with a shortcut for identical strings and ints.
func fastEqual(a, b py.Object) (bool, error) {
	switch x := a.(type) {
	case py.String:
		if y, ok := b.(py.String); ok {
			return x == y, nil
		}
	case py.Int:
		if y, ok := b.(py.Int); ok {
			return x == y, nil
		}
	}
	return KeysEqual(a, b)
}

// Get returns d[key] and whether it was there.
func (d *Dict) Get(key py.Object) (py.Object, bool, error) {
	h, err := Hash(key)
	if err != nil {
		return nil, false, err
	}
	ix, _, err := d.lookup(key, h)
	if err != nil || ix < 0 {
		return nil, false, err
	}
	return d.entries[ix].value, true, nil
}

// Set sets d[key] = value.
func (d *Dict) Set(key, value py.Object) error {
	h, err := Hash(key)
	if err != nil {
		return err
	}
	return d.setHashed(key, h, value)
}

func (d *Dict) setHashed(key py.Object, h int64, value py.Object) error {
	ix, slot, err := d.lookup(key, h)
	if err != nil {
		return err
	}
	if ix >= 0 {
		d.entries[ix].value = value
		return nil
	}
	if (d.filled+1)*3 >= len(d.index)*2 {
		d.rebuild(d.used + 1)
		if _, slot, err = d.lookup(key, h); err != nil {
			return err
		}
	}
	if d.index[slot] == slotEmpty {
		d.filled++
	}
	d.index[slot] = int32(len(d.entries))
	d.entries = append(d.entries, dictEntry{key: key, value: value, hash: h})
	d.used++
	return nil
}

// rebuild compacts the entries and sizes the index for n items.
func (d *Dict) rebuild(n int) {
	size := minIndex
	for size*2 <= n*3 {
		size <<= 1
	}
	if len(d.entries) != d.used {
		live := make([]dictEntry, 0, d.used+d.used/2+1)
		for _, e := range d.entries {
			if e.key != nil {
				live = append(live, e)
			}
		}
		d.entries = live
		d.layout++
	}
	d.index = newIndex(size)
	mask := uint64(size - 1)
	for n, e := range d.entries {
		i := uint64(e.hash) & mask
		perturb := uint64(e.hash)
		for d.index[i] != slotEmpty {
			perturb >>= 5
			i = (i*5 + perturb + 1) & mask
		}
		d.index[i] = int32(n)
	}
	d.filled = d.used
}

// Delete removes key, reporting whether it was there.
func (d *Dict) Delete(key py.Object) (bool, error) {
	_, found, err := d.pop(key)
	return found, err
}

func (d *Dict) pop(key py.Object) (py.Object, bool, error) {
	h, err := Hash(key)
	if err != nil {
		return nil, false, err
	}
	ix, slot, err := d.lookup(key, h)
	if err != nil || ix < 0 {
		return nil, false, err
	}
	v := d.entries[ix].value
	d.removeAt(ix, slot)
	return v, true, nil
}

func (d *Dict) removeAt(ix, slot int) {
	d.index[slot] = slotDummy
	d.entries[ix] = dictEntry{}
	d.used--
	if ix == len(d.entries)-1 {
		// Trim trailing tombstones so popitem stays O(1).
		n := ix
		for n > 0 && d.entries[n-1].key == nil {
			n--
		}
		d.entries = d.entries[:n]
	}
	if d.used == 0 {
		d.Clear()
	}
}

// slotOf finds the index slot that points at entry ix.
func (d *Dict) slotOf(ix int) int {
	e := d.entries[ix]
	mask := uint64(len(d.index) - 1)
	i := uint64(e.hash) & mask
	perturb := uint64(e.hash)
	for int(d.index[i]) != ix {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return int(i)
}

// Clear removes every item.
func (d *Dict) Clear() {
	d.entries = nil
	if len(d.index) != minIndex || d.filled > 0 {
		d.index = newIndex(minIndex)
	}
	d.used = 0
	d.filled = 0
	d.layout++
}

// Range calls fn for each item in insertion order until fn returns false.
// fn must not change d.
func (d *Dict) Range(fn func(key, value py.Object) bool) {
	for _, e := range d.entries {
		if e.key != nil && !fn(e.key, e.value) {
			return
		}
	}
}

// Items returns the items in insertion order.
func (d *Dict) Items() []DictItem {
	out := make([]DictItem, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, DictItem{e.key, e.value})
		}
	}
	return out
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []py.Object {
	out := make([]py.Object, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e.key)
		}
	}
	return out
}

// Copy returns a shallow copy of d (a plain dict).
func (d *Dict) Copy() *Dict {
	c := &Dict{
		entries: make([]dictEntry, 0, d.used),
	}
	for _, e := range d.entries {
		if e.key != nil {
			c.entries = append(c.entries, e)
		}
	}
	c.used = len(c.entries)
	c.rebuild(c.used)
	return c
}

// Update merges other (a mapping, or an iterable of pairs) into d, as
// dict.update does.
func (d *Dict) Update(other py.Object) error {
	switch o := other.(type) {
	case DictLike:
		src := o.AsDict()
		if src == d {
			return nil
		}
		for _, e := range src.entries {
			if e.key != nil {
				if err := d.setHashed(e.key, e.hash, e.value); err != nil {
					return err
				}
			}
		}
		return nil
	case py.StringDict:
		for k, v := range o {
			if err := d.Set(py.String(k), v); err != nil {
				return err
			}
		}
		return nil
	}
	if keys, err := py.GetAttrString(other, "keys"); err == nil {
		ks, err := py.Call(keys, nil, nil)
		if err != nil {
			return err
		}
		return py.Iterate(ks, func(k py.Object) bool {
			var v py.Object
			if v, err = py.GetItem(other, k); err != nil {
				return true
			}
			err = d.Set(k, v)
			return err != nil
		})
	}
	n := 0
	var ierr error
	err := py.Iterate(other, func(item py.Object) bool {
		pair, err := py.SequenceTuple(item)
		if err != nil {
			ierr = py.ExceptionNewf(py.TypeError, "cannot convert dictionary update sequence element #%d to a sequence", n)
			return true
		}
		if len(pair) != 2 {
			ierr = py.ExceptionNewf(py.ValueError, "dictionary update sequence element #%d has length %d; 2 is required", n, len(pair))
			return true
		}
		if ierr = d.Set(pair[0], pair[1]); ierr != nil {
			return true
		}
		n++
		return false
	})
	if ierr != nil {
		return ierr
	}
	if err != nil {
		if isExc(err, py.TypeError) && !hasIter(other) {
			return py.ExceptionNewf(py.TypeError, "'%s' object is not iterable", other.Type().Name)
		}
		return err
	}
	return nil
}

func hasIter(o py.Object) bool {
	_, err := py.Iter(o)
	return err == nil
}

// isExc reports whether err is a Python exception of type t (or a subtype).
func isExc(err error, t *py.Type) bool {
	if e, ok := err.(*py.Exception); ok {
		return e.Base == t || e.Base.IsSubtype(t)
	}
	if e, ok := err.(py.ExceptionInfo); ok {
		return e.Type == t || e.Type.IsSubtype(t)
	}
	return false
}

// dictNew is dict(...): dict(), dict(mapping), dict(iterable), dict(**kw).
func dictNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "dict expected at most 1 argument, got %d", len(args))
	}
	d := NewDict()
	if t != DictType {
		d.Typ = t
	}
	if len(args) == 1 {
		if err := d.Update(args[0]); err != nil {
			return nil, err
		}
	}
	if err := d.updateKwargs(kwargs); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Dict) updateKwargs(kwargs py.StringDict) error {
	// kwargs arrive in a Go map: keep them in a stable (sorted) order.
	for _, k := range SortedKeys(kwargs) {
		if err := d.Set(py.String(k), kwargs[k]); err != nil {
			return err
		}
	}
	return nil
}

// M__len__ is len(d).
func (d *Dict) M__len__() (py.Object, error) { return py.Int(d.used), nil }

// M__bool__ is bool(d).
func (d *Dict) M__bool__() (py.Object, error) { return py.NewBool(d.used > 0), nil }

// M__getitem__ is d[key] (a subclass's __missing__ is called for a missing key).
func (d *Dict) M__getitem__(key py.Object) (py.Object, error) {
	v, ok, err := d.Get(key)
	if err != nil {
		return nil, err
	}
	if !ok {
		if d.Typ != nil {
			if m := userLookup(d.Typ, "__missing__"); m != nil {
				return py.Call(m, py.Tuple{d, key}, nil)
			}
		}
		return nil, pyrt.KeyError(key)
	}
	return v, nil
}

// userBinop calls a subclass's Python-level operator method, if any.
func (d *Dict) userBinop(name string, other py.Object) (py.Object, error) {
	if d.Typ != nil {
		if m := userLookup(d.Typ, name); m != nil {
			return py.Call(m, py.Tuple{d, other}, nil)
		}
	}
	return py.NotImplemented, nil
}

// M__add__ is a subclass's __add__ (Counter).
func (d *Dict) M__add__(other py.Object) (py.Object, error) { return d.userBinop("__add__", other) }

// M__sub__ is a subclass's __sub__ (Counter).
func (d *Dict) M__sub__(other py.Object) (py.Object, error) { return d.userBinop("__sub__", other) }

// M__and__ is a subclass's __and__ (Counter).
func (d *Dict) M__and__(other py.Object) (py.Object, error) { return d.userBinop("__and__", other) }

// M__setitem__ is d[key] = value.
func (d *Dict) M__setitem__(key, value py.Object) (py.Object, error) {
	return py.None, d.Set(key, value)
}

// M__delitem__ is del d[key].
func (d *Dict) M__delitem__(key py.Object) (py.Object, error) {
	found, err := d.Delete(key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, pyrt.KeyError(key)
	}
	return py.None, nil
}

// M__contains__ is key in d.
func (d *Dict) M__contains__(key py.Object) (py.Object, error) {
	_, ok, err := d.Get(key)
	return py.NewBool(ok), err
}

// M__iter__ is iter(d): the keys.
func (d *Dict) M__iter__() (py.Object, error) { return newDictIter(d, IterKeys), nil }

// M__repr__ is repr(d): {1: 'a', 'b': [2]}.
func (d *Dict) M__repr__() (py.Object, error) {
	s, err := d.Repr()
	return py.String(s), err
}

// M__str__ is str(d), the same as repr.
func (d *Dict) M__str__() (py.Object, error) { return d.M__repr__() }

func (d *Dict) Repr() (string, error) {
	if d.used == 0 {
		return "{}", nil
	}
	if !reprEnter(d) {
		return "{...}", nil
	}
	defer reprLeave(d)
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for _, e := range d.entries {
		if e.key == nil {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		k, err := Repr(e.key)
		if err != nil {
			return "", err
		}
		v, err := Repr(e.value)
		if err != nil {
			return "", err
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(v)
	}
	b.WriteByte('}')
	return b.String(), nil
}

// M__eq__ is d == other for dicts (StringDicts included).
func (d *Dict) M__eq__(other py.Object) (py.Object, error) {
	var o *Dict
	switch x := other.(type) {
	case DictLike:
		o = x.AsDict()
	case py.StringDict:
		o = NewDict()
		if err := o.Update(x); err != nil {
			return nil, err
		}
	default:
		return py.NotImplemented, nil
	}
	if d.used != o.used {
		return py.False, nil
	}
	for _, e := range d.entries {
		if e.key == nil {
			continue
		}
		ix, _, err := o.lookup(e.key, e.hash)
		if err != nil {
			return nil, err
		}
		if ix < 0 {
			return py.False, nil
		}
		eq, err := Equal(e.value, o.entries[ix].value)
		if err != nil {
			return nil, err
		}
		if !eq {
			return py.False, nil
		}
	}
	return py.True, nil
}

// M__ne__ is d != other.
func (d *Dict) M__ne__(other py.Object) (py.Object, error) {
	return NegateEq(d.M__eq__(other))
}

// NegateEq is __ne__ from __eq__'s answer (NotImplemented and errors pass).
func NegateEq(res py.Object, err error) (py.Object, error) {
	if err != nil || res == py.NotImplemented {
		return res, err
	}
	return py.NewBool(res == py.False), nil
}

// M__or__ is d | other.
func (d *Dict) M__or__(other py.Object) (py.Object, error) {
	if r, err := d.userBinop("__or__", other); r != py.NotImplemented || err != nil {
		return r, err
	}
	if _, ok := other.(DictLike); !ok {
		return py.NotImplemented, nil
	}
	c := d.Copy()
	c.Typ = d.Typ
	return c, c.Update(other)
}

// M__ior__ is d |= other.
func (d *Dict) M__ior__(other py.Object) (py.Object, error) {
	return d, d.Update(other)
}

// Equal is Python's == as the containers use it (identity first, numbers
// across types, then __eq__).
func Equal(a, b py.Object) (bool, error) {
	switch a.(type) {
	case py.String, py.Int, py.Bool, py.Float, *py.BigInt, py.NoneType, py.Tuple, py.Bytes, *FrozenSet, *Set:
		return KeysEqual(a, b)
	}
	if isIdentical(a, b) {
		return true, nil
	}
	if x, ok := a.(*py.Type); ok {
		return KeysEqual(x, b)
	}
	res, err := py.Eq(a, b)
	if err != nil {
		if isExc(err, py.TypeError) {
			return false, nil
		}
		return false, err
	}
	t, err := py.MakeBool(res)
	return t == py.True, err
}

func init() {
	t := DictType
	t.New = dictNew
	dictOf := func(self py.Object) *Dict { return self.(DictLike).AsDict() }
	pyrt.Method(t, "dict.keys", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return &DictView{d: dictOf(self), kind: IterKeys}, nil
	})
	pyrt.Method(t, "dict.values", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return &DictView{d: dictOf(self), kind: IterValues}, nil
	})
	pyrt.Method(t, "dict.items", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return &DictView{d: dictOf(self), kind: IterItems}, nil
	})
	pyrt.Method(t, "dict.get", "$self, key, default=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		v, ok, err := dictOf(self).Get(a.Get("key"))
		if err != nil || ok {
			return v, err
		}
		return a.Get("default"), nil
	})
	pyrt.Method(t, "dict.setdefault", "$self, key, default=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		d := dictOf(self)
		v, ok, err := d.Get(a.Get("key"))
		if err != nil || ok {
			return v, err
		}
		return a.Get("default"), d.Set(a.Get("key"), a.Get("default"))
	})
	pyrt.Method(t, "dict.pop", "$self, key, default=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		v, ok, err := dictOf(self).pop(a.Get("key"))
		if err != nil || ok {
			return v, err
		}
		if a.Given("default") {
			return a.Get("default"), nil
		}
		return nil, pyrt.KeyError(a.Get("key"))
	})
	pyrt.Method(t, "dict.popitem", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		d := dictOf(self)
		if d.used == 0 {
			return nil, py.ExceptionNewf(py.KeyError, "popitem(): dictionary is empty")
		}
		ix := len(d.entries) - 1
		for d.entries[ix].key == nil {
			ix--
		}
		e := d.entries[ix]
		d.removeAt(ix, d.slotOf(ix))
		return py.Tuple{e.key, e.value}, nil
	})
	pyrt.Method(t, "dict.update", "$self, other=None, /, **kwargs", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		d := dictOf(self)
		if a.Given("other") {
			if err := d.Update(a.Get("other")); err != nil {
				return nil, err
			}
		}
		return py.None, d.updateKwargs(a.Kw)
	})
	pyrt.Method(t, "dict.copy", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return dictOf(self).Copy(), nil
	})
	pyrt.Method(t, "dict.clear", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		dictOf(self).Clear()
		return py.None, nil
	})
	pyrt.Method(t, "dict.__contains__", "$self, key, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return dictOf(self).M__contains__(a.Get("key"))
	})
	pyrt.Method(t, "dict.__setitem__", "$self, key, value, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.None, dictOf(self).Set(a.Get("key"), a.Get("value"))
	})
	pyrt.Method(t, "dict.__repr__", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		r, err := dictOf(self).Repr()
		return py.String(r), err
	})
	pyrt.Method(t, "dict.__len__", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.Int(dictOf(self).used), nil
	})
	pyrt.ClassMethod(t, "dict.fromkeys", "$self, iterable, value=None, /", func(cls *py.Type, a *pyrt.Args) (py.Object, error) {
		value := a.Get("value")
		obj, err := py.Call(cls, nil, nil)
		if err != nil {
			return nil, err
		}
		dl, ok := obj.(DictLike)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "fromkeys: %s is not a dict type", cls.Name)
		}
		d := dl.AsDict()
		var ierr error
		err = py.Iterate(a.Get("iterable"), func(k py.Object) bool {
			ierr = d.Set(k, value)
			return ierr != nil
		})
		if ierr != nil {
			return nil, ierr
		}
		return obj, err
	})
}
