package source

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

const WalrusAttr = "__pp_wal__"

// rewriteWalrus is the walrus pass of the chain (rewrite.go).
func rewriteWalrus(_ *Ctx, toks []Token) ([]Token, error) {
	for i := 1; i < len(toks); i++ {
		if !toks[i].Is(":=") {
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
		toks[end-1].After += ")." + WalrusAttr + name
	}
	return toks, nil
}

func describeTarget(t *Token) string {
	switch t.Kind {
	case TkString, TkNumber:
		return "literal"
	case TkOp:
		if t.Is(")") || t.Is("]") {
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
		case t.Is(")") || t.Is("]") || t.Is("}") || t.Is(",") || t.Is(";"):
			return j
		case t.isKeyword("lambda"):
			lambdas++
		case t.Is(":"):
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
