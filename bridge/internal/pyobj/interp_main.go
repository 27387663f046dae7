package pyobj

// Running a main program: the script's module __main__, and the report of
// the exception that ended it.

import (
	"io"

	"github.com/go-python/gpython/py"
)

// RunMain compiles src (named filename in tracebacks) and runs it as module
// __main__ (with __file__ = file when file is not empty). The caller holds
// the GIL as the main thread.
func (in *Interp) RunMain(src, filename, file string) error {
	code, err := py.Compile(src, filename, py.ExecMode, 0, true)
	if err != nil {
		return err
	}
	mod, err := in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__", FileDesc: file}})
	if err != nil {
		return err
	}
	_, err = py.VmEvalCode(in.Ctx, code, mod.Globals, mod.Globals, nil, nil, nil, nil, nil)
	return err
}

// uncaught reports an exception that ended the main program as CPython
// does and returns the exit status, and whether it was KeyboardInterrupt.
func (in *Interp) Uncaught(err error) (status int, interrupted bool) {
	if err == nil {
		return 0, false
	}
	exc, _ := ExceptionOf(err)
	if exc.Base == py.SystemExit || exc.Base.IsSubtype(py.SystemExit) {
		return ExitStatus(exc, func(s string) { _, _ = io.WriteString(in.Stderr(), s) }), false
	}
	PrintException(in, err)
	if exc.Base == py.KeyboardInterrupt || exc.Base.IsSubtype(py.KeyboardInterrupt) {
		return 130, true
	}
	return 1, false
}
