package pool

import (
	"context"
	"sync"
	"testing"
)

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
	for b.Loop() {
		f, _ := Submit(ex, task)
		f.Result(ctx)
	}
}

// BenchmarkGoroutinesWaitGroup is the comparison point: one goroutine per
// trivial task, joined with a WaitGroup.
func BenchmarkGoroutinesWaitGroup(b *testing.B) {
	results := make([]int, b.N)
	var wg sync.WaitGroup
	b.ReportAllocs()
	b.ResetTimer()
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = 1
		}()
	}
	wg.Wait()
}
