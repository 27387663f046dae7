package wire

import (
	"encoding/binary"
	"math"
	"math/big"
	"unsafe"

	"github.com/vmihailenco/msgpack/v5"
)

// MaxDepth is how deeply values may nest: each list, tuple, set, frozenset,
// dict or exception is one level, and so are the argument arrays of a task
// or init message (so a task's argument may nest MaxDepth-1 levels). Deeper
// values fail to encode and to decode. It is above Python's default
// recursion limit (1000), so that a sender may follow that limit (CPython's
// pickle manages about half of it: 498 levels of lists); nesting costs the
// decoder stack, not heap, and the heap stays bounded by the input's size.
const MaxDepth = 1024

// Ext codes used by this package (see the package documentation).
const (
	extTuple     int8 = 1
	extSet       int8 = 2
	extFrozenSet int8 = 3
	extBigInt    int8 = 4
	extComplex   int8 = 5
	extException int8 = 6
	extRef       int8 = 7
)

// MinExtCode is the lowest ext code available to [Ext] values; codes below
// it are reserved for this package.
const MinExtCode = 32

// frameBuf is the encoder's output: a byte slice that stops storing once it
// would pass limit, but keeps counting, so an oversized frame costs no more
// memory than the limit and its error can still name its full size.
type frameBuf struct {
	b     []byte
	n     int // bytes written, stored or not
	limit int // most bytes stored
	over  bool
}

func (f *frameBuf) reset(limit int) {
	f.b = f.b[:0]
	f.n = 0
	f.limit = limit
	f.over = false
}

// Write implements io.Writer for msgpack.Encoder; it never fails.
func (f *frameBuf) Write(p []byte) (int, error) {
	f.n += len(p)
	if !f.over {
		if f.n > f.limit {
			f.over = true
		} else {
			f.b = append(f.b, p...)
		}
	}
	return len(p), nil
}

// WriteByte implements io.ByteWriter for msgpack.Encoder; it never fails.
func (f *frameBuf) WriteByte(c byte) error {
	f.n++
	if !f.over {
		if f.n > f.limit {
			f.over = true
		} else {
			f.b = append(f.b, c)
		}
	}
	return nil
}

// visit identifies a container on the path being encoded: its data pointer
// and length (two slice headers with both equal hold the same items, so one
// inside the other means the value contains itself).
type visit struct {
	p unsafe.Pointer
	n int
}

// encoder turns messages and values into msgpack with msgpack.Encoder's
// primitives. It is reused from frame to frame, so steady-state encoding
// does not allocate.
type encoder struct {
	buf   frameBuf
	enc   *msgpack.Encoder
	path  []visit // containers being encoded, outermost first
	depth int
}

func newEncoder() *encoder {
	e := &encoder{}
	e.enc = msgpack.NewEncoder(&e.buf)
	return e
}

// start prepares for a new frame whose stored part may be up to limit bytes.
func (e *encoder) start(limit int) {
	e.buf.reset(limit)
	e.path = e.path[:0]
	e.depth = 0
}

// release drops a buffer that grew large, so one huge frame does not pin
// its memory for the life of the stream.
func (e *encoder) release() {
	if cap(e.buf.b) > 1<<20 {
		e.buf.b = nil
	}
}

// enter records that a container is being encoded, failing on a cycle or on
// excessive depth. kind names the container for the cycle message.
func (e *encoder) enter(p unsafe.Pointer, n int, kind string) error {
	if e.depth >= MaxDepth {
		return encodeErrorf("value nested deeper than %d levels", MaxDepth)
	}
	if p != nil {
		for _, v := range e.path {
			if v.p == p && v.n == n {
				return encodeErrorf("cannot encode a value that contains itself (a %s refers back to itself)", kind)
			}
		}
	}
	e.depth++
	e.path = append(e.path, visit{p, n})
	return nil
}

func (e *encoder) leave() {
	e.depth--
	e.path = e.path[:len(e.path)-1]
}

// beginExt writes an ext32 header whose length is patched by endExt, and
// returns where it starts.
func (e *encoder) beginExt(code int8) int {
	start := e.buf.n
	var h = [6]byte{0xc9, 0, 0, 0, 0, byte(code)}
	e.buf.Write(h[:])
	return start
}

