package pyobj

// Generator mends. A generator's return value is lost in gpython: `r =
// yield from g` leaves the iterator g itself in r. (generator.throw() and
// close() are in generator_throw.go.)
//
// Return values: the call hook records the return value of a generator
// frame that ends (genReturns); the compile wrapper moves each
// `LOAD_CONST None; YIELD_FROM` whose value is used into a stub appended to
// the code that then calls __pp_yf_value__(iterator):
//
//	LOAD_CONST None; YIELD_FROM; LOAD_GLOBAL value; ROT_TWO; CALL_FUNCTION 1; JUMP_ABSOLUTE back

import (
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
)

const yieldFromValueName = "__pp_yf_value__"

const opYieldFrom = 72

// genReturns holds the non-None return values of finished generator frames
// until a `yield from` takes them (bounded: cleared when full).
var (
	genReturnsMu sync.Mutex
	genReturns   = map[*py.Frame]py.Object{}
)

const maxGenReturns = 4096

// noteGeneratorReturn records what a generator frame returned.
func NoteGeneratorReturn(frame *py.Frame, res py.Object) {
	if frame.Yielded || res == nil || res == py.None || frame.Code.Flags&py.CO_GENERATOR == 0 {
		return
	}
	genReturnsMu.Lock()
	if len(genReturns) >= maxGenReturns {
		genReturns = map[*py.Frame]py.Object{}
	}
	genReturns[frame] = res
	genReturnsMu.Unlock()
}

// yieldFromValue is __pp_yf_value__(it): the value of `yield from it`.
func yieldFromValue(self py.Object, arg py.Object) (py.Object, error) {
	g, ok := arg.(*py.Generator)
	if !ok || g.Frame == nil {
		return py.None, nil
	}
	genReturnsMu.Lock()
	v, ok := genReturns[g.Frame]
	delete(genReturns, g.Frame)
	genReturnsMu.Unlock()
	if !ok {
		return py.None, nil
	}
	return v, nil
}

// patchYieldFrom routes each used `yield from` value through
// __pp_yf_value__.
func patchYieldFrom(code *py.Code, ci *bytecode.Insns) {
	if code.Flags&py.CO_GENERATOR == 0 || !ci.Has(opYieldFrom) {
		return
	}
	insns := ci.Get()
	buf := []byte(code.Code)
	nameIdx := -1
	var lines []bytecode.StubLine
	for i := 1; i+1 < len(insns); i++ {
		in, prev, next := insns[i], insns[i-1], insns[i+1]
		if in.Op != opYieldFrom || prev.Op != bytecode.LOAD_CONST || prev.Size != 3 || next.Op == bytecode.POP_TOP {
			continue
		}
		if prev.Arg >= len(code.Consts) || code.Consts[prev.Arg] != py.None {
			continue
		}
		if nameIdx < 0 {
			nameIdx = len(code.Names)
		}
		s := len(buf)
		buf = append(buf, code.Code[prev.Off:prev.Off+3]...)
		buf = append(buf, opYieldFrom)
		buf = bytecode.Emit3(buf, bytecode.LOAD_GLOBAL, nameIdx)
		buf = append(buf, bytecode.ROT_TWO)
		buf = bytecode.Emit3(buf, bytecode.CALL_FUNCTION, 1)
		buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, in.Off+1)
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: code.Addr2Line(int32(in.Off))})
		buf[prev.Off] = bytecode.JUMP_ABSOLUTE
		buf[prev.Off+1], buf[prev.Off+2] = byte(s), byte(s>>8)
		buf[in.Off] = bytecode.NOP
	}
	if nameIdx < 0 || len(buf) > 0xffff {
		return
	}
	code.Names = append(code.Names, yieldFromValueName)
	bytecode.InstallStubs(code, buf, 1, lines)
}

func init() {
	OnInstall(InstallExtras, "generators", func() {
		ReplaceMethod("builtins", py.MustNewMethod(yieldFromValueName, yieldFromValue, 0, "yield from value (pypool)"))
	})
}

func init() { OnCodePatch("50-yield-from", patchYieldFrom) }
