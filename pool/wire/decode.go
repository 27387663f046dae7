package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
)

// decoder parses msgpack from a byte slice by hand. Every declared length
// is checked before anything is allocated against the bytes that are left
// and not already owed to items declared earlier: an array of n items needs
// n bytes, a map of n entries 2n, and each container reserves them until
// its items start. So the slots that all containers allocate together never
// outnumber the input's bytes (nested headers cannot each claim the same
// remainder), and hostile input costs at most a small multiple of its own
// size; nesting is capped at MaxDepth. Strings, bins and ext data are
// copied: the input may be reused.
type decoder struct {
	b      []byte
	off    int
	owed   int // bytes reserved for declared items not yet started (one each; within d.b)
	depth  int
	prefix string  // "wire: bad frame: " or "wire: bad value: "
	words  []int64 // slab that boxed int64s and float64s point into
}

// emptyList is what an empty array decodes to: a non-nil List that costs no
// allocation (appending to it allocates a new one, so sharing it is safe).
var emptyList Value = List{}

func (d *decoder) errf(format string, args ...any) error {
	return errors.New(d.prefix + fmt.Sprintf(format, args...))
}

func (d *decoder) left() int { return len(d.b) - d.off }

// avail is what a new declaration may claim: the bytes left, less those
// owed to items that enclosing containers declared and have not started.
func (d *decoder) avail() int { return d.left() - d.owed }

// reserve checks that n units of per bytes each fit in avail and owes them:
// the container's items are then paid for one by one (start).
func (d *decoder) reserve(n, per int, what, unit string) error {
	if _, err := d.size(uint32(n), per, what, unit); err != nil {
		return err
	}
	d.owed += n * per
	return nil
}

// start is called as each reserved item begins: its byte is no longer owed.
func (d *decoder) start() { d.owed-- }

// truncated reports that what needed n more bytes than are left.
func (d *decoder) truncated(what string, n int) error {
	return d.errf("%s needs %d bytes at offset %d but only %d are left", what, n, d.off, d.left())
}

func (d *decoder) u8(what string) (int, error) {
	if d.left() < 1 {
		return 0, d.truncated(what, 1)
	}
	v := d.b[d.off]
	d.off++
	return int(v), nil
}

func (d *decoder) u16(what string) (int, error) {
	if d.left() < 2 {
		return 0, d.truncated(what, 2)
	}
	v := binary.BigEndian.Uint16(d.b[d.off:])
	d.off += 2
	return int(v), nil
}

func (d *decoder) u32(what string) (uint32, error) {
	if d.left() < 4 {
		return 0, d.truncated(what, 4)
	}
	v := binary.BigEndian.Uint32(d.b[d.off:])
	d.off += 4
	return v, nil
}

func (d *decoder) u64(what string) (uint64, error) {
	if d.left() < 8 {
		return 0, d.truncated(what, 8)
	}
	v := binary.BigEndian.Uint64(d.b[d.off:])
	d.off += 8
	return v, nil
}

// size converts a declared 32-bit length to int, checking it against the
// bytes available: each unit (a byte, an item, an entry) needs at least per
// bytes.
func (d *decoder) size(n uint32, per int, what, unit string) (int, error) {
	if uint64(n)*uint64(per) > uint64(max(d.avail(), 0)) {
		if d.owed > 0 {
			return 0, d.errf("%s: %d %s declared at offset %d, only %d bytes left after the %d that earlier items need", what, n, unit, d.off, d.avail(), d.owed)
		}
		return 0, d.errf("%s: %d %s declared at offset %d, only %d bytes left", what, n, unit, d.off, d.left())
	}
	return int(n), nil
}

// length reads a length of 1, 2 or 4 bytes (width) and checks it.
func (d *decoder) length(width, per int, what, unit string) (int, error) {
	var n uint32
	switch width {
	case 1:
		v, err := d.u8(what)
		if err != nil {
			return 0, err
		}
		n = uint32(v)
	case 2:
		v, err := d.u16(what)
		if err != nil {
			return 0, err
		}
		n = uint32(v)
	default:
		v, err := d.u32(what)
		if err != nil {
			return 0, err
		}
		n = v
	}
	return d.size(n, per, what, unit)
}

func (d *decoder) enter(what string) error {
	if d.depth >= MaxDepth {
		return d.errf("%s at offset %d is nested deeper than %d levels", what, d.off, MaxDepth)
	}
	d.depth++
	return nil
}

