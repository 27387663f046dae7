package pool

import (
	"runtime"
	"testing"
)

func TestWorkerProcsSharesTheCPUs(t *testing.T) {
	t.Setenv("GOMAXPROCS", "")
	n := runtime.NumCPU()
	for _, c := range []struct{ workers, want int }{
		{1, n}, {n, 1}, {4 * n, 1}, {0, 0},
	} {
		if got := workerProcs(c.workers); got != c.want {
			t.Errorf("workerProcs(%d) = %d on %d CPUs, want %d", c.workers, got, n, c.want)
		}
	}
	t.Setenv("GOMAXPROCS", "3")
	if got := workerProcs(1); got != 0 {
		t.Errorf("with GOMAXPROCS set, workerProcs(1) = %d, want 0 (the user's setting passes through)", got)
	}
}
