package bridge

import (
	"os"
	"testing"

	"github.com/pypool/pypool/pool"
)

// The test binary is also the worker binary of the process pools that the
// end-to-end tests start: TestMain serves when re-executed as a worker.
func TestMain(m *testing.M) {
	pool.ServeWorkerIfChild()
	os.Exit(m.Run())
}
