package sharedctypes

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"runtime"
	"unicode/utf8"

	"github.com/pypool/pypool/pool/internal/shmblock"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/resourcetracker"
)

// Raw is a RawValue (one slot) or a RawArray (Len slots) in shared
// memory, without a lock. Slots are laid out as a ctypes array on Linux
// amd64: native byte order, Size bytes each, from an aligned start.
type Raw struct {
	typ    Type
	spec   string // the typecode or ctypes name asked for
	length int    // -1 for a RawValue
	block  *shmblock.Block
	off    int // where the slots start in block (a Struct's field)
}

// State describes a Raw for Open (CPython pickles the type, the heap
// wrapper and the length).
type State struct {
	Name   string // the shared block
	Type   string // typecode or ctypes name
	Length int    // -1 for a RawValue
}

// RawValue is sharedctypes.RawValue(typecode_or_type): one zeroed slot
// (set an initial value with SetValue, as CPython's __init__(*args)).
func RawValue(typecodeOrType string) (*Raw, error) { return newRaw(typecodeOrType, -1) }

// RawArray is sharedctypes.RawArray(typecode_or_type, size): n zeroed
// slots (fill them with Set, as CPython does from an initializer). A
// negative n fails as ctypes does.
func RawArray(typecodeOrType string, n int) (*Raw, error) {
	if n < 0 {
		return nil, &pyexc.ValueError{Msg: fmt.Sprintf("Array length must be >= 0, not %d", n)}
	}
	return newRaw(typecodeOrType, n)
}

func newRaw(spec string, length int) (*Raw, error) {
	t, err := TypeOf(spec)
	if err != nil {
		return nil, err
	}
	b, err := shmblock.New(max(t.Size*max(length, 1), 8), resourcetracker.Heap)
	if err != nil {
		return nil, err
	}
	return &Raw{typ: t, spec: spec, length: length, block: b}, nil
}

// Open attaches to the Raw st describes, made in any process.
func Open(st State) (*Raw, error) {
	t, err := TypeOf(st.Type)
	if err != nil {
		return nil, err
	}
	b, err := shmblock.Open(st.Name)
	if err != nil {
		return nil, err
	}
	if len(b.Mem()) < t.Size*max(st.Length, 1) {
		return nil, &pyexc.ValueError{Msg: fmt.Sprintf("sharedctypes: %s is too small for %d %s", st.Name, max(st.Length, 1), t.Name)}
	}
	return &Raw{typ: t, spec: st.Type, length: st.Length, block: b}, nil
}

// State describes r for Open in another process.
// (A Struct's field has no State of its own: send the Struct's.)
func (r *Raw) State() State { return State{Name: r.block.Name(), Type: r.spec, Length: r.length} }

// Type is the slots' ctypes type.
func (r *Raw) Type() Type { return r.typ }

// IsArray reports whether r is a RawArray.
func (r *Raw) IsArray() bool { return r.length >= 0 }

// Len is the number of slots (1 for a RawValue).
func (r *Raw) Len() int {
	if r.length < 0 {
		return 1
	}
	return r.length
}

// Bytes is the slots' memory (ctypes' buffer: memoryview, bytes(obj)),
// valid while r is reachable.
func (r *Raw) Bytes() []byte { return r.block.Mem()[r.off:][:r.typ.Size*r.Len()] }

// slot resolves a ctypes index (negative counts from the end).
func (r *Raw) slot(i int) ([]byte, error) {
	n := r.Len()
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return nil, &pyexc.IndexError{Msg: "invalid index"}
	}
	return r.block.Mem()[r.off+i*r.typ.Size:][:r.typ.Size], nil
}

// Get is obj[i] (or obj.value for i 0 of a RawValue): int64 for signed
// types, uint64 unsigned, float64 for c_float/c_double, bool, byte for
// c_char, rune for c_wchar.
func (r *Raw) Get(i int) (any, error) {
	defer runtime.KeepAlive(r)
	b, err := r.slot(i)
	if err != nil {
		return nil, err
	}
	switch r.typ.Class {
	case Signed:
		u := readUint(b)
		shift := 64 - 8*uint(len(b))
		return int64(u<<shift) >> shift, nil
	case Unsigned:
		return readUint(b), nil
	case Float:
		if len(b) == 4 {
			return float64(math.Float32frombits(binary.NativeEndian.Uint32(b))), nil
		}
		return math.Float64frombits(binary.NativeEndian.Uint64(b)), nil
	case Bool:
		return b[0] != 0, nil
	case Char:
		return b[0], nil
	default: // Wchar
		return rune(binary.NativeEndian.Uint32(b)), nil
	}
}

func readUint(b []byte) uint64 {
	switch len(b) {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(binary.NativeEndian.Uint16(b))
	case 4:
		return uint64(binary.NativeEndian.Uint32(b))
	}
	return binary.NativeEndian.Uint64(b)
}

