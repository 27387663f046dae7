// Package sharedctypes is CPython's multiprocessing.sharedctypes natively:
// typed slots (ctypes' scalar types, by typecode or name, with their Linux
// amd64 sizes and alignments) in shared memory, as RawValue and RawArray,
// and Value and Array which add a cross-process RLock (or a lock of the
// caller's). A child process attaches by name (Open). Errors are
// pool/pyexc's types with CPython's messages. It imports the standard
// library, pool/pyexc, pool/synchronize, pool/internal/shmblock and
// pool/resourcetracker; the bridge's multiprocessing.sharedctypes module
// imports it.
package sharedctypes

import (
	"fmt"

	"github.com/pypool/pypool/pool/pyexc"
)

// Class is what a Type's slots hold, hence which Go value Get returns.
type Class int

const (
	Signed   Class = iota // int64
	Unsigned              // uint64
	Float                 // float64
	Bool                  // bool
	Char                  // byte (c_char)
	Wchar                 // rune (c_wchar)
)

// Type is a ctypes scalar type: its __name__ as CPython shows it on Linux
// amd64 (c_longlong is c_long there), size and alignment in bytes.
type Type struct {
	Name  string
	Size  int
	Align int
	Class Class
}

// The typecodes of sharedctypes.typecode_to_type, and the ctypes names.
var (
	typecodes = map[string]Type{
		"c": {"c_char", 1, 1, Char}, "u": {"c_wchar", 4, 4, Wchar},
		"b": {"c_byte", 1, 1, Signed}, "B": {"c_ubyte", 1, 1, Unsigned},
		"h": {"c_short", 2, 2, Signed}, "H": {"c_ushort", 2, 2, Unsigned},
		"i": {"c_int", 4, 4, Signed}, "I": {"c_uint", 4, 4, Unsigned},
		"l": {"c_long", 8, 8, Signed}, "L": {"c_ulong", 8, 8, Unsigned},
		"q": {"c_long", 8, 8, Signed}, "Q": {"c_ulong", 8, 8, Unsigned},
		"f": {"c_float", 4, 4, Float}, "d": {"c_double", 8, 8, Float},
	}
	ctypesNames = map[string]string{ // ctypes attribute → typecode or own type
		"c_char": "c", "c_wchar": "u", "c_byte": "b", "c_ubyte": "B",
		"c_short": "h", "c_ushort": "H", "c_int": "i", "c_uint": "I",
		"c_long": "l", "c_ulong": "L", "c_longlong": "q", "c_ulonglong": "Q",
		"c_float": "f", "c_double": "d",
		"c_int8": "b", "c_uint8": "B", "c_int16": "h", "c_uint16": "H",
		"c_int32": "i", "c_uint32": "I", "c_int64": "l", "c_uint64": "L",
		"c_size_t": "L", "c_ssize_t": "l",
	}
	boolType = Type{"c_bool", 1, 1, Bool}
)

// TypeOf resolves a typecode ("i", "d", …) or a ctypes type name
// ("c_int", "c_bool", "c_size_t", …). Anything else fails as CPython's
// ctypes.sizeof does ("this type has no size"); c_longdouble and pointer
// types fail with NotImplementedError.
func TypeOf(typecodeOrType string) (Type, error) {
	if t, ok := typecodes[typecodeOrType]; ok {
		return t, nil
	}
	if typecodeOrType == "c_bool" {
		return boolType, nil
	}
	if code, ok := ctypesNames[typecodeOrType]; ok {
		return typecodes[code], nil
	}
	switch typecodeOrType {
	case "c_longdouble", "c_char_p", "c_wchar_p", "c_void_p":
		return Type{}, &pyexc.NotImplementedError{Msg: fmt.Sprintf("sharedctypes: %s in shared memory is not implemented", typecodeOrType)}
	}
	return Type{}, &pyexc.TypeError{Msg: "this type has no size"}
}
