package synchronize_test

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/resourcetracker"
)

// The test binary is also the worker binary: TestMain serves when
// re-executed as a pool worker. At the end it checks that every file this
// process created under /dev/shm is gone once the tracker has cleaned up.
func TestMain(m *testing.M) {
	pool.ServeWorkerIfChild()
	code := m.Run()
	runtime.GC()
	resourcetracker.Cleanup()
	if left := ownShmFiles(); len(left) > 0 {
		fmt.Fprintln(os.Stderr, "leftover /dev/shm files:", left)
		code = 1
	}
	os.Exit(code)
}

// ownShmFiles lists /dev/shm files named for this process.
func ownShmFiles() []string {
	ents, _ := os.ReadDir("/dev/shm")
	prefix := resourcetracker.PIDPrefix + strconv.Itoa(os.Getpid()) + "-"
	var out []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), prefix) {
			out = append(out, e.Name())
		}
	}
	return out
}

// eventually polls cond for up to 10 s (only catches hangs).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
