package source

import (
	"slices"
	"strings"
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
//	warn-sites calls written warn(…) learn their call site (registered
//	           by pyobj, warn_sites.go)
//	deprecated-aliases  so do currentThread() and activeCount()
//	           (registered by threading, threading_warnsite.go)
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
type Pass struct {
	name  string
	order int
	Need  func(src string) bool
	fn    func(rc *Ctx, toks []Token) ([]Token, error)
}

// rewriteCtx is what a pass knows about the source it rewrites.
type Ctx struct {
	File     string // the file name compile was given
	lineBase int    // line of the source's first line in the file, minus 1
	Defs     []DefInfo
}

// line turns a token's line into the file's line.
func (rc *Ctx) Line(tokLine int) int { return rc.lineBase + tokLine }

var Passes []Pass

func init() {
	Register("match", 10, mayHaveMatch, rewriteMatch)
	Register("walrus", 20, containsAll(":="), rewriteWalrus)
	Register("raise-from", 30, containsAll("raise", "from"), rewriteRaiseFrom)
	Register("compat", 50, nil, rewriteCompat)
	Register("f-strings", 1000, mayHaveFString, rewriteFStrings)
}

// registerRewrite adds a source rewrite pass; passes run in increasing
// order (ties: registration order). The passes of this package are
// registered in rewrite.go's init; packages above add theirs from their own
// init (eval-exec, warn-sites). need may be nil (always run).
func Register(name string, order int, need func(src string) bool, fn func(rc *Ctx, toks []Token) ([]Token, error)) {
	i := len(Passes)
	for i > 0 && Passes[i-1].order > order {
		i--
	}
	Passes = slices.Insert(Passes, i, Pass{name, order, need, fn})
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
func ContainsAny(words ...string) func(string) bool {
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
	out, _, err := RewriteCtx(src, file, lineBase)
	return out, err
}

// rewriteSourceCtx is rewriteSource, also returning what the passes
// learned about the source's defs. Source is tokenized only for a pass that
// runs, and again only when an earlier pass changed it.
func RewriteCtx(src, file string, lineBase int) (string, *Ctx, error) {
	return RunPasses(Passes, src, file, lineBase)
}

// runRewrites applies passes to src.
func RunPasses(passes []Pass, src, file string, lineBase int) (string, *Ctx, error) {
	rc := &Ctx{File: file, lineBase: lineBase}
	var toks []Token // src's tokens, nil when not made yet
	for _, p := range passes {
		if p.Need != nil && !p.Need(src) {
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

// annSource is one annotation: a parameter name (or "return") and its
// expression's source.
type annSource struct {
	Name, Src string
}

// defInfo is what the rewrite learned about one def.
type DefInfo struct {
	Name     string
	Qualname string
	Line     int
	Anns     []annSource
	Posonly  []string
}
