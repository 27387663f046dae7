package sharedmem

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pypool/pypool/pool/pyexc"
)

// ShareableList is multiprocessing.shared_memory.ShareableList: a list of
// fixed length whose items (int64, float64, bool, string, []byte or nil)
// live in a SharedMemory block in CPython's layout, little-endian as on
// Linux amd64:
//
//	8 bytes        N, the number of items
//	(N+1)×8 bytes  each item's offset into the data area, and its end
//	data area      the items: 8 bytes for int ("q"), float ("d"), bool
//	               ("xxxxxxx?": the byte at +7) and None ("xxxxxx?x");
//	               str/bytes get 8×(len/8+1) bytes ("%ds", NUL-padded),
//	               len counting a str's characters as Python does
//	N×8 bytes      each item's struct format, NUL-padded
//	N bytes        each item's back-transform code: 0 int/float/bool,
//	               1 str, 2 bytes, 3 None
//
// As in CPython, trailing NUL bytes of a str or bytes item do not survive
// (they are indistinguishable from padding), and a str item longer in
// UTF-8 than its slot is cut to the slot.
type ShareableList struct {
	shm     *SharedMemory
	n       int
	offsets []int // N+1 offsets into the data area
}

// Item types and their formats.
const (
	codeValue = 0
	codeStr   = 1
	codeBytes = 2
	codeNone  = 3
	fmtBool   = "xxxxxxx?"
	fmtNone   = "xxxxxx?x"
)

// itemFormat is the struct format and code for v; str and bytes formats
// get their slot size.
func itemFormat(v any) (string, int, error) {
	switch v := v.(type) {
	case int, int64:
		return "q", codeValue, nil
	case float64:
		return "d", codeValue, nil
	case bool:
		return fmtBool, codeValue, nil
	case nil:
		return fmtNone, codeNone, nil
	case string:
		return strconv.Itoa(8*(utf8.RuneCountInString(v)/8+1)) + "s", codeStr, nil
	case []byte:
		return strconv.Itoa(8*(len(v)/8+1)) + "s", codeBytes, nil
	}
	return "", 0, &pyexc.TypeError{Msg: fmt.Sprintf("ShareableList cannot hold a %T", v)}
}

// NewShareableList is ShareableList(sequence, name=name): it creates a
// block (named name, or "psm_…" when name is empty) holding items.
func NewShareableList(items []any, name string) (*ShareableList, error) {
	formats := make([]string, len(items))
	codes := make([]int, len(items))
	offsets := make([]int, 1, len(items)+1)
	data := 0
	for i, v := range items {
		f, c, err := itemFormat(v)
		if err != nil {
			return nil, err
		}
		formats[i], codes[i] = f, c
		if strings.HasSuffix(f, "s") {
			n, _ := strconv.Atoi(f[:len(f)-1])
			data += n
		} else {
			data += 8
		}
		offsets = append(offsets, data)
	}
	n := len(items)
	shm, err := New(name, true, 8+8*(n+1)+data+8*n+n)
	if err != nil {
		return nil, err
	}
	l := &ShareableList{shm: shm, n: n, offsets: offsets}
	buf := shm.Buf()
	binary.LittleEndian.PutUint64(buf, uint64(n))
	for i, off := range offsets {
		binary.LittleEndian.PutUint64(buf[8+8*i:], uint64(off))
	}
	for i, v := range items {
		l.store(i, formats[i], codes[i], v)
	}
	return l, nil
}

// OpenShareableList is ShareableList(name=name): it attaches to a list
// made by this package or by CPython.
func OpenShareableList(name string) (*ShareableList, error) {
	shm, err := New(name, false, 0)
	if err != nil {
		return nil, err
	}
	buf := shm.Buf()
	bad := func() (*ShareableList, error) {
		shm.Close()
		return nil, &pyexc.ValueError{Msg: "shared memory block " + name + " does not hold a ShareableList"}
	}
	if len(buf) < 16 {
		return bad()
	}
	n := int(int64(binary.LittleEndian.Uint64(buf)))
	if n < 0 || n > (len(buf)-16)/17 {
		return bad()
	}
	offsets := make([]int, n+1)
	for i := range offsets {
		offsets[i] = int(int64(binary.LittleEndian.Uint64(buf[8+8*i:])))
		if offsets[i] < 0 || (i > 0 && offsets[i] < offsets[i-1]) {
			return bad()
		}
	}
	l := &ShareableList{shm: shm, n: n, offsets: offsets}
	if l.codesStart()+n > len(buf) {
		return bad()
	}
	return l, nil
}

