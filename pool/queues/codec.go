package queues

import "github.com/pypool/pypool/pool/wire"

// A Codec turns items into messages and back. Encode runs in the feeder
// goroutine (Queue) or in Put (SimpleQueue); Decode runs in Get after the
// reader lock is released. Every process using a queue must use the same.
type Codec interface {
	Encode(item any) ([]byte, error)
	Decode(msg []byte) (any, error)
}

// WireCodec carries one pool/wire value per message: the default.
var WireCodec Codec = wireCodec{}

type wireCodec struct{}

func (wireCodec) Encode(item any) ([]byte, error) { return wire.EncodeValue(item) }
func (wireCodec) Decode(msg []byte) (any, error)  { return wire.DecodeValue(msg) }
