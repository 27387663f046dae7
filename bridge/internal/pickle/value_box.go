package pickle

import (
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/pool/wire"
)

// Re-boxing: an int64 in a wire.Value and a py.Int in a py.Object are both
// a type word and a pointer to the same 8 bytes. Converting one into the
// other by value allocates 8 bytes each time (outside 0…255); converting by
// pointer allocates nothing: the new interface points at the old one's
// word. Boxed values are never written, so sharing the word is safe. A
// Pool.map of 200k ints converts 400k numbers this way in the parent and as
// many in each worker.

// goEface is the layout of an interface{} value.
type goEface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// goIface is the layout of a non-empty interface value (py.Object).
type goIface struct {
	tab  unsafe.Pointer
	data unsafe.Pointer
}

var (
	boxInt64Type = func() unsafe.Pointer {
		var v any = int64(1 << 40)
		return (*goEface)(unsafe.Pointer(&v)).typ
	}()
	boxPyIntTab = func() unsafe.Pointer {
		var o py.Object = py.Int(1 << 40)
		return (*goIface)(unsafe.Pointer(&o)).tab
	}()
)

// pyIntOf returns v as a py.Int sharing v's word, if v holds an int64.
func pyIntOf(v wire.Value) (py.Object, bool) {
	e := (*goEface)(unsafe.Pointer(&v))
	if e.typ != boxInt64Type {
		return nil, false
	}
	var o py.Object
	*(*goIface)(unsafe.Pointer(&o)) = goIface{tab: boxPyIntTab, data: e.data}
	return o, true
}

// wireIntOf returns o as an int64 wire.Value sharing o's word, if o holds a
// py.Int.
func wireIntOf(o py.Object) (wire.Value, bool) {
	if o == nil {
		return nil, false
	}
	i := (*goIface)(unsafe.Pointer(&o))
	if i.tab != boxPyIntTab {
		return nil, false
	}
	var v wire.Value
	*(*goEface)(unsafe.Pointer(&v)) = goEface{typ: boxInt64Type, data: i.data}
	return v, true
}

// int64Slab boxes int64s many to an allocation (see pool/wire's slabs).
type int64Slab struct{ words []int64 }

// slabMax is the most words one slab holds: a value kept alive keeps its
// slab alive.
const slabMax = 512

// box returns n as a wire.Value whose word lives in the slab.
func (s *int64Slab) box(n int64) wire.Value {
	if n >= 0 && n < 256 {
		return n // the runtime boxes 0…255 without allocating
	}
	if len(s.words) == 0 {
		s.words = make([]int64, slabMax)
	}
	p := &s.words[0]
	s.words = s.words[1:]
	*p = n
	var v wire.Value
	*(*goEface)(unsafe.Pointer(&v)) = goEface{typ: boxInt64Type, data: unsafe.Pointer(p)}
	return v
}

// RangeValues is the items of r as wire values, boxed in slabs: what
// converting each item of iter(r) gives, without making the py.Ints.
func RangeValues(r *py.Range) []wire.Value {
	out := make([]wire.Value, max(0, int(r.Length)))
	var s int64Slab
	x, step := int64(r.Start), int64(r.Step)
	for i := range out {
		out[i] = s.box(x)
		x += step
	}
	return out
}
