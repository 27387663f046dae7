// Package wire is pypool's worker protocol: length-prefixed frames, each
// holding one msgpack message, and the value model that task arguments and
// results use when they cross a process boundary.
//
// # Frames
//
// A frame is a 4-byte big-endian length n, then n bytes holding exactly one
// msgpack message. n is at least 1 and at most the frame limit
// ([DefaultMaxFrame], 1 GiB, unless set with [Writer.SetMaxFrame] /
// [Reader.SetMaxFrame]). A [Reader] rejects a length over its limit before it
// allocates anything, and grows its buffer only as bytes actually arrive.
//
// # Messages
//
// A message is a msgpack array whose first element is the [Kind]; the
// remaining elements are the fields of the message struct, in order:
//
//	hello     [1, pid int, name str]
//	define    [2, id uint, runtime str, payload value]
//	task      [3, id uint, func uint, mode uint, args array, kwargs map(str → value)]
//	result    [4, id uint, value value, err nil|exception]
//	shutdown  [5]
//	init      [6, func uint, args array]
//
// The array length must match exactly; an unknown kind, a wrong field type,
// a bad mode or trailing bytes are errors.
//
// # Values
//
// Values use msgpack's native types where Python and msgpack agree, and
// ext types for the rest:
//
//	Go value             msgpack encoding
//	nil                  nil
//	bool                 true / false
//	int64                int family, smallest form (any int that fits
//	                     int64 decodes as int64; a uint64 above
//	                     math.MaxInt64 decodes as *big.Int)
//	float64              float64 (a float32 on the wire is widened)
//	string               str (bytes are carried as they are: no UTF-8 check)
//	[]byte               bin
//	List                 array
//	*Dict                map with any keys, entries in order (duplicates are
//	                     not checked)
//	Tuple, Set, ...      ext, see the table below
//	Ext{Code, Data}      ext Code (32–127), Data as is
//
// Ext codes 0–31 belong to this package. Those in use:
//
//	code  Go type      ext data
//	1     Tuple        one msgpack array (the items)
//	2     Set          one msgpack array (the members)
//	3     FrozenSet    one msgpack array (the members)
//	4     *big.Int     sign byte (0 positive, 1 negative), then the magnitude,
//	                   big-endian; only used outside int64's range, and a
//	                   big int that fits int64 decodes as int64
//	5     complex128   16 bytes: real, imaginary, IEEE 754 float64 big-endian
//	6     *Exception   one msgpack array [module str, type str, args array,
//	                   message str, traceback str, class value]
//	7     Ref          one msgpack array [module str, name str]
//
// Ext codes 32–127 are free for the bridge and carried opaquely as [Ext];
// other codes (0–31 not listed above, and msgpack's negative codes) are
// rejected by both encoder and decoder. The encoder gives ext data that
// holds msgpack (codes 1, 2, 3, 6, 7) an ext8 header when it is shorter than
// 256 bytes and an ext32 header otherwise; the decoder accepts any ext
// header for any code.
//
// Encoding also accepts Go's other integer types (int, int8 … uint64),
// float32, complex64 and []any (as a List), and encodes a nil *Dict,
// *Exception or *big.Int as nil; decoding always yields the canonical types
// above. Encoding fails with a clear error on a Go type outside the model,
// on a value that contains itself, and on nesting deeper than [MaxDepth];
// decoding fails on nesting deeper than [MaxDepth] and checks every declared
// length against the bytes left before it allocates.
//
// Decoded empty Lists, Tuples, Sets, FrozenSets, Dict.Items and Ext.Data
// are non-nil; empty Task.Args, Task.Kwargs, Init.Args and Exception.Args
// decode as nil.
package wire
