package pyobj

// Go support for the warnings module (bridge/pylib/warnings.py): the one
// formatter of warning text (also used for threading's DeprecationWarnings),
// the call-site builtin the compile rewrite inserts around warn(...) calls
// (see warn_sites.go), and Interp.Warn for Go code that warns.

import (
	"fmt"
	"strings"
	"time"

	"github.com/go-python/gpython/py"
)

// warnSiteBuiltin is the builtin the rewrite wraps each `….warn(` callee in.
const warnSiteBuiltin = "_pypool_warn_site"

// FormatWarning is CPython's warning text: "file:line: Category: message\n"
// then the stripped source line, indented by two spaces, when there is one
// (read from the file when line is nil).
func FormatWarning(file string, lineno int, category, message string, line *string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: %s: %s\n", file, lineno, category, message)
	src := ""
	if line != nil {
		src = strings.TrimSpace(*line)
	} else {
		src = SourceLine(file, lineno)
	}
	if src != "" {
		fmt.Fprintf(&b, "  %s\n", src)
	}
	return b.String()
}

func warningsFormat(self py.Object, a *Args) (py.Object, error) {
	file, err := Str(a.Get("filename"))
	if err != nil {
		return nil, err
	}
	lineno, err := py.IndexInt(a.Get("lineno"))
	if err != nil {
		return nil, err
	}
	cat, err := a.Str("category")
	if err != nil {
		return nil, err
	}
	msg, err := a.Str("message")
	if err != nil {
		return nil, err
	}
	var line *string
	if !a.IsNone("line") {
		s, err := Str(a.Get("line"))
		if err != nil {
			return nil, err
		}
		line = &s
	}
	return py.String(FormatWarning(file, lineno, cat, msg, line)), nil
}

// warnSite is _pypool_warn_site(callee, file, line, globals): the callee
// itself, unless it is warnings.warn, which then gets the call site.
func warnSiteCall(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) != 4 || len(kwargs) != 0 {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes 4 arguments", warnSiteBuiltin)
	}
	fn := args[0]
	ctx := CtxOf(self)
	if ctx == nil {
		return fn, nil
	}
	m, err := ctx.GetModule("warnings")
	if err != nil || m.Globals["warn"] != fn {
		return fn, nil
	}
	site := py.Tuple{args[1], args[2], args[3]}
	return py.MustNewMethod("warn", func(_ py.Object, a py.Tuple, kw py.StringDict) (py.Object, error) {
		if _, ok := kw["_pypool_at"]; !ok {
			kw2 := py.NewStringDict()
			for k, v := range kw {
				kw2[k] = v
			}
			kw2["_pypool_at"] = site
			kw = kw2
		}
		return py.Call(fn, a, kw)
	}, 0, ""), nil
}

// Warn issues a warning from Go code through the warnings module (so its
// filters, registries and formatter apply), as CPython's warn_explicit at
// file:line; ok false means the location is unknown ("sys", 1).
func (it *Interp) Warn(category *py.Type, msg string, file string, line int, ok bool) error {
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

func init() {
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_pypool_warnings", Doc: "Go support for the warnings module."},
		Methods: []*py.Method{
			Func("format", "filename, lineno, category, message, line=None", warningsFormat),
		},
	})
	OnInstall(InstallCompat, "mod_warnings", func() {
		setBuiltin(warnSiteBuiltin, py.MustNewMethod(warnSiteBuiltin, warnSiteCall, 0, ""))
	})
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
