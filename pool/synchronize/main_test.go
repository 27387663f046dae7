package synchronize_test

import (
	"testing"
	"time"

	"github.com/pypool/pypool/pool/internal/shmtest"
)

// The test binary is also the worker binary: TestMain serves when
// re-executed as a pool worker. At the end it checks that every file this
// process created under /dev/shm is gone once the tracker has cleaned up.
func TestMain(m *testing.M) { shmtest.Main(m) }

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
