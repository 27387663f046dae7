package pool

import (
	"os"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestWorkerBallastAtFirstGC: a worker has no ballast until a collection
// runs, then one of workerBallast bytes.
func TestWorkerBallastAtFirstGC(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: workers keep no ballast")
	}
	gcBallast.Store(nil)
	ballastOnce = sync.Once{}
	t.Cleanup(func() { gcBallast.Store(nil) })
	setWorkerGC()
	deadline := time.Now().Add(10 * time.Second)
	for gcBallast.Load() == nil && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if b := gcBallast.Load(); b == nil || len(b) != workerBallast {
		t.Fatalf("no ballast of %d bytes after a collection", workerBallast)
	}
}
