package wire

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// allocBound is what decoding n bytes may allocate: a small multiple of n,
// plus room for the Reader's I/O buffer and bookkeeping.
func allocBound(n int) uint64 { return 64*uint64(n) + 64<<10 + bufSize }

// frame prefixes body with its length.
func frame(body []byte) []byte {
	return binary.BigEndian.AppendUint32(nil, uint32(len(body))) // prefix
}

func withPrefix(body []byte) []byte { return append(frame(body), body...) }

// resultWith builds a result body whose value is the raw msgpack v.
func resultWith(v []byte) []byte {
	return append([]byte{0x94, 0x04, 0x01}, append(v, 0xc0)...)
}

var huge = []byte{0xff, 0xff, 0xff, 0xff}

// tooDeep is the error text of nesting beyond MaxDepth.
var tooDeep = fmt.Sprintf("nested deeper than %d levels", MaxDepth)

// hostileBodies are bad frame bodies and the error each must give; they
// also seed the fuzz targets.
var hostileBodies = []struct {
	name string
	body []byte
	want string
}{
	{"array32 claiming 4G items (msgpack's generic decoder OOMs)", []byte{0xdd, 0xff, 0xff, 0xff, 0xff}, "4294967295 items declared at offset 5, only 0 bytes left"},
	{"as a value", resultWith([]byte{0xdd, 0xff, 0xff, 0xff, 0xff}), "array: 4294967295 items declared at offset 8, only 1 bytes left"},
	{"array16", resultWith([]byte{0xdc, 0xff, 0xff}), "array: 65535 items declared"},
	{"map32", resultWith(append([]byte{0xdf}, huge...)), "map: 4294967295 entries declared"},
	{"map16", resultWith([]byte{0xde, 0x7f, 0xff, 0x01}), "map: 32767 entries declared at offset 6, only 2 bytes left"},
	{"str32", resultWith(append([]byte{0xdb}, huge...)), "string: 4294967295 bytes declared"},
	{"str8", resultWith([]byte{0xd9, 0x10, 'a'}), "string: 16 bytes declared at offset 5, only 2 bytes left"},
	{"fixstr", resultWith([]byte{0xa5, 'a'}), "string needs 5 bytes"},
	{"bin32", resultWith(append([]byte{0xc6}, huge...)), "bin: 4294967295 bytes declared"},
	{"ext32", resultWith(append(append([]byte{0xc9}, huge...), 0x20)), "ext: 4294967295 bytes declared"},
	{"ext8 without code", []byte{0x94, 0x04, 0x01, 0xc7, 0x02}, "ext: 2 bytes declared at offset 5, only 0 bytes left"},
	{"fixext16 short", resultWith([]byte{0xd8, 0x20, 1, 2}), "fixext needs 17 bytes"},
	{"tuple claiming more items than its ext holds", resultWith([]byte{0xc7, 0x05, 0x01, 0xdd, 0xff, 0xff, 0xff, 0xff}), "tuple: 4294967295 items declared"},
	{"tuple with stray bytes", resultWith([]byte{0xc7, 0x02, 0x01, 0x90, 0x01}), "tuple: 1 stray bytes"},
	{"tuple not an array", resultWith([]byte{0xc7, 0x01, 0x01, 0x01}), "expected an array"},
	{"exception with 2 fields", resultWith([]byte{0xc7, 0x03, 0x06, 0x92, 0xa0, 0xa0}), "exception has 2 fields, want 6"},
	{"exception module not a string", resultWith([]byte{0xc7, 0x07, 0x06, 0x96, 0x01, 0xa0, 0x90, 0xa0, 0xa0, 0xc0}), "exception module: expected a string"},
	{"ref with 1 field", resultWith([]byte{0xc7, 0x02, 0x07, 0x91, 0xa0}), "ref has 1 fields, want 2"},
	{"big int bad sign", resultWith([]byte{0xd5, 0x04, 0x02, 0x01}), "bad sign byte"},
	{"big int empty", resultWith([]byte{0xc7, 0x00, 0x04}), "bad sign byte"},
	{"complex short", resultWith([]byte{0xd7, 0x05, 0, 0, 0, 0, 0, 0, 0, 0}), "complex at offset 5 has 8 bytes, want 16"},
	{"reserved ext code", resultWith([]byte{0xd4, 0x08, 0x00}), "unknown ext code 8"},
	{"negative ext code (timestamp)", resultWith([]byte{0xd6, 0xff, 0, 0, 0, 0}), "unknown ext code -1"},
	{"0xc1", resultWith([]byte{0xc1}), "byte 0xc1 at offset 3 is not a msgpack type"},
	{"truncated float64", resultWith([]byte{0xcb, 0x40}), "float64 needs 8 bytes"},
	{"deep nesting 100k", resultWith(bytes.Repeat([]byte{0x91}, 100000)), tooDeep},
	{"deep maps", resultWith(bytes.Repeat([]byte{0x81, 0xc0}, 100000)), tooDeep},
	{"deep tuples", resultWith(func() []byte {
		v := []byte{0x90}
		for i := 0; i < 1000 && len(v) < 200; i++ {
			v = append([]byte{0xc7, byte(len(v) + 1), 0x01, 0x91}, v...)
		}
		// beyond 255 bytes, switch to ext32 headers
		for i := 0; i < MaxDepth+100; i++ {
			h := []byte{0xc9, 0, 0, 0, 0, 0x01, 0x91}
			binary.BigEndian.PutUint32(h[1:], uint32(len(v)+1))
			v = append(h, v...)
		}
		return v
	}()), tooDeep},
	{"empty", []byte{}, "message needs 1 bytes"},
	{"not an array", []byte{0x04}, "message: expected an array"},
	{"empty array", []byte{0x90}, "message is an empty array"},
	{"unknown kind", []byte{0x91, 0x07}, "unknown message kind 7"},
	{"kind 0", []byte{0x91, 0x00}, "unknown message kind 0"},
	{"kind 257", []byte{0x91, 0xcd, 0x01, 0x01}, "unknown message kind 257"},
	{"negative kind", []byte{0x91, 0xff}, "expected a non-negative integer, got -1"},
	{"shutdown with a field", []byte{0x92, 0x05, 0x01}, "shutdown message has 1 fields, want 0"},
	{"hello missing name", []byte{0x92, 0x01, 0x01}, "hello message has 1 fields, want 2"},
	{"hello name not a string", []byte{0x93, 0x01, 0x01, 0x01}, "hello name: expected a string"},
	{"task bad mode", []byte{0x96, 0x03, 0x01, 0x01, 0x03, 0x90, 0x80}, "task mode 3 is unknown"},
	{"task kwargs key not a string", []byte{0x96, 0x03, 0x01, 0x01, 0x00, 0x90, 0x81, 0x01, 0x01}, "task kwargs key: expected a string"},
	{"task args not an array", []byte{0x96, 0x03, 0x01, 0x01, 0x00, 0x80, 0x80}, "task args: expected an array"},
	{"result err not an exception", []byte{0x94, 0x04, 0x01, 0xc0, 0x01}, "result error: expected nil or an exception, got int64"},
	{"trailing bytes", []byte{0x91, 0x05, 0x00}, "1 stray bytes after the shutdown message"},
	{"huge id", []byte{0x94, 0x04, 0xd3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xc0, 0xc0}, "result id: expected a non-negative integer"},
}

