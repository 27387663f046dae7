package pool

import (
	"context"
	"sync"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time (user + system) the process has used so far.
// Benchmarks report it per op as well ("cpu-ns/op"): on a shared, loaded
// machine it is steadier than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU records the CPU time per op since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkThreadExecutorSubmitResult submits b.N trivial tasks, then
// collects every result: ns/op is the cost per task.
func BenchmarkThreadExecutorSubmitResult(b *testing.B) {
	ex, err := NewThreadPoolExecutor()
	if err != nil {
		b.Fatal(err)
	}
	defer ex.Shutdown(true, false)
	ctx := context.Background()
	task := func(context.Context) (int, error) { return 1, nil }
	fs := make([]*Future[int], b.N)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := range fs {
		fs[i], err = Submit(ex, task)
		if err != nil {
			b.Fatal(err)
		}
	}
	sum := 0
	for _, f := range fs {
		v, err := f.Result(ctx)
		if err != nil {
			b.Fatal(err)
		}
		sum += v
	}
	b.StopTimer()
	reportCPU(b, cpu)
	if sum != b.N {
		b.Fatalf("sum %d", sum)
	}
}

// BenchmarkThreadExecutorRoundTrip submits one task and waits for it,
// b.N times: the latency of a single hand-off.
func BenchmarkThreadExecutorRoundTrip(b *testing.B) {
	ex, _ := NewThreadPoolExecutor()
	defer ex.Shutdown(true, false)
	ctx := context.Background()
	task := func(context.Context) (int, error) { return 1, nil }
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		f, _ := Submit(ex, task)
		f.Result(ctx)
	}
	reportCPU(b, cpu)
}

// BenchmarkGoroutinesWaitGroup is the comparison point: one goroutine per
// trivial task, joined with a WaitGroup.
func BenchmarkGoroutinesWaitGroup(b *testing.B) {
	results := make([]int, b.N)
	var wg sync.WaitGroup
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = 1
		}()
	}
	wg.Wait()
	b.StopTimer()
	reportCPU(b, cpu)
}
