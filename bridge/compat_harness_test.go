package bridge

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
)

// runCompat runs src as __main__ in a fresh interpreter and returns what it
// printed and, if it failed, the last line of its traceback (CPython's
// "Type: message").
func runCompat(t testing.TB, src string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	in := NewInterp(Options{Stdout: &out, Stderr: &errb})
	defer in.Close()
	in.GIL.Acquire()
	defer in.GIL.Release()
	code, err := py.Compile(src, "main.py", py.ExecMode, 0, true)
	if err == nil {
		var main *py.Module
		main, err = in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__", FileDesc: "main.py"}})
		if err == nil {
			_, err = in.Ctx.RunCode(code, main.Globals, main.Globals, nil)
		}
	}
	if err != nil {
		return out.String(), strings.TrimSpace(pyobj.FormatExceptionOnly(err))
	}
	return out.String(), ""
}

// runCases runs every testdata/<dir>/*.py and compares its stdout with the
// .out file next to it, recorded from CPython 3.11. A case whose CPython run
// ended in an exception records its last traceback line in a .err file.
func runCases(t *testing.T, dir string) {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/%s", dir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			wantErr := ""
			if b, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".err"); err == nil {
				wantErr = strings.TrimSpace(string(b))
			}
			got, gotErr := runCompat(t, string(src))
			if got != string(want) {
				t.Errorf("stdout differs\n--- got\n%s\n--- want\n%s", got, want)
			}
			if gotErr != wantErr {
				t.Errorf("error: got %q, want %q", gotErr, wantErr)
			}
		})
	}
}

func TestCompatDict(t *testing.T) { runCases(t, "compat_dict") }

func TestCompatSyntax(t *testing.T) { runCases(t, "compat_syntax") }

func TestCompatModules(t *testing.T) { runCases(t, "compat_modules") }
