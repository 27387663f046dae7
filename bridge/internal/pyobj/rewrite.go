package pyobj

import (
	"slices"
	"strings"

	"github.com/go-python/gpython/py"
)

// The rewrite chain: every source gpython compiles (main script, imports,
// exec/eval, compile()) is tokenized once (rewrite_lexer.go) and goes
// through these passes, in this order:
//
//	match      match/case statements → if/elif chains (rewrite_match.go)
//	walrus     n := E → (E).__pp_wal__n, then a store patched in
//	           (rewrite_walrus.go)
//	raise-from raise X from Y → raise __pp_raise_from__(X, Y)
//	           (rewrite_raise.go)
//	compat     numbers, decorators, annotations, super(), %, tuple +,
//	           displays and calls (rewrite_compat.go)
//	warn-sites deprecated threading aliases learn their call site
//	           (threading_warnsite.go)
//	f-strings  f-strings → __pypool_fstr__ calls (rewrite_fstring.go)
//
// The f-string pass runs last and sends every replacement field's
// expression through the whole chain again, so every pass reaches the
// expressions inside f-strings exactly once. A pass may edit tokens in place
// (Text, or the before/after/dead edits) or return new tokens; when the
// source changed, the next pass that runs gets it tokenized afresh. A pass
// with a need test (a substring check, say) is skipped, tokenizing
// included, when the source cannot hold anything for it: most sources only
// pay for the compat pass. Passes must keep line breaks where they were
// (put extra text on the same line), so line numbers in tracebacks stay the
// source's. A pass returns a *RewriteError for source it rejects.
//
// The compiled code is then patched (patchCode): each code object is decoded
// once (codeInsns), and a patcher whose opcodes the code does not hold
// returns at once.

// A rewritePass transforms a module's tokens before gpython parses them.
// need, when set, is a cheap test on the source: false means the pass would
// change nothing (it must never say false when the pass would), and the
// pass is skipped, tokenizing included.
type rewritePass struct {
	name  string
	order int
	need  func(src string) bool
	fn    func(rc *rewriteCtx, toks []Token) ([]Token, error)
}

// rewriteCtx is what a pass knows about the source it rewrites.
type rewriteCtx struct {
	file     string // the file name compile was given
	lineBase int    // line of the source's first line in the file, minus 1
	defs     []defInfo
}

// line turns a token's line into the file's line.
func (rc *rewriteCtx) line(tokLine int) int { return rc.lineBase + tokLine }

var rewritePasses []rewritePass

func init() {
	registerRewrite("match", 10, mayHaveMatch, rewriteMatch)
	registerRewrite("walrus", 20, containsAll(":="), rewriteWalrus)
	registerRewrite("raise-from", 30, containsAll("raise", "from"), rewriteRaiseFrom)
	registerRewrite("compat", 50, nil, rewriteCompat)
	registerRewrite("eval-exec", 60, containsAny("eval", "exec"), rewriteEvalExec)
	registerRewrite("warn-sites", 80, containsAny(append([]string{"warn"}, deprecatedAliases...)...), markWarnSites)
	registerRewrite("f-strings", 1000, mayHaveFString, rewriteFStrings)
}

// registerRewrite adds a source rewrite pass; passes run in increasing
// order (ties: registration order). The chain above is registered in
// rewrite.go's init; add a new pass there. need may be nil (always run).
func registerRewrite(name string, order int, need func(src string) bool, fn func(rc *rewriteCtx, toks []Token) ([]Token, error)) {
	i := len(rewritePasses)
	for i > 0 && rewritePasses[i-1].order > order {
		i--
	}
	rewritePasses = slices.Insert(rewritePasses, i, rewritePass{name, order, need, fn})
}

// containsAll is a pass's need: every word occurs in the source.
func containsAll(words ...string) func(string) bool {
	return func(src string) bool {
		for _, w := range words {
			if !strings.Contains(src, w) {
				return false
			}
		}
		return true
	}
}

// containsAny is a pass's need: some word occurs in the source.
func containsAny(words ...string) func(string) bool {
	return func(src string) bool {
		for _, w := range words {
			if strings.Contains(src, w) {
				return true
			}
		}
		return false
	}
}

// mayHaveMatch: a match statement needs both soft keywords.
func mayHaveMatch(src string) bool { return containsAll("match", "case")(src) }

// mayHaveFString reports whether some quote in src follows an f prefix
// (f, rf or fr, any case): every f-string literal has one.
func mayHaveFString(src string) bool {
	for i := 1; i < len(src); i++ {
		if c := src[i]; c != '\'' && c != '"' {
			continue
		}
		switch src[i-1] {
		case 'f', 'F':
			return true
		case 'r', 'R':
			if i >= 2 && (src[i-2] == 'f' || src[i-2] == 'F') {
				return true
			}
		}
	}
	return false
}

// A RewriteError is a SyntaxError found by a rewrite pass.
type RewriteError struct {
	Line int
	Msg  string
}

func (e *RewriteError) Error() string { return e.Msg }

// RewriteSource applies every rewrite pass to src.
func RewriteSource(src string) (string, error) {
	return rewriteSource(src, "<string>", 0)
}

// rewriteSource applies the chain to src, whose first line is line
// lineBase+1 of file.
func rewriteSource(src, file string, lineBase int) (string, error) {
	out, _, err := rewriteSourceCtx(src, file, lineBase)
	return out, err
}

