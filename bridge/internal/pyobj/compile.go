package pyobj

import (
	"slices"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
	"github.com/pypool/pypool/bridge/internal/source"
)

// The compile wrapper: every source gpython compiles goes through the
// rewrite chain (rewrite.go), is compiled by gpython's compiler, and the
// compiled code objects are patched (patchCode).

// ModuleSource maps a compiled module's stand-in source to its real source
// (the object model's pylib loader sets it); by default the source itself.
var ModuleSource = func(src, desc string) string { return src }

// A CompileStep runs once on each compiled module (not on the code nested in
// it) before the patches; rc is what the rewrite chain learned of the source.
type CompileStep func(code *py.Code, rc *source.Ctx) error

// A CodePatch edits one compiled code object; patchCode calls it for every
// code object, nested ones first. ci decodes the instructions once for all.
type CodePatch func(code *py.Code, ci *bytecode.Insns)

type (
	namedStep struct {
		name string
		step CompileStep
	}
	namedPatch struct {
		name  string
		patch CodePatch
	}
)

var (
	compileSteps []namedStep
	codePatches  []namedPatch
)

// OnCompile registers a compile step, run in name order. Call it from init.
func OnCompile(name string, s CompileStep) {
	compileSteps = append(compileSteps, namedStep{name, s})
	slices.SortStableFunc(compileSteps, func(a, b namedStep) int { return strings.Compare(a.name, b.name) })
}

// OnCodePatch registers a code patch, run in name order. Call it from init.
func OnCodePatch(name string, p CodePatch) {
	codePatches = append(codePatches, namedPatch{name, p})
	slices.SortStableFunc(codePatches, func(a, b namedPatch) int { return strings.Compare(a.name, b.name) })
}

var OrigCompile func(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error)

// installCompile wraps py.Compile (used for the main script, imports,
// exec/eval and the compile() builtin): sources are rewritten first, and the
// compiled code is patched afterwards.
func installCompile() {
	OrigCompile = py.Compile
	py.Compile = compileSource
}

// compileSource is the project's py.Compile.
func compileSource(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error) {
	src = ModuleSource(src, srcDesc)
	out, rc, err := source.RewriteCtx(src, srcDesc, 0)
	if err != nil {
		if re, ok := err.(*source.RewriteError); ok {
			return nil, syntaxError(re.Msg, srcDesc, re.Line, src)
		}
		return nil, err
	}
	code, err := OrigCompile(out, srcDesc, mode, flags, dontInherit)
	if err != nil {
		return nil, err
	}
	if err := bytecode.FixDerefs(code, OrigCompile, out, srcDesc, mode, flags, dontInherit); err != nil {
		return nil, err
	}
	for _, s := range compileSteps {
		if err := s.step(code, rc); err != nil {
			return nil, err
		}
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
	ci := bytecode.NewInsns(code) // decoded once, shared by the patchers
	for _, p := range codePatches {
		p.patch(code, ci)
	}
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

func init() { OnInstall(InstallCore, "core00-compile", installCompile) }
