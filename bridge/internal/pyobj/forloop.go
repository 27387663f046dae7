package pyobj

import (
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
)

// The for-loop mend. gpython's FOR_ITER treats every error of its iterator
// as exhaustion, so `for r in p.imap(f, xs)` would end early instead of
// raising f's exception. The compile wrapper patches each loop so that its
// exit goes through a check of the loop's own iterator:
//
//   - A `for` statement (… X; GET_ITER; FOR_ITER) keeps a second reference to
//     its iterator on the stack: X (the last instruction of the iterable
//     expression) jumps to a stub appended to the code, which runs X,
//     GET_ITER and DUP_TOP and jumps back to the FOR_ITER.
//   - The outer loop of a comprehension iterates the argument ".0", which
//     still holds the iterator when the loop ends.
//   - FOR_ITER's exit jumps to a stub that calls __pypool_forcheck__(it)
//     and then goes on to the original exit. The check raises the error the
//     iterator recorded when it failed: Go iterators record it with
//     IterFailed, generators are recorded by the VmRunFrame hook.
//
// Loops whose shape is different (the iterable's last instruction is a
// one-byte operation, or the GET_ITER is itself a jump target) are left as
// they were: their iterator errors still end the loop silently.
//
// Appending keeps every original offset; tracebacks of errors raised in the
// stubs get the loop's line from forStubLines.

const forCheckName = "__pypool_forcheck__"

type insn struct {
	off, size int
	op        byte
	arg       int
}

func decodeCode(code string) []insn {
	n := 0
	for i := 0; i < len(code); n++ {
		if code[i] < bytecode.HAVE_ARGUMENT {
			i++
		} else {
			i += 3
		}
	}
	out := make([]insn, 0, n)
	ext := 0
	extStart := -1
	for i := 0; i < len(code); {
		op := code[i]
		if op < bytecode.HAVE_ARGUMENT {
			out = append(out, insn{off: i, size: 1, op: op})
			i++
			continue
		}
		if i+2 >= len(code) {
			break
		}
		arg := int(code[i+1]) | int(code[i+2])<<8
		if op == bytecode.EXTENDED_ARG {
			ext = arg
			extStart = i
			i += 3
			continue
		}
		in := insn{off: i, size: 3, op: op, arg: arg | ext<<16}
		if extStart >= 0 {
			in.off = extStart
			in.size = i + 3 - extStart
		}
		out = append(out, in)
		ext, extStart = 0, -1
		i += 3
	}
	return out
}

func isRelJump(op byte) bool {
	switch op {
	case bytecode.FOR_ITER, bytecode.JUMP_FORWARD, bytecode.SETUP_LOOP, bytecode.SETUP_EXCEPT, bytecode.SETUP_FINALLY, bytecode.SETUP_WITH:
		return true
	}
	return false
}

func isAbsJump(op byte) bool {
	switch op {
	case bytecode.JUMP_IF_FALSE_OR_POP, bytecode.JUMP_IF_TRUE_OR_POP, bytecode.JUMP_ABSOLUTE, bytecode.POP_JUMP_IF_FALSE, bytecode.POP_JUMP_IF_TRUE, bytecode.CONTINUE_LOOP:
		return true
	}
	return false
}

// stubLine maps a stub's offsets to the source line it stands for.
type stubLine struct {
	from, to int
	line     int32
}

var forStubLines sync.Map // *py.Code → []stubLine

// installStubs makes buf (code's instructions with stubs appended) its
// bytecode, grows its stack by extra, and adds the stubs' lines to those
// earlier patches of the same code left.
func installStubs(code *py.Code, buf []byte, extra int32, lines []stubLine) {
	code.Code = string(buf)
	code.Stacksize += extra
	if old, ok := forStubLines.Load(code); ok {
		lines = append(append([]stubLine{}, old.([]stubLine)...), lines...)
	}
	forStubLines.Store(code, lines)
}

func emit3(b []byte, op byte, arg int) []byte {
	return append(b, op, byte(arg), byte(arg>>8))
}

