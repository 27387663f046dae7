package pyobj

// The report of the exception that ended a main program (Interp.RunMain).

import (
	"io"

	"github.com/go-python/gpython/py"
)

// Uncaught reports an exception that ended the main program as CPython
// does and returns the exit status, and whether it was KeyboardInterrupt.
func Uncaught(in *Interp, err error) (status int, interrupted bool) {
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
