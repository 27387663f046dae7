package bridge

// CPython's warnings for deprecated threading names: printed once per
// calling location, on stderr, as `file:line: DeprecationWarning: msg`
// followed by the source line.

import (
	"fmt"

	"github.com/go-python/gpython/py"
)

// deprecationWarning prints msg once per calling location (which the
// compile rewrite passed in kwargs, see threading_warnsite.go).
func (it *Interp) deprecationWarning(msg string, kwargs py.StringDict) {
	file, line, ok := warnSite(kwargs)
	if ok && !it.isMainFile(file) {
		// CPython shows DeprecationWarning only for code in __main__
		return
	}
	key := fmt.Sprintf("%s:%d:%s", file, line, msg)
	th := it.threads()
	th.mu.Lock()
	seen := th.warned[key]
	th.warned[key] = true
	th.mu.Unlock()
	if seen {
		return
	}
	if !ok {
		fmt.Fprintf(it.Stderr(), "sys:1: DeprecationWarning: %s\n", msg)
		return
	}
	fmt.Fprintf(it.Stderr(), "%s:%d: DeprecationWarning: %s\n", file, line, msg)
	if src := SourceLine(file, line); src != "" {
		fmt.Fprintf(it.Stderr(), "  %s\n", src)
	}
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
