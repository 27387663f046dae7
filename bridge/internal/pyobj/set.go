package pyobj

// Set and FrozenSet are pypool's Python set and frozenset: any hashable
// member (tuples included), CPython's hashing and equality, and CPython's
// open-addressing table layout, so iteration order and repr match CPython
// for ints, floats and tuples of them (`print({3, 1, 2})` → `{1, 2, 3}`).
//
// Go API:
//
//	s := NewSet()
//	err := s.Add(py.Int(1))
//	ok, err := s.Contains(py.Int(1))
//	found, err := s.Discard(py.Int(1))
//	s.Len(); s.Items()            // members in iteration order
//	s, err = NewSetFromItems(items); NewSetFromIterable(obj)
//	f := NewFrozenSet(s)          // a frozenset of s's members

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// SetType is builtins.set.
var SetType = py.ObjectType.NewType("set", "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.", nil, nil)

// FrozenSetType is builtins.frozenset.
var FrozenSetType = py.ObjectType.NewType("frozenset", "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.", nil, nil)

var setIterType = py.NewType("set_iterator", "")

const (
	setMinSize    = 8
	linearProbes  = 9
	perturbShift  = 5
	setDummyHash  = -1
	bigSetResize  = 50000
	setEmptySlots = 0
)

type dummyKey struct{ _ byte }

func (*dummyKey) Type() *py.Type { return py.NoneType{}.Type() }

var setDummy py.Object = &dummyKey{}

type setEntry struct {
	key  py.Object // nil: never used; setDummy: deleted
	hash int64
}

// Set is a mutable Python set. Make one with NewSet.
type Set struct {
	table  []setEntry
	fill   int // live + dummy
	used   int // live
	finger int
	typ    *py.Type
}

// FrozenSet is an immutable, hashable Python frozenset.
type FrozenSet struct {
	Set
	hashed bool
	hashv  int64
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{table: make([]setEntry, setMinSize)} }

