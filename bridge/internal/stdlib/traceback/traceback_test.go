package traceback

import (
	"testing"

	"github.com/pypool/pypool/bridge/internal/stdlib/stdlibtest"
)

// The package installs its module by itself: format_exc,
// format_exception_only, extract_tb and TracebackException, as CPython 3.11
// prints them (testdata/module.out, recorded by stdlibtest/record.sh).
func TestModule(t *testing.T) {
	stdlibtest.ExpectFile(t, "testdata/module.py")
}