// value decodes one Value.
func (d *decoder) value() (Value, error) {
	if d.left() < 1 {
		return nil, d.truncated("value", 1)
	}
	c := d.b[d.off]
	d.off++
	switch {
	case c <= 0x7f:
		return int64(c), nil
	case c >= 0xe0:
		return negFixInts[c-0xe0], nil
	case c >= 0xa0 && c <= 0xbf:
		return d.strBody(int(c&0x1f), "string")
	case c >= 0x90 && c <= 0x9f:
		return d.list(int(c & 0x0f))
	case c >= 0x80 && c <= 0x8f:
		return d.dict(int(c & 0x0f))
	}
	switch c {
	case 0xc0:
		return nil, nil
	case 0xc2:
		return false, nil
	case 0xc3:
		return true, nil
	case 0xc4, 0xc5, 0xc6:
		n, err := d.length(1<<(c-0xc4), 1, "bin", "bytes")
		if err != nil {
			return nil, err
		}
		b := make([]byte, n)
		copy(b, d.b[d.off:])
		d.off += n
		return b, nil
	case 0xc7, 0xc8, 0xc9:
		n, err := d.length(1<<(c-0xc7), 1, "ext", "bytes")
		if err != nil {
			return nil, err
		}
		return d.ext(n)
	case 0xca:
		v, err := d.u32("float32")
		if err != nil {
			return nil, err
		}
		return d.boxFloat(float64(math.Float32frombits(v))), nil
	case 0xcb:
		v, err := d.u64("float64")
		if err != nil {
			return nil, err
		}
		return d.boxFloat(math.Float64frombits(v)), nil
	case 0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3:
		d.off--
		return d.integer("integer")
	case 0xd4, 0xd5, 0xd6, 0xd7, 0xd8:
		n := 1 << (c - 0xd4)
		if d.avail() < 1+n {
			return nil, d.truncated("fixext", 1+n)
		}
		return d.ext(n)
	case 0xd9, 0xda, 0xdb:
		n, err := d.length(1<<(c-0xd9), 1, "string", "bytes")
		if err != nil {
			return nil, err
		}
		return d.strBody(n, "string")
	case 0xdc, 0xdd:
		n, err := d.length(2<<(c-0xdc), 1, "array", "items")
		if err != nil {
			return nil, err
		}
		return d.list(n)
	case 0xde, 0xdf:
		n, err := d.length(2<<(c-0xde), 2, "map", "entries")
		if err != nil {
			return nil, err
		}
		return d.dict(n)
	}
	return nil, d.errf("byte 0x%02x at offset %d is not a msgpack type", c, d.off-1)
}

// strBody reads the n bytes of a string whose header was consumed.
func (d *decoder) strBody(n int, what string) (string, error) {
	if n > d.avail() {
		return "", d.truncated(what, n)
	}
	s := string(d.b[d.off : d.off+n])
	d.off += n
	return s, nil
}

// rawInt decodes any msgpack int without boxing it: n, or, for a uint64
// above math.MaxInt64, huge set and the value in u.
func (d *decoder) rawInt(what string) (n int64, u uint64, huge bool, err error) {
	if d.left() < 1 {
		return 0, 0, false, d.truncated(what, 1)
	}
	c := d.b[d.off]
	d.off++
	switch {
	case c <= 0x7f:
		return int64(c), 0, false, nil
	case c >= 0xe0:
		return int64(int8(c)), 0, false, nil
	}
	var v int
	var v32 uint32
	var v64 uint64
	switch c {
	case 0xcc:
		v, err = d.u8(what)
		return int64(v), 0, false, err
	case 0xcd:
		v, err = d.u16(what)
		return int64(v), 0, false, err
	case 0xce:
		v32, err = d.u32(what)
		return int64(v32), 0, false, err
	case 0xcf:
		v64, err = d.u64(what)
		if v64 > math.MaxInt64 {
			return 0, v64, true, err
		}
		return int64(v64), 0, false, err
	case 0xd0:
		v, err = d.u8(what)
		return int64(int8(v)), 0, false, err
	case 0xd1:
		v, err = d.u16(what)
		return int64(int16(v)), 0, false, err
	case 0xd2:
		v32, err = d.u32(what)
		return int64(int32(v32)), 0, false, err
	case 0xd3:
		v64, err = d.u64(what)
		return int64(v64), 0, false, err
	}
	return 0, 0, false, d.errf("%s: expected an integer at offset %d, got byte 0x%02x", what, d.off-1, c)
}

// integer decodes any msgpack int: int64 when it fits, else *big.Int.
func (d *decoder) integer(what string) (Value, error) {
	n, u, huge, err := d.rawInt(what)
	if err != nil {
		return nil, err
	}
	if huge {
		return new(big.Int).SetUint64(u), nil
	}
	return d.boxInt(n), nil
}