func TestHostileBodies(t *testing.T) {
	for _, c := range hostileBodies {
		t.Run(c.name, func(t *testing.T) {
			var m *Message
			var err error
			n := allocated(func() { m, err = DecodeMessage(c.body) })
			if err == nil {
				t.Fatalf("decoded %s", dump(m))
			}
			if !strings.HasPrefix(err.Error(), "wire: bad frame: ") || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q, want it to contain %q", err, c.want)
			}
			if b := allocBound(len(c.body)); n > b {
				t.Fatalf("allocated %d bytes for %d bytes of input (bound %d)", n, len(c.body), b)
			}
			// The same body in a frame through a Reader.
			_, rerr := NewReader(bytes.NewReader(withPrefix(c.body))).ReadMessage()
			if c.name != "empty" && (rerr == nil || rerr.Error() != err.Error()) {
				t.Fatalf("Reader: %v, DecodeMessage: %v", rerr, err)
			}
		})
	}
}

func TestHostileFrames(t *testing.T) {
	valid := withPrefix([]byte{0x91, 0x05})
	for _, c := range []struct {
		name   string
		stream []byte
		max    int
		want   string
		unexp  bool // wraps io.ErrUnexpectedEOF
		tooBig bool
	}{
		{"2 length bytes", []byte{0, 0}, 0, "wire: truncated frame: the stream ended after 2 of the 4 length bytes", true, false},
		{"short body", []byte{0, 0, 0, 10, 0x91, 0x05}, 0, "wire: truncated frame: the stream ended after 2 of the 10 body bytes", true, false},
		{"no body", []byte{0, 0, 0, 10}, 0, "the stream ended after 0 of the 10 body bytes", true, false},
		{"long body promised, little sent", append([]byte{0x3f, 0xff, 0xff, 0xff}, make([]byte, 100000)...), 0, "the stream ended after 100000 of the 1073741823 body bytes", true, false},
		{"over the default limit", []byte{0x40, 0, 0, 1}, 0, "wire: frame of 1 GiB exceeds the frame limit of 1 GiB", false, true},
		{"4 GiB", []byte{0xff, 0xff, 0xff, 0xff}, 0, "wire: frame of 4 GiB exceeds the frame limit of 1 GiB", false, true},
		{"over a small limit", []byte{0, 0, 0, 101}, 100, "wire: frame of 101 bytes exceeds the frame limit of 100 bytes", false, true},
		{"empty body", []byte{0, 0, 0, 0}, 0, "wire: bad frame: empty body", false, false},
		{"garbage body", []byte{0, 0, 0, 3, 0xc1, 0xc1, 0xc1}, 0, "wire: bad frame: message: expected an array", false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			stream := append(append([]byte{}, valid...), c.stream...)
			var err error
			n := allocated(func() {
				r := NewReader(bytes.NewReader(stream))
				r.SetMaxFrame(c.max)
				if _, err = r.ReadMessage(); err != nil {
					t.Fatalf("first, valid frame: %v", err)
				}
				_, err = r.ReadMessage()
			})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
			if got := errors.Is(err, io.ErrUnexpectedEOF); got != c.unexp {
				t.Fatalf("errors.Is(err, io.ErrUnexpectedEOF) = %v", got)
			}
			var fe *FrameTooLargeError
			if got := errors.As(err, &fe); got != c.tooBig {
				t.Fatalf("errors.As(err, *FrameTooLargeError) = %v", got)
			}
			if b := allocBound(len(stream)); n > b {
				t.Fatalf("allocated %d bytes for a %d-byte stream (bound %d)", n, len(stream), b)
			}
		})
	}
}

