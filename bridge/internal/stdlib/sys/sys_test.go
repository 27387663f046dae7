package sys

import (
	"testing"

	"github.com/pypool/pypool/bridge/internal/stdlib/stdlibtest"
)

// The package installs its module by itself: version_info, platform, maxsize,
// byteorder, sys.exit raising SystemExit, exc_info, as CPython 3.11 prints
// them (testdata/module.out, recorded by stdlibtest/record.sh).
func TestModule(t *testing.T) {
	stdlibtest.ExpectFile(t, "testdata/module.py")
}
