// Package stdlibtest runs a Python script in a fresh interpreter for the
// tests of the standard-module packages: each package's test imports only
// itself (and this), so a passing test shows the package installs its module
// without the facade's other imports.
//
// It imports bridge/pyrt and bridge/internal/pyobj (the object model and
// its Python-source loader); only tests of bridge/internal/stdlib/… import
// it.
package stdlibtest

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Run runs src as __main__ and returns what it printed. An uncaught
// exception fails the test with its traceback. It blocks until src ends.
func Run(t testing.TB, src string) string {
	t.Helper()
	var out, errb bytes.Buffer
	in := pyrt.NewInterp(pyrt.Options{Stdout: &out, Stderr: &errb})
	defer in.Close()
	err := in.RunThread(in.Main, func() error { return in.RunMain(src, "main.py", "") })
	if err != nil {
		t.Fatalf("script failed: %s%s", errb.String(), pyobj.FormatException(err))
	}
	return out.String()
}

// Expect runs src and fails the test unless it printed want.
func Expect(t testing.TB, src, want string) {
	t.Helper()
	if got := Run(t, src); got != want {
		t.Errorf("printed\n%s\nwant (CPython 3.11)\n%s", got, want)
	}
}

// ExpectFile runs the script at path and fails the test unless it printed
// what the file beside it with the extension .out holds (CPython's output,
// recorded by record.sh).
func ExpectFile(t testing.TB, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(strings.TrimSuffix(path, ".py") + ".out")
	if err != nil {
		t.Fatal(err)
	}
	Expect(t, string(src), string(want))
}
