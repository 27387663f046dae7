package os

import (
	"testing"

	"github.com/pypool/pypool/bridge/internal/stdlib/stdlibtest"
)

// The package installs its module by itself: os.environ as a live mapping,
// os.path, cpu_count, getppid, and OSError subclasses with the filename, as
// CPython 3.11 prints them (testdata/module.out, recorded by
// stdlibtest/record.sh).
func TestModule(t *testing.T) {
	stdlibtest.ExpectFile(t, "testdata/module.py")
}