type failReader struct{ err error }

func (f failReader) Read([]byte) (int, error) { return 0, f.err }

func TestReaderErrors(t *testing.T) {
	boom := errors.New("boom")
	_, err := NewReader(failReader{boom}).ReadMessage()
	if !errors.Is(err, boom) || err.Error() != "wire: reading a frame: boom" {
		t.Fatalf("got %v", err)
	}
	_, err = NewReader(io.MultiReader(bytes.NewReader([]byte{0, 0, 0, 9, 1}), failReader{boom})).ReadMessage()
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
	if _, err := NewReader(bytes.NewReader(nil)).ReadMessage(); err != io.EOF {
		t.Fatalf("empty stream: %v, want io.EOF", err)
	}
}

// TestTruncatedAndMutated decodes every prefix of every valid body and
// random mutations of them: each must decode or fail, never panic, within
// the allocation bound.
func TestTruncatedAndMutated(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, c := range messageCases {
		body, err := EncodeMessage(c.m)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(body); i++ {
			if _, err := DecodeMessage(body[:i]); err == nil {
				t.Errorf("%s: prefix of %d/%d bytes decoded", c.name, i, len(body))
			}
		}
		full := withPrefix(body)
		for i := 0; i < len(full); i++ {
			_, err := NewReader(bytes.NewReader(full[:i])).ReadMessage()
			if i == 0 && err != io.EOF || i > 0 && !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("%s: frame cut at %d: %v", c.name, i, err)
			}
		}
		for k := 0; k < 300; k++ {
			mut := append([]byte(nil), body...)
			for j := 0; j <= rng.Intn(3); j++ {
				mut[rng.Intn(len(mut))] = byte(rng.Intn(256))
			}
			checkDecode(t, mut)
		}
	}
}

