package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildCompareTools builds pypool and the stand-in reference interpreter into a temporary folder.
func buildCompareTools(t *testing.T) (pypool, standin string) {
	t.Helper()
	dir := t.TempDir()
	pypool, standin = filepath.Join(dir, "pypool"), filepath.Join(dir, "standin")
	for _, b := range [][]string{{pypool, "."}, {standin, "./testdata/standin"}} {
		if out, err := exec.Command("go", "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", b[1], err, out)
		}
	}
	return pypool, standin
}

func runCompare(t *testing.T, pypool string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(pypool, append([]string{"compare"}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("pypool compare: %v", err)
		}
	}
	return string(out), cmd.ProcessState.ExitCode()
}

func TestCompare(t *testing.T) {
	pypool, standin := buildCompareTools(t)
	t.Setenv("STANDIN_PYPOOL", pypool)
	dir := t.TempDir()
	scripts := map[string]string{
		"agree.py":    "print('one')\nprint('two')\nprint('three')\n",
		"extra.py":    "# standin: extra four\nprint('one')\nprint('two')\nprint('three')\n",
		"status.py":   "# standin: exit 3\nprint('one')\n",
		"reversed.py": "# standin: reverse\nprint('one')\nprint('two')\nprint('three')\n",
		"stderr.py":   "# standin: stderr ValueError: boom\nprint('one')\n",
	}
	for name, src := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := func(n string) string { return filepath.Join(dir, n) }

	cases := []struct {
		args     []string
		status   int
		contains []string
	}{
		{[]string{path("agree.py")}, 0, []string{"agrees with standin"}},
		{[]string{path("extra.py")}, 1, []string{"differs from standin", "--- standin stdout", "+++ pypool stdout", "@@ -1,4 +1,3 @@", "-four"}},
		{[]string{path("status.py")}, 1, []string{"exit 0, want 3"}},
		{[]string{path("reversed.py")}, 1, []string{"-three", "+three", " one"}},
		{[]string{"--unordered", path("reversed.py")}, 0, []string{"agrees"}},
		{[]string{path("stderr.py")}, 1, []string{`want "ValueError: boom"`}},
	}
	for _, c := range cases {
		out, status := runCompare(t, pypool, append([]string{"--python", standin}, c.args...)...)
		if status != c.status {
			t.Errorf("compare %v: status %d, want %d\n%s", c.args, status, c.status, out)
		}
		for _, s := range c.contains {
			if !strings.Contains(out, s) {
				t.Errorf("compare %v: output lacks %q:\n%s", c.args, s, out)
			}
		}
	}

	out, status := runCompare(t, pypool, "--python", standin, dir)
	if status != 1 || !strings.Contains(out, "1 passed, 4 failed") || !regexp.MustCompile(`(?m)^agree\.py\s+ok\s*$`).MatchString(out) {
		t.Errorf("compare DIR: status %d, output:\n%s", status, out)
	}

	out, status = runCompare(t, pypool, "--python", filepath.Join(dir, "no-such-python"), path("agree.py"))
	if status != 2 || !strings.Contains(out, "no reference interpreter") {
		t.Errorf("compare without a reference interpreter: status %d, output:\n%s", status, out)
	}
}
