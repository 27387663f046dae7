package wire

import _ "github.com/vmihailenco/msgpack/v5" // the codec is built on msgpack's primitives
