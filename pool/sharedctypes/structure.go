package sharedctypes

import (
	"fmt"

	"github.com/pypool/pypool/pool/internal/shmblock"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/resourcetracker"
)

// Field is one of a ctypes Structure's _fields_: a scalar type (Length 0)
// or an array of Length scalars (ctypes' c_short * 3; a zero-length array
// field cannot be said). Nested structures are not implemented.
type Field struct {
	Name   string
	Type   string // typecode or ctypes name
	Length int
}

// Struct is a RawValue of a ctypes Structure subclass: its fields laid
// out as the C compiler does on Linux amd64 (each at a multiple of its
// alignment, the size rounded up to the largest alignment), so the bytes
// are what CPython's ctypes would hold.
type Struct struct {
	fields []Field
	raws   map[string]*Raw
	order  []*Raw
	block  *shmblock.Block
	size   int
}

// StructState describes a Struct for OpenStruct.
type StructState struct {
	Name   string
	Fields []Field
}

// layout computes each field's offset and the structure's size.
func layout(fields []Field) (offs []int, size int, err error) {
	align := 1
	seen := map[string]bool{}
	for _, f := range fields {
		t, err := TypeOf(f.Type)
		if err != nil {
			return nil, 0, err
		}
		if f.Length < 0 {
			return nil, 0, &pyexc.ValueError{Msg: fmt.Sprintf("Array length must be >= 0, not %d", f.Length)}
		}
		if seen[f.Name] {
			return nil, 0, &pyexc.ValueError{Msg: fmt.Sprintf("sharedctypes: field %q appears twice", f.Name)}
		}
		seen[f.Name] = true
		size = (size + t.Align - 1) / t.Align * t.Align
		offs = append(offs, size)
		size += t.Size * max(f.Length, 1)
		align = max(align, t.Align)
	}
	return offs, (size + align - 1) / align * align, nil
}

// RawStruct is RawValue(SomeStructure): a zeroed structure with fields.
func RawStruct(fields []Field) (*Struct, error) {
	_, size, err := layout(fields)
	if err != nil {
		return nil, err
	}
	b, err := shmblock.New(max(size, 8), resourcetracker.Heap)
	if err != nil {
		return nil, err
	}
	return newStruct(fields, b)
}

// OpenStruct attaches to the Struct st describes.
func OpenStruct(st StructState) (*Struct, error) {
	b, err := shmblock.Open(st.Name)
	if err != nil {
		return nil, err
	}
	return newStruct(st.Fields, b)
}

func newStruct(fields []Field, b *shmblock.Block) (*Struct, error) {
	offs, size, err := layout(fields)
	if err != nil {
		return nil, err
	}
	if len(b.Mem()) < size {
		return nil, &pyexc.ValueError{Msg: fmt.Sprintf("sharedctypes: %s is too small for the structure", b.Name())}
	}
	s := &Struct{fields: fields, raws: map[string]*Raw{}, block: b, size: size}
	for i, f := range fields {
		t, _ := TypeOf(f.Type)
		length := -1
		if f.Length > 0 {
			length = f.Length
		}
		r := &Raw{typ: t, spec: f.Type, length: length, block: b, off: offs[i]}
		s.raws[f.Name] = r
		s.order = append(s.order, r)
	}
	return s, nil
}

// State describes s for OpenStruct in another process.
func (s *Struct) State() StructState { return StructState{Name: s.block.Name(), Fields: s.fields} }

// Size is ctypes.sizeof of the structure.
func (s *Struct) Size() int { return s.size }

// Field is the field called name: a RawValue-like view (Value/SetValue)
// of a scalar field, a RawArray-like view of an array field, sharing the
// structure's memory. An unknown name fails as CPython's AttributeError.
func (s *Struct) Field(name string) (*Raw, error) {
	if r, ok := s.raws[name]; ok {
		return r, nil
	}
	return nil, &pyexc.AttributeError{Msg: fmt.Sprintf("'Structure' object has no attribute '%s'", name)}
}

// Offset is the byte offset of field i (ctypes' Structure.field.offset).
func (s *Struct) Offset(i int) int { return s.order[i].off }

// Bytes is the structure's memory (bytes(obj)), valid while s is
// reachable.
func (s *Struct) Bytes() []byte { return s.block.Mem()[:s.size] }
