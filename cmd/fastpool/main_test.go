package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/pypool/pypool/bridge"
	"github.com/pypool/pypool/pool"
)

// The test binary doubles as fastpool (with envRunMain set) and as its own
// pool workers.
const envRunMain = "FASTPOOL_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	pool.ServeWorkerIfChild()
	if os.Getenv(envRunMain) == "1" {
		os.Exit(bridge.Main(append([]string{"fastpool"}, os.Args[1:]...)))
	}
	os.Exit(m.Run())
}

// fastpool runs this binary as fastpool with args.
func fastpool(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), envRunMain+"=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), 0
}

func TestFibGoScript(t *testing.T) {
	out, errs, status := fastpool(t, "../../pyscripts/port/fib_go.py")
	want := "[317811, 514229, 832040, 1346269, 317811, 514229, 832040, 1346269]\n6020698\n"
	if out != want || status != 0 {
		t.Fatalf("fib_go.py: status %d, stdout:\n%s\nwant:\n%s\nstderr:\n%s", status, out, want, errs)
	}
}

func TestFastmathErrors(t *testing.T) {
	out, errs, status := fastpool(t, "testdata/errors.py")
	want := `55 [1, 1, 2, 55]
ValueError fib() wants n >= 0, got -1
TypeError fastmath.fib() argument 'n': want int, got str
OverflowError fib(100) does not fit in 64 bits
TypeError fastmath.fib() missing 1 required positional argument: 'n'
[6765, 10946]
610
from a worker: fib() wants n >= 0, got -2
[5, 8]
`
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if status != 1 || lines[len(lines)-1] != "ValueError: fib() wants n >= 0, got -3" {
		t.Errorf("status %d, stderr:\n%s", status, errs)
	}
}

func TestFastmathOnMultiprocessingPool(t *testing.T) {
	out, errs, status := fastpool(t, "testdata/mppool.py")
	want := `[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
[55, 6765]
75025
[2, 3, 5]
[8, 13]
ValueError: fib() wants n >= 0, got -1
`
	if out != want || status != 0 {
		t.Fatalf("status %d, stdout:\n%s\nwant:\n%s\nstderr:\n%s", status, out, want, errs)
	}
}
