package eval

import (
	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Frame reuse. gpython allocates a frame, its locals and its value stack for
// every Python call (with the VM state, ~440 B per call), and on this kind of
// machine that allocation, the collections it causes and the first touch of
// the pages it spreads over are most of what a call of a small function
// costs. A call of a plain function runs instead in a frame taken from its
// thread's free list, returned there when the call ends without an
// exception.
//
// A frame can outlive its call only through a traceback (an exception that
// passed through it), a generator, a closure cell, or locals()/eval/exec/
// vars()/dir() reading it; reusableCode admits only code where none of these
// can happen, and a call that fails never gives its frame back.

// maxFreeFrames bounds a thread's free list (recursion deeper than this
// allocates as gpython does).
const maxFreeFrames = 64

// noLocals is the locals dict of reused frames: function code that
// reusableCode admits never reads or writes its frame's locals dict.
var noLocals = py.StringDict{}

// frameReadingNames are names whose use may hand out the calling frame or its
// locals dict (attribute names are included: a false match only costs reuse).
var frameReadingNames = map[string]bool{
	"locals": true, "vars": true, "dir": true, "eval": true, "exec": true,
	"_getframe": true, "currentframe": true, "super": true,
}

// reusableCode reports whether calls of code may run in a reused frame: an
// optimised function body (fast locals only) without cells, free variables,
// *args, **kwargs or keyword-only parameters, that is no generator and has
// no try/except/finally/with block (so it can neither catch an exception
// whose traceback holds its frame nor end with one pending), and that names
// none of frameReadingNames.
func reusableCode(code *py.Code) bool {
	const need = py.CO_OPTIMIZED | py.CO_NEWLOCALS
	const refuse = py.CO_VARARGS | py.CO_VARKEYWORDS | py.CO_GENERATOR
	if code.Flags&need != need || code.Flags&refuse != 0 || code.Kwonlyargcount != 0 ||
		len(code.Cellvars) != 0 || len(code.Freevars) != 0 {
		return false
	}
	for _, n := range code.Names {
		if frameReadingNames[n] {
			return false
		}
	}
	ops := code.Code
	for i := 0; i < len(ops); {
		op := vm.OpCode(ops[i])
		switch op {
		case vm.SETUP_EXCEPT, vm.SETUP_FINALLY, vm.SETUP_WITH, vm.YIELD_VALUE, vm.YIELD_FROM,
			vm.LOAD_NAME, vm.STORE_NAME, vm.DELETE_NAME, vm.IMPORT_STAR, vm.LOAD_CLASSDEREF:
			return false
		}
		if op.HAS_ARG() {
			i += 3
		} else {
			i++
		}
	}
	return true
}

// codeKind is what a thread remembers about a code object it called.
type codeKind uint8

const (
	kindReusable codeKind = 1 << iota // reusableCode
	kindArith                         // arithCode
)

// kindOf answers reusableCode and arithCode for code, remembering the
// answer on the thread (the last code called, then a per-thread table).
func kindOf(t *pyrt.EvalState, code *py.Code) codeKind {
	if code == t.LastCode {
		return codeKind(t.LastKind)
	}
	k8, seen := t.Kinds[code]
	k := codeKind(k8)
	if !seen {
		if reusableCode(code) {
			k |= kindReusable
			if arithCode(code) {
				k |= kindArith
			}
		}
		if t.Kinds == nil {
			t.Kinds = map[*py.Code]uint8{}
		}
		t.Kinds[code] = uint8(k)
	}
	t.LastCode, t.LastKind = code, uint8(k)
	return k
}

// takeFrame is a frame for a call of code with args (len(args) ≤
// code.Argcount, the rest filled from defs): the arguments in place, the
// stack empty, ready for vm.RunFrame. ok is false when args and defs do not
// fill the parameters exactly (gpython's EvalCode reports that error).
func takeFrame(t *pyrt.EvalState, ctx py.Context, code *py.Code, globals py.StringDict, args, defs []py.Object) (f *py.Frame, ok bool) {
	argc := int(code.Argcount)
	if len(args) > argc || len(args)+len(defs) < argc {
		return nil, false
	}
	if k := len(t.FreeFrames); k > 0 {
		f = t.FreeFrames[k-1]
		t.FreeFrames = t.FreeFrames[:k-1]
	} else {
		f = new(py.Frame)
	}
	n := int(code.Nlocals)
	if cap(f.Localsplus) < n {
		f.Localsplus = make([]py.Object, n)
	}
	f.Localsplus = f.Localsplus[:n]
	if cap(f.Stack) < int(code.Stacksize) {
		f.Stack = make([]py.Object, 0, code.Stacksize)
	}
	f.Stack = f.Stack[:0]
	f.Context, f.Code, f.Globals, f.Locals = ctx, code, globals, noLocals
	f.Builtins = ctx.Store().Builtins.Globals
	f.LocalVars = f.Localsplus
	f.CellAndFreeVars = f.Localsplus[n:]
	f.Blockstack, f.Block = f.Blockstack[:0], nil
	f.Lasti, f.Yielded = 0, false
	copy(f.Localsplus, args)
	copy(f.Localsplus[len(args):argc], defs[len(defs)-(argc-len(args)):])
	return f, true
}

// giveFrame returns f, whose call has ended without an exception, to the
// thread's free list, dropping what it referred to.
func giveFrame(t *pyrt.EvalState, f *py.Frame) {
	clear(f.Localsplus)
	clear(f.Stack[:cap(f.Stack)])
	f.Context, f.Code, f.Globals, f.Builtins, f.Locals = nil, nil, nil, nil, nil
	if len(t.FreeFrames) < maxFreeFrames {
		t.FreeFrames = append(t.FreeFrames, f)
	}
}
