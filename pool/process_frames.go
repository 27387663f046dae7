package pool

import (
	"errors"
	"io"

	"github.com/pypool/pypool/pool/wire"
)

// The frame codec of worker pipes is pool/wire's; these names keep its use
// in one place.
type (
	frameWriter = wire.Writer
	frameReader = wire.Reader
)

func newFrameWriter(w io.Writer) *frameWriter { return wire.NewWriter(w) }

func newFrameReader(r io.Reader) *frameReader { return wire.NewReader(r) }

// isEncodeError reports whether err says a message could not be encoded
// (nothing was written; the stream is still usable).
func isEncodeError(err error) bool {
	var e *wire.EncodeError
	return errors.As(err, &e)
}
