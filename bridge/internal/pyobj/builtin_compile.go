package pyobj

// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1):
// the builtin on the project's py.Compile, with bytes sources as CPython.

import "github.com/go-python/gpython/py"

func installCompileBuiltin() {
	ReplaceMethod("builtins", Func("compile", "source, filename, mode, flags=0, dont_inherit=False, optimize=-1",
		func(self py.Object, a *Args) (py.Object, error) {
			src, err := a.Str("source")
			if err != nil {
				if b, ok := BytesLike(a.Get("source")); ok {
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

func init() { OnInstall(InstallCore, "core00-compile-builtin", installCompileBuiltin) }