// NewSetFromItems returns a set of items.
func NewSetFromItems(items []py.Object) (*Set, error) {
	s := NewSet()
	for _, it := range items {
		if err := s.Add(it); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// NewSetFromIterable returns a set of the items of a Python iterable.
func NewSetFromIterable(obj py.Object) (*Set, error) {
	s := NewSet()
	return s, s.update(obj)
}

// NewFrozenSet returns a frozenset with s's members.
func NewFrozenSet(s *Set) *FrozenSet {
	f := &FrozenSet{}
	f.Set = *NewSet()
	f.merge(s)
	return f
}

// Type returns set (or the subclass type).
func (s *Set) Type() *py.Type {
	if s.typ != nil {
		return s.typ
	}
	return SetType
}

// Type returns frozenset (or the subclass type).
func (f *FrozenSet) Type() *py.Type {
	if f.typ != nil {
		return f.typ
	}
	return FrozenSetType
}

// AsSet returns the set's members table (for set and frozenset alike).
func (s *Set) AsSet() *Set { return s }

type SetLike interface {
	py.Object
	AsSet() *Set
}

// Len returns the number of members.
func (s *Set) Len() int { return s.used }

// Items returns the members in iteration order.
func (s *Set) Items() []py.Object {
	out := make([]py.Object, 0, s.used)
	for _, e := range s.table {
		if e.key != nil && e.key != setDummy {
			out = append(out, e.key)
		}
	}
	return out
}

// Add adds key.
func (s *Set) Add(key py.Object) error {
	h, err := Hash(key)
	if err != nil {
		return err
	}
	return s.addEntry(key, h)
}

func (s *Set) addEntry(key py.Object, h int64) error {
	mask := uint64(len(s.table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	free := -1
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		j := i
		for {
			e := &s.table[j]
			if e.key == nil {
				if free >= 0 {
					s.table[free] = setEntry{key, h}
					s.used++
					return nil
				}
				e.key, e.hash = key, h
				s.fill++
				s.used++
				if uint64(s.fill)*5 < mask*3 {
					return nil
				}
				if s.used > bigSetResize {
					s.resize(s.used * 2)
				} else {
					s.resize(s.used * 4)
				}
				return nil
			}
			if e.hash == h && e.key != setDummy {
				eq, err := fastEqual(e.key, key)
				if err != nil {
					return err
				}
				if eq {
					return nil
				}
			} else if e.key == setDummy && free < 0 {
				free = int(j)
			}
			if probes == 0 {
				break
			}
			probes--
			j++
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// find returns the table position of key, or -1.
func (s *Set) find(key py.Object, h int64) (int, error) {
	mask := uint64(len(s.table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		j := i
		for {
			e := &s.table[j]
			if e.key == nil {
				return -1, nil
			}
			if e.hash == h && e.key != setDummy {
				eq, err := fastEqual(e.key, key)
				if err != nil {
					return -1, err
				}
				if eq {
					return int(j), nil
				}
			}
			if probes == 0 {
				break
			}
			probes--
			j++
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func insertClean(table []setEntry, key py.Object, h int64) {
	mask := uint64(len(table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	for {
		if table[i].key == nil {
			table[i] = setEntry{key, h}
			return
		}
		if i+linearProbes <= mask {
			for j := i + 1; j <= i+linearProbes; j++ {
				if table[j].key == nil {
					table[j] = setEntry{key, h}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func (s *Set) resize(minused int) {
	size := setMinSize
	for size <= minused {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	for _, e := range old {
		if e.key != nil && e.key != setDummy {
			insertClean(s.table, e.key, e.hash)
		}
	}
	s.fill = s.used
}

// merge adds other's members as CPython's set_merge does (same layout).
func (s *Set) merge(other *Set) {
	if other.used == 0 {
		return
	}
	if (s.fill+other.used)*5 >= (len(s.table)-1)*3 {
		s.resize((s.used + other.used) * 2)
	}
	if s.fill == 0 && len(s.table) == len(other.table) && other.fill == other.used {
		copy(s.table, other.table)
		s.fill, s.used = other.fill, other.used
		return
	}
	if s.fill == 0 {
		s.fill, s.used = other.used, other.used
		for _, e := range other.table {
			if e.key != nil && e.key != setDummy {
				insertClean(s.table, e.key, e.hash)
			}
		}
		return
	}
	for _, e := range other.table {
		if e.key != nil && e.key != setDummy {
			_ = s.addEntry(e.key, e.hash) // members are hashable and comparable
		}
	}
}

// update adds the members of a Python iterable.
func (s *Set) update(obj py.Object) error {
	switch o := obj.(type) {
	case SetLike:
		s.merge(o.AsSet())
		return nil
	case DictLike:
		d := o.AsDict()
		if (s.fill+d.used)*5 >= (len(s.table)-1)*3 {
			s.resize((s.used + d.used) * 2)
		}
		for _, e := range d.entries {
			if e.key != nil {
				if err := s.addEntry(e.key, e.hash); err != nil {
					return err
				}
			}
		}
		return nil
	}
	var ierr error
	err := py.Iterate(obj, func(item py.Object) bool {
		ierr = s.Add(item)
		return ierr != nil
	})
	if ierr != nil {
		return ierr
	}
	return err
}

// Contains reports whether key is a member.
func (s *Set) Contains(key py.Object) (bool, error) {
	h, err := Hash(key)
	if err != nil {
		if f, ok := key.(*Set); ok && isExc(err, py.TypeError) {
			// CPython looks a set up as the equal frozenset.
			return s.Contains(NewFrozenSet(f))
		}
		return false, err
	}
	i, err := s.find(key, h)
	return i >= 0, err
}

// Discard removes key, reporting whether it was there.
func (s *Set) Discard(key py.Object) (bool, error) {
	h, err := Hash(key)
	if err != nil {
		if f, ok := key.(*Set); ok && isExc(err, py.TypeError) {
			return s.Discard(NewFrozenSet(f))
		}
		return false, err
	}
	i, err := s.find(key, h)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{setDummy, setDummyHash}
	s.used--
	return true, nil
}

// Clear removes every member.
func (s *Set) Clear() {
	s.table = make([]setEntry, setMinSize)
	s.fill, s.used, s.finger = 0, 0, 0
}

func (s *Set) copySet() *Set {
	c := NewSet()
	c.merge(s)
	return c
}

func (s *Set) pop() (py.Object, error) {
	if s.used == 0 {
		return nil, py.ExceptionNewf(py.KeyError, "pop from an empty set")
	}
	i := s.finger & (len(s.table) - 1)
	for s.table[i].key == nil || s.table[i].key == setDummy {
		i++
		if i >= len(s.table) {
			i = 0
		}
	}
	key := s.table[i].key
	s.table[i] = setEntry{setDummy, setDummyHash}
	s.used--
	s.finger = i + 1
	return key, nil
}

func (f *FrozenSet) hash() int64 {
	if f.hashed {
		return f.hashv
	}
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for _, e := range f.table {
		if e.key != nil && e.key != setDummy {
			h ^= shuffle(uint64(e.hash))
		}
	}
	h ^= (uint64(f.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if h == ^uint64(0) {
		h = 590923713
	}
	f.hashv, f.hashed = int64(h), true
	return f.hashv
}

// M__hash__ is hash(frozenset).
func (f *FrozenSet) M__hash__() (py.Object, error) { return py.Int(f.hash()), nil }

func setNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 && t == SetType {
		return nil, py.ExceptionNewf(py.TypeError, "set() takes no keyword arguments")
	}
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "set expected at most 1 argument, got %d", len(args))
	}
	s := NewSet()
	if t != SetType {
		s.typ = t
	}
	if len(args) == 1 {
		if err := s.update(args[0]); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func frozenSetNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 && t == FrozenSetType {
		return nil, py.ExceptionNewf(py.TypeError, "frozenset() takes no keyword arguments")
	}
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "frozenset expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 1 && t == FrozenSetType {
		if f, ok := args[0].(*FrozenSet); ok && f.typ == nil {
			return f, nil
		}
	}
	f := &FrozenSet{Set: *NewSet()}
	if t != FrozenSetType {
		f.typ = t
	}
	if len(args) == 1 {
		if err := f.update(args[0]); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// M__len__ is len(s).
func (s *Set) M__len__() (py.Object, error) { return py.Int(s.used), nil }

// M__bool__ is bool(s).
func (s *Set) M__bool__() (py.Object, error) { return py.NewBool(s.used > 0), nil }

// M__contains__ is x in s.
func (s *Set) M__contains__(x py.Object) (py.Object, error) {
	ok, err := s.Contains(x)
	return py.NewBool(ok), err
}

// M__iter__ is iter(s).
func (s *Set) M__iter__() (py.Object, error) {
	return &setIter{s: s, size: s.used}, nil
}

func (s *Set) reprWith(self py.Object) (string, error) {
	name := self.Type().Name
	_, frozen := self.(*FrozenSet)
	if s.used == 0 {
		return name + "()", nil
	}
	if !reprEnter(s) {
		return name + "(...)", nil
	}
	defer reprLeave(s)
	var b strings.Builder
	wrap := frozen || self.Type() != SetType
	if wrap {
		b.WriteString(name)
		b.WriteByte('(')
	}
	b.WriteByte('{')
	for i, item := range s.Items() {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(item)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	b.WriteByte('}')
	if wrap {
		b.WriteByte(')')
	}
	return b.String(), nil
}

// M__repr__ is repr(s): {1, 2} or set().
func (s *Set) M__repr__() (py.Object, error) {
	r, err := s.reprWith(s)
	return py.String(r), err
}

// M__str__ is str(s).
func (s *Set) M__str__() (py.Object, error) { return s.M__repr__() }

// M__repr__ is repr(f): frozenset({1, 2}) or frozenset().
func (f *FrozenSet) M__repr__() (py.Object, error) {
	r, err := f.reprWith(f)
	return py.String(r), err
}

// M__str__ is str(f).
func (f *FrozenSet) M__str__() (py.Object, error) { return f.M__repr__() }

// newLike returns an empty set of the same kind (set or frozenset) as self.
func newLike(self py.Object) (py.Object, *Set) {
	if _, ok := self.(*FrozenSet); ok {
		f := &FrozenSet{Set: *NewSet()}
		return f, &f.Set
	}
	s := NewSet()
	return s, s
}

func wrapLike(self py.Object, s *Set) py.Object {
	if _, ok := self.(*FrozenSet); ok {
		return &FrozenSet{Set: *s}
	}
	return s
}

// binop computes s OP o for OP in & | - ^ (a new set).
func (s *Set) binop(o *Set, op string) *Set {
	switch op {
	case "|":
		r := s.copySet()
		r.merge(o)
		return r
	case "&":
		r := NewSet()
		a, b := s, o
		if a.used > b.used {
			a, b = b, a
		}
		// Iterate the smaller set, keep members the larger one has.
		for _, e := range a.table {
			if e.key != nil && e.key != setDummy {
				if i, _ := b.find(e.key, e.hash); i >= 0 {
					_ = r.addEntry(e.key, e.hash)
				}
			}
		}
		return r
	case "-":
		r := NewSet()
		if s.used>>2 > o.used {
			r = s.copySet()
			for _, e := range o.table {
				if e.key != nil && e.key != setDummy {
					if i, _ := r.find(e.key, e.hash); i >= 0 {
						r.table[i] = setEntry{setDummy, setDummyHash}
						r.used--
					}
				}
			}
			return r
		}
		for _, e := range s.table {
			if e.key != nil && e.key != setDummy {
				if i, _ := o.find(e.key, e.hash); i < 0 {
					_ = r.addEntry(e.key, e.hash)
				}
			}
		}
		return r
	case "^":
		r := s.copySet()
		r.symDiffUpdate(o)
		return r
	}
	panic("bad set op " + op)
}

func (s *Set) symDiffUpdate(o *Set) {
	for _, e := range o.table {
		if e.key != nil && e.key != setDummy {
			if i, _ := s.find(e.key, e.hash); i >= 0 {
				s.table[i] = setEntry{setDummy, setDummyHash}
				s.used--
			} else {
				_ = s.addEntry(e.key, e.hash)
			}
		}
	}
}

func (s *Set) isSubset(o *Set) bool {
	if s.used > o.used {
		return false
	}
	for _, e := range s.table {
		if e.key != nil && e.key != setDummy {
			if i, _ := o.find(e.key, e.hash); i < 0 {
				return false
			}
		}
	}
	return true
}

func setsEqual(s *Set, other py.Object) (bool, error) {
	o, ok := other.(SetLike)
	if !ok {
		return false, nil
	}
	os := o.AsSet()
	return s.used == os.used && s.isSubset(os), nil
}

func operandSet(other py.Object) *Set {
	if o, ok := other.(SetLike); ok {
		return o.AsSet()
	}
	return nil
}

func setBinop(self py.Object, other py.Object, op string) (py.Object, error) {
	o := operandSet(other)
	if o == nil {
		return py.NotImplemented, nil
	}
	return wrapLike(self, self.(SetLike).AsSet().binop(o, op)), nil
}

func setInplace(self py.Object, other py.Object, op string) (py.Object, error) {
	o := operandSet(other)
	if o == nil {
		return py.NotImplemented, nil
	}
	s := self.(SetLike).AsSet()
	switch op {
	case "|":
		s.merge(o)
	case "^":
		s.symDiffUpdate(o)
	default:
		r := s.binop(o, op)
		s.table, s.fill, s.used, s.finger = r.table, r.fill, r.used, 0
	}
	return self, nil
}

// M__or__ is s | o.
func (s *Set) M__or__(o py.Object) (py.Object, error) { return setBinop(s, o, "|") }

// M__and__ is s & o.
func (s *Set) M__and__(o py.Object) (py.Object, error) { return setBinop(s, o, "&") }

// M__sub__ is s - o.
func (s *Set) M__sub__(o py.Object) (py.Object, error) { return setBinop(s, o, "-") }

// M__xor__ is s ^ o.
func (s *Set) M__xor__(o py.Object) (py.Object, error) { return setBinop(s, o, "^") }

// M__ior__ is s |= o.
func (s *Set) M__ior__(o py.Object) (py.Object, error) { return setInplace(s, o, "|") }

// M__iand__ is s &= o.
func (s *Set) M__iand__(o py.Object) (py.Object, error) { return setInplace(s, o, "&") }

// M__isub__ is s -= o.
func (s *Set) M__isub__(o py.Object) (py.Object, error) { return setInplace(s, o, "-") }

// M__ixor__ is s ^= o.
func (s *Set) M__ixor__(o py.Object) (py.Object, error) { return setInplace(s, o, "^") }

// M__or__ is f | o.
func (f *FrozenSet) M__or__(o py.Object) (py.Object, error) { return setBinop(f, o, "|") }

// M__and__ is f & o.
func (f *FrozenSet) M__and__(o py.Object) (py.Object, error) { return setBinop(f, o, "&") }

// M__sub__ is f - o.
func (f *FrozenSet) M__sub__(o py.Object) (py.Object, error) { return setBinop(f, o, "-") }

// M__xor__ is f ^ o.
func (f *FrozenSet) M__xor__(o py.Object) (py.Object, error) { return setBinop(f, o, "^") }

// M__ior__ on a frozenset builds a new one, as CPython.
func (f *FrozenSet) M__ior__(o py.Object) (py.Object, error) { return setBinop(f, o, "|") }

// M__iand__ on a frozenset builds a new one.
func (f *FrozenSet) M__iand__(o py.Object) (py.Object, error) { return setBinop(f, o, "&") }

// M__isub__ on a frozenset builds a new one.
func (f *FrozenSet) M__isub__(o py.Object) (py.Object, error) { return setBinop(f, o, "-") }

// M__ixor__ on a frozenset builds a new one.
func (f *FrozenSet) M__ixor__(o py.Object) (py.Object, error) { return setBinop(f, o, "^") }

func setCompare(s *Set, other py.Object, op string) (py.Object, error) {
	o := operandSet(other)
	if o == nil {
		if op == "==" {
			return py.NotImplemented, nil
		}
		if op == "!=" {
			return py.NotImplemented, nil
		}
		return py.NotImplemented, nil
	}
	switch op {
	case "==":
		return py.NewBool(s.used == o.used && s.isSubset(o)), nil
	case "!=":
		return py.NewBool(!(s.used == o.used && s.isSubset(o))), nil
	case "<=":
		return py.NewBool(s.isSubset(o)), nil
	case "<":
		return py.NewBool(s.used < o.used && s.isSubset(o)), nil
	case ">=":
		return py.NewBool(o.isSubset(s)), nil
	case ">":
		return py.NewBool(o.used < s.used && o.isSubset(s)), nil
	}
	return py.NotImplemented, nil
}

// M__eq__ is s == o.
func (s *Set) M__eq__(o py.Object) (py.Object, error) { return setCompare(s, o, "==") }

// M__ne__ is s != o.
func (s *Set) M__ne__(o py.Object) (py.Object, error) { return setCompare(s, o, "!=") }

// M__le__ is s <= o.
func (s *Set) M__le__(o py.Object) (py.Object, error) { return setCompare(s, o, "<=") }

// M__lt__ is s < o.
func (s *Set) M__lt__(o py.Object) (py.Object, error) { return setCompare(s, o, "<") }

// M__ge__ is s >= o.
func (s *Set) M__ge__(o py.Object) (py.Object, error) { return setCompare(s, o, ">=") }

// M__gt__ is s > o.
func (s *Set) M__gt__(o py.Object) (py.Object, error) { return setCompare(s, o, ">") }

// M__eq__ is f == o.
func (f *FrozenSet) M__eq__(o py.Object) (py.Object, error) { return setCompare(&f.Set, o, "==") }

// M__ne__ is f != o.
func (f *FrozenSet) M__ne__(o py.Object) (py.Object, error) { return setCompare(&f.Set, o, "!=") }

type setIter struct {
	s    *Set
	pos  int
	size int
}

func (it *setIter) Type() *py.Type { return setIterType }

func (it *setIter) M__iter__() (py.Object, error) { return it, nil }

func (it *setIter) M__next__() (py.Object, error) {
	s := it.s
	if s == nil {
		return nil, py.StopIteration
	}
	if s.used != it.size {
		it.s = nil
		return nil, IterFailed(it, py.ExceptionNewf(py.RuntimeError, "Set changed size during iteration"))
	}
	for it.pos < len(s.table) {
		e := s.table[it.pos]
		it.pos++
		if e.key != nil && e.key != setDummy {
			return e.key, nil
		}
	}
	it.s = nil
	return nil, py.StopIteration
}

// iterableSets turns each argument into a *Set (sets are used as they are).
func iterableSets(args py.Tuple) ([]*Set, error) {
	out := make([]*Set, len(args))
	for i, a := range args {
		if s := operandSet(a); s != nil {
			out[i] = s
			continue
		}
		s, err := NewSetFromIterable(a)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func init() {
	SetType.New = setNew
	FrozenSetType.New = frozenSetNew
	for _, t := range []*py.Type{SetType, FrozenSetType} {
		setOf := func(self py.Object) *Set { return self.(SetLike).AsSet() }
		addSetOp := func(name, op string) {
			pyrt.Method(t, t.Name+"."+name, "$self, *others", func(self py.Object, a *pyrt.Args) (py.Object, error) {
				sets, err := iterableSets(a.Star)
				if err != nil {
					return nil, err
				}
				r := setOf(self).copySet()
				if op != "|" && len(sets) == 0 {
					return wrapLike(self, r), nil
				}
				for _, o := range sets {
					r = r.binop(o, op)
				}
				return wrapLike(self, r), nil
			})
		}
		addSetOp("union", "|")
		addSetOp("intersection", "&")
		addSetOp("difference", "-")
		// other converted to a set: the methods taking one iterable
		withSet := func(name string, fn func(self py.Object, s, other *Set) py.Object) {
			pyrt.Method(t, t.Name+"."+name, "$self, other, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
				sets, err := iterableSets(py.Tuple{a.Get("other")})
				if err != nil {
					return nil, err
				}
				return fn(self, setOf(self), sets[0]), nil
			})
		}
		withSet("symmetric_difference", func(self py.Object, s, other *Set) py.Object { return wrapLike(self, s.binop(other, "^")) })
		withSet("issubset", func(_ py.Object, s, other *Set) py.Object { return py.NewBool(s.isSubset(other)) })
		withSet("issuperset", func(_ py.Object, s, other *Set) py.Object { return py.NewBool(other.isSubset(s)) })
		withSet("isdisjoint", func(_ py.Object, s, other *Set) py.Object { return py.NewBool(s.binop(other, "&").used == 0) })
		pyrt.Method(t, t.Name+".copy", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			if f, ok := self.(*FrozenSet); ok && f.typ == nil {
				return f, nil
			}
			return wrapLike(self, setOf(self).copySet()), nil
		})
		pyrt.Method(t, t.Name+".__contains__", "$self, key, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return setOf(self).M__contains__(a.Get("key"))
		})
		pyrt.Method(t, t.Name+".__len__", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.Int(setOf(self).used), nil
		})
	}
	t := SetType
	pyrt.Method(t, "set.add", "$self, elem, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.None, self.(*Set).Add(a.Get("elem"))
	})
	pyrt.Method(t, "set.discard", "$self, elem, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		_, err := self.(*Set).Discard(a.Get("elem"))
		return py.None, err
	})
	pyrt.Method(t, "set.remove", "$self, elem, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		found, err := self.(*Set).Discard(a.Get("elem"))
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, pyrt.KeyError(a.Get("elem"))
		}
		return py.None, nil
	})
	pyrt.Method(t, "set.pop", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return self.(*Set).pop()
	})
	pyrt.Method(t, "set.clear", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		self.(*Set).Clear()
		return py.None, nil
	})
	pyrt.Method(t, "set.update", "$self, *others", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		s := self.(*Set)
		for _, o := range a.Star {
			if err := s.update(o); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	})
	for name, op := range map[string]string{"intersection_update": "&", "difference_update": "-", "symmetric_difference_update": "^"} {
		pyrt.Method(t, "set."+name, "$self, *others", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			sets, err := iterableSets(a.Star)
			if err != nil {
				return nil, err
			}
			for _, o := range sets {
				if _, err := setInplace(self, o, op); err != nil {
					return nil, err
				}
			}
			return py.None, nil
		})
	}
}
