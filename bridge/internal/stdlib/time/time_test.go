package time

import (
	"testing"

	"github.com/pypool/pypool/bridge/internal/stdlib/stdlibtest"
)

// The package installs its module by itself: struct_time, gmtime, strftime,
// and sleep and the clocks gpython lacks, as CPython 3.11 prints them
// (testdata/module.out, recorded by stdlibtest/record.sh).
func TestModule(t *testing.T) {
	stdlibtest.ExpectFile(t, "testdata/module.py")
}