func (l *ShareableList) dataStart() int    { return (l.n + 2) * 8 }
func (l *ShareableList) formatsStart() int { return l.dataStart() + l.offsets[l.n] }
func (l *ShareableList) codesStart() int   { return l.formatsStart() + 8*l.n }

// SHM is the list's SharedMemory (CPython's .shm).
func (l *ShareableList) SHM() *SharedMemory { return l.shm }

// Len is len(list), read from the block as CPython does.
func (l *ShareableList) Len() int { return int(int64(binary.LittleEndian.Uint64(l.shm.Buf()))) }

// format is the struct format stored for item i.
func (l *ShareableList) format(i int) string {
	b := l.shm.Buf()[l.formatsStart()+8*i:][:8]
	return string(bytes.TrimRight(b, "\x00"))
}

// Format is CPython's .format: every item's struct format, joined.
func (l *ShareableList) Format() string {
	var sb strings.Builder
	for i := range l.n {
		sb.WriteString(l.format(i))
	}
	return sb.String()
}

// index resolves a Python index (negative counts from the end).
func (l *ShareableList) index(i int, msg string) (int, error) {
	if i < 0 {
		i += l.n
	}
	if i < 0 || i >= l.n {
		return 0, &pyexc.IndexError{Msg: msg}
	}
	return i, nil
}

// Get is list[i]: an int64, float64, bool, string, []byte or nil.
func (l *ShareableList) Get(i int) (any, error) {
	i, err := l.index(i, "index out of range")
	if err != nil {
		return nil, err
	}
	buf := l.shm.Buf()
	at := buf[l.dataStart()+l.offsets[i]:]
	f := l.format(i)
	switch code := buf[l.codesStart()+i]; {
	case code == codeNone:
		return nil, nil
	case code == codeStr || code == codeBytes:
		size, err := strconv.Atoi(strings.TrimSuffix(f, "s"))
		if err != nil || !strings.HasSuffix(f, "s") || size > len(at) {
			return nil, &pyexc.ValueError{Msg: "bad format " + strconv.Quote(f)}
		}
		b := bytes.TrimRight(at[:size], "\x00")
		if code == codeStr {
			return string(b), nil
		}
		return bytes.Clone(b), nil
	case f == "q":
		return int64(binary.LittleEndian.Uint64(at)), nil
	case f == "d":
		return math.Float64frombits(binary.LittleEndian.Uint64(at)), nil
	case f == fmtBool:
		return at[7] != 0, nil
	}
	return nil, &pyexc.ValueError{Msg: "bad format " + strconv.Quote(f)}
}

// Set is list[i] = v. A str or bytes longer than its slot fails with
// ValueError "bytes/str item exceeds available storage".
func (l *ShareableList) Set(i int, v any) error {
	i, err := l.index(i, "assignment index out of range")
	if err != nil {
		return err
	}
	f, code, err := itemFormat(v)
	if err != nil {
		return err
	}
	if code == codeStr || code == codeBytes {
		allocated := l.offsets[i+1] - l.offsets[i]
		var n int
		if s, ok := v.(string); ok {
			n = len(s)
		} else {
			n = len(v.([]byte))
		}
		if n > allocated {
			return &pyexc.ValueError{Msg: "bytes/str item exceeds available storage"}
		}
		if cur := l.format(i); strings.HasSuffix(cur, "s") {
			f = cur
		} else {
			f = strconv.Itoa(allocated) + "s"
		}
	}
	l.store(i, f, code, v)
	return nil
}

// store writes item i's format, code and value.
func (l *ShareableList) store(i int, f string, code int, v any) {
	buf := l.shm.Buf()
	fb := buf[l.formatsStart()+8*i:][:8]
	clear(fb)
	copy(fb, f)
	buf[l.codesStart()+i] = byte(code)
	at := buf[l.dataStart()+l.offsets[i]:]
	switch v := v.(type) {
	case int:
		binary.LittleEndian.PutUint64(at, uint64(v))
	case int64:
		binary.LittleEndian.PutUint64(at, uint64(v))
	case float64:
		binary.LittleEndian.PutUint64(at, math.Float64bits(v))
	case bool:
		clear(at[:8])
		if v {
			at[7] = 1
		}
	case nil:
		clear(at[:8])
	case string:
		size, _ := strconv.Atoi(f[:len(f)-1])
		clear(at[:size])
		copy(at[:size], v)
	case []byte:
		size, _ := strconv.Atoi(f[:len(f)-1])
		clear(at[:size])
		copy(at[:size], v)
	}
}
