package json

import (
	"testing"

	"github.com/pypool/pypool/bridge/internal/stdlib/stdlibtest"
)

// The module installs itself: dumps and loads as CPython 3.11 prints them,
// JSONDecodeError a ValueError from json.decoder (testdata/module.out,
// recorded by stdlibtest/record.sh).
func TestModule(t *testing.T) {
	stdlibtest.ExpectFile(t, "testdata/module.py")
}
