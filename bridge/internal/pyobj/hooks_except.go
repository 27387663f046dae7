package pyobj

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Except-clause entry hook. gpython keeps an exception's traceback only in
// the VM, never on the exception object, so `raise B from a` could not show
// a's frames, and nothing tells Go code which exception a handler is
// handling. The compile wrapper makes each `except` handler start with a
// call of __pypool_caught__(tb, exc): it stores the traceback on the
// exception (FormatException prints it for chained exceptions) and records
// the exception as the current thread's handled one (Interp.HandledException).
//
// At a handler's start the stack holds [… tb, value, type]; the first
// instructions of the handler (at least 3 bytes, no jumps) move into a stub
// appended to the code:
//
//	ROT_THREE; DUP_TOP_TWO; LOAD_GLOBAL caught; ROT_THREE; CALL_FUNCTION 2;
//	ROT_TWO; POP_TOP; ROT_THREE; ROT_THREE; <moved instructions>; JUMP_ABSOLUTE back
//
// The call's result replaces the exception value the handler sees (an
// exception caught in the frame it was raised in gets CPython's message
// there, see correctException).

const caughtName = "__pypool_caught__"

func patchExceptHandlers(code *py.Code, ci *bytecode.Insns) {
	if !ci.Has(bytecode.SETUP_EXCEPT) {
		return
	}
	insns := ci.Get()
	targets := ci.JumpTargets()
	var handlers []int
	for _, in := range insns {
		if in.Op == bytecode.SETUP_EXCEPT {
			handlers = append(handlers, in.Off+in.Size+in.Arg)
		}
	}
	if len(handlers) == 0 {
		return
	}
	byOff := map[int]int{}
	for i, in := range insns {
		byOff[in.Off] = i
	}
	buf := []byte(code.Code)
	nameIdx := -1
	var lines []bytecode.StubLine
	done := map[int]bool{}
	for _, h := range handlers {
		k, ok := byOff[h]
		if !ok || done[h] {
			continue
		}
		// instructions to move: at least 3 bytes, plain ones, no jump target inside
		n, j := 0, k
		good := true
		for n < 3 && j < len(insns) {
			in := insns[j]
			if bytecode.IsRelJump(in.Op) || bytecode.IsAbsJump(in.Op) || in.Op == bytecode.EXTENDED_ARG || in.Size != 1 && in.Size != 3 || (j > k && targets[in.Off]) {
				good = false
				break
			}
			n += in.Size
			j++
		}
		if !good || n < 3 {
			continue
		}
		done[h] = true
		if nameIdx < 0 {
			nameIdx = len(code.Names)
		}
		s := len(buf)
		buf = append(buf, bytecode.ROT_THREE, bytecode.DUP_TOP_TWO)
		buf = bytecode.Emit3(buf, bytecode.LOAD_GLOBAL, nameIdx)
		buf = append(buf, bytecode.ROT_THREE)
		buf = bytecode.Emit3(buf, bytecode.CALL_FUNCTION, 2)
		buf = append(buf, bytecode.ROT_TWO, bytecode.POP_TOP, bytecode.ROT_THREE, bytecode.ROT_THREE)
		buf = append(buf, code.Code[h:h+n]...)
		buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, h+n)
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: code.Addr2Line(int32(h))})
		buf[h] = bytecode.JUMP_ABSOLUTE
		buf[h+1], buf[h+2] = byte(s), byte(s>>8)
		for i := h + 3; i < h+n; i++ {
			buf[i] = bytecode.NOP
		}
	}
	if nameIdx < 0 || len(buf) > 0xffff {
		return
	}
	code.Names = append(code.Names, caughtName)
	bytecode.InstallStubs(code, buf, 3, lines)
}

// caught is __pypool_caught__(tb, exc): it returns the exception value the
// handler works with.
func caught(self py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 2 {
		return py.None, nil
	}
	exc, ok := args[1].(*py.Exception)
	if !ok {
		return args[1], nil
	}
	tb, _ := args[0].(*py.Traceback)
	if tb != nil {
		FixStubLine(tb)
		if tb.Next == nil {
			exc = correctException(exc, tb)
		}
		exc.Traceback = tb
	}
	if in := pyrt.InterpOf(pyrt.CtxOf(self)); in != nil {
		t := in.CurrentThread()
		NoteContext(t, exc)
		if tb != nil && tb.Frame != nil {
			dropExitedHandlers(t, tb.Frame)
		}
		var frame *py.Frame
		if tb != nil {
			frame = tb.Frame
		}
		pushHandled(t, exc, frame)
	}
	return exc, nil
}

// HandledException returns the exception most recently caught by an except
// clause in the current thread (the caller holds the GIL), with its
// traceback, or nil: CPython's sys.exc_info()[1]. It goes back to the
// enclosing handler's exception (or nil) when the handler ends normally or
// its function returns.
func HandledException(in *pyrt.Interp) *py.Exception {
	return currentHandled(in.CurrentThread())
}

// HandledOf is HandledException for the interpreter of a module function's
// self (sys.exc_info, traceback.format_exc), or nil.
func HandledOf(self py.Object) *py.Exception {
	if in := pyrt.InterpOf(pyrt.CtxOf(self)); in != nil {
		return HandledException(in)
	}
	return nil
}

func installExceptHook() {
	pyrt.ReplaceMethod("builtins", py.MustNewMethod(caughtName, caught, 0, "except-clause entry hook (pypool)"))
}

func init() { pyrt.OnInstall(pyrt.InstallCore, "core10-excepthook", installExceptHook) }

func init() { pyrt.OnCodePatch("70-except-handlers", patchExceptHandlers) }
