package enum

import (
	"testing"

	"github.com/pypool/pypool/bridge/internal/stdlib/stdlibtest"
)

// The package installs its module by itself: iteration, lookup by value and
// name, len, in, repr of enum classes (EnumType), as CPython 3.11 prints them
// (testdata/module.out, recorded by stdlibtest/record.sh).
func TestModule(t *testing.T) {
	stdlibtest.ExpectFile(t, "testdata/module.py")
}
