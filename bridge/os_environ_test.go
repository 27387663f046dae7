package bridge

import (
	"os"
	"testing"
)

// os.environ writes reach the process environment; an interpreter made
// later sees variables set from Go meanwhile; os.putenv does not show in
// os.environ (as in CPython).
func TestEnvironProcess(t *testing.T) {
	t.Setenv("PYPOOL_TEST_ENV_GO", "from-go")
	t.Setenv("PYPOOL_TEST_ENV_PY", "")
	os.Unsetenv("PYPOOL_TEST_ENV_PY")
	out, exc := runCompat(t, `import os
print(os.environ["PYPOOL_TEST_ENV_GO"], os.getenv("PYPOOL_TEST_ENV_PY"))
os.environ["PYPOOL_TEST_ENV_PY"] = "from-py"
del os.environ["PYPOOL_TEST_ENV_GO"]
os.putenv("PYPOOL_TEST_ENV_PUT", "put")
print(os.environ.get("PYPOOL_TEST_ENV_PUT"))
`)
	defer os.Unsetenv("PYPOOL_TEST_ENV_PUT")
	if exc != "" || out != "from-go None\nNone\n" {
		t.Fatalf("printed %q, raised %q", out, exc)
	}
	if v, ok := os.LookupEnv("PYPOOL_TEST_ENV_PY"); v != "from-py" || !ok {
		t.Errorf("process PYPOOL_TEST_ENV_PY = %q, %v; want from-py", v, ok)
	}
	if _, ok := os.LookupEnv("PYPOOL_TEST_ENV_GO"); ok {
		t.Errorf("PYPOOL_TEST_ENV_GO still set in the process")
	}
	if v := os.Getenv("PYPOOL_TEST_ENV_PUT"); v != "put" {
		t.Errorf("os.putenv: process has %q", v)
	}
	out, _ = runCompat(t, `import os
print(os.environ.get("PYPOOL_TEST_ENV_PUT"), os.environ.get("PYPOOL_TEST_ENV_GO"))
`)
	if out != "put None\n" {
		t.Errorf("new interpreter printed %q, want the process environment", out)
	}
}