// endExt patches the header written by beginExt; short data gets an ext8
// header instead (the data moves down 3 bytes).
func (e *encoder) endExt(start int) {
	l := e.buf.n - start - 6
	if l < 256 {
		e.buf.n -= 3
		if e.buf.over {
			return
		}
		b := e.buf.b
		b[start] = 0xc7
		b[start+1] = byte(l)
		b[start+2] = b[start+5]
		copy(b[start+3:], b[start+6:])
		e.buf.b = b[:len(b)-3]
		return
	}
	if !e.buf.over {
		binary.BigEndian.PutUint32(e.buf.b[start+1:], uint32(l))
	}
}

// values encodes items as a msgpack array.
func (e *encoder) values(items []Value, kind string) error {
	if err := e.enter(unsafe.Pointer(unsafe.SliceData(items)), len(items), kind); err != nil {
		return err
	}
	e.enc.EncodeArrayLen(len(items))
	for _, it := range items {
		if err := e.value(it); err != nil {
			return err
		}
	}
	e.leave()
	return nil
}

// int encodes x in msgpack's smallest int format, the bytes
// msgpack.Encoder.EncodeInt writes, appended at once (ints are most of what
// a map sends).
func (e *encoder) int(x int64) {
	var b [9]byte
	n := 1
	switch {
	case x >= -32 && x <= math.MaxInt8: // positive or negative fixint
		b[0] = byte(x)
	case x > 0 && x <= math.MaxUint8:
		b[0], b[1], n = 0xcc, byte(x), 2
	case x > 0 && x <= math.MaxUint16:
		b[0], n = 0xcd, 3
		binary.BigEndian.PutUint16(b[1:], uint16(x))
	case x > 0 && x <= math.MaxUint32:
		b[0], n = 0xce, 5
		binary.BigEndian.PutUint32(b[1:], uint32(x))
	case x > 0:
		b[0], n = 0xcf, 9
		binary.BigEndian.PutUint64(b[1:], uint64(x))
	case x >= math.MinInt8:
		b[0], b[1], n = 0xd0, byte(x), 2
	case x >= math.MinInt16:
		b[0], n = 0xd1, 3
		binary.BigEndian.PutUint16(b[1:], uint16(x))
	case x >= math.MinInt32:
		b[0], n = 0xd2, 5
		binary.BigEndian.PutUint32(b[1:], uint32(x))
	default:
		b[0], n = 0xd3, 9
		binary.BigEndian.PutUint64(b[1:], uint64(x))
	}
	e.buf.Write(b[:n])
}

// extValues encodes items as an ext of the given code holding an array.
func (e *encoder) extValues(code int8, items []Value, kind string) error {
	start := e.beginExt(code)
	if err := e.values(items, kind); err != nil {
		return err
	}
	e.endExt(start)
	return nil
}

// bytes encodes b as bin (an empty bin for nil: msgpack.Encoder would write nil).
func (e *encoder) bytes(b []byte) {
	e.enc.EncodeBytesLen(len(b))
	e.buf.Write(b)
}

func (e *encoder) dict(d *Dict) error {
	if err := e.enter(unsafe.Pointer(d), -1, "wire.Dict"); err != nil {
		return err
	}
	e.enc.EncodeMapLen(len(d.Items))
	for i := range d.Items {
		if err := e.value(d.Items[i].Key); err != nil {
			return err
		}
		if err := e.value(d.Items[i].Value); err != nil {
			return err
		}
	}
	e.leave()
	return nil
}

func (e *encoder) bigInt(x *big.Int) {
	if x.IsInt64() {
		e.enc.EncodeInt(x.Int64())
		return
	}
	if x.Sign() > 0 && x.IsUint64() {
		e.enc.EncodeUint(x.Uint64())
		return
	}
	n := (x.BitLen() + 7) / 8
	e.enc.EncodeExtHeader(extBigInt, 1+n)
	sign := byte(0)
	if x.Sign() < 0 {
		sign = 1
	}
	e.buf.WriteByte(sign)
	if e.buf.over || e.buf.n+n > e.buf.limit {
		e.buf.n += n // counted, not stored
		e.buf.over = true
		return
	}
	l := len(e.buf.b)
	e.buf.b = append(e.buf.b, make([]byte, n)...)
	x.FillBytes(e.buf.b[l : l+n])
	e.buf.n += n
}

