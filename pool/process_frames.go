package pool

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/pypool/pypool/pool/wire"
)

// TEMPORARY: a stand-in frame codec (gob) until pool/wire's Reader/Writer
// land; only this file changes then.

type frameWriter struct {
	w *bufio.Writer
	b bytes.Buffer
}

func newFrameWriter(w io.Writer) *frameWriter { return &frameWriter{w: bufio.NewWriterSize(w, 64<<10)} }

func init() {
	for _, v := range []any{int64(0), "", []byte(nil), false, 0.0, complex128(0), wire.List{}, wire.Tuple{}, wire.Set{}, wire.FrozenSet{}, &wire.Dict{}, &wire.Exception{}, wire.Ref{}, wire.Ext{}, new(big.Int)} {
		gob.Register(v)
	}
}

func (f *frameWriter) WriteMessage(m *wire.Message) error {
	f.b.Reset()
	if err := gob.NewEncoder(&f.b).Encode(m); err != nil {
		return &tempEncodeError{err}
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(f.b.Len()))
	f.w.Write(hdr[:])
	_, err := f.w.Write(f.b.Bytes())
	return err
}

func (f *frameWriter) Flush() error { return f.w.Flush() }

type frameReader struct{ r *bufio.Reader }

func newFrameReader(r io.Reader) *frameReader { return &frameReader{bufio.NewReaderSize(r, 64<<10)} }

func (f *frameReader) ReadMessage() (*wire.Message, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(f.r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > 1<<30 {
		return nil, fmt.Errorf("wire: frame of %d bytes over limit", n)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(f.r, b); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	m := new(wire.Message)
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(m); err != nil {
		return nil, fmt.Errorf("wire: bad frame: %v", err)
	}
	return m, nil
}

type tempEncodeError struct{ err error }

func (e *tempEncodeError) Error() string { return e.err.Error() }

// isEncodeError reports whether err says a message could not be encoded
// (nothing was written; the stream is still usable).
func isEncodeError(err error) bool {
	var e *tempEncodeError
	return errors.As(err, &e)
}
