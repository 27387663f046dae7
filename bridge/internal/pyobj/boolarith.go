package pyobj

// Arithmetic between two bools in Python code. gpython's bool has no
// arithmetic methods, so when both operands are bools (`True + True`, the
// cmp idiom `(a > b) - (a < b)`) py.Add & co. raise TypeError; a bool with
// an int works (int's methods take bools). Go method sets cannot be
// extended, so the compile wrapper patches the operations whose two operands
// are visibly bools — each a comparison or a True/False constant — into a
// call: the 3-byte instruction making the right operand and the 1-byte
// operator become a jump to a stub appended to the code
//
//	<the right operand's instruction>; LOAD_GLOBAL __pypool_bool_add__ (…);
//	ROT_THREE; CALL_FUNCTION 2; JUMP_ABSOLUTE after the operator
//
// whose Go function computes with the bools as ints (&, |, ^ of two bools
// stay bools). Operations on bools held in variables still raise TypeError
// (README, Differences from CPython): patching every operator would cost
// every arithmetic operation a call.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
)

// Binary operator opcodes (gpython vm/opcodes.go) and the functions that
// compute them.
var boolOps = map[byte]struct {
	name string
	fn   func(a, b py.Object) (py.Object, error)
}{
	19: {"__pypool_bool_pow__", func(a, b py.Object) (py.Object, error) { return py.Pow(a, b, py.None) }},
	20: {"__pypool_bool_mul__", py.Mul},
	22: {"__pypool_bool_mod__", py.Mod},
	23: {"__pypool_bool_add__", py.Add},
	24: {"__pypool_bool_sub__", py.Sub},
	26: {"__pypool_bool_floordiv__", py.FloorDiv},
	27: {"__pypool_bool_truediv__", py.TrueDiv},
	62: {"__pypool_bool_lshift__", py.Lshift},
	63: {"__pypool_bool_rshift__", py.Rshift},
	64: {"__pypool_bool_and__", py.And},
	65: {"__pypool_bool_xor__", py.Xor},
	66: {"__pypool_bool_or__", py.Or},
}

const cmpExcMatch = 10

// boolOpCodes are boolOps' opcodes.
var boolOpCodes = func() []byte {
	var ops []byte
	for op := range boolOps {
		ops = append(ops, op)
	}
	return ops
}()

// hasBoolConst reports whether True or False is among code's constants.
func hasBoolConst(code *py.Code) bool {
	for _, c := range code.Consts {
		if _, ok := c.(py.Bool); ok {
			return true
		}
	}
	return false
}

// patchBoolArith applies the mend to one code object.
func patchBoolArith(code *py.Code, ci *bytecode.Insns) {
	if !ci.Has(boolOpCodes...) || !ci.Has(bytecode.COMPARE_OP) && !hasBoolConst(code) {
		return
	}
	insns := ci.Get()
	targets := ci.JumpTargets()
	makesBool := func(j int) bool {
		if j < 0 {
			return false
		}
		in := insns[j]
		switch in.Op {
		case bytecode.COMPARE_OP:
			return in.Arg != cmpExcMatch
		case bytecode.LOAD_CONST:
			if in.Arg < len(code.Consts) {
				_, ok := code.Consts[in.Arg].(py.Bool)
				return ok
			}
		}
		return false
	}
	// simpleStart returns the index of the first instruction of the simple
	// operand (a name or constant, with attributes) ending at j, or -1.
	simpleStart := func(j int) int {
		for j >= 0 && insns[j].Op == bytecode.LOAD_ATTR {
			j--
		}
		if j < 0 {
			return -1
		}
		switch insns[j].Op {
		case bytecode.LOAD_FAST, bytecode.LOAD_NAME, bytecode.LOAD_GLOBAL, bytecode.LOAD_DEREF, bytecode.LOAD_CONST:
			return j
		}
		return -1
	}
	var buf []byte
	nameIdx := map[byte]int{}
	var lines []bytecode.StubLine
	for k := 1; k < len(insns); k++ {
		op := insns[k]
		bop, ok := boolOps[op.Op]
		if !ok || op.Size != 1 || targets[op.Off] {
			continue
		}
		x := insns[k-1]
		if x.Size != 3 || !makesBool(k-1) {
			continue
		}
		left := k - 2
		if x.Op == bytecode.COMPARE_OP {
			// The right operand is `p < q`: skip q and p.
			if s := simpleStart(k - 2); s >= 0 {
				left = simpleStart(s - 1)
				if left >= 0 {
					left--
				}
			} else {
				left = -1
			}
		}
		if !makesBool(left) {
			continue
		}
		if buf == nil {
			buf = []byte(code.Code)
		}
		idx, ok := nameIdx[op.Op]
		if !ok {
			idx = len(code.Names)
			code.Names = append(code.Names, bop.name)
			nameIdx[op.Op] = idx
		}
		s := len(buf)
		buf = append(buf, code.Code[x.Off:x.Off+3]...)
		buf = bytecode.Emit3(buf, bytecode.LOAD_GLOBAL, idx)
		buf = append(buf, bytecode.ROT_THREE)
		buf = bytecode.Emit3(buf, bytecode.CALL_FUNCTION, 2)
		buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, op.Off+1)
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: code.Addr2Line(int32(op.Off))})
		buf[x.Off] = bytecode.JUMP_ABSOLUTE
		buf[x.Off+1], buf[x.Off+2] = byte(s), byte(s>>8)
		buf[op.Off] = bytecode.NOP
	}
	if buf == nil {
		return
	}
	if len(buf) > 0xffff {
		code.Names = code.Names[:len(code.Names)-len(nameIdx)]
		return
	}
	bytecode.InstallStubs(code, buf, 1, lines)
}

// boolArith returns the Go side of one patched operator.
func boolArith(fn func(a, b py.Object) (py.Object, error), logical bool) func(self py.Object, args py.Tuple) (py.Object, error) {
	return func(self py.Object, args py.Tuple) (py.Object, error) {
		if len(args) != 2 {
			return nil, py.ExceptionNewf(py.TypeError, "expected 2 arguments")
		}
		a, b := args[0], args[1]
		x, aBool := a.(py.Bool)
		y, bBool := b.(py.Bool)
		if aBool && bBool {
			if logical {
				res, err := fn(BoolInt(x), BoolInt(y))
				if err != nil {
					return nil, err
				}
				return py.NewBool(res != py.Int(0)), nil
			}
			return fn(BoolInt(x), BoolInt(y))
		}
		return fn(a, b)
	}
}

func installBoolArith() {
	for op, b := range boolOps {
		logical := op == 64 || op == 65 || op == 66
		ReplaceMethod("builtins", py.MustNewMethod(b.name, boolArith(b.fn, logical), 0, "bool arithmetic (pypool)"))
	}
}

func init() { OnInstall(InstallCore, "core09-boolarith", installBoolArith) }

func init() { OnCodePatch("30-bool-arith", patchBoolArith) }
