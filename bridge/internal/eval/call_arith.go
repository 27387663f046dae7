package eval

import (
	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"
)

// Calls of arithmetic functions. A function whose body is one `return` of
// arithmetic on its parameters and constants (lambda x: x * x, def f(a, b):
// return a * b + 1) is the commonest thing handed to Pool.map, and running
// it costs gpython a VM state, a frame and a trip through its dispatch loop,
// ~20 times the arithmetic. When every operand is an int or a float, such a
// call is evaluated here instead, by the same gpython operations the VM
// would run (py.Add, py.Mul, …), so the result is the same object. These
// operations have no side effects on ints and floats, so when one fails
// (ZeroDivisionError, an operand of another type) the call is simply run
// again by the VM, which raises the error with its traceback.

// maxArithStack is the deepest operand stack arithCode admits.
const maxArithStack = 8

// arithCode reports whether code is a body arithCall can evaluate: a plain
// function (reusableCode) with no locals beyond its parameters, whose
// bytecode is LOAD_FAST, LOAD_CONST and unary/binary arithmetic ending in
// its only RETURN_VALUE, never needing more than maxArithStack operands.
func arithCode(code *py.Code) bool {
	if code.Nlocals != code.Argcount || !reusableCode(code) {
		return false
	}
	ops := code.Code
	depth := 0
	for pc := 0; pc < len(ops); {
		op := vm.OpCode(ops[pc])
		arg := 0
		if op.HAS_ARG() {
			if pc+2 >= len(ops) {
				return false
			}
			arg = int(ops[pc+1]) | int(ops[pc+2])<<8
			pc += 3
		} else {
			pc++
		}
		switch {
		case op == vm.LOAD_FAST:
			depth++
		case op == vm.LOAD_CONST:
			if arg >= len(code.Consts) || !arithOperand(code.Consts[arg]) {
				return false
			}
			depth++
		case op == vm.UNARY_NEGATIVE || op == vm.UNARY_POSITIVE:
			if depth < 1 {
				return false
			}
		case arithBinary(op) != nil:
			if depth < 2 {
				return false
			}
			depth--
		case op == vm.RETURN_VALUE:
			return depth == 1 && pc == len(ops)
		default:
			return false
		}
		if depth > maxArithStack {
			return false
		}
	}
	return false
}

// arithOperand reports whether o is an int, a bool or a float (not a
// subclass or anything else whose arithmetic could run Python code).
func arithOperand(o py.Object) bool {
	switch o.(type) {
	case py.Int, py.Float, *py.BigInt, py.Bool:
		return true
	}
	return false
}

// arithValue is o as an operand: a bool is the int it equals, as in
// CPython's arithmetic (True * 2 == 2; gpython has no bool arithmetic).
func arithValue(o py.Object) py.Object {
	if b, ok := o.(py.Bool); ok {
		if b {
			return py.Int(1)
		}
		return py.Int(0)
	}
	return o
}

// arithBinary is the gpython operation a binary arithmetic opcode runs, or
// nil.
func arithBinary(op vm.OpCode) func(a, b py.Object) (py.Object, error) {
	switch op {
	case vm.BINARY_ADD:
		return py.Add
	case vm.BINARY_SUBTRACT:
		return py.Sub
	case vm.BINARY_MULTIPLY:
		return py.Mul
	case vm.BINARY_TRUE_DIVIDE:
		return py.TrueDiv
	case vm.BINARY_FLOOR_DIVIDE:
		return py.FloorDiv
	case vm.BINARY_MODULO:
		return py.Mod
	case vm.BINARY_POWER:
		return arithPow
	}
	return nil
}

func arithPow(a, b py.Object) (py.Object, error) { return py.Pow(a, b, py.None) }

// arithCall evaluates a call of code (arithCode) with args and the
// defaults defs; ok is false when it cannot (an operand is not an int or a
// float, an operation failed, the arguments do not fit): then nothing has
// happened and the VM must run the call.
func arithCall(code *py.Code, args, defs []py.Object) (res py.Object, ok bool) {
	argc := int(code.Argcount)
	if len(args) > argc || len(args)+len(defs) < argc {
		return nil, false
	}
	local := func(i int) py.Object {
		if i < len(args) {
			return args[i]
		}
		return defs[len(defs)-(argc-i)]
	}
	var stack [maxArithStack]py.Object
	sp := 0
	ops := code.Code
	for pc := 0; pc < len(ops); {
		op := vm.OpCode(ops[pc])
		arg := 0
		if op.HAS_ARG() {
			arg = int(ops[pc+1]) | int(ops[pc+2])<<8
			pc += 3
		} else {
			pc++
		}
		switch op {
		case vm.LOAD_FAST:
			x := local(arg)
			if !arithOperand(x) {
				return nil, false
			}
			stack[sp] = x
			sp++
		case vm.LOAD_CONST:
			stack[sp] = code.Consts[arg]
			sp++
		case vm.UNARY_NEGATIVE:
			x, err := py.Neg(arithValue(stack[sp-1]))
			if err != nil || !arithOperand(x) {
				return nil, false
			}
			stack[sp-1] = x
		case vm.UNARY_POSITIVE:
			x, err := py.Pos(arithValue(stack[sp-1]))
			if err != nil || !arithOperand(x) {
				return nil, false
			}
			stack[sp-1] = x
		case vm.RETURN_VALUE:
			return stack[sp-1], true
		default:
			x, err := arithBinary(op)(arithValue(stack[sp-2]), arithValue(stack[sp-1]))
			if err != nil || !arithOperand(x) {
				return nil, false
			}
			sp--
			stack[sp-1] = x
		}
	}
	return nil, false
}
