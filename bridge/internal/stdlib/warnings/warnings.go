// Package warnings is the Go half of Python's warnings module
// (pylib/warnings.py, loaded by pyobj's pylib loader): the one formatter of
// warning text (_pypool_warnings.format, CPython's formatwarning) and the
// call-site builtin the compile rewrite inserts around warn(...) calls
// (pyobj.WarnSiteBuiltin; the pass is pyobj's warn_sites.go), which
// gives warnings.warn the caller's file and line. Go code warns with pyobj's
// Interp.Warn, which goes through the Python module.
//
// It registers _pypool_warnings with gpython from its init and installs the
// builtin with pyrt.OnInstall; the facade (bridge) imports it for that
// effect. It imports gpython, bridge/pyrt and bridge/internal/pyobj (str,
// source lines, builtins) and nothing above them.
package warnings

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// formatWarning is CPython's warning text: "file:line: Category: message\n"
// then the stripped source line, indented by two spaces, when there is one
// (read from the file when line is nil).
func formatWarning(file string, lineno int, category, message string, line *string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: %s: %s\n", file, lineno, category, message)
	src := ""
	if line != nil {
		src = strings.TrimSpace(*line)
	} else {
		src = pyobj.SourceLine(file, lineno)
	}
	if src != "" {
		fmt.Fprintf(&b, "  %s\n", src)
	}
	return b.String()
}

func warningsFormat(self py.Object, a *pyrt.Args) (py.Object, error) {
	file, err := pyobj.Str(a.Get("filename"))
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
		s, err := pyobj.Str(a.Get("line"))
		if err != nil {
			return nil, err
		}
		line = &s
	}
	return py.String(formatWarning(file, lineno, cat, msg, line)), nil
}

// warnSite is _pypool_warn_site(callee, file, line, globals): the callee
// itself, unless it is warnings.warn, which then gets the call site.
func warnSiteCall(self py.Object, a *pyrt.Args) (py.Object, error) {
	fn := a.Get("callee")
	ctx := pyrt.CtxOf(self)
	if ctx == nil {
		return fn, nil
	}
	m, err := ctx.GetModule("warnings")
	if err != nil || m.Globals["warn"] != fn {
		return fn, nil
	}
	site := py.Tuple{a.Get("file"), a.Get("line"), a.Get("globals")}
	// a transparent wrapper: warn's own binding checks the arguments
	return py.MustNewMethod("warn", func(_ py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if _, ok := kw["_pypool_at"]; !ok {
			kw2 := py.NewStringDict()
			for k, v := range kw {
				kw2[k] = v
			}
			kw2["_pypool_at"] = site
			kw = kw2
		}
		return py.Call(fn, args, kw)
	}, 0, ""), nil
}

func init() {
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_pypool_warnings", Doc: "Go support for the warnings module."},
		Methods: []*py.Method{
			pyrt.Func("format", "filename, lineno, category, message, line=None", warningsFormat),
		},
	})
	pyrt.OnInstall(pyrt.InstallCompat, "mod_warnings", func() {
		pyobj.SetBuiltin(pyobj.WarnSiteBuiltin, pyrt.Func(pyobj.WarnSiteBuiltin, "$module, callee, file, line, globals, /", warnSiteCall))
	})
}
