package pyobj

// CPython's wording for errors that gpython raises from Go code.
//
// gpython words many of its errors differently from CPython ("'O' has no
// attribute 'x'", "index out of range", "unsupported operand type(s) for
// abs: 'str'") and some of them need context it does not have (a list or a
// tuple? `%` or `/`?). pypool corrects them at one point: correctException,
// called where an exception is first seen — when it leaves the frame it was
// raised in (the VmEvalCode/VmRunFrame hooks) and when an except clause of
// that frame catches it (__pypool_caught__). The context is the failing
// instruction of that frame (its traceback's Lasti) and, where the message
// depends on an operand, the value that instruction consumed, recovered by
// walking back to the instruction that pushed it (a constant, a variable, an
// attribute of a module or instance, a list/tuple display). Exceptions raised
// by a `raise` statement are never touched.

import (
	"regexp"
	"strings"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"
	"github.com/pypool/pypool/bridge/internal/bytecode"
)

// sharedZeroDiv returns the ZeroDivisionError values gpython shares between
// all int (resp. float) divisions: they are replaced by a fresh exception
// carrying the operation's own message. Found on first use.
var sharedZeroDiv = sync.OnceValues(func() (intDiv, floatDiv *py.Exception) {
	if _, err := py.TrueDiv(py.Int(1), py.Int(0)); err != nil {
		intDiv, _ = err.(*py.Exception)
	}
	if _, err := py.TrueDiv(py.Float(1), py.Float(0)); err != nil {
		floatDiv, _ = err.(*py.Exception)
	}
	return intDiv, floatDiv
})

// errSite is the instruction an exception came from, in its frame.
type errSite struct {
	frame   *py.Frame
	insns   []bytecode.Insn
	targets map[int]bool
	idx     int // index in insns of the failing instruction, -1 if unknown
}

func (s *errSite) op() int {
	if s == nil || s.idx < 0 {
		return -1
	}
	return int(s.insns[s.idx].Op)
}

// siteOf finds the failing instruction of the innermost traceback entry.
func siteOf(tb *py.Traceback) *errSite {
	if tb == nil {
		return nil
	}
	for tb.Next != nil {
		tb = tb.Next
	}
	if tb.Frame == nil || tb.Frame.Code == nil {
		return nil
	}
	dc := decodedCodeOf(tb.Frame.Code)
	s := &errSite{frame: tb.Frame, insns: dc.insns, targets: dc.targets, idx: -1}
	if i, ok := dc.byEnd[int(tb.Lasti)]; ok {
		s.idx = i
	}
	return s
}

// decodedCode is a code object's instructions, decoded once.
type decodedCode struct {
	code    string // the bytecode decoded (a patched code object decodes anew)
	insns   []bytecode.Insn
	targets map[int]bool
	byEnd   map[int]int // instruction index by end offset
}

var decodedCodes sync.Map // *py.Code → *decodedCode

func decodedCodeOf(code *py.Code) *decodedCode {
	if v, ok := decodedCodes.Load(code); ok {
		if dc := v.(*decodedCode); dc.code == code.Code {
			return dc
		}
	}
	dc := &decodedCode{code: code.Code, insns: bytecode.Decode(code.Code)}
	dc.targets = jumpTargets(dc.insns)
	dc.byEnd = make(map[int]int, len(dc.insns))
	for i, in := range dc.insns {
		dc.byEnd[in.Off+in.Size] = i
	}
	decodedCodes.Store(code, dc)
	return dc
}

// correctException returns exc with CPython's message, given the traceback
// of the frame it was raised in. It returns exc itself (its args corrected
// in place) or, for the ZeroDivisionError values gpython shares, a copy.
func correctException(exc *py.Exception, tb *py.Traceback) *py.Exception {
	if exc == nil {
		return exc
	}
	if exc.Base == py.ZeroDivisionError {
		if intDiv, floatDiv := sharedZeroDiv(); exc == intDiv || exc == floatDiv {
			site := siteOf(tb)
			c := &py.Exception{Base: exc.Base, Dict: py.StringDict{}}
			c.Args = py.Tuple{py.String(zeroDivMessage(exc == floatDiv, site))}
			return c
		}
	}
	args, ok := exc.Args.(py.Tuple)
	if !ok || len(args) != 1 {
		return exc
	}
	msg, ok := args[0].(py.String)
	if !ok || !mayCorrect(exc.Base, string(msg)) {
		return exc
	}
	site := siteOf(tb)
	if site.op() == int(vm.RAISE_VARARGS) {
		return exc
	}
	if fixed, ok := correctMessage(exc.Base, string(msg), site); ok {
		exc.Args = py.Tuple{py.String(fixed)}
	}
	return exc
}

