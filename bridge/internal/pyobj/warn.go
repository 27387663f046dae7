package pyobj

// Warnings issued from Go code go through the Python warnings module
// (pylib/warnings.py), so its filters, registries and formatter apply.

import (
	"time"

	"github.com/go-python/gpython/py"
)

// WarnSiteBuiltin is the builtin the rewrite wraps each `….warn(` callee in.
const WarnSiteBuiltin = "_pypool_warn_site"

// Warn issues a warning from Go code through the warnings module (so its
// filters, registries and formatter apply), as CPython's warn_explicit at
// file:line; ok false means the location is unknown ("sys", 1).
func Warn(it *Interp, category *py.Type, msg string, file string, line int, ok bool) error {
	_, m, err := ImportModule(it.Ctx, "warnings", nil)
	if err != nil {
		return err
	}
	// Another thread may be running the module's code right now (the GIL is
	// handed over during imports): wait for it to finish.
	for tries := 0; m.Globals["warn_explicit"] == nil; tries++ {
		if tries == 500 {
			return py.ExceptionNewf(py.ImportError, "cannot import name 'warn_explicit' from partially initialized module 'warnings'")
		}
		it.GIL.Released(func() { time.Sleep(time.Millisecond) })
	}
	module := py.Object(py.None)
	var registry, globals py.Object = py.None, py.None
	if !ok {
		file, line, module = "sys", 1, py.String("sys")
	} else if it.isMainFile(file) {
		if mm, err := it.Ctx.GetModule("__main__"); err == nil {
			module, globals = py.String("__main__"), mm.Globals
			reg, has := mm.Globals["__warningregistry__"]
			if !has {
				reg = NewDict()
				mm.Globals["__warningregistry__"] = reg
			}
			registry = reg
		}
	}
	_, err = py.Call(m.Globals["warn_explicit"], py.Tuple{py.String(msg), category, py.String(file), py.Int(line), module, registry, globals}, nil)
	return err
}

// isMainFile reports whether file is the __main__ module's __file__.
func (it *Interp) isMainFile(file string) bool {
	m, err := it.Ctx.GetModule("__main__")
	if err != nil {
		return false
	}
	f, ok := m.Globals["__file__"].(py.String)
	return ok && string(f) == file
}
