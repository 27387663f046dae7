package pyobj

// exit() and quit() (CPython's site module adds them; gpython has neither):
// calling one raises SystemExit with its argument, as sys.exit does. Also
// the builtin exception classes StopAsyncIteration and EncodingWarning.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var quitterType = py.NewType("Quitter", "")

// quitter is exit or quit.
type quitter struct {
	name string
	sig  *pyrt.Sig
}

func newQuitter(name string) *quitter {
	return &quitter{name, pyrt.MustSig("Quitter.__call__", "self, code=None")}
}

func (q *quitter) Type() *py.Type { return quitterType }

func (q *quitter) M__repr__() (py.Object, error) {
	return py.String("Use " + q.name + "() or Ctrl-D (i.e. EOF) to exit"), nil
}

func (q *quitter) M__str__() (py.Object, error) { return q.M__repr__() }

func (q *quitter) M__call__(args py.Tuple, kw py.StringDict) (py.Object, error) {
	a, err := q.sig.Parse(args, kw)
	if err != nil {
		return nil, err
	}
	if !a.Given("code") {
		return nil, pyrt.NewException(py.SystemExit)
	}
	return nil, pyrt.NewException(py.SystemExit, a.Get("code"))
}

var (
	// StopAsyncIteration is the builtin StopAsyncIteration.
	StopAsyncIteration = py.ExceptionType.NewType("StopAsyncIteration", "Signal the end from iterator.__anext__().", nil, nil)
	// EncodingWarning is the builtin EncodingWarning.
	EncodingWarning = py.Warning.NewType("EncodingWarning", "Base class for warnings about encodings.", nil, nil)
)

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_exit", func() {
		SetBuiltin("exit", newQuitter("exit"))
		SetBuiltin("quit", newQuitter("quit"))
		pyrt.MustReady(StopAsyncIteration)
		pyrt.MustReady(EncodingWarning)
		SetBuiltin("StopAsyncIteration", StopAsyncIteration)
		SetBuiltin("EncodingWarning", EncodingWarning)
	})
}
