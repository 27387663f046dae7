package wire

import (
	"bytes"
	"math"
	"testing"

	"github.com/vmihailenco/msgpack/v5"
)

// TestIntBytesAreMsgpacks: the encoder's ints are the bytes msgpack's
// EncodeInt writes, at every format boundary.
func TestIntBytesAreMsgpacks(t *testing.T) {
	var xs []int64
	for _, b := range []int64{0, 31, 32, 127, 128, 255, 256, math.MaxUint16, math.MaxUint32, math.MaxInt64,
		-1, -32, -33, math.MinInt8, math.MinInt16, math.MinInt32, math.MinInt64} {
		xs = append(xs, b-1, b, b+1)
	}
	for _, x := range xs {
		var want bytes.Buffer
		if err := msgpack.NewEncoder(&want).EncodeInt(x); err != nil {
			t.Fatal(err)
		}
		var e encoder
		e.buf.reset(1 << 20)
		e.int(x)
		if !bytes.Equal(e.buf.b, want.Bytes()) {
			t.Errorf("int(%d) = % x, msgpack writes % x", x, e.buf.b, want.Bytes())
		}
	}
}
