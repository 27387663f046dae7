package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pypool-cmd-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "pypool")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the binary and returns stdout, stderr and the exit status.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	status := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), status
}

func readCase(t *testing.T, name, ext string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+ext))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRecorded runs each testdata/NAME.py and compares stdout, stderr and
// the exit status with what CPython 3.11 gave (testdata/record.sh).
func TestRecorded(t *testing.T) {
	dir, _ := filepath.Abs("testdata")
	cases, _ := filepath.Glob("testdata/*.py")
	for _, c := range cases {
		name := strings.TrimSuffix(filepath.Base(c), ".py")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			stdout, stderr, status := run(t, filepath.Join(dir, name+".py"), "a1", "a2")
			stderr = strings.ReplaceAll(stderr, dir, "$DIR")
			want := readCase(t, name, ".stdout")
			if stdout != want {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
			}
			wantStatus, _ := strconv.Atoi(strings.TrimSpace(readCase(t, name, ".status")))
			if status != wantStatus {
				t.Errorf("status %d, want %d (stderr %s)", status, wantStatus, stderr)
			}
			wantErr := readCase(t, name, ".stderr")
			if partial, ok := partialStderr[name]; ok {
				for _, p := range partial {
					if !strings.Contains(stderr, p) {
						t.Errorf("stderr lacks %q:\n%s", p, stderr)
					}
				}
				if !strings.HasSuffix(stderr, lastSection(wantErr)) {
					t.Errorf("stderr:\n%s\nwant it to end with:\n%s", stderr, lastSection(wantErr))
				}
				return
			}
			if stderr != wantErr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantErr)
			}
		})
	}
}

// partialStderr lists cases whose stderr pypool reproduces only in part:
// the listed pieces and the last section must match.
var partialStderr = map[string][]string{}

func lastSection(s string) string {
	if i := strings.LastIndex(s, "\n\n"); i >= 0 {
		return s[i+2:]
	}
	return s
}

func TestMissingFile(t *testing.T) {
	_, stderr, status := run(t, "no/such/file.py")
	abs, _ := filepath.Abs("no/such/file.py")
	want := binary + ": can't open file '" + abs + "': [Errno 2] No such file or directory\n"
	if stderr != want || status != 2 {
		t.Errorf("got %q status %d, want %q status 2", stderr, status, want)
	}
}

func TestDashC(t *testing.T) {
	stdout, stderr, status := run(t, "-c", "import sys\nprint(sys.argv)\nraise ValueError('x')", "arg")
	if stdout != "['-c', 'arg']\n" {
		t.Errorf("stdout %q", stdout)
	}
	want := "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\nValueError: x\n"
	if stderr != want || status != 1 {
		t.Errorf("stderr %q status %d, want %q status 1", stderr, status, want)
	}
}

func TestVersion(t *testing.T) {
	stdout, _, status := run(t, "--version")
	if stdout != "pypool 0.1 (Python 3.11 compatible)\n" || status != 0 {
		t.Errorf("got %q status %d", stdout, status)
	}
}

// TestSIGINT: Ctrl-C raises KeyboardInterrupt in the main thread (here
// inside time.sleep), its traceback is printed, and the process ends by
// SIGINT as CPython does, so a shell sees status 130.
func TestSIGINT(t *testing.T) {
	script := filepath.Join(t.TempDir(), "sleep.py")
	src := "import time\ndef work():\n    print('ready', flush=True)\n    time.sleep(30)\nwork()\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := io.ReadFull(out, buf); err != nil || string(buf) != "ready\n" {
		t.Fatalf("read %q, %v", buf, err)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("process state %v, want killed by SIGINT", cmd.ProcessState)
	}
	want := "Traceback (most recent call last):\n  File \"" + script + "\", line 5, in <module>\n    work()\n  File \"" + script + "\", line 4, in work\n    time.sleep(30)\nKeyboardInterrupt\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
}

// TestKeyboardInterruptCaught: a script may catch KeyboardInterrupt and go on.
func TestKeyboardInterruptCaught(t *testing.T) {
	script := filepath.Join(t.TempDir(), "catch.py")
	src := "import time\nprint('ready', flush=True)\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('caught')\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, script)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := io.ReadFull(out, buf); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Process.Signal(syscall.SIGINT)
	rest, _ := io.ReadAll(out)
	err = cmd.Wait()
	if string(rest) != "caught\n" || err != nil {
		t.Errorf("got %q, %v; want caught and status 0", rest, err)
	}
}

// TestSIGINTIgnored: a SIGINT the parent set to be ignored (a shell's
// `trap ” INT`, nohup-like launchers) stays ignored, as in CPython: the
// script runs to its end and exits 0.
func TestSIGINTIgnored(t *testing.T) {
	script := filepath.Join(t.TempDir(), "ignored.py")
	src := "import time\nprint('ready', flush=True)\ntime.sleep(0.5)\nprint('done')\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", `trap '' INT; exec "$0" "$1"`, binary, script)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := io.ReadFull(out, buf); err != nil || string(buf) != "ready\n" {
		t.Fatalf("read %q, %v", buf, err)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(out)
	err = cmd.Wait()
	if string(rest) != "done\n" || err != nil {
		t.Errorf("got %q, %v; want done and status 0", rest, err)
	}
}

// TestUnclosedFilesAreClosed: files opened and never closed (open(p).read()
// in a loop) are closed once unreachable, as CPython's refcounting closes
// them, so a script that leaves thousands behind runs under `ulimit -n 64`
// (issue 14 item 8: it failed with EMFILE).
func TestUnclosedFilesAreClosed(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data.txt")
	if err := os.WriteFile(data, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "leak.py")
	src := "import os, sys\ntotal = 0\nfor i in range(3000):\n    total += len(open(sys.argv[1]).read())\nprint(total, len(os.listdir('/proc/self/fd')) < 64)\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("sh", "-c", `ulimit -n 64 && exec "$0" "$1" "$2"`, binary, script, data).CombinedOutput()
	if err != nil || string(out) != "30000 True\n" {
		t.Errorf("got %q, %v; want 30000 True", out, err)
	}
}
