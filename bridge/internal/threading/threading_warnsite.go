package threading

// Where a deprecated threading alias was called from. gpython gives a Go
// builtin no access to its caller's frame, so the rewrite chain's
// "deprecated-aliases" pass rewrites each literal call `currentThread()` /
// `activeCount()` into `currentThread(_pypool_at=("file", line))` on the
// same line; the alias then knows where to point its DeprecationWarning, as
// CPython's does.
// (Calls written warn(…) get theirs from pyobj's "warn-sites" pass.)

import (
	"fmt"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/source"
)

var deprecatedAliases = []string{"currentThread", "activeCount"}

// warnSiteKw is the keyword the rewrite adds.
const warnSiteKw = "_pypool_at"

// markDeprecatedAliases is the rewrite chain's "deprecated-aliases" pass:
// it rewrites the literal calls of deprecated aliases (inside f-string
// replacement fields too, as the chain reaches them). Line numbers are
// unchanged.
func markDeprecatedAliases(rc *source.Ctx, toks []source.Token) ([]source.Token, error) {
	for i := 0; i+2 < len(toks); i++ {
		t := &toks[i]
		if t.Kind != source.TkName || !toks[i+1].Is("(") || toks[i+1].Match != i+2 {
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

// warnSite returns the location the rewrite's keyword argument at names
// (ok is false for None or anything else).
func warnSite(at py.Object) (file string, line int, ok bool) {
	t, isT := at.(py.Tuple)
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
	source.Register("deprecated-aliases", 85, source.ContainsAny(deprecatedAliases...), markDeprecatedAliases)
}