// uint decodes a non-negative integer field.
func (d *decoder) uint(what string) (uint64, error) {
	n, u, huge, err := d.rawInt(what)
	if err != nil || huge {
		return u, err
	}
	if n < 0 {
		return 0, d.errf("%s: expected a non-negative integer, got %d", what, n)
	}
	return uint64(n), nil
}

// int decodes an integer field that must fit int64.
func (d *decoder) int(what string) (int64, error) {
	n, _, huge, err := d.rawInt(what)
	if err == nil && huge {
		err = d.errf("%s: integer out of range", what)
	}
	return n, err
}

// string decodes a string field.
func (d *decoder) string(what string) (string, error) {
	if d.left() < 1 {
		return "", d.truncated(what, 1)
	}
	c := d.b[d.off]
	d.off++
	var n int
	var err error
	switch {
	case c >= 0xa0 && c <= 0xbf:
		n = int(c & 0x1f)
	case c == 0xd9 || c == 0xda || c == 0xdb:
		n, err = d.length(1<<(c-0xd9), 1, what, "bytes")
	default:
		return "", d.errf("%s: expected a string at offset %d, got byte 0x%02x", what, d.off-1, c)
	}
	if err != nil {
		return "", err
	}
	return d.strBody(n, what)
}

// arrayHeader decodes an array header and checks its length.
func (d *decoder) arrayHeader(what string) (int, error) {
	if d.left() < 1 {
		return 0, d.truncated(what, 1)
	}
	c := d.b[d.off]
	d.off++
	switch {
	case c >= 0x90 && c <= 0x9f:
		return int(c & 0x0f), nil
	case c == 0xdc || c == 0xdd:
		return d.length(2<<(c-0xdc), 1, what, "items")
	}
	return 0, d.errf("%s: expected an array at offset %d, got byte 0x%02x", what, d.off-1, c)
}

// mapHeader decodes a map header and checks its length.
func (d *decoder) mapHeader(what string) (int, error) {
	if d.left() < 1 {
		return 0, d.truncated(what, 1)
	}
	c := d.b[d.off]
	d.off++
	switch {
	case c >= 0x80 && c <= 0x8f:
		return int(c & 0x0f), nil
	case c == 0xde || c == 0xdf:
		return d.length(2<<(c-0xde), 2, what, "entries")
	}
	return 0, d.errf("%s: expected a map at offset %d, got byte 0x%02x", what, d.off-1, c)
}

// items decodes n values (a header already consumed) as one nesting level,
// into inline when it is long enough (saving an allocation).
func (d *decoder) items(n int, what string, inline []Value) ([]Value, error) {
	if err := d.enter(what); err != nil {
		return nil, err
	}
	if err := d.reserve(n, 1, what, "items"); err != nil {
		return nil, err
	}
	var items []Value
	if n > 0 && n <= len(inline) {
		items = inline[:n:n]
	} else {
		items = make([]Value, n)
	}
	for i := range items {
		d.start()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		items[i] = v
	}
	d.depth--
	return items, nil
}

func (d *decoder) list(n int) (Value, error) {
	if n == 0 {
		if err := d.enter("array"); err != nil {
			return nil, err
		}
		d.depth--
		return emptyList, nil
	}
	items, err := d.items(n, "array", nil)
	if err != nil {
		return nil, err
	}
	return List(items), nil
}

func (d *decoder) dict(n int) (Value, error) {
	if err := d.enter("map"); err != nil {
		return nil, err
	}
	if err := d.reserve(n, 2, "map", "entries"); err != nil {
		return nil, err
	}
	dict := &Dict{Items: make([]KV, n)}
	for i := range dict.Items {
		d.start()
		k, err := d.value()
		if err != nil {
			return nil, err
		}
		d.start()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		dict.Items[i] = KV{k, v}
	}
	d.depth--
	return dict, nil
}

// array decodes a whole array (header and items) as one nesting level;
// nilIfEmpty returns nil rather than an empty slice; inline is used for the
// items when it is long enough.
func (d *decoder) array(what string, nilIfEmpty bool, inline []Value) ([]Value, error) {
	n, err := d.arrayHeader(what)
	if err != nil {
		return nil, err
	}
	if n == 0 && nilIfEmpty {
		if err := d.enter(what); err != nil {
			return nil, err
		}
		d.depth--
		return nil, nil
	}
	return d.items(n, what, inline)
}

