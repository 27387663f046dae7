package wire

import (
	"bytes"
	"io"
	"testing"
)

// loopReader serves the same bytes forever.
type loopReader struct {
	b   []byte
	off int
}

func (l *loopReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], l.b[l.off:])
		n += c
		l.off = (l.off + c) % len(l.b)
	}
	return n, nil
}

func frameOf(tb testing.TB, m *Message) []byte {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.WriteMessage(m); err != nil {
		tb.Fatal(err)
	}
	w.Flush()
	return buf.Bytes()
}

var (
	benchTask   = &Message{Kind: KindTask, Task: &Task{ID: 123456, Func: 1, Mode: ModeCall, Args: []Value{int64(1000)}}}
	benchResult = &Message{Kind: KindResult, Result: &Result{ID: 123456, Value: int64(1000000)}}
	benchList   = func() *Message {
		l := make(List, 1000)
		for i := range l {
			l[i] = int64(i * 1000)
		}
		return &Message{Kind: KindResult, Result: &Result{ID: 1, Value: l}}
	}()
)

func benchEncode(b *testing.B, m *Message) {
	w := NewWriter(io.Discard)
	b.SetBytes(int64(len(frameOf(b, m))))
	b.ReportAllocs()
	for b.Loop() {
		if err := w.WriteMessage(m); err != nil {
			b.Fatal(err)
		}
	}
}

func benchDecode(b *testing.B, m *Message) {
	frame := frameOf(b, m)
	r := NewReader(&loopReader{b: frame})
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.ReadMessage(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchRoundTrip(b *testing.B, m *Message) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	r := NewReader(&buf)
	b.ReportAllocs()
	for b.Loop() {
		if err := w.WriteMessage(m); err != nil {
			b.Fatal(err)
		}
		w.Flush()
		if _, err := r.ReadMessage(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeTask: one small task frame (one int argument) through a Writer.
func BenchmarkEncodeTask(b *testing.B) { benchEncode(b, benchTask) }

// BenchmarkDecodeTask: the same frame through a Reader.
func BenchmarkDecodeTask(b *testing.B) { benchDecode(b, benchTask) }

// BenchmarkRoundTripTask: encode, flush and decode one task frame.
func BenchmarkRoundTripTask(b *testing.B) { benchRoundTrip(b, benchTask) }

// BenchmarkEncodeResult: one small result frame.
func BenchmarkEncodeResult(b *testing.B) { benchEncode(b, benchResult) }

// BenchmarkDecodeResult: one small result frame.
func BenchmarkDecodeResult(b *testing.B) { benchDecode(b, benchResult) }

// BenchmarkRoundTripResult: encode, flush and decode one result frame.
func BenchmarkRoundTripResult(b *testing.B) { benchRoundTrip(b, benchResult) }

// BenchmarkEncodeList1000: a result holding a list of 1000 ints.
func BenchmarkEncodeList1000(b *testing.B) { benchEncode(b, benchList) }

// BenchmarkDecodeList1000: a result holding a list of 1000 ints.
func BenchmarkDecodeList1000(b *testing.B) { benchDecode(b, benchList) }
