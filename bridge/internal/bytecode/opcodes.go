// Package bytecode reads and edits gpython's compiled code: the opcode
// table, instruction decoding, and the stubs that code patchers append.
//
// It imports only gpython. The compile wrapper (pyrt) and the patchers in
// the packages above it import it.
package bytecode

// The opcodes the project's code patchers read or write, with gpython's
// names and numbers (github.com/go-python/gpython/vm; opcodes_test.go checks
// every value against vm's). Untyped, so they compare with a byte of
// Code.Code and pass as an int argument alike.
const (
	POP_TOP              = 1
	ROT_TWO              = 2
	ROT_THREE            = 3
	DUP_TOP              = 4
	DUP_TOP_TWO          = 5
	NOP                  = 9
	BINARY_SUBSCR        = 25
	GET_ITER             = 68
	YIELD_VALUE          = 86
	POP_EXCEPT           = 89
	STORE_NAME           = 90
	HAVE_ARGUMENT        = 90
	DELETE_NAME          = 91
	FOR_ITER             = 93
	STORE_GLOBAL         = 97
	DELETE_GLOBAL        = 98
	LOAD_CONST           = 100
	LOAD_NAME            = 101
	BUILD_TUPLE          = 102
	BUILD_LIST           = 103
	LOAD_ATTR            = 106
	COMPARE_OP           = 107
	JUMP_FORWARD         = 110
	JUMP_IF_FALSE_OR_POP = 111
	JUMP_IF_TRUE_OR_POP  = 112
	JUMP_ABSOLUTE        = 113
	POP_JUMP_IF_FALSE    = 114
	POP_JUMP_IF_TRUE     = 115
	LOAD_GLOBAL          = 116
	CONTINUE_LOOP        = 119
	SETUP_LOOP           = 120
	SETUP_EXCEPT         = 121
	SETUP_FINALLY        = 122
	LOAD_FAST            = 124
	STORE_FAST           = 125
	DELETE_FAST          = 126
	CALL_FUNCTION        = 131
	MAKE_FUNCTION        = 132
	BUILD_SLICE          = 133
	MAKE_CLOSURE         = 134
	LOAD_CLOSURE         = 135
	LOAD_DEREF           = 136
	STORE_DEREF          = 137
	DELETE_DEREF         = 138
	SETUP_WITH           = 143
	EXTENDED_ARG         = 144
	LIST_APPEND          = 145
	SET_ADD              = 146
	MAP_ADD              = 147
	LOAD_CLASSDEREF      = 148
)