// patchForLoops applies the for-loop mend to one code object.
func patchForLoops(code *py.Code, ci *codeInsns) {
	if !ci.has(bytecode.FOR_ITER) {
		return
	}
	insns := ci.get()
	targets := ci.jumpTargets()
	comprehension := code.Name == "<listcomp>" || code.Name == "<setcomp>" || code.Name == "<dictcomp>" || code.Name == "<genexpr>"
	buf := []byte(code.Code)
	var lines []stubLine
	nameIdx := -1
	dups := 0
	for k, in := range insns {
		if in.op != bytecode.FOR_ITER || in.size != 3 || k == 0 {
			continue
		}
		f := in.off
		exitTarget := f + 3 + in.arg
		prev := insns[k-1]
		caseA := false
		switch {
		case prev.op == bytecode.GET_ITER && k >= 2 && !targets[prev.off]:
			x := insns[k-2]
			if x.size != 3 || x.op < bytecode.HAVE_ARGUMENT || isRelJump(x.op) || isAbsJump(x.op) || x.op == bytecode.FOR_ITER {
				continue
			}
			caseA = true
		case prev.op == bytecode.LOAD_FAST && prev.arg == 0 && prev.size == 3 && comprehension && len(code.Varnames) > 0 && code.Varnames[0] == ".0":
		default:
			continue
		}
		if nameIdx < 0 {
			nameIdx = len(code.Names)
		}
		if caseA {
			x := insns[k-2]
			s1 := len(buf)
			buf = append(buf, code.Code[x.off:x.off+3]...)
			buf = append(buf, bytecode.GET_ITER, bytecode.DUP_TOP)
			buf = emit3(buf, bytecode.JUMP_ABSOLUTE, f)
			lines = append(lines, stubLine{s1, len(buf), code.Addr2Line(int32(x.off))})
			buf[x.off] = bytecode.JUMP_ABSOLUTE
			buf[x.off+1], buf[x.off+2] = byte(s1), byte(s1>>8)
			buf[prev.off] = bytecode.NOP
			dups++
		}
		s2 := len(buf)
		buf = emit3(buf, bytecode.LOAD_GLOBAL, nameIdx)
		if caseA {
			buf = append(buf, bytecode.ROT_TWO)
		} else {
			buf = emit3(buf, bytecode.LOAD_FAST, 0)
		}
		buf = emit3(buf, bytecode.CALL_FUNCTION, 1)
		buf = append(buf, bytecode.POP_TOP)
		buf = emit3(buf, bytecode.JUMP_ABSOLUTE, exitTarget)
		lines = append(lines, stubLine{s2, len(buf), code.Addr2Line(int32(f))})
		rel := s2 - (f + 3)
		buf[f+1], buf[f+2] = byte(rel), byte(rel>>8)
	}
	if nameIdx < 0 {
		return
	}
	if len(buf) > 0xffff {
		return // offsets would need EXTENDED_ARG: leave the code as it was
	}
	if dups > 0 && code.Name != "<genexpr>" && comprehension {
		for _, in := range insns {
			if (in.op == bytecode.LIST_APPEND || in.op == bytecode.SET_ADD || in.op == bytecode.MAP_ADD) && in.size == 3 {
				a := in.arg + dups
				buf[in.off+1], buf[in.off+2] = byte(a), byte(a>>8)
			}
		}
	}
	code.Names = append(code.Names, forCheckName)
	code.Code = string(buf)
	code.Stacksize += int32(dups) + 2
	forStubLines.Store(code, lines)
}

// fixStubLine corrects the line of a traceback entry that points into a
// for-loop stub.
func fixStubLine(tb *py.Traceback) {
	if tb == nil || tb.Frame == nil {
		return
	}
	v, ok := forStubLines.Load(tb.Frame.Code)
	if !ok {
		return
	}
	// Lasti is past the failing instruction.
	at := int(tb.Lasti) - 1
	for _, l := range v.([]stubLine) {
		if at >= l.from && at < l.to {
			tb.Lineno = l.line
			return
		}
	}
}

// Recorded iterator failures, keyed by iterator (generators by frame).
var (
	iterErrMu sync.Mutex
	iterErrs  = map[any]error{}
)

const maxIterErrs = 4096

func iterKey(it py.Object) any {
	if g, ok := it.(*py.Generator); ok {
		return g.Frame
	}
	return it
}

func recordIterErr(key any, err error) {
	iterErrMu.Lock()
	if len(iterErrs) >= maxIterErrs {
		clear(iterErrs) // errors consumed elsewhere (next(), list()) pile up; forget them
	}
	iterErrs[key] = err
	iterErrMu.Unlock()
}

// IterFailed records that the Go-implemented iterator it failed with err and
// returns err. Its __next__ must return IterFailed(self, err) for every error
// other than StopIteration, so that a for loop over it raises err instead of
// ending silently:
//
//	func (r *imapIter) M__next__() (py.Object, error) {
//		v, err := r.next()
//		if err != nil && !py.IsException(py.StopIteration, err) {
//			return nil, bridge.IterFailed(r, err)
//		}
//		return v, err
//	}
func IterFailed(it py.Object, err error) error {
	if err == nil || py.IsException(py.StopIteration, err) {
		return err
	}
	recordIterErr(iterKey(it), err)
	return err
}

// noteGeneratorError records the error a generator frame ended with.
func noteGeneratorError(frame *py.Frame, err error) {
	if py.IsException(py.StopIteration, err) || py.IsException(py.GeneratorExit, err) {
		return
	}
	recordIterErr(frame, err)
}

// forCheck is __pypool_forcheck__(it): it raises the error it recorded.
func forCheck(self py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 1 {
		return py.None, nil
	}
	key := iterKey(args[0])
	iterErrMu.Lock()
	err, ok := iterErrs[key]
	if ok {
		delete(iterErrs, key)
	}
	iterErrMu.Unlock()
	if ok {
		return nil, err
	}
	return py.None, nil
}

func installForLoop() {
	replaceMethod("builtins", py.MustNewMethod(forCheckName, forCheck, 0, "for-loop exit check (pypool)"))
}
