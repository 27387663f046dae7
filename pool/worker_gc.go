package pool

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
)

// workerBallast is the size of the GC ballast a busy worker keeps: a
// pointer-free allocation, never written, that counts as live heap, so the
// collector's next goal is at least about twice it. An interpreter
// allocates a frame for every Python call and keeps only a couple of MiB
// live; with Go's 4 MiB minimum goal a busy worker collected every few
// thousand calls, and marking, sweeping and re-faulting the pages the
// scavenger had returned took about 40% of its CPU time (cpu_speedup.py:
// 4.2–4.9 s of CPU with the default, 2.6–3.0 s with the ballast; a ballast
// sized by the allocation volume did worse, 3.3–3.6 s). A task with a large
// live heap still gets the ordinary GOGC=100 pacing on top of it.
//
// The ballast is made at the worker's first collection, so a worker that
// allocates little (a short script's) never grows its heap. GOGC set in the
// environment turns it off. The main process keeps none: once calls reused
// their frames (bridge/frame_reuse.go) it allocated little per call, and the
// ballast's larger heap cost it more first touches of pages than it saved in
// collections (Pool.map of 200k items ~6% faster without it, 2026-11-26).
const workerBallast = 16 << 20

// gcBallast holds the ballast for the life of the worker process.
var gcBallast atomic.Pointer[[workerBallast]byte]

// gcSentinel is garbage whose finalizer marks the first collection.
type gcSentinel struct{ _ [32]byte }

var ballastOnce sync.Once

// setWorkerGC arranges for the ballast, once. It runs when the process
// becomes a worker.
func setWorkerGC() {
	ballastOnce.Do(func() {
		if os.Getenv("GOGC") != "" {
			return
		}
		runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
			gcBallast.Store(new([workerBallast]byte))
		})
	})
}
