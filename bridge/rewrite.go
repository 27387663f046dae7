package bridge

import (
	"sort"

	"github.com/go-python/gpython/py"
)

// A rewrite pass transforms a module's tokens before gpython parses them.
// Passes must keep line numbers: the replacement of a token range must hold
// as many line breaks as the range did (put extra ones inside brackets or
// in Pre). A pass returns a *RewriteError for source it rejects.
type rewritePass struct {
	name  string
	order int
	fn    func(toks []Token) ([]Token, error)
}

var rewritePasses []rewritePass

// registerRewrite adds a source rewrite pass. Call it from an init function;
// passes run in increasing order (ties: registration order). The f-string
// pass has order 100; passes that must see f-string calls instead of f-string
// literals use a larger order. Passes run on every module, on exec/eval/
// compile() sources and on the expressions inside f-strings.
func registerRewrite(name string, order int, fn func(toks []Token) ([]Token, error)) {
	rewritePasses = append(rewritePasses, rewritePass{name, order, fn})
	sort.SliceStable(rewritePasses, func(i, j int) bool { return rewritePasses[i].order < rewritePasses[j].order })
}

// A RewriteError is a SyntaxError found by a rewrite pass.
type RewriteError struct {
	Line int
	Msg  string
}

func (e *RewriteError) Error() string { return e.Msg }

// RewriteSource applies every rewrite pass to src.
func RewriteSource(src string) (string, error) {
	if len(rewritePasses) == 0 {
		return src, nil
	}
	toks := Tokenize(src)
	var err error
	for _, p := range rewritePasses {
		if toks, err = p.fn(toks); err != nil {
			return "", err
		}
	}
	return Untokenize(toks), nil
}

var origCompile func(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error)

// installCompile wraps py.Compile (used for the main script, imports,
// exec/eval and the compile() builtin): sources are rewritten first, and the
// compiled code is patched afterwards.
func installCompile() {
	origCompile = py.Compile
	py.Compile = compileSource
	replaceMethod("builtins", Func("compile", "source, filename, mode, flags=0, dont_inherit=False, optimize=-1",
		func(self py.Object, a *Args) (py.Object, error) {
			src, err := a.Str("source")
			if err != nil {
				if b, ok := a.Get("source").(py.Bytes); ok {
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
	out, err := RewriteSource(src)
	if err != nil {
		if re, ok := err.(*RewriteError); ok {
			return nil, syntaxError(re.Msg, srcDesc, re.Line, src)
		}
		return nil, err
	}
	code, err := origCompile(out, srcDesc, mode, flags, dontInherit)
	if err != nil {
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
	patchForLoops(code)
	patchExceptHandlers(code)
	patchExceptEnds(code)
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
