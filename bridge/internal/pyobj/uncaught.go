package pyobj

// The report of the exception that ended a main program (Interp.RunMain),
// and the exit status a SystemExit gives.

import (
	"io"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Uncaught reports an exception that ended the main program as CPython
// does and returns the exit status, and whether it was KeyboardInterrupt.
func Uncaught(in *pyrt.Interp, err error) (status int, interrupted bool) {
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

// systemExitCode is SystemExit's code attribute: None without args, the one
// arg, or the args tuple.
func systemExitCode(exc *py.Exception) py.Object {
	switch args := ExceptionArgs(exc); len(args) {
	case 0:
		return py.None
	case 1:
		return args[0]
	default:
		return args
	}
}

// ExitStatus maps a SystemExit exception to the process exit status as
// CPython does: no argument or None → 0, an int → it, anything else → its
// str printed to stderr (w) and 1.
func ExitStatus(exc *py.Exception, stderr func(string)) int {
	code := systemExitCode(exc)
	switch x := code.(type) {
	case py.NoneType:
		return 0
	case py.Int:
		return int(x) & 0xff
	case py.Bool:
		if x {
			return 1
		}
		return 0
	}
	s, err := Str(code)
	if err != nil {
		s = "<unprintable exit status>"
	}
	stderr(s + "\n")
	return 1
}