func TestRandomGarbage(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 3000; i++ {
		b := make([]byte, rng.Intn(64))
		rng.Read(b)
		if len(b) > 0 && i%2 == 0 {
			b[0] = 0x90 | byte(rng.Intn(7)) // start like a message
			if len(b) > 1 {
				b[1] = byte(1 + rng.Intn(6))
			}
		}
		checkDecode(t, b)
	}
}

// checkDecode applies the fuzz property to one body: it decodes or fails
// within the allocation bound, and what decodes re-encodes stably.
func checkDecode(t *testing.T, body []byte) {
	t.Helper()
	var m *Message
	var err error
	n := allocated(func() { m, err = DecodeMessage(body) })
	if b := allocBound(len(body)); n > b {
		t.Fatalf("% x: allocated %d bytes (bound %d)", body, n, b)
	}
	if err != nil {
		if !strings.HasPrefix(err.Error(), "wire: bad frame: ") {
			t.Fatalf("% x: error %q lacks the prefix", body, err)
		}
		return
	}
	again, err := EncodeMessage(m)
	if err != nil {
		t.Fatalf("% x decoded but does not re-encode: %v", body, err)
	}
	m2, err := DecodeMessage(again)
	if err != nil {
		t.Fatalf("% x: re-encoded form % x does not decode: %v", body, again, err)
	}
	third, err := EncodeMessage(m2)
	if err != nil || !bytes.Equal(third, again) {
		t.Fatalf("% x: unstable encoding: % x then % x (%v)", body, again, third, err)
	}
}

type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

// TestWriterErrors: an I/O error is returned as it is, not as an
// EncodeError (the stream, not the message, is at fault).
func TestWriterErrors(t *testing.T) {
	boom := errors.New("boom")
	w := NewWriter(failWriter{boom})
	small := &Message{Kind: KindShutdown}
	if err := w.WriteMessage(small); err != nil {
		t.Fatalf("buffered write: %v", err)
	}
	if err := w.Flush(); !errors.Is(err, boom) {
		t.Fatalf("Flush: %v", err)
	}
	err := w.WriteMessage(&Message{Kind: KindResult, Result: &Result{ID: 1, Value: strings.Repeat("x", 100000)}})
	var ee *EncodeError
	if !errors.Is(err, boom) || errors.As(err, &ee) {
		t.Fatalf("large write: %v", err)
	}
}

// Nested headers cannot each claim the same remainder of a frame: each
// container reserves one byte per item (two per map entry) until its items
// start, so all the slots a frame makes the decoder allocate never outnumber
// its bytes. Before, a body of ~1,600 nested 0x8b (a map of 11 entries)
// bytes allocated 11 entries per byte (issue 14, item 9; the fuzz seed
// testdata/fuzz/FuzzDecodeMessage/issue14-nested-fixmaps-alloc).
func TestNestedDeclarationsShareTheRemainder(t *testing.T) {
	for _, c := range []struct {
		name   string
		header []byte
	}{
		{"fixmap 15", []byte{0x8f}},
		{"fixarray 15", []byte{0x9f}},
		{"map16 of 100", []byte{0xde, 0x00, 0x64}},
		{"array16 of 100", []byte{0xdc, 0x00, 0x64}},
		{"tuple of fixarray 15", []byte{0xd4, 0x01, 0x9f}}, // an ext window opens and closes
	} {
		for _, n := range []int{100, 1600, 20000} {
			body := resultWith(bytes.Repeat(c.header, n))
			var err error
			got := allocated(func() { _, err = DecodeMessage(body) })
			if err == nil || !strings.HasPrefix(err.Error(), "wire: bad frame: ") {
				t.Fatalf("%s ×%d: %v; want a bad frame", c.name, n, err)
			}
			// 48 bytes per input byte: a KV slot (32) plus the map or list
			// that holds it, amortised; no room for 11 slots per byte.
			if limit := 48 * uint64(len(body)); got > limit {
				t.Errorf("%s ×%d (%d bytes): allocated %d bytes, over %d", c.name, n, len(body), got, limit)
			}
		}
	}
}