// ext decodes an ext value whose header (with length n) was consumed; the
// code byte and n bytes of data are known to be present.
func (d *decoder) ext(n int) (Value, error) {
	if d.avail() < 1+n {
		return nil, d.truncated("ext", 1+n)
	}
	code := int8(d.b[d.off])
	d.off++
	end := d.off + n
	// Inside the ext's data nothing is owed: what enclosing containers
	// reserved lies after end. (A failed decode leaves owed as it is.)
	owed := d.owed
	d.owed = 0
	defer func() { d.owed = owed }()
	switch code {
	case extTuple, extSet, extFrozenSet:
		outer := d.b
		d.b = d.b[:end]
		items, err := d.array(extName(code), false, nil)
		if err == nil && d.off != end {
			err = d.errf("%s: %d stray bytes after its items", extName(code), end-d.off)
		}
		d.b = outer
		if err != nil {
			return nil, err
		}
		switch code {
		case extTuple:
			return Tuple(items), nil
		case extSet:
			return Set(items), nil
		}
		return FrozenSet(items), nil
	case extBigInt:
		if n < 1 || d.b[d.off] > 1 {
			return nil, d.errf("big int at offset %d: bad sign byte", d.off)
		}
		neg := d.b[d.off] == 1
		x := new(big.Int).SetBytes(d.b[d.off+1 : end])
		d.off = end
		if neg {
			x.Neg(x)
		}
		if x.IsInt64() {
			return x.Int64(), nil
		}
		return x, nil
	case extComplex:
		if n != 16 {
			return nil, d.errf("complex at offset %d has %d bytes, want 16", d.off, n)
		}
		re := math.Float64frombits(binary.BigEndian.Uint64(d.b[d.off:]))
		im := math.Float64frombits(binary.BigEndian.Uint64(d.b[d.off+8:]))
		d.off = end
		return complex(re, im), nil
	case extException, extRef:
		outer := d.b
		d.b = d.b[:end]
		var v Value
		var err error
		if code == extException {
			v, err = d.exceptionBody()
		} else {
			v, err = d.refBody()
		}
		if err == nil && d.off != end {
			err = d.errf("%s: %d stray bytes after its fields", extName(code), end-d.off)
		}
		d.b = outer
		if err != nil {
			return nil, err
		}
		return v, nil
	}
	if code < MinExtCode {
		return nil, d.errf("unknown ext code %d at offset %d", code, d.off-1)
	}
	data := make([]byte, n)
	copy(data, d.b[d.off:end])
	d.off = end
	return Ext{Code: code, Data: data}, nil
}

func extName(code int8) string {
	switch code {
	case extTuple:
		return "tuple"
	case extSet:
		return "set"
	case extFrozenSet:
		return "frozenset"
	case extException:
		return "exception"
	case extRef:
		return "ref"
	}
	return "ext"
}

// exceptionBody decodes [module, type, args, message, traceback, class].
func (d *decoder) exceptionBody() (*Exception, error) {
	if err := d.enter("exception"); err != nil {
		return nil, err
	}
	n, err := d.arrayHeader("exception")
	if err != nil {
		return nil, err
	}
	if n != 6 {
		return nil, d.errf("exception has %d fields, want 6", n)
	}
	x := new(Exception)
	if x.Module, err = d.string("exception module"); err != nil {
		return nil, err
	}
	if x.Type, err = d.string("exception type"); err != nil {
		return nil, err
	}
	if x.Args, err = d.array("exception args", true, nil); err != nil {
		return nil, err
	}
	if x.Message, err = d.string("exception message"); err != nil {
		return nil, err
	}
	if x.Traceback, err = d.string("exception traceback"); err != nil {
		return nil, err
	}
	if x.Class, err = d.value(); err != nil {
		return nil, err
	}
	d.depth--
	return x, nil
}

// refBody decodes [module, name].
func (d *decoder) refBody() (Ref, error) {
	n, err := d.arrayHeader("ref")
	if err != nil {
		return Ref{}, err
	}
	if n != 2 {
		return Ref{}, d.errf("ref has %d fields, want 2", n)
	}
	var r Ref
	if r.Module, err = d.string("ref module"); err != nil {
		return Ref{}, err
	}
	if r.Name, err = d.string("ref name"); err != nil {
		return Ref{}, err
	}
	return r, nil
}

// DecodeValue decodes one Value encoded by [EncodeValue]. Any input either
// decodes or returns an error ("wire: bad value: ..."); it never panics.
func DecodeValue(b []byte) (Value, error) {
	d := decoder{b: b, prefix: "wire: bad value: "}
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	if d.off != len(b) {
		return nil, d.errf("%d stray bytes after the value", len(b)-d.off)
	}
	return v, nil
}
