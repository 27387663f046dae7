package pyobj

// Decorated functions with default arguments. gpython's compiler pushes a
// def's decorators after its default values, and MAKE_FUNCTION then takes
// the decorators as defaults (and the defaults as decorators): `@deco` on
// `def f(a, b=1)` fails with "'int' object is not callable". The compile
// wrapper sets the decorators aside before the function is made and applies
// them after, through two stubs appended to the code:
//
//	at the code/closure load:  BUILD_TUPLE k; STORE tmp; <moved load>; JUMP_ABSOLUTE back
//	at the first decorator call: LOAD_GLOBAL decorate; ROT_TWO; LOAD tmp; [DELETE_NAME tmp;]
//	                             CALL_FUNCTION 2; JUMP_ABSOLUTE past the k calls
//
// tmp is a new local in a function, a name deleted at once in a module or
// class body.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
)

const (
	decorateName = "__pp_decorate__"
	decoTmpName  = "__pp_decorators__"
)

// decorate is __pp_decorate__(fn, decorators): the decorators applied,
// innermost (last) first.
func decorate(self py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes 2 arguments", decorateName)
	}
	fn := args[0]
	decos, _ := args[1].(py.Tuple)
	for i := len(decos) - 1; i >= 0; i-- {
		var err error
		if fn, err = py.Call(decos[i], py.Tuple{fn}, nil); err != nil {
			return nil, err
		}
	}
	return fn, nil
}

// storedName is the name a STORE_* instruction binds in code, or "".
func storedName(code *py.Code, in insn) string {
	get := func(names []string, i int) string {
		if i >= 0 && i < len(names) {
			return names[i]
		}
		return ""
	}
	switch in.op {
	case bytecode.STORE_NAME, bytecode.STORE_GLOBAL:
		return get(code.Names, in.arg)
	case bytecode.STORE_FAST:
		return get(code.Varnames, in.arg)
	case bytecode.STORE_DEREF:
		if in.arg < len(code.Cellvars) {
			return code.Cellvars[in.arg]
		}
		return get(code.Freevars, in.arg-len(code.Cellvars))
	}
	return ""
}

func patchDecoratorDefaults(code *py.Code, ci *codeInsns) {
	if !ci.has(bytecode.MAKE_FUNCTION, bytecode.MAKE_CLOSURE) || !ci.has(bytecode.CALL_FUNCTION) {
		return
	}
	insns := ci.get()
	var buf []byte // the patched bytecode, made at the first patch
	var lines []stubLine
	decoIdx, tmpIdx := -1, -1
	optimized := code.Flags&py.CO_OPTIMIZED != 0
	for i, mk := range insns {
		if mk.op != bytecode.MAKE_FUNCTION && mk.op != bytecode.MAKE_CLOSURE || mk.arg&0xffff == 0 && mk.arg>>16 == 0 || i < 2 {
			continue
		}
		codeLoad := insns[i-2]
		if codeLoad.op != bytecode.LOAD_CONST || codeLoad.arg >= len(code.Consts) {
			continue
		}
		fnCode, ok := code.Consts[codeLoad.arg].(*py.Code)
		if !ok {
			continue
		}
		k := 0
		for i+1+k < len(insns) && insns[i+1+k].op == bytecode.CALL_FUNCTION && insns[i+1+k].arg == 1 {
			k++
		}
		if k == 0 || i+1+k >= len(insns) || storedName(code, insns[i+1+k]) != fnCode.Name {
			continue
		}
		start := i - 2
		if mk.op == bytecode.MAKE_CLOSURE {
			if i < 3 || insns[i-3].op != bytecode.BUILD_TUPLE {
				continue
			}
			start = i - 3 - insns[i-3].arg
			if start < 0 {
				continue
			}
		}
		s0 := insns[start]
		call := insns[i+1]
		if s0.size != 3 || call.size != 3 {
			continue
		}
		if decoIdx < 0 {
			decoIdx = len(code.Names)
			code.Names = append(code.Names, decorateName)
			if optimized {
				tmpIdx = len(code.Varnames)
				code.Varnames = append(code.Varnames, decoTmpName)
				code.Nlocals++
			} else {
				tmpIdx = len(code.Names)
				code.Names = append(code.Names, decoTmpName)
			}
		}
		storeOp, loadOp := byte(bytecode.STORE_NAME), byte(bytecode.LOAD_NAME)
		if optimized {
			storeOp, loadOp = bytecode.STORE_FAST, bytecode.LOAD_FAST
		}
		line := code.Addr2Line(int32(mk.off))
		if buf == nil {
			buf = []byte(code.Code)
		}
		// stub 1: set the decorators aside
		s := len(buf)
		buf = emit3(buf, bytecode.BUILD_TUPLE, k)
		buf = emit3(buf, storeOp, tmpIdx)
		buf = append(buf, code.Code[s0.off:s0.off+3]...)
		buf = emit3(buf, bytecode.JUMP_ABSOLUTE, s0.off+3)
		lines = append(lines, stubLine{s, len(buf), line})
		buf[s0.off] = bytecode.JUMP_ABSOLUTE
		buf[s0.off+1], buf[s0.off+2] = byte(s), byte(s>>8)
		// stub 2: apply them
		s = len(buf)
		buf = emit3(buf, bytecode.LOAD_GLOBAL, decoIdx)
		buf = append(buf, bytecode.ROT_TWO)
		buf = emit3(buf, loadOp, tmpIdx)
		if !optimized {
			buf = emit3(buf, bytecode.DELETE_NAME, tmpIdx)
		}
		buf = emit3(buf, bytecode.CALL_FUNCTION, 2)
		buf = emit3(buf, bytecode.JUMP_ABSOLUTE, insns[i+1+k].off)
		lines = append(lines, stubLine{s, len(buf), line})
		buf[call.off] = bytecode.JUMP_ABSOLUTE
		buf[call.off+1], buf[call.off+2] = byte(s), byte(s>>8)
	}
	if len(lines) == 0 {
		return
	}
	installStubs(code, buf, 2, lines)
}

func init() {
	OnInstall(InstallExtras, "code_decorators", func() {
		replaceMethod("builtins", py.MustNewMethod(decorateName, decorate, 0, "decorators applied (pypool)"))
	})
}
