package pyobj

// Assignment expressions. gpython's 3.4 grammar has no `:=`, and a Go
// builtin cannot store into its caller's fast locals, so the walrus is done
// in two steps. The rewrite pass turns `n := E` into `(E).__pp_wal__n` on
// the same line; the compile wrapper then replaces each LOAD_ATTR of such a
// name with a jump to a stub appended to the code,
//
//	DUP_TOP; STORE_<scope> n; JUMP_ABSOLUTE back
//
// where the scope is the one CPython binds n in: the function's local (or
// cell) variable, the module or class namespace, and for a comprehension
// at module level the module's globals. A comprehension inside a function
// would have to bind n in the function's frame: that is reported as a
// SyntaxError (README, Differences from CPython).

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
)

const walrusAttr = "__pp_wal__"

// rewriteWalrus is the walrus pass of the chain (rewrite.go).
func rewriteWalrus(_ *rewriteCtx, toks []Token) ([]Token, error) {
	for i := 1; i < len(toks); i++ {
		if !toks[i].is(":=") {
			continue
		}
		target := &toks[i-1]
		if !target.isName() {
			return nil, &RewriteError{Line: toks[i].Line, Msg: "cannot use assignment expressions with " + describeTarget(target)}
		}
		end := walrusEnd(toks, i+1)
		if end == i+1 {
			return nil, &RewriteError{Line: toks[i].Line, Msg: "invalid syntax"}
		}
		name := target.Text
		target.Text = "("
		toks[i].dead = true
		toks[end-1].after += ")." + walrusAttr + name
	}
	return toks, nil
}

func describeTarget(t *Token) string {
	switch t.Kind {
	case TkString, TkNumber:
		return "literal"
	case TkOp:
		if t.is(")") || t.is("]") {
			return "expression"
		}
	}
	return "expression"
}

// walrusEnd returns the end (exclusive) of the value of an assignment
// expression starting at token start: the next top-level comma, closing
// bracket, `for`, `:` or statement end.
func walrusEnd(toks []Token, start int) int {
	lambdas := 0
	for j := start; j < len(toks); j++ {
		t := &toks[j]
		if j > start && t.LineStart || t.Kind == TkEOF {
			return j
		}
		switch {
		case t.Kind == TkOp && t.Match > j:
			j = t.Match
		case t.is(")") || t.is("]") || t.is("}") || t.is(",") || t.is(";"):
			return j
		case t.isKeyword("lambda"):
			lambdas++
		case t.is(":"):
			if lambdas == 0 {
				return j
			}
			lambdas--
		case t.isKeyword("for") || t.isKeyword("async"):
			return j
		}
	}
	return len(toks) - 1
}

const (
	opLoadAttr   = 106
	opStoreFast  = 125
	opStoreDeref = 137
)

// comprehensionNames are the code names of comprehensions and generator
// expressions, whose walrus targets bind in the enclosing scope.
var comprehensionNames = map[string]bool{"<listcomp>": true, "<setcomp>": true, "<dictcomp>": true, "<genexpr>": true}

// patchWalrus applies the walrus stubs to code and the code nested in it;
// inFunc tells whether code is (nested) inside a function.
func patchWalrus(code *py.Code, inFunc bool) error {
	isFunc := code.Flags&py.CO_OPTIMIZED != 0
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			if err := patchWalrus(sub, inFunc || isFunc && !comprehensionNames[code.Name]); err != nil {
				return err
			}
		}
	}
	if !strings.Contains(strings.Join(code.Names, "\x00"), walrusAttr) {
		return nil
	}
	type site struct {
		off, op, idx int
	}
	var sites []site
	for _, in := range decodeCode(code.Code) {
		if in.op != opLoadAttr || in.size != 3 || in.arg >= len(code.Names) || !strings.HasPrefix(code.Names[in.arg], walrusAttr) {
			continue
		}
		name := strings.TrimPrefix(code.Names[in.arg], walrusAttr)
		op, idx, err := walrusStore(code, name, inFunc)
		if err != nil {
			return syntaxError(err.Error(), code.Filename, int(code.Addr2Line(int32(in.off))), "")
		}
		sites = append(sites, site{in.off, int(op), idx})
	}
	buf := []byte(code.Code)
	var lines []stubLine
	for _, st := range sites {
		s := len(buf)
		buf = append(buf, opDupTop)
		buf = emit3(buf, byte(st.op), st.idx)
		buf = emit3(buf, opJumpAbsolute, st.off+3)
		lines = append(lines, stubLine{s, len(buf), code.Addr2Line(int32(st.off))})
		buf[st.off] = opJumpAbsolute
		buf[st.off+1], buf[st.off+2] = byte(s), byte(s>>8)
	}
	if len(lines) == 0 {
		return nil
	}
	if len(buf) > 0xffff {
		return py.ExceptionNewf(py.SystemError, "pypool: code object too large for assignment expressions")
	}
	installStubs(code, buf, 1, lines)
	return nil
}

// walrusStore picks the store instruction for target name in code.
func walrusStore(code *py.Code, name string, inFunc bool) (byte, int, error) {
	nameIdx := func() int {
		for i, n := range code.Names {
			if n == name {
				return i
			}
		}
		code.Names = append(code.Names, name)
		return len(code.Names) - 1
	}
	if code.Flags&py.CO_OPTIMIZED == 0 {
		return opStoreName, nameIdx(), nil
	}
	for i, n := range code.Cellvars {
		if n == name {
			return opStoreDeref, i, nil
		}
	}
	for i, n := range code.Freevars {
		if n == name {
			return opStoreDeref, len(code.Cellvars) + i, nil
		}
	}
	if comprehensionNames[code.Name] {
		if inFunc {
			return 0, 0, fmt.Errorf("pypool: an assignment expression inside a comprehension in a function is not supported (gpython cannot bind %s in the function's frame)", name)
		}
		return opStoreGlobal, nameIdx(), nil
	}
	for i, n := range code.Varnames {
		if n == name {
			return opStoreFast, i, nil
		}
	}
	// Only assigned by walrus: make it a local, and its loads local.
	idx := len(code.Varnames)
	code.Varnames = append(code.Varnames, name)
	code.Nlocals++
	buf := []byte(code.Code)
	for _, in := range decodeCode(code.Code) {
		if in.op == opLoadGlobal && in.size == 3 && in.arg < len(code.Names) && code.Names[in.arg] == name {
			buf[in.off] = opLoadFast
			buf[in.off+1], buf[in.off+2] = byte(idx), byte(idx>>8)
		}
	}
	code.Code = string(buf)
	return opStoreFast, idx, nil
}
