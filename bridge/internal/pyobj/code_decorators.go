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
func storedName(code *py.Code, in bytecode.Insn) string {
	get := func(names []string, i int) string {
		if i >= 0 && i < len(names) {
			return names[i]
		}
		return ""
	}
	switch in.Op {
	case bytecode.STORE_NAME, bytecode.STORE_GLOBAL:
		return get(code.Names, in.Arg)
	case bytecode.STORE_FAST:
		return get(code.Varnames, in.Arg)
	case bytecode.STORE_DEREF:
		if in.Arg < len(code.Cellvars) {
			return code.Cellvars[in.Arg]
		}
		return get(code.Freevars, in.Arg-len(code.Cellvars))
	}
	return ""
}

func patchDecoratorDefaults(code *py.Code, ci *bytecode.Insns) {
	if !ci.Has(bytecode.MAKE_FUNCTION, bytecode.MAKE_CLOSURE) || !ci.Has(bytecode.CALL_FUNCTION) {
		return
	}
	insns := ci.Get()
	var buf []byte // the patched bytecode, made at the first patch
	var lines []bytecode.StubLine
	decoIdx, tmpIdx := -1, -1
	optimized := code.Flags&py.CO_OPTIMIZED != 0
	for i, mk := range insns {
		if mk.Op != bytecode.MAKE_FUNCTION && mk.Op != bytecode.MAKE_CLOSURE || mk.Arg&0xffff == 0 && mk.Arg>>16 == 0 || i < 2 {
			continue
		}
		codeLoad := insns[i-2]
		if codeLoad.Op != bytecode.LOAD_CONST || codeLoad.Arg >= len(code.Consts) {
			continue
		}
		fnCode, ok := code.Consts[codeLoad.Arg].(*py.Code)
		if !ok {
			continue
		}
		k := 0
		for i+1+k < len(insns) && insns[i+1+k].Op == bytecode.CALL_FUNCTION && insns[i+1+k].Arg == 1 {
			k++
		}
		if k == 0 || i+1+k >= len(insns) || storedName(code, insns[i+1+k]) != fnCode.Name {
			continue
		}
		start := i - 2
		if mk.Op == bytecode.MAKE_CLOSURE {
			if i < 3 || insns[i-3].Op != bytecode.BUILD_TUPLE {
				continue
			}
			start = i - 3 - insns[i-3].Arg
			if start < 0 {
				continue
			}
		}
		s0 := insns[start]
		call := insns[i+1]
		if s0.Size != 3 || call.Size != 3 {
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
		line := code.Addr2Line(int32(mk.Off))
		if buf == nil {
			buf = []byte(code.Code)
		}
		// stub 1: set the decorators aside
		s := len(buf)
		buf = bytecode.Emit3(buf, bytecode.BUILD_TUPLE, k)
		buf = bytecode.Emit3(buf, storeOp, tmpIdx)
		buf = append(buf, code.Code[s0.Off:s0.Off+3]...)
		buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, s0.Off+3)
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: line})
		buf[s0.Off] = bytecode.JUMP_ABSOLUTE
		buf[s0.Off+1], buf[s0.Off+2] = byte(s), byte(s>>8)
		// stub 2: apply them
		s = len(buf)
		buf = bytecode.Emit3(buf, bytecode.LOAD_GLOBAL, decoIdx)
		buf = append(buf, bytecode.ROT_TWO)
		buf = bytecode.Emit3(buf, loadOp, tmpIdx)
		if !optimized {
			buf = bytecode.Emit3(buf, bytecode.DELETE_NAME, tmpIdx)
		}
		buf = bytecode.Emit3(buf, bytecode.CALL_FUNCTION, 2)
		buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, insns[i+1+k].Off)
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: line})
		buf[call.Off] = bytecode.JUMP_ABSOLUTE
		buf[call.Off+1], buf[call.Off+2] = byte(s), byte(s>>8)
	}
	if len(lines) == 0 {
		return
	}
	bytecode.InstallStubs(code, buf, 2, lines)
}

func init() {
	OnInstall(InstallExtras, "code_decorators", func() {
		ReplaceMethod("builtins", py.MustNewMethod(decorateName, decorate, 0, "decorators applied (pypool)"))
	})
}

func init() { OnCodePatch("10-decorator-defaults", patchDecoratorDefaults) }
