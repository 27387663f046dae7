package dataclasses

import (
	"testing"

	"github.com/pypool/pypool/bridge/internal/stdlib/stdlibtest"
)

// The package installs its module by itself: order=True classes compare
// (_pypool_classes.refresh makes their instances use the operators), as
// CPython 3.11 prints them (testdata/module.out, recorded by
// stdlibtest/record.sh).
func TestModule(t *testing.T) {
	stdlibtest.ExpectFile(t, "testdata/module.py")
}
