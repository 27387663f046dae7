package threading

// CPython's warnings for deprecated threading names: a DeprecationWarning at
// the calling location, through the warnings module (Interp.Warn), so
// it is shown once per location, in code of __main__ only (the default
// filters), in CPython's format.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// deprecationWarning warns msg at the calling location (which the compile
// rewrite passed as the _pypool_at keyword, see threading_warnsite.go;
// None when absent).
func deprecationWarning(it *pyrt.Interp, msg string, at py.Object) error {
	file, line, ok := warnSite(at)
	return pyobj.Warn(it, py.DeprecationWarning, msg, file, line, ok)
}
