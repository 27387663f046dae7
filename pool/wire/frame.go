package wire

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// DefaultMaxFrame is the default frame limit: 1 GiB.
const DefaultMaxFrame = 1 << 30

// bufSize is the size of the Reader's and Writer's I/O buffers.
const bufSize = 32 << 10

// clampMax turns a configured frame limit into a usable one.
func clampMax(n int) int {
	if n <= 0 {
		return DefaultMaxFrame
	}
	if uint64(n) > math.MaxUint32 {
		return math.MaxUint32
	}
	return n
}

// Writer writes frames to a stream. Messages are encoded into a reused
// buffer and copied into an I/O buffer, so small frames cost no allocation
// and several can go out in one write: call [Writer.Flush] when there is
// nothing more to send for now. A Writer is not safe for concurrent use.
type Writer struct {
	bw  *bufio.Writer
	e   *encoder
	max int
}

// NewWriter returns a Writer on w with the [DefaultMaxFrame] limit.
func NewWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriterSize(w, bufSize), e: newEncoder(), max: DefaultMaxFrame}
}

// SetMaxFrame sets the frame limit in bytes (the body, without the 4-byte
// prefix); n <= 0 restores [DefaultMaxFrame], and limits above 4 GiB-1 are
// lowered to it (the prefix is 32 bits).
func (w *Writer) SetMaxFrame(n int) { w.max = clampMax(n) }

// WriteMessage encodes m and buffers it as one frame. If m cannot be encoded
// (an unsupported type, a value that contains itself, nesting deeper than
// [MaxDepth], or a frame over the limit: "wire: frame of 1.2 GiB exceeds the
// frame limit of 1 GiB"), it returns an *[EncodeError] and writes nothing;
// the Writer stays usable. Other errors come from the underlying writer and
// leave the stream broken.
func (w *Writer) WriteMessage(m *Message) error {
	e := w.e
	defer e.release()
	e.start(4 + w.max + slack)
	e.buf.Write([]byte{0, 0, 0, 0})
	if err := e.message(m); err != nil {
		return err
	}
	size := e.buf.n - 4
	if size > w.max {
		return &EncodeError{Err: &FrameTooLargeError{Size: int64(size), Limit: int64(w.max)}}
	}
	binary.BigEndian.PutUint32(e.buf.b, uint32(size))
	_, err := w.bw.Write(e.buf.b)
	return err
}

// Flush writes any buffered frames to the underlying writer.
func (w *Writer) Flush() error { return w.bw.Flush() }

// Buffered returns the number of bytes written but not yet flushed.
func (w *Writer) Buffered() int { return w.bw.Buffered() }

// Reader reads frames from a stream. It is not safe for concurrent use.
type Reader struct {
	br  *bufio.Reader
	max int
	buf []byte // body of frames too big for br's buffer
	hdr [4]byte
}

// NewReader returns a Reader on r with the [DefaultMaxFrame] limit.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, bufSize), max: DefaultMaxFrame}
}

// SetMaxFrame sets the frame limit in bytes, as [Writer.SetMaxFrame].
func (r *Reader) SetMaxFrame(n int) { r.max = clampMax(n) }

// ReadMessage reads and decodes the next frame. At a clean end of stream
// (no byte of a new frame) it returns io.EOF itself. Otherwise errors say
// what was wrong: a stream that ends inside a frame ("wire: truncated
// frame: ...", wrapping io.ErrUnexpectedEOF), a length over the limit (a
// *[FrameTooLargeError], found before anything is allocated), a body that is
// not a valid message ("wire: bad frame: ..."), or an error of the
// underlying reader. After an error the stream is out of step: stop reading.
func (r *Reader) ReadMessage() (*Message, error) {
	n, err := io.ReadFull(r.br, r.hdr[:])
	if err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		if err == io.ErrUnexpectedEOF {
			return nil, fmt.Errorf("wire: truncated frame: the stream ended after %d of the 4 length bytes: %w", n, io.ErrUnexpectedEOF)
		}
		return nil, fmt.Errorf("wire: reading a frame: %w", err)
	}
	size := binary.BigEndian.Uint32(r.hdr[:])
	if uint64(size) > uint64(r.max) {
		return nil, &FrameTooLargeError{Size: int64(size), Limit: int64(r.max)}
	}
	if size == 0 {
		return nil, errors.New("wire: bad frame: empty body")
	}
	if int(size) <= r.br.Size() {
		body, err := r.br.Peek(int(size))
		if err != nil {
			return nil, bodyError(len(body), int(size), err)
		}
		m, err := DecodeMessage(body)
		r.br.Discard(int(size))
		return m, err
	}
	body, err := r.readBody(int(size))
	if err != nil {
		return nil, err
	}
	return DecodeMessage(body)
}

// readBody reads a body of size bytes into r.buf, growing it as bytes
// arrive rather than trusting the prefix, so a frame that claims a large
// size and then stops costs memory only for what was sent.
func (r *Reader) readBody(size int) ([]byte, error) {
	if cap(r.buf) > 1<<20 {
		r.buf = nil // do not pin a past huge frame
	}
	buf := r.buf[:0]
	for len(buf) < size {
		chunk := min(size-len(buf), max(len(buf), 64<<10))
		want := len(buf) + chunk
		if cap(buf) < want {
			nb := make([]byte, len(buf), want)
			copy(nb, buf)
			buf = nb
		}
		n, err := io.ReadFull(r.br, buf[len(buf):want])
		buf = buf[:len(buf)+n]
		if err != nil {
			return nil, bodyError(len(buf), size, err)
		}
	}
	if cap(buf) <= 1<<20 {
		r.buf = buf
	}
	return buf, nil
}

// bodyError describes a failure to read a frame's body.
func bodyError(got, size int, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("wire: truncated frame: the stream ended after %d of the %d body bytes: %w", got, size, io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("wire: reading a frame: %w", err)
}
