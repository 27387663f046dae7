package bytecode

import (
	"sync"

	"github.com/go-python/gpython/py"
)

// An Insn is one decoded instruction: its offset and size in Code.Code
// (EXTENDED_ARG prefixes included), its opcode and its full argument.
type Insn struct {
	Off, Size int
	Op        byte
	Arg       int
}

// InstallStubs makes buf (code's instructions with stubs appended) its
// bytecode, grows its stack by extra, and adds the stubs' lines to those
// earlier patches of the same code left.
func InstallStubs(code *py.Code, buf []byte, extra int32, lines []StubLine) {
	code.Code = string(buf)
	code.Stacksize += extra
	if old, ok := StubLines.Load(code); ok {
		lines = append(append([]StubLine{}, old.([]StubLine)...), lines...)
	}
	StubLines.Store(code, lines)
}

// Decode decodes a code object's instructions.
func Decode(code string) []Insn {
	n := 0
	for i := 0; i < len(code); n++ {
		if code[i] < HAVE_ARGUMENT {
			i++
		} else {
			i += 3
		}
	}
	out := make([]Insn, 0, n)
	ext := 0
	extStart := -1
	for i := 0; i < len(code); {
		op := code[i]
		if op < HAVE_ARGUMENT {
			out = append(out, Insn{Off: i, Size: 1, Op: op})
			i++
			continue
		}
		if i+2 >= len(code) {
			break
		}
		arg := int(code[i+1]) | int(code[i+2])<<8
		if op == EXTENDED_ARG {
			ext = arg
			extStart = i
			i += 3
			continue
		}
		in := Insn{Off: i, Size: 3, Op: op, Arg: arg | ext<<16}
		if extStart >= 0 {
			in.Off = extStart
			in.Size = i + 3 - extStart
		}
		out = append(out, in)
		ext, extStart = 0, -1
		i += 3
	}
	return out
}

// Emit3 appends an instruction with a two-byte argument.
func Emit3(b []byte, op byte, arg int) []byte {
	return append(b, op, byte(arg), byte(arg>>8))
}

// StubLine maps a stub's offsets to the source line it stands for.
type StubLine struct {
	From, To int
	Line     int32
}

// IsRelJump reports whether op jumps relative to the next instruction.
func IsRelJump(op byte) bool {
	switch op {
	case FOR_ITER, JUMP_FORWARD, SETUP_LOOP, SETUP_EXCEPT, SETUP_FINALLY, SETUP_WITH:
		return true
	}
	return false
}

// IsAbsJump reports whether op jumps to an absolute offset.
func IsAbsJump(op byte) bool {
	switch op {
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, JUMP_ABSOLUTE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, CONTINUE_LOOP:
		return true
	}
	return false
}

// StubLines maps a patched *py.Code to its stubs' []StubLine (tracebacks
// read it to give a stub's instructions the line they stand for).
var StubLines sync.Map // *py.Code → []stubLine
