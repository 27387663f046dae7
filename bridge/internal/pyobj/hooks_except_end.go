package pyobj

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
)

// Except-clause exit hook. A handler that ends normally runs POP_EXCEPT; the
// compile wrapper routes each POP_EXCEPT through a stub that then calls
// __pypool_handled_end__(), so the thread's handled exception goes back to
// the one of the enclosing handler (or none), as sys.exc_info() does in
// CPython. The POP_EXCEPT and the instruction after it (a jump, or the
// LOAD_CONST of `except … as name:`) move into the stub:
//
//	POP_EXCEPT; LOAD_GLOBAL end; CALL_FUNCTION 0; POP_TOP; <moved>; JUMP_ABSOLUTE back
//
// A handler left by return or an exception does not run POP_EXCEPT; its
// entry is dropped once its frame has returned (the call depth is below the
// one it was caught at). One left by break or continue stays until an
// enclosing handler ends (maxHandledDepth bounds the stack).

const handledEndName = "__pypool_handled_end__"

// maxHandledDepth bounds the stack of enclosing handled exceptions.
const maxHandledDepth = 256

func patchExceptEnds(code *py.Code, ci *bytecode.Insns) {
	if !ci.Has(bytecode.POP_EXCEPT) {
		return
	}
	insns := ci.Get()
	targets := ci.JumpTargets()
	buf := []byte(code.Code)
	nameIdx := -1
	var lines []bytecode.StubLine
	for i, in := range insns {
		if in.Op != bytecode.POP_EXCEPT || i+1 >= len(insns) {
			continue
		}
		next := insns[i+1]
		if next.Size != 3 || targets[next.Off] {
			continue
		}
		jump := -1 // absolute target when next is an unconditional jump
		switch {
		case next.Op == bytecode.JUMP_FORWARD:
			jump = next.Off + next.Size + next.Arg
		case next.Op == bytecode.JUMP_ABSOLUTE:
			jump = next.Arg
		case bytecode.IsRelJump(next.Op) || bytecode.IsAbsJump(next.Op) || next.Op == bytecode.EXTENDED_ARG:
			continue
		}
		if nameIdx < 0 {
			nameIdx = len(code.Names)
		}
		s := len(buf)
		buf = append(buf, bytecode.POP_EXCEPT)
		buf = bytecode.Emit3(buf, bytecode.LOAD_GLOBAL, nameIdx)
		buf = bytecode.Emit3(buf, bytecode.CALL_FUNCTION, 0)
		buf = append(buf, bytecode.POP_TOP)
		if jump >= 0 {
			buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, jump)
		} else {
			buf = append(buf, code.Code[next.Off:next.Off+3]...)
			buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, next.Off+3)
		}
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: code.Addr2Line(int32(in.Off))})
		buf[in.Off] = bytecode.JUMP_ABSOLUTE
		buf[in.Off+1], buf[in.Off+2] = byte(s), byte(s>>8)
		buf[in.Off+3] = bytecode.NOP
	}
	if nameIdx < 0 || len(buf) > 0xffff {
		return
	}
	code.Names = append(code.Names, handledEndName)
	bytecode.InstallStubs(code, buf, 1, lines)
}

// handledEnd is __pypool_handled_end__(): the handler that was running ends.
func handledEnd(self py.Object, args py.Tuple) (py.Object, error) {
	if in := InterpOf(CtxOf(self)); in != nil {
		t := in.CurrentThread()
		DropReturned(t)
		popHandled(t)
	}
	return py.None, nil
}

func popHandled(t *Thread) {
	if n := len(t.outerHandled); n > 0 {
		t.handled = t.outerHandled[n-1]
		t.outerHandled = t.outerHandled[:n-1]
	} else {
		t.handled = handledEntry{}
	}
}

// dropReturned forgets the handled exceptions of frames that have returned
// (a handler left by return never runs POP_EXCEPT).
func DropReturned(t *Thread) {
	for t.handled.exc != nil && t.handled.depth > t.Depth {
		popHandled(t)
	}
}

// currentHandled is the exception of the innermost running handler, or nil.
func currentHandled(t *Thread) *py.Exception {
	DropReturned(t)
	return t.handled.exc
}

// pushHandled makes exc the thread's handled exception, keeping the one it
// replaces for when exc's handler ends.
func pushHandled(t *Thread, exc *py.Exception, frame *py.Frame) {
	DropReturned(t)
	if len(t.outerHandled) >= maxHandledDepth {
		copy(t.outerHandled, t.outerHandled[1:])
		t.outerHandled = t.outerHandled[:len(t.outerHandled)-1]
	}
	t.outerHandled = append(t.outerHandled, t.handled)
	t.handled = handledEntry{exc, t.Depth, frame}
}

func init() {
	OnInstall(InstallExtras, "hooks_except_end", func() {
		ReplaceMethod("builtins", py.MustNewMethod(handledEndName, handledEnd, 0, "except-clause exit hook (pypool)"))
	})
}

// dropLeftOuterHandlers forgets the handled exceptions of callers' handlers
// that were left by break or continue (which run no POP_EXCEPT). A caller's
// frame is suspended in a call, so its block stack is intact: it holds one
// EXCEPT_HANDLER block per handler still running. The current frame's own
// entries are left alone: an exception leaving it has unwound its blocks.
func DropLeftOuterHandlers(t *Thread) {
	DropReturned(t)
	for t.handled.exc != nil && t.handled.frame != nil && t.handled.depth < t.Depth {
		f := t.handled.frame
		blocks := 0
		for _, b := range f.Blockstack {
			if b.Type == py.TryBlockExceptHandler {
				blocks++
			}
		}
		entries := 1
		for k := len(t.outerHandled) - 1; k >= 0 && t.outerHandled[k].exc != nil && t.outerHandled[k].frame == f; k-- {
			entries++
		}
		if entries <= blocks {
			return
		}
		popHandled(t)
	}
}

func init() { OnCodePatch("80-except-ends", patchExceptEnds) }
