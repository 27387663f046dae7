package pyobj

// Where a deprecated threading alias was called from. gpython gives a Go
// builtin no access to its caller's frame, so the rewrite chain
// rewrites each literal call `currentThread()` / `activeCount()` into
// `currentThread(_pypool_at=("file", line))` on the same line; the alias
// then knows where to point its DeprecationWarning, as CPython's does.
// Calls of a callee named warn get their call site the same way, through
// the builtin _pypool_warn_site (mod_warnings.go).

import (
	"fmt"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/source"
)

var deprecatedAliases = []string{"currentThread", "activeCount"}

// warnSiteKw is the keyword the rewrite adds.
const warnSiteKw = "_pypool_at"

// markWarnSites is the rewrite chain's "warn-sites" pass (rewrite.go): it
// rewrites the literal calls of deprecated aliases (inside f-string
// replacement fields too, as the chain reaches them). Line numbers are
// unchanged.
func markWarnSites(rc *source.Ctx, toks []source.Token) ([]source.Token, error) {
	for i := 0; i+2 < len(toks); i++ {
		t := &toks[i]
		if t.Kind != source.TkName || !toks[i+1].Is("(") {
			continue
		}
		if t.Text == "warn" {
			markWarnCall(rc, toks, i)
			continue
		}
		if toks[i+1].Match != i+2 {
			continue
		}
		for _, a := range deprecatedAliases {
			if t.Text == a {
				toks[i+1].After = fmt.Sprintf("%s=(%q, %d)", warnSiteKw, rc.File, rc.Line(t.Line))
			}
		}
	}
	return toks, nil
}

// markWarnCall wraps the callee of a call written `warn(…)` or `a.b.warn(…)`
// (toks[i] is "warn"): `_pypool_warn_site(a.b.warn, "file", line,
// globals())(…)` gives warnings.warn its call site (mod_warnings.go) and
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

// warnSite takes the rewrite's keyword out of kwargs and returns the
// location it names.
func warnSite(kwargs py.StringDict) (file string, line int, ok bool) {
	v, has := kwargs[warnSiteKw]
	if !has {
		return "", 0, false
	}
	delete(kwargs, warnSiteKw)
	t, isT := v.(py.Tuple)
	if !isT || len(t) != 2 {
		return "", 0, false
	}
	f, e1 := py.StrAsString(t[0])
	n, e2 := py.IndexInt(t[1])
	if e1 != nil || e2 != nil {
		return "", 0, false
	}
	return f, n, true
}

func init() {
	source.Register("warn-sites", 80, source.ContainsAny(append([]string{"warn"}, deprecatedAliases...)...), markWarnSites)
}
