package pyobj

// Where warnings.warn was called from. gpython gives a Go builtin no access
// to its caller's frame, so the rewrite chain's "warn-sites" pass wraps the
// callee of each call written `warn(…)` in the builtin _pypool_warn_site
// (bridge/internal/stdlib/warnings), which passes the call site on. Line numbers are
// unchanged.

import (
	"fmt"

	"github.com/pypool/pypool/bridge/internal/source"
)

// markWarnSites is the rewrite chain's "warn-sites" pass: it marks the calls
// written `warn(…)` (inside f-string replacement fields too, as the chain
// reaches them).
func markWarnSites(rc *source.Ctx, toks []source.Token) ([]source.Token, error) {
	for i := 0; i+2 < len(toks); i++ {
		if t := &toks[i]; t.Kind == source.TkName && t.Text == "warn" && toks[i+1].Is("(") {
			markWarnCall(rc, toks, i)
		}
	}
	return toks, nil
}

// markWarnCall wraps the callee of a call written `warn(…)` or `a.b.warn(…)`
// (toks[i] is "warn"): `_pypool_warn_site(a.b.warn, "file", line,
// globals())(…)` gives warnings.warn its call site (bridge/internal/stdlib/warnings) and
// leaves any other callee named warn as it is.
func markWarnCall(rc *source.Ctx, toks []source.Token, i int) {
	start := i
	for start >= 2 && toks[start-1].Is(".") && toks[start-2].Kind == source.TkName {
		start -= 2
	}
	if start > 0 {
		if p := &toks[start-1]; p.Is(".") || p.Kind == source.TkName && (p.Text == "def" || p.Text == "class") {
			return
		}
	}
	toks[start].Before += WarnSiteBuiltin + "("
	toks[i].After += fmt.Sprintf(", %q, %d, globals())", rc.File, rc.Line(toks[i].Line))
}

func init() {
	source.Register("warn-sites", 80, source.ContainsAny("warn"), markWarnSites)
}
