package bridge

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runScript runs pypool's main in-process on args (args[0] is the program
// name) and returns stdout, stderr and the exit status.
func runScript(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr syncBuf
	status := runMain(args, mainConfig{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader("")})
	return stdout.String(), stderr.String(), status
}

// TestCoreScripts runs testdata/core/NAME.py and compares its stdout and
// exit status with CPython 3.11's (recorded by testdata/core/record.sh).
func TestCoreScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/core/*.py")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		t.Run(name, func(t *testing.T) {
			stdout, stderr, status := runScript(t, "pypool", f)
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".stdout")
			if err != nil {
				t.Fatal(err)
			}
			if stdout != string(want) {
				t.Errorf("stdout:\n%s\nwant:\n%s\nstderr:\n%s", stdout, want, stderr)
			}
			st, _ := os.ReadFile(strings.TrimSuffix(f, ".py") + ".status")
			if ws, _ := strconv.Atoi(string(bytes.TrimSpace(st))); ws != status {
				t.Errorf("status %d, want %d; stderr:\n%s", status, ws, stderr)
			}
		})
	}
}
