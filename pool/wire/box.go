package wire

import "unsafe"

// Boxing: storing an int64 or float64 in an interface allocates 8 bytes
// each time (except small ints). A list of 1000 numbers would cost 1000
// allocations, so the decoder boxes numbers into a slab instead: one
// allocation holds many values, and each interface points at its own word.
// The interfaces are built as the runtime builds them (a type word and a
// pointer to the value); the values are never written again.

// eface is the layout of an interface{} value.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

func typeWord(v any) unsafe.Pointer { return (*eface)(unsafe.Pointer(&v)).typ }

var (
	int64Type   = typeWord(int64(0))
	float64Type = typeWord(float64(0))

	// negFixInts are -32…-1 boxed once (the runtime already boxes 0…255
	// without allocating).
	negFixInts = func() (t [32]Value) {
		for i := range t {
			t[i] = int64(i - 32)
		}
		return t
	}()
)

// maxSlab is the most words a slab holds: a value kept alive keeps its
// slab alive, so slabs stay small.
const maxSlab = 512

// word returns a fresh word from the slab, refilling it when empty. Numbers
// that reach the slab take at least 2 bytes of input each, so a slab never
// has more words than the input could fill.
func (d *decoder) word() *int64 {
	if len(d.words) == 0 {
		d.words = make([]int64, min(d.left()/2+1, maxSlab))
	}
	p := &d.words[0]
	d.words = d.words[1:]
	return p
}

// boxInt returns n as a Value without a separate allocation.
func (d *decoder) boxInt(n int64) Value {
	if n >= -32 && n < 256 {
		if n < 0 {
			return negFixInts[n+32]
		}
		return n // the runtime boxes 0…255 without allocating
	}
	p := d.word()
	*p = n
	var v Value
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: int64Type, data: unsafe.Pointer(p)}
	return v
}

// boxFloat returns f as a Value without a separate allocation.
func (d *decoder) boxFloat(f float64) Value {
	p := d.word()
	*(*float64)(unsafe.Pointer(p)) = f
	var v Value
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: float64Type, data: unsafe.Pointer(p)}
	return v
}
