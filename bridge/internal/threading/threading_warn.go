package threading

// CPython's warnings for deprecated threading names: a DeprecationWarning at
// the calling location, through the warnings module (Interp.Warn), so
// it is shown once per location, in code of __main__ only (the default
// filters), in CPython's format.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
)

// deprecationWarning warns msg at the calling location (which the compile
// rewrite passed in kwargs, see threading_warnsite.go).
func deprecationWarning(it *pyobj.Interp, msg string, kwargs py.StringDict) error {
	file, line, ok := warnSite(kwargs)
	return pyobj.Warn(it, py.DeprecationWarning, msg, file, line, ok)
}
