package pyobj

// dict.keys(), dict.values(), dict.items() views and the dict iterators.

import (
	"strings"

	"github.com/go-python/gpython/py"
)

type IterKind int

const (
	IterKeys IterKind = iota
	IterValues
	IterItems
)

var viewTypes = [...]*py.Type{
	py.NewType("dict_keys", ""),
	py.NewType("dict_values", ""),
	py.NewType("dict_items", ""),
}

var dictIterTypes = [...]*py.Type{
	py.NewType("dict_keyiterator", ""),
	py.NewType("dict_valueiterator", ""),
	py.NewType("dict_itemiterator", ""),
}

// DictView is a live view of a Dict's keys, values or items.
type DictView struct {
	d    *Dict
	kind IterKind
}

// Type returns dict_keys, dict_values or dict_items.
func (v *DictView) Type() *py.Type { return viewTypes[v.kind] }

// M__len__ is len(view).
func (v *DictView) M__len__() (py.Object, error) { return py.Int(v.d.used), nil }

// M__iter__ is iter(view).
func (v *DictView) M__iter__() (py.Object, error) { return newDictIter(v.d, v.kind), nil }

// M__reversed__ is reversed(view).
func (v *DictView) M__reversed__() (py.Object, error) {
	items := v.list()
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return py.NewIterator(py.Tuple(items)), nil
}

func (v *DictView) list() []py.Object {
	out := make([]py.Object, 0, v.d.used)
	for _, e := range v.d.entries {
		if e.key == nil {
			continue
		}
		out = append(out, viewItem(e, v.kind))
	}
	return out
}

func viewItem(e dictEntry, kind IterKind) py.Object {
	switch kind {
	case IterKeys:
		return e.key
	case IterValues:
		return e.value
	}
	return py.Tuple{e.key, e.value}
}

// M__contains__ is x in view.
func (v *DictView) M__contains__(x py.Object) (py.Object, error) {
	switch v.kind {
	case IterKeys:
		return v.d.M__contains__(x)
	case IterItems:
		t, ok := x.(py.Tuple)
		if !ok || len(t) != 2 {
			return py.False, nil
		}
		val, found, err := v.d.Get(t[0])
		if err != nil || !found {
			return py.False, err
		}
		eq, err := Equal(val, t[1])
		return py.NewBool(eq), err
	}
	for _, e := range v.d.entries {
		if e.key != nil {
			eq, err := Equal(e.value, x)
			if err != nil {
				return nil, err
			}
			if eq {
				return py.True, nil
			}
		}
	}
	return py.False, nil
}

// M__repr__ is repr(view): dict_keys([1, 2]).
func (v *DictView) M__repr__() (py.Object, error) {
	var b strings.Builder
	b.WriteString(v.Type().Name)
	b.WriteString("([")
	for i, item := range v.list() {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(item)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString("])")
	return py.String(b.String()), nil
}

func (v *DictView) asSet() (*Set, error) {
	if v.kind == IterValues {
		return nil, py.ExceptionNewf(py.TypeError, "unsupported operand type(s) for set operation: 'dict_values'")
	}
	return NewSetFromItems(v.list())
}

func (v *DictView) setOp(other py.Object, op string) (py.Object, error) {
	if v.kind == IterValues {
		return py.NotImplemented, nil
	}
	s, err := v.asSet()
	if err != nil {
		return nil, err
	}
	o, err := NewSetFromIterable(other)
	if err != nil {
		return py.NotImplemented, nil
	}
	return s.binop(o, op), nil
}

// M__and__ is view & other.
func (v *DictView) M__and__(other py.Object) (py.Object, error) { return v.setOp(other, "&") }

// M__or__ is view | other.
func (v *DictView) M__or__(other py.Object) (py.Object, error) { return v.setOp(other, "|") }

// M__sub__ is view - other.
func (v *DictView) M__sub__(other py.Object) (py.Object, error) { return v.setOp(other, "-") }

// M__xor__ is view ^ other.
func (v *DictView) M__xor__(other py.Object) (py.Object, error) { return v.setOp(other, "^") }

// M__eq__ compares keys/items views as sets.
func (v *DictView) M__eq__(other py.Object) (py.Object, error) {
	if v.kind == IterValues {
		if o, ok := other.(*DictView); ok && o == v {
			return py.True, nil
		}
		return py.False, nil
	}
	switch other.(type) {
	case *DictView, *Set, *FrozenSet:
	default:
		return py.NotImplemented, nil
	}
	s, err := v.asSet()
	if err != nil {
		return nil, err
	}
	o, err := NewSetFromIterable(other)
	if err != nil {
		return nil, err
	}
	eq, err := setsEqual(s, o)
	return py.NewBool(eq), err
}

// dictIter iterates a Dict, failing as CPython does when the dict changes
// size during iteration.
type dictIter struct {
	d      *Dict
	kind   IterKind
	pos    int
	size   int
	layout uint64
}

func newDictIter(d *Dict, kind IterKind) *dictIter {
	return &dictIter{d: d, kind: kind, size: d.used, layout: d.layout}
}

func (it *dictIter) Type() *py.Type { return dictIterTypes[it.kind] }

func (it *dictIter) M__iter__() (py.Object, error) { return it, nil }

func (it *dictIter) M__next__() (py.Object, error) {
	d := it.d
	if d == nil {
		return nil, py.StopIteration
	}
	if d.used != it.size {
		it.d = nil
		return nil, IterFailed(it, py.ExceptionNewf(py.RuntimeError, "dictionary changed size during iteration"))
	}
	if d.layout != it.layout {
		it.d = nil
		return nil, IterFailed(it, py.ExceptionNewf(py.RuntimeError, "dictionary keys changed during iteration"))
	}
	for it.pos < len(d.entries) {
		e := d.entries[it.pos]
		it.pos++
		if e.key != nil {
			return viewItem(e, it.kind), nil
		}
	}
	it.d = nil
	return nil, py.StopIteration
}

func (it *dictIter) M__length_hint__() (py.Object, error) {
	if it.d == nil {
		return py.Int(0), nil
	}
	n := 0
	for _, e := range it.d.entries[it.pos:] {
		if e.key != nil {
			n++
		}
	}
	return py.Int(n), nil
}
