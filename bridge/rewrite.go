package bridge

import "github.com/go-python/gpython/py"

var origCompile func(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error)

// installCompile wraps py.Compile: sources are rewritten first, and the
// compiled code is patched afterwards.
func installCompile() {
	origCompile = py.Compile
	py.Compile = compileSource
}

// compileSource is the project's py.Compile.
func compileSource(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error) {
	code, err := origCompile(src, srcDesc, mode, flags, dontInherit)
	if err != nil {
		return nil, err
	}
	patchCode(code)
	return code, nil
}

// patchCode fixes compiled code objects (recursively).
func patchCode(code *py.Code) {
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			patchCode(sub)
		}
	}
}
