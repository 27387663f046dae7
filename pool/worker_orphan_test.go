package pool

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// envOrphanHelper makes the test binary a parent that starts a process
// Pool and an executor, prints their workers' pids and waits to be killed.
const envOrphanHelper = "PYPOOL_TEST_ORPHAN_HELPER"

func orphanHelper() {
	b, err := newProcessBackend(backendConfig{workers: 2})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	pb := b.(*processBackend)
	busy := make(chan groupResult, 1)
	// One worker busy in a task, one idle.
	b.submit(&job{fn: tfSleep, mode: wire.ModeCall, args: []wire.Value{int64(60000)}, done: func(v wire.Value, err error) { busy <- groupResult{v, err} }})
	ex, err := NewProcessPoolExecutor(Workers(1))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	f, _ := ex.SubmitCall(tfPID, nil, nil)
	v, err := f.ResultTimeout(30 * time.Second)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	pids := append(pb.pids(), int(v.(int64)))
	time.Sleep(100 * time.Millisecond) // let the sleep task start
	fmt.Println("pids", strings.Trim(fmt.Sprint(pids), "[]"))
	time.Sleep(time.Minute)
	os.Exit(0)
}

// alive reports whether pid is a live (not zombie) process.
func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || (s[i+2] != 'Z' && s[i+2] != 'X')
}

func TestNoOrphansWhenParentKilled(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), envOrphanHelper+"=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "pids ") {
		t.Fatalf("helper said %q, %v", line, err)
	}
	var pids []int
	for _, f := range strings.Fields(strings.TrimPrefix(line, "pids ")) {
		pid, err := strconv.Atoi(f)
		if err != nil {
			t.Fatalf("helper said %q", line)
		}
		pids = append(pids, pid)
	}
	if len(pids) != 3 {
		t.Fatalf("helper reported %d workers, want 3: %q", len(pids), line)
	}
	for _, pid := range pids {
		if !alive(pid) {
			t.Fatalf("worker %d is not running before the parent is killed", pid)
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var left []int
		for _, pid := range pids {
			if alive(pid) {
				left = append(left, pid)
			}
		}
		if len(left) == 0 {
			return
		}
		if time.Now().After(deadline) {
			for _, pid := range left {
				syscall.Kill(pid, syscall.SIGKILL)
			}
			t.Fatalf("workers %v outlived their parent by 10s", left)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