// rewriteSourceCtx is rewriteSource, also returning what the passes
// learned about the source's defs. Source is tokenized only for a pass that
// runs, and again only when an earlier pass changed it.
func rewriteSourceCtx(src, file string, lineBase int) (string, *rewriteCtx, error) {
	return runRewrites(rewritePasses, src, file, lineBase)
}

// runRewrites applies passes to src.
func runRewrites(passes []rewritePass, src, file string, lineBase int) (string, *rewriteCtx, error) {
	rc := &rewriteCtx{file: file, lineBase: lineBase}
	var toks []Token // src's tokens, nil when not made yet
	for _, p := range passes {
		if p.need != nil && !p.need(src) {
			continue
		}
		if toks == nil {
			toks = Tokenize(src)
		}
		out, err := p.fn(rc, toks)
		if err != nil {
			return "", nil, err
		}
		if s := Untokenize(out); s != src {
			src, toks = s, nil
		}
	}
	return src, rc, nil
}

var OrigCompile func(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error)

// installCompile wraps py.Compile (used for the main script, imports,
// exec/eval and the compile() builtin): sources are rewritten first, and the
// compiled code is patched afterwards.
func installCompile() {
	OrigCompile = py.Compile
	py.Compile = compileSource
	replaceMethod("builtins", Func("compile", "source, filename, mode, flags=0, dont_inherit=False, optimize=-1",
		func(self py.Object, a *Args) (py.Object, error) {
			src, err := a.Str("source")
			if err != nil {
				if b, ok := bytesLike(a.Get("source")); ok {
					src, err = string(b), nil
				} else {
					return nil, py.ExceptionNewf(py.TypeError, "compile() arg 1 must be a string, bytes or AST object")
				}
			}
			filename, err := a.Str("filename")
			if err != nil {
				return nil, err
			}
			mode, err := a.Str("mode")
			if err != nil {
				return nil, err
			}
			switch mode {
			case "exec", "eval", "single":
			default:
				return nil, py.ExceptionNewf(py.ValueError, "compile() mode must be 'exec', 'eval' or 'single'")
			}
			flags, err := a.Int("flags")
			if err != nil {
				return nil, err
			}
			return py.Compile(src, filename, py.CompileMode(mode), flags, true)
		}))
}

// compileSource is the project's py.Compile.
func compileSource(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error) {
	src = PylibSource(src, srcDesc)
	out, rc, err := rewriteSourceCtx(src, srcDesc, 0)
	if err != nil {
		if re, ok := err.(*RewriteError); ok {
			return nil, syntaxError(re.Msg, srcDesc, re.Line, src)
		}
		return nil, err
	}
	code, err := OrigCompile(out, srcDesc, mode, flags, dontInherit)
	if err != nil {
		return nil, err
	}
	if err := fixDerefs(code, OrigCompile, out, srcDesc, mode, flags, dontInherit); err != nil {
		return nil, err
	}
	noteDefs(code, rc.defs)
	if err := patchWalrus(code, false); err != nil {
		return nil, err
	}
	patchCode(code)
	return code, nil
}

// syntaxError makes a SyntaxError located at line of src.
func syntaxError(msg, filename string, line int, src string) error {
	text := ""
	if line > 0 {
		lines := splitLines(src)
		if line <= len(lines) {
			text = lines[line-1]
		}
	}
	e := NewException(py.SyntaxError, py.String(msg))
	e.Dict["msg"] = py.String(msg)
	e.Dict["filename"] = py.String(filename)
	e.Dict["lineno"] = py.Int(line)
	e.Dict["offset"] = py.Int(0)
	e.Dict["line"] = py.String(text)
	return e
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// patchCode fixes compiled code objects (recursively): Cell2arg for
// closures over arguments, and for-loop exits that check their iterator.
func patchCode(code *py.Code) {
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			patchCode(sub)
		}
	}
	fixCell2arg(code)
	ci := newCodeInsns(code) // decoded once, shared by the patchers
	patchDecoratorDefaults(code, ci)
	patchBytesConsts(code)
	patchBoolArith(code, ci)
	patchCompares(code, ci)
	patchYieldFrom(code, ci)
	patchForLoops(code, ci)
	patchExceptHandlers(code, ci)
	patchExceptEnds(code, ci)
	patchGenThrow(code, ci)
}

// fixCell2arg fills Code.Cell2arg, which gpython's compiler leaves empty, so
// that a closure over a function argument (every decorator) sees its value.
func fixCell2arg(code *py.Code) {
	if len(code.Cellvars) == 0 || code.Cell2arg != nil {
		return
	}
	total := int(code.Argcount + code.Kwonlyargcount)
	if code.Flags&py.CO_VARARGS != 0 {
		total++
	}
	if code.Flags&py.CO_VARKEYWORDS != 0 {
		total++
	}
	var c2a []byte
	for i, cell := range code.Cellvars {
		for j := 0; j < total && j < len(code.Varnames); j++ {
			if code.Varnames[j] == cell {
				if c2a == nil {
					c2a = make([]byte, len(code.Cellvars))
					for k := range c2a {
						c2a[k] = py.CO_CELL_NOT_AN_ARG
					}
				}
				c2a[i] = byte(j)
				break
			}
		}
	}
	code.Cell2arg = c2a
}