func (e *encoder) complex(c complex128) {
	e.enc.EncodeExtHeader(extComplex, 16)
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], math.Float64bits(real(c)))
	binary.BigEndian.PutUint64(b[8:], math.Float64bits(imag(c)))
	e.buf.Write(b[:])
}

func (e *encoder) exception(x *Exception) error {
	if err := e.enter(unsafe.Pointer(x), -1, "wire.Exception"); err != nil {
		return err
	}
	start := e.beginExt(extException)
	e.enc.EncodeArrayLen(6)
	e.enc.EncodeString(x.Module)
	e.enc.EncodeString(x.Type)
	if err := e.values(x.Args, "wire.Exception's args"); err != nil {
		return err
	}
	e.enc.EncodeString(x.Message)
	e.enc.EncodeString(x.Traceback)
	if err := e.value(x.Class); err != nil {
		return err
	}
	e.endExt(start)
	e.leave()
	return nil
}

func (e *encoder) ref(r Ref) {
	start := e.beginExt(extRef)
	e.enc.EncodeArrayLen(2)
	e.enc.EncodeString(r.Module)
	e.enc.EncodeString(r.Name)
	e.endExt(start)
}

// value encodes one Value.
func (e *encoder) value(v Value) error {
	switch x := v.(type) {
	case nil:
		e.enc.EncodeNil()
	case bool:
		e.enc.EncodeBool(x)
	case int64:
		e.int(x)
	case int:
		e.int(int64(x))
	case float64:
		e.enc.EncodeFloat64(x)
	case string:
		e.enc.EncodeString(x)
	case []byte:
		e.bytes(x)
	case List:
		return e.values(x, "wire.List")
	case Tuple:
		return e.extValues(extTuple, x, "wire.Tuple")
	case *Dict:
		if x == nil {
			e.enc.EncodeNil()
			return nil
		}
		return e.dict(x)
	case Set:
		return e.extValues(extSet, x, "wire.Set")
	case FrozenSet:
		return e.extValues(extFrozenSet, x, "wire.FrozenSet")
	case *big.Int:
		if x == nil {
			e.enc.EncodeNil()
			return nil
		}
		e.bigInt(x)
	case complex128:
		e.complex(x)
	case *Exception:
		if x == nil {
			e.enc.EncodeNil()
			return nil
		}
		return e.exception(x)
	case Ref:
		e.ref(x)
	case Ext:
		if x.Code < MinExtCode {
			return encodeErrorf("cannot encode wire.Ext with code %d: codes below %d are reserved", x.Code, MinExtCode)
		}
		e.enc.EncodeExtHeader(x.Code, len(x.Data))
		e.buf.Write(x.Data)
	case []any:
		return e.values(x, "[]any")
	case int8:
		e.enc.EncodeInt(int64(x))
	case int16:
		e.enc.EncodeInt(int64(x))
	case int32:
		e.enc.EncodeInt(int64(x))
	case uint:
		e.enc.EncodeUint(uint64(x))
	case uint8:
		e.enc.EncodeUint(uint64(x))
	case uint16:
		e.enc.EncodeUint(uint64(x))
	case uint32:
		e.enc.EncodeUint(uint64(x))
	case uint64:
		e.enc.EncodeUint(x)
	case float32:
		e.enc.EncodeFloat64(float64(x))
	case complex64:
		e.complex(complex128(x))
	default:
		return encodeErrorf("cannot encode value of type %T", v)
	}
	return nil
}

// kwargs encodes keyword arguments as a map with string keys.
func (e *encoder) kwargs(kw []KV) error {
	e.enc.EncodeMapLen(len(kw))
	for i := range kw {
		k, ok := kw[i].Key.(string)
		if !ok {
			return encodeErrorf("keyword argument names must be strings, not %T", kw[i].Key)
		}
		e.enc.EncodeString(k)
		if err := e.value(kw[i].Value); err != nil {
			return err
		}
	}
	return nil
}

