package warnings

import (
	"testing"

	"github.com/pypool/pypool/bridge/internal/stdlib/stdlibtest"
)

// The package installs its module by itself: warnings.warn gets its call site
// (the warn-site builtin), formatwarning's text, as CPython 3.11 prints them
// (testdata/module.out, recorded by stdlibtest/record.sh).
func TestModule(t *testing.T) {
	stdlibtest.ExpectFile(t, "testdata/module.py")
}