func writeUint(b []byte, u uint64) {
	switch len(b) {
	case 1:
		b[0] = byte(u)
	case 2:
		binary.NativeEndian.PutUint16(b, uint16(u))
	case 4:
		binary.NativeEndian.PutUint32(b, uint32(u))
	default:
		binary.NativeEndian.PutUint64(b, u)
	}
}

// Set is obj[i] = v. Integer types take int, int64 or uint64 and keep the
// low bits, as ctypes does (c_byte(300) is 44); c_float/c_double take
// float64 or an integer; c_bool takes bool; c_char a byte (or one-byte
// []byte); c_wchar a rune (or one-character string).
func (r *Raw) Set(i int, v any) error {
	defer runtime.KeepAlive(r)
	b, err := r.slot(i)
	if err != nil {
		return err
	}
	bad := func() error {
		return &pyexc.TypeError{Msg: fmt.Sprintf("sharedctypes: a %s slot cannot hold a %T", r.typ.Name, v)}
	}
	switch r.typ.Class {
	case Signed, Unsigned:
		u, ok := asInt(v)
		if !ok {
			return bad()
		}
		writeUint(b, u)
	case Float:
		var f float64
		switch v := v.(type) {
		case float64:
			f = v
		case float32:
			f = float64(v)
		default:
			u, ok := asInt(v)
			if !ok {
				return bad()
			}
			f = float64(int64(u))
		}
		if len(b) == 4 {
			binary.NativeEndian.PutUint32(b, math.Float32bits(float32(f)))
		} else {
			binary.NativeEndian.PutUint64(b, math.Float64bits(f))
		}
	case Bool:
		t, ok := v.(bool)
		if !ok {
			return bad()
		}
		b[0] = 0
		if t {
			b[0] = 1
		}
	case Char:
		switch v := v.(type) {
		case byte:
			b[0] = v
		case []byte:
			if len(v) != 1 {
				return &pyexc.TypeError{Msg: "one character bytes, bytearray or integer expected"}
			}
			b[0] = v[0]
		default:
			return bad()
		}
	case Wchar:
		switch v := v.(type) {
		case rune:
			binary.NativeEndian.PutUint32(b, uint32(v))
		case string:
			if utf8.RuneCountInString(v) != 1 {
				return &pyexc.TypeError{Msg: "one character unicode string expected"}
			}
			c, _ := utf8.DecodeRuneInString(v)
			binary.NativeEndian.PutUint32(b, uint32(c))
		default:
			return bad()
		}
	}
	return nil
}

func asInt(v any) (uint64, bool) {
	switch v := v.(type) {
	case int:
		return uint64(v), true
	case int64:
		return uint64(v), true
	case uint64:
		return v, true
	}
	return 0, false
}

// Value is a RawValue's .value (Get(0)).
func (r *Raw) Value() (any, error) { return r.Get(0) }

// SetValue sets a RawValue's .value (Set(0, v)).
func (r *Raw) SetValue(v any) error { return r.Set(0, v) }

// CharValue is a c_char array's .value: its bytes up to the first NUL.
func (r *Raw) CharValue() ([]byte, error) {
	raw, err := r.RawBytes()
	if err != nil {
		return nil, err
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		raw = raw[:i]
	}
	return raw, nil
}

// SetCharValue sets a c_char array's .value: b, then a NUL if it fits
// (ValueError "byte string too long" if b is longer than the array).
func (r *Raw) SetCharValue(b []byte) error {
	if err := r.SetRawBytes(b); err != nil {
		return err
	}
	if len(b) < r.length {
		r.block.Mem()[r.off+len(b)] = 0
	}
	return nil
}

// RawBytes is a c_char array's .raw: a copy of all its bytes.
func (r *Raw) RawBytes() ([]byte, error) {
	if err := r.charArray(); err != nil {
		return nil, err
	}
	return bytes.Clone(r.Bytes()), nil
}

// SetRawBytes sets a c_char array's .raw: b over its first bytes
// (ValueError "byte string too long" if b is longer than the array).
func (r *Raw) SetRawBytes(b []byte) error {
	if err := r.charArray(); err != nil {
		return err
	}
	if len(b) > r.length {
		return &pyexc.ValueError{Msg: "byte string too long"}
	}
	copy(r.Bytes(), b)
	return nil
}

func (r *Raw) charArray() error {
	if r.typ.Class != Char || r.length < 0 {
		return &pyexc.TypeError{Msg: "sharedctypes: .value and .raw as bytes are for c_char arrays"}
	}
	return nil
}

// Copy is sharedctypes.copy(obj): a new Raw of obj's type and length in
// fresh shared memory, holding a copy of obj's slots.
func Copy(obj *Raw) (*Raw, error) {
	r, err := newRaw(obj.spec, obj.length)
	if err != nil {
		return nil, err
	}
	copy(r.Bytes(), obj.Bytes())
	return r, nil
}
