package sys

// sys.exc_info(): the exception the calling thread's running handler caught.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

func init() {
	// installed under the name it had beside the traceback module, so the
	// order of the extras does not change
	pyrt.OnInstall(pyrt.InstallExtras, "mod_traceback", func() {
		pyrt.ReplaceMethod("sys", pyrt.Func("exc_info", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			exc := pyobj.HandledOf(self)
			if exc == nil {
				return py.Tuple{py.None, py.None, py.None}, nil
			}
			var tb py.Object = py.None
			if exc.Traceback != nil {
				tb = exc.Traceback
			}
			return py.Tuple{exc.Type(), exc, tb}, nil
		}))
	})
}