// correctAtOrigin corrects the exception carried by err (see
// correctException) when err is leaving the frame it was raised in, and
// returns err, or a copy carrying a replaced value.
func CorrectAtOrigin(err error) error {
	info, ok := err.(py.ExceptionInfo)
	if !ok || info.Traceback == nil || info.Traceback.Next != nil {
		return err
	}
	exc, ok := info.Value.(*py.Exception)
	if !ok {
		return err
	}
	if c := correctException(exc, info.Traceback); c != exc {
		info.Value = c
		return info
	}
	return err
}

var (
	reNoAttr  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^'([^']*)' has no attribute '(.*)'$`) })
	reUnaryOp = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^unsupported operand type\(s\) for ([^ :]+): '([^']*)'$`)
	})
	reBinaryOp = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^unsupported operand type\(s\) for ([^ :]+): '([^']*)' and '([^']*)'$`)
	})
	reFloatParse = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^invalid literal for float: '(.*)'$`) })
	reIntParse   = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^invalid literal for int\(\) with base (\d+): '(.*)'$`)
	})
)

// mayCorrect is a quick test of whether correctMessage may change msg (the
// site is decoded only then: exceptions caught in loops stay cheap).
func mayCorrect(base *py.Type, msg string) bool {
	switch base {
	case py.AttributeError:
		return strings.Contains(msg, "' has no attribute '")
	case py.IndexError:
		return msg == "index out of range"
	case py.TypeError:
		return strings.HasPrefix(msg, "unsupported operand type(s) for ")
	case py.ValueError:
		return strings.HasPrefix(msg, "invalid literal for ") || strings.HasPrefix(msg, "int() base must be")
	}
	return false
}

// correctMessage returns CPython's message for gpython's msg, or false.
func correctMessage(base *py.Type, msg string, site *errSite) (string, bool) {
	switch base {
	case py.AttributeError:
		m := reNoAttr().FindStringSubmatch(msg)
		if m == nil {
			return "", false
		}
		if m[1] == "module" {
			if name := moduleName(site.attrOwner()); name != "" {
				return "module '" + name + "' has no attribute '" + m[2] + "'", true
			}
		}
		return "'" + m[1] + "' object has no attribute '" + m[2] + "'", true
	case py.IndexError:
		if msg == "index out of range" {
			return indexMessage(site)
		}
	case py.TypeError:
		if m := reUnaryOp().FindStringSubmatch(msg); m != nil {
			if m[1] == "index" {
				if fixed, ok := subscriptTypeMessage(m[2], site); ok {
					return fixed, true
				}
			}
			return unaryOpMessage(m[1], m[2])
		}
		if m := reBinaryOp().FindStringSubmatch(msg); m != nil {
			return binaryOpMessage(m[1], m[2], m[3], site)
		}
	case py.ValueError:
		if m := reFloatParse().FindStringSubmatch(msg); m != nil {
			return "could not convert string to float: " + StringRepr(m[1]), true
		}
		if m := reIntParse().FindStringSubmatch(msg); m != nil {
			return "invalid literal for int() with base " + m[1] + ": " + StringRepr(m[2]), true
		}
		if msg == "int() base must be >= 2 and <= 36" {
			return msg + ", or 0", true
		}
	}
	return "", false
}

// indexMessage words an IndexError by the sequence subscripted.
func indexMessage(site *errSite) (string, bool) {
	switch site.op() {
	case int(vm.BINARY_SUBSCR):
		switch site.operandType(1) {
		case py.TupleType:
			return "tuple index out of range", true
		case py.StringType:
			return "string index out of range", true
		case py.BytesType:
			return "index out of range", false
		}
		return "list index out of range", true
	case int(vm.STORE_SUBSCR), int(vm.DELETE_SUBSCR):
		return "list assignment index out of range", true
	}
	return "", false
}

// subscriptTypeMessage words a non-integer index of a subscript.
func subscriptTypeMessage(typ string, site *errSite) (string, bool) {
	switch site.op() {
	case int(vm.BINARY_SUBSCR), int(vm.STORE_SUBSCR), int(vm.DELETE_SUBSCR):
	default:
		return "", false
	}
	switch site.operandType(1) {
	case py.TupleType:
		return "tuple indices must be integers or slices, not " + typ, true
	case py.StringType:
		return "string indices must be integers, not '" + typ + "'", true
	case py.ListType:
		return "list indices must be integers or slices, not " + typ, true
	}
	return "", false
}

func unaryOpMessage(op, typ string) (string, bool) {
	switch typ {
	case "int", "bool", "float", "str", "bytes", "bytearray":
		if op == "int" || op == "float" || op == "complex" {
			// CPython converts these: the error is a gpython gap, keep its text.
			return "", false
		}
	}
	switch op {
	case "-", "+", "~":
		return "bad operand type for unary " + op + ": '" + typ + "'", true
	case "abs":
		return "bad operand type for abs(): '" + typ + "'", true
	case "float":
		return "float() argument must be a string or a real number, not '" + typ + "'", true
	case "int":
		return "int() argument must be a string, a bytes-like object or a real number, not '" + typ + "'", true
	case "complex":
		return "complex() first argument must be a string or a number, not '" + typ + "'", true
	case "index":
		return "'" + typ + "' object cannot be interpreted as an integer", true
	}
	return "", false
}

func isSeqName(t string) bool {
	return t == "str" || t == "list" || t == "tuple" || t == "bytes" || t == "bytearray"
}

func binaryOpMessage(op, a, b string, site *errSite) (string, bool) {
	switch op {
	case "+":
		if a == b || !isSeqName(a) {
			return "", false
		}
		if a == "list" && site.op() == int(vm.INPLACE_ADD) {
			return "'" + b + "' object is not iterable", true
		}
		if a == "bytes" || a == "bytearray" {
			return "can't concat " + b + " to " + a, true
		}
		return "can only concatenate " + a + " (not \"" + b + "\") to " + a, true
	case "*":
		switch {
		case isSeqName(a) && b != "int" && b != "bool":
			return "can't multiply sequence by non-int of type '" + b + "'", true
		case isSeqName(b) && a != "int" && a != "bool":
			return "can't multiply sequence by non-int of type '" + a + "'", true
		}
	case "<", "<=", ">", ">=":
		return "'" + op + "' not supported between instances of '" + a + "' and '" + b + "'", true
	case "divmod":
		return "unsupported operand type(s) for divmod(): '" + a + "' and '" + b + "'", true
	}
	return "", false
}

// zeroDivMessage is CPython's ZeroDivisionError message for the operation
// at site.
func zeroDivMessage(float bool, site *errSite) string {
	op := site.op()
	switch op {
	case int(vm.BINARY_MODULO), int(vm.INPLACE_MODULO):
		if float {
			return "float modulo"
		}
		return "integer modulo by zero"
	case int(vm.BINARY_FLOOR_DIVIDE), int(vm.INPLACE_FLOOR_DIVIDE):
		if float {
			return "float floor division by zero"
		}
		return "integer division or modulo by zero"
	case int(vm.CALL_FUNCTION):
		if m, ok := site.callee().(*py.Method); ok && m.Name == "divmod" {
			if float {
				return "float divmod()"
			}
			return "integer division or modulo by zero"
		}
	}
	if float {
		return "float division by zero"
	}
	return "division by zero"
}

// attrOwner is the object whose attribute lookup failed: the operand of a
// LOAD_ATTR, or the first argument of a getattr() call.
func (s *errSite) attrOwner() py.Object {
	switch s.op() {
	case int(vm.LOAD_ATTR):
		return s.operand(0)
	case int(vm.CALL_FUNCTION):
		arg := s.insns[s.idx].Arg
		n := arg & 0xff
		if arg>>8 != 0 || n < 2 {
			return nil
		}
		if m, ok := s.callee().(*py.Method); !ok || m.Name != "getattr" {
			return nil
		}
		return s.operand(n - 1)
	}
	return nil
}

// callee is the function called by the CALL_FUNCTION at s.
func (s *errSite) callee() py.Object {
	if s.op() != int(vm.CALL_FUNCTION) {
		return nil
	}
	arg := s.insns[s.idx].Arg
	return s.operand(arg&0xff + 2*(arg>>8))
}

// operand returns the value that was depth items below the top of the stack
// when the failing instruction ran, or nil when it cannot be known.
func (s *errSite) operand(depth int) py.Object {
	v, _ := s.valueAt(s.idx, depth, 8)
	return v
}

// operandType is the type of operand(depth), also known for displays.
func (s *errSite) operandType(depth int) *py.Type {
	v, t := s.valueAt(s.idx, depth, 8)
	if v != nil {
		return v.Type()
	}
	return t
}

// stackEffect returns how many values in pops and pushes, or false.
func stackEffect(in bytecode.Insn) (pops, pushes int, ok bool) {
	op := vm.OpCode(in.Op)
	switch op {
	case vm.LOAD_CONST, vm.LOAD_NAME, vm.LOAD_GLOBAL, vm.LOAD_FAST, vm.LOAD_DEREF, vm.LOAD_CLASSDEREF, vm.LOAD_CLOSURE:
		return 0, 1, true
	case vm.LOAD_ATTR, vm.UNARY_POSITIVE, vm.UNARY_NEGATIVE, vm.UNARY_NOT, vm.UNARY_INVERT, vm.GET_ITER:
		return 1, 1, true
	case vm.BINARY_POWER, vm.BINARY_MULTIPLY, vm.BINARY_MODULO, vm.BINARY_ADD, vm.BINARY_SUBTRACT,
		vm.BINARY_SUBSCR, vm.BINARY_FLOOR_DIVIDE, vm.BINARY_TRUE_DIVIDE, vm.BINARY_LSHIFT, vm.BINARY_RSHIFT,
		vm.BINARY_AND, vm.BINARY_XOR, vm.BINARY_OR, vm.COMPARE_OP:
		return 2, 1, true
	case vm.BUILD_TUPLE, vm.BUILD_LIST, vm.BUILD_SET:
		return in.Arg, 1, true
	case vm.CALL_FUNCTION:
		return 1 + in.Arg&0xff + 2*(in.Arg>>8), 1, true
	}
	return 0, 0, false
}

// valueAt finds the instruction before insns[idx] that pushed the value
// depth items below the top, and returns that value (or only its type, for
// displays and calls of builtin types). Only straight-line code is walked.
func (s *errSite) valueAt(idx, depth, budget int) (py.Object, *py.Type) {
	if budget <= 0 {
		return nil, nil
	}
	for j := idx - 1; j >= 0; j-- {
		if s.targets[s.insns[j+1].Off] {
			return nil, nil
		}
		in := s.insns[j]
		pops, pushes, ok := stackEffect(in)
		if !ok {
			return nil, nil
		}
		if depth >= pushes {
			depth += pops - pushes
			continue
		}
		return s.produced(j, budget-1)
	}
	return nil, nil
}

// produced is the value pushed by insns[j].
func (s *errSite) produced(j, budget int) (py.Object, *py.Type) {
	in := s.insns[j]
	f := s.frame
	code := f.Code
	switch vm.OpCode(in.Op) {
	case vm.LOAD_CONST:
		if in.Arg < len(code.Consts) {
			return code.Consts[in.Arg], nil
		}
	case vm.LOAD_NAME:
		if in.Arg < len(code.Names) {
			name := code.Names[in.Arg]
			for _, d := range []py.StringDict{f.Locals, f.Globals, f.Builtins} {
				if v, ok := d[name]; ok {
					return v, nil
				}
			}
		}
	case vm.LOAD_GLOBAL:
		if in.Arg < len(code.Names) {
			name := code.Names[in.Arg]
			for _, d := range []py.StringDict{f.Globals, f.Builtins} {
				if v, ok := d[name]; ok {
					return v, nil
				}
			}
		}
	case vm.LOAD_FAST:
		if in.Arg < len(f.LocalVars) && f.LocalVars[in.Arg] != nil {
			return f.LocalVars[in.Arg], nil
		}
	case vm.LOAD_DEREF:
		if in.Arg < len(f.CellAndFreeVars) {
			if c, ok := f.CellAndFreeVars[in.Arg].(*py.Cell); ok {
				if v := c.Get(); v != nil {
					return v, nil
				}
			}
		}
	case vm.LOAD_ATTR:
		if in.Arg >= len(code.Names) {
			break
		}
		name := code.Names[in.Arg]
		owner, _ := s.valueAt(j, 0, budget)
		switch o := owner.(type) {
		case *py.Type:
			if !isPyClass(o) {
				if v, ok := o.Dict[name]; ok {
					return v, nil
				}
			}
		case py.IGetDict:
			if owner.Type().Name == "module" {
				if v, ok := o.GetDict()[name]; ok {
					return v, nil
				}
			}
		}
	case vm.BUILD_LIST:
		return nil, py.ListType
	case vm.BUILD_TUPLE:
		return nil, py.TupleType
	case vm.BUILD_SET:
		return nil, py.SetType
	case vm.CALL_FUNCTION:
		callee, _ := s.valueAt(j, in.Arg&0xff+2*(in.Arg>>8), budget)
		if t, ok := callee.(*py.Type); ok && isPyClass(t) {
			return nil, t
		}
	}
	return nil, nil
}

// jumpTargets is the set of offsets some jump goes to.
func jumpTargets(insns []bytecode.Insn) map[int]bool {
	targets := map[int]bool{}
	for _, in := range insns {
		if bytecode.IsRelJump(in.Op) {
			targets[in.Off+in.Size+in.Arg] = true
		} else if bytecode.IsAbsJump(in.Op) {
			targets[in.Arg] = true
		}
	}
	return targets
}

// moduleName is a module's __name__, or "".
func moduleName(o py.Object) string {
	if o == nil || o.Type().Name != "module" {
		return ""
	}
	if d, ok := o.(py.IGetDict); ok {
		if name, ok := d.GetDict()["__name__"].(py.String); ok {
			return string(name)
		}
	}
	if m, ok := o.(*py.Module); ok && m.ModuleImpl != nil {
		return m.ModuleImpl.Info.Name
	}
	return ""
}
