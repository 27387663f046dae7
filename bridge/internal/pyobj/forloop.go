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

// patchForLoops applies the for-loop mend to one code object.
func patchForLoops(code *py.Code, ci *bytecode.Insns) {
	if !ci.Has(bytecode.FOR_ITER) {
		return
	}
	insns := ci.Get()
	targets := ci.JumpTargets()
	comprehension := code.Name == "<listcomp>" || code.Name == "<setcomp>" || code.Name == "<dictcomp>" || code.Name == "<genexpr>"
	buf := []byte(code.Code)
	var lines []bytecode.StubLine
	nameIdx := -1
	dups := 0
	for k, in := range insns {
		if in.Op != bytecode.FOR_ITER || in.Size != 3 || k == 0 {
			continue
		}
		f := in.Off
		exitTarget := f + 3 + in.Arg
		prev := insns[k-1]
		caseA := false
		switch {
		case prev.Op == bytecode.GET_ITER && k >= 2 && !targets[prev.Off]:
			x := insns[k-2]
			if x.Size != 3 || x.Op < bytecode.HAVE_ARGUMENT || bytecode.IsRelJump(x.Op) || bytecode.IsAbsJump(x.Op) || x.Op == bytecode.FOR_ITER {
				continue
			}
			caseA = true
		case prev.Op == bytecode.LOAD_FAST && prev.Arg == 0 && prev.Size == 3 && comprehension && len(code.Varnames) > 0 && code.Varnames[0] == ".0":
		default:
			continue
		}
		if nameIdx < 0 {
			nameIdx = len(code.Names)
		}
		if caseA {
			x := insns[k-2]
			s1 := len(buf)
			buf = append(buf, code.Code[x.Off:x.Off+3]...)
			buf = append(buf, bytecode.GET_ITER, bytecode.DUP_TOP)
			buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, f)
			lines = append(lines, bytecode.StubLine{From: s1, To: len(buf), Line: code.Addr2Line(int32(x.Off))})
			buf[x.Off] = bytecode.JUMP_ABSOLUTE
			buf[x.Off+1], buf[x.Off+2] = byte(s1), byte(s1>>8)
			buf[prev.Off] = bytecode.NOP
			dups++
		}
		s2 := len(buf)
		buf = bytecode.Emit3(buf, bytecode.LOAD_GLOBAL, nameIdx)
		if caseA {
			buf = append(buf, bytecode.ROT_TWO)
		} else {
			buf = bytecode.Emit3(buf, bytecode.LOAD_FAST, 0)
		}
		buf = bytecode.Emit3(buf, bytecode.CALL_FUNCTION, 1)
		buf = append(buf, bytecode.POP_TOP)
		buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, exitTarget)
		lines = append(lines, bytecode.StubLine{From: s2, To: len(buf), Line: code.Addr2Line(int32(f))})
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
			if (in.Op == bytecode.LIST_APPEND || in.Op == bytecode.SET_ADD || in.Op == bytecode.MAP_ADD) && in.Size == 3 {
				a := in.Arg + dups
				buf[in.Off+1], buf[in.Off+2] = byte(a), byte(a>>8)
			}
		}
	}
	code.Names = append(code.Names, forCheckName)
	code.Code = string(buf)
	code.Stacksize += int32(dups) + 2
	bytecode.StubLines.Store(code, lines)
}

// fixStubLine corrects the line of a traceback entry that points into a
// for-loop stub.
func FixStubLine(tb *py.Traceback) {
	if tb == nil || tb.Frame == nil {
		return
	}
	v, ok := bytecode.StubLines.Load(tb.Frame.Code)
	if !ok {
		return
	}
	// Lasti is past the failing instruction.
	at := int(tb.Lasti) - 1
	for _, l := range v.([]bytecode.StubLine) {
		if at >= l.From && at < l.To {
			tb.Lineno = l.Line
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
func NoteGeneratorError(frame *py.Frame, err error) {
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
	ReplaceMethod("builtins", py.MustNewMethod(forCheckName, forCheck, 0, "for-loop exit check (pypool)"))
}

func init() { OnInstall(InstallCore, "core07-forloop", installForLoop) }

func init() { OnCodePatch("60-for-loops", patchForLoops) }
