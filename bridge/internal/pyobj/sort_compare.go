package pyobj

// Ordering comparisons of tuples and lists in Python code. gpython's tuple and
// list types have no __lt__ (nor __le__, __gt__, __ge__), and their Go method
// sets cannot be extended, so `(1, 2) < (1, 3)` raises TypeError. The compile
// wrapper patches a COMPARE_OP whose operator is <, <=, > or >= into a jump
// to a stub appended to the code:
//
//	LOAD_GLOBAL __pypool_lt__ (…le/gt/ge); ROT_THREE; CALL_FUNCTION 2;
//	JUMP_ABSOLUTE back
//
// The called Go function compares as CPython (item by item for tuples and
// lists) and falls back to gpython's operator for the rest.
//
// The stub costs a call: patching every comparison made a compare-heavy loop
// (`while i < n: i += 1`) about 35% slower in CPU time. So only comparisons
// with an operand visibly a tuple or list are patched: a tuple or list
// display or constant (`v >= (3, 11)`, `[1, 2] < [1, 3]`) or a slice
// (`sys.version_info[:2] >= …`). Two tuple variables (`a < b`) still raise
// gpython's TypeError (README, Differences from CPython).

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
)

// seqOperand reports whether the comparison at insns[k] has an operand that
// is visibly a tuple or list.
func seqOperand(code *py.Code, insns []bytecode.Insn, k int) bool {
	seq := func(j int) bool {
		if j < 0 {
			return false
		}
		switch in := insns[j]; in.Op {
		case bytecode.BUILD_TUPLE, bytecode.BUILD_LIST:
			return true
		case bytecode.LOAD_CONST:
			if in.Arg < len(code.Consts) {
				_, ok := code.Consts[in.Arg].(py.Tuple)
				return ok
			}
		case bytecode.BINARY_SUBSCR:
			return j > 0 && insns[j-1].Op == bytecode.BUILD_SLICE
		}
		return false
	}
	b := k - 1
	if b >= 1 && insns[b].Op == bytecode.ROT_THREE && insns[b-1].Op == bytecode.DUP_TOP {
		b -= 2 // the middle of a chained comparison
	}
	if seq(b) {
		return true
	}
	// b is a name (with attributes): look at what was pushed before it.
	j := b
	for j >= 0 && insns[j].Op == bytecode.LOAD_ATTR {
		j--
	}
	if j < 0 {
		return false
	}
	switch insns[j].Op {
	case bytecode.LOAD_FAST, bytecode.LOAD_NAME, bytecode.LOAD_GLOBAL, bytecode.LOAD_DEREF, bytecode.LOAD_CONST:
		return seq(j - 1)
	}
	return false
}

// gpython's COMPARE_OP arguments.
const (
	cmpLT = 0
	cmpLE = 1
	cmpGT = 4
	cmpGE = 5
)

var compareNames = map[int]string{
	cmpLT: "__pypool_lt__",
	cmpLE: "__pypool_le__",
	cmpGT: "__pypool_gt__",
	cmpGE: "__pypool_ge__",
}

// patchCompares applies the ordering mend to one code object.
func patchCompares(code *py.Code, ci *bytecode.Insns) {
	if !ci.Has(bytecode.COMPARE_OP) {
		return
	}
	insns := ci.Get()
	var buf []byte
	nameIdx := map[int]int{}
	var lines []bytecode.StubLine
	for k, in := range insns {
		if in.Op != bytecode.COMPARE_OP || in.Size != 3 {
			continue
		}
		name, ok := compareNames[in.Arg]
		if !ok || !seqOperand(code, insns, k) {
			continue
		}
		if buf == nil {
			buf = []byte(code.Code)
		}
		idx, ok := nameIdx[in.Arg]
		if !ok {
			idx = len(code.Names)
			code.Names = append(code.Names, name)
			nameIdx[in.Arg] = idx
		}
		s := len(buf)
		buf = bytecode.Emit3(buf, bytecode.LOAD_GLOBAL, idx)
		buf = append(buf, bytecode.ROT_THREE)
		buf = bytecode.Emit3(buf, bytecode.CALL_FUNCTION, 2)
		buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, in.Off+3)
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: code.Addr2Line(int32(in.Off))})
		buf[in.Off] = bytecode.JUMP_ABSOLUTE
		buf[in.Off+1], buf[in.Off+2] = byte(s), byte(s>>8)
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

// compareOp is the Go side of one patched comparison.
func compareOp(op int) func(self py.Object, args py.Tuple) (py.Object, error) {
	return func(self py.Object, args py.Tuple) (py.Object, error) {
		if len(args) != 2 {
			return nil, py.ExceptionNewf(py.TypeError, "%s expected 2 arguments", compareNames[op])
		}
		a, b := args[0], args[1]
		if x, ok := a.(py.Int); ok {
			if y, ok := b.(py.Int); ok {
				switch op {
				case cmpLT:
					return py.NewBool(x < y), nil
				case cmpLE:
					return py.NewBool(x <= y), nil
				case cmpGT:
					return py.NewBool(x > y), nil
				}
				return py.NewBool(x >= y), nil
			}
		}
		switch a.(type) {
		case py.Tuple, *py.List:
			return seqCompare(op, a, b)
		}
		switch op {
		case cmpLT:
			return py.Lt(a, b)
		case cmpLE:
			return py.Le(a, b)
		case cmpGT:
			return py.Gt(a, b)
		}
		return py.Ge(a, b)
	}
}

// seqCompare compares two tuples or two lists as CPython: the first items
// that differ decide, else the lengths.
func seqCompare(op int, a, b py.Object) (py.Object, error) {
	var x, y []py.Object
	switch s := a.(type) {
	case py.Tuple:
		t, ok := b.(py.Tuple)
		if !ok {
			return nil, unorderable(op, a, b)
		}
		x, y = s, t
	case *py.List:
		t, ok := b.(*py.List)
		if !ok {
			return nil, unorderable(op, a, b)
		}
		x, y = s.Items, t.Items
	}
	n := min(len(x), len(y))
	for i := 0; i < n; i++ {
		if isIdentical(x[i], y[i]) {
			continue
		}
		eq, err := Equal(x[i], y[i])
		if err != nil {
			return nil, err
		}
		if !eq {
			return compareOp(op)(nil, py.Tuple{x[i], y[i]})
		}
	}
	la, lb := len(x), len(y)
	switch op {
	case cmpLT:
		return py.NewBool(la < lb), nil
	case cmpLE:
		return py.NewBool(la <= lb), nil
	case cmpGT:
		return py.NewBool(la > lb), nil
	}
	return py.NewBool(la >= lb), nil
}

func unorderable(op int, a, b py.Object) error {
	sym := map[int]string{cmpLT: "<", cmpLE: "<=", cmpGT: ">", cmpGE: ">="}[op]
	return py.ExceptionNewf(py.TypeError, "'%s' not supported between instances of '%s' and '%s'", sym, TypeName(a), TypeName(b))
}

func installCompares() {
	for op, name := range compareNames {
		ReplaceMethod("builtins", py.MustNewMethod(name, compareOp(op), 0, "ordering comparison (pypool)"))
	}
}

func init() { OnInstall(InstallCore, "core08-compares", installCompares) }

func init() { OnCodePatch("40-compares", patchCompares) }
