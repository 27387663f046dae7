package bridge

import "testing"

// TestCompatBuiltins runs testdata/compat_builtins: builtins and builtin
// types mended by builtin_*.go, against CPython 3.11's recorded output.
func TestCompatBuiltins(t *testing.T) { runCases(t, "compat_builtins") }
