package conformance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Run runs the case's script with the pypool binary bin, as `pypool /abs/script.py` from the
// script's folder with stdin empty, and returns what it printed (see RunCommand).
func Run(bin string, c *Case) Got {
	return runCommand([]string{bin, c.Script}, filepath.Dir(c.Script), c.Timeout, c.InterruptOn)
}

// RunCommand runs argv in dir with stdin empty and the environment record.py gives CPython, and
// returns what it printed. The process runs in its own process group: on timeout the whole group
// is killed, and processes still alive after the main one exited (orphaned workers) are killed and
// reported. RunCommand never hangs longer than timeout plus a few seconds.
func RunCommand(argv []string, dir string, timeout time.Duration) Got {
	return runCommand(argv, dir, timeout, "")
}

// runCommand is RunCommand that, when interruptOn is not empty, sends SIGINT to the process group
// once stdout holds that text.
func runCommand(argv []string, dir string, timeout time.Duration, interruptOn string) Got {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = caseEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if interruptOn != "" {
		cmd.Stdout = &watchWriter{buf: &stdout, text: []byte(interruptOn), fire: func() {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
		}}
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second // output pipes held open by leftover processes
	err := cmd.Run()
	g := Got{Stdout: stdout.String(), Stderr: stderr.String()}
	if cmd.Process == nil {
		g.Exit = -1
		g.Problem = fmt.Sprintf("cannot start: %v", err)
		return g
	}
	if ctx.Err() != nil {
		g.Exit = -1
		g.Problem = fmt.Sprintf("timed out after %v (process group killed)", timeout)
		return g
	}
	g.Exit = exitStatus(cmd.ProcessState)
	if errors.Is(err, exec.ErrWaitDelay) {
		g.Problem = "output pipes still open 5s after exit"
	}
	if left := reapGroup(cmd.Process.Pid); left {
		g.Problem = joinProblem(g.Problem, "processes left running after exit (killed)")
	}
	return g
}

// watchWriter collects output and calls fire once, when the output first holds text.
type watchWriter struct {
	mu    sync.Mutex
	buf   *bytes.Buffer
	text  []byte
	fired bool
	fire  func()
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	if !w.fired && bytes.Contains(w.buf.Bytes(), w.text) {
		w.fired = true
		w.fire()
	}
	return n, err
}

func joinProblem(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// reapGroup waits up to 3 s for the process group pgid to empty, then kills what is left and
// reports whether anything was.
func reapGroup(pgid int) bool {
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if !groupAlive(pgid) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	return syscall.Kill(-pgid, syscall.SIGKILL) == nil
}

// groupAlive reports whether a process of group pgid is alive. Zombies do not count: an orphan
// that exited waits for init to reap it, and init may be slow or never do it in a container.
func groupAlive(pgid int) bool {
	if syscall.Kill(-pgid, 0) != nil { // ESRCH: the group is empty
		return false
	}
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return true
	}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 3 || f[0] == "Z" || f[0] == "X" {
			continue
		}
		if g, err := strconv.Atoi(f[2]); err == nil && g == pgid && pid != 0 {
			return true
		}
	}
	return false
}

func exitStatus(ps *os.ProcessState) int {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ps.ExitCode()
}

// caseEnv is the environment record.py gives CPython, so both see the same settings.
func caseEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := cutEq(kv); k {
		case "PYTHONUNBUFFERED", "PYTHONWARNINGS", "PYTHONHASHSEED", "PYTHONIOENCODING":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "PYTHONHASHSEED=0", "PYTHONIOENCODING=utf-8")
}

func cutEq(kv string) (string, string, bool) {
	for i := 0; i < len(kv); i++ {
		if kv[i] == '=' {
			return kv[:i], kv[i+1:], true
		}
	}
	return kv, "", false
}