// message encodes m as a msgpack array [kind, fields...].
func (e *encoder) message(m *Message) error {
	switch m.Kind {
	case KindHello:
		h := m.Hello
		if h == nil {
			return encodeErrorf("hello message without its Hello")
		}
		e.enc.EncodeArrayLen(3)
		e.enc.EncodeUint(uint64(KindHello))
		e.enc.EncodeInt(int64(h.PID))
		e.enc.EncodeString(h.Name)
	case KindDefine:
		d := m.Define
		if d == nil {
			return encodeErrorf("define message without its Define")
		}
		e.enc.EncodeArrayLen(4)
		e.enc.EncodeUint(uint64(KindDefine))
		e.enc.EncodeUint(d.ID)
		e.enc.EncodeString(d.Runtime)
		return e.value(d.Payload)
	case KindTask:
		t := m.Task
		if t == nil {
			return encodeErrorf("task message without its Task")
		}
		if t.Mode > ModeStarmap {
			return encodeErrorf("task with unknown mode %d", t.Mode)
		}
		e.enc.EncodeArrayLen(6)
		e.enc.EncodeUint(uint64(KindTask))
		e.enc.EncodeUint(t.ID)
		e.enc.EncodeUint(t.Func)
		e.enc.EncodeUint(uint64(t.Mode))
		if r := t.ArgsRange; r != nil {
			e.enc.EncodeArrayLen(r.Len)
			for i := range r.Len {
				e.int(r.At(i))
			}
		} else if err := e.values(t.Args, "task's args"); err != nil {
			return err
		}
		return e.kwargs(t.Kwargs)
	case KindResult:
		r := m.Result
		if r == nil {
			return encodeErrorf("result message without its Result")
		}
		e.enc.EncodeArrayLen(4)
		e.enc.EncodeUint(uint64(KindResult))
		e.enc.EncodeUint(r.ID)
		if err := e.value(r.Value); err != nil {
			return err
		}
		if r.Err == nil {
			e.enc.EncodeNil()
			return nil
		}
		return e.exception(r.Err)
	case KindShutdown:
		e.enc.EncodeArrayLen(1)
		e.enc.EncodeUint(uint64(KindShutdown))
	case KindInit:
		in := m.Init
		if in == nil {
			return encodeErrorf("init message without its Init")
		}
		e.enc.EncodeArrayLen(3)
		e.enc.EncodeUint(uint64(KindInit))
		e.enc.EncodeUint(in.Func)
		return e.values(in.Args, "init's args")
	default:
		return encodeErrorf("cannot encode message of unknown kind %d", m.Kind)
	}
	return nil
}

// EncodeMessage returns the msgpack encoding of m: a frame's body, without
// the length prefix. It fails with an *[EncodeError] as [Writer.WriteMessage]
// does, with the [DefaultMaxFrame] limit.
func EncodeMessage(m *Message) ([]byte, error) {
	e := newEncoder()
	e.start(DefaultMaxFrame + slack)
	if err := e.message(m); err != nil {
		return nil, err
	}
	if e.buf.n > DefaultMaxFrame {
		return nil, &EncodeError{Err: &FrameTooLargeError{Size: int64(e.buf.n), Limit: DefaultMaxFrame}}
	}
	return e.buf.b, nil
}

// EncodeValue returns the msgpack encoding of one Value (for example to
// carry structured data inside an [Ext]). Values over [DefaultMaxFrame]
// fail.
func EncodeValue(v Value) ([]byte, error) {
	e := newEncoder()
	e.start(DefaultMaxFrame + slack)
	if err := e.value(v); err != nil {
		return nil, err
	}
	if e.buf.n > DefaultMaxFrame {
		return nil, &EncodeError{Err: &FrameTooLargeError{Size: int64(e.buf.n), Limit: DefaultMaxFrame}}
	}
	return e.buf.b, nil
}

// slack is the headroom the encoder's buffer gets over the frame limit: ext
// headers are written 3 bytes long and shrunk afterwards, at most once per
// nesting level.
const slack = 3*MaxDepth + 64
