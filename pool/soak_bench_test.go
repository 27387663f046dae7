package pool

import (
	"bytes"
	"fmt"
	"iter"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

var tfInc = Register("test.inc", func(x int64) int64 { return x + 1 })

// lazyInts yields 0, 1, …, n-1 one at a time, as a Python range or
// generator feeds imap: the input is never a slice.
func lazyInts(n int) iter.Seq2[wire.Value, error] {
	return func(yield func(wire.Value, error) bool) {
		for i := range n {
			if !yield(int64(i), nil) {
				return
			}
		}
	}
}

// memWatch samples the main process's live heap while a soak runs and
// reads its peak resident set (VmHWM, reset first through clear_refs).
type memWatch struct {
	peakHeap atomic.Uint64
	stop     chan struct{}
	done     chan struct{}
}

func watchMemory() *memWatch {
	runtime.GC()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // resets VmHWM (Linux)
	w := &memWatch{stop: make(chan struct{}), done: make(chan struct{})}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(w.done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > w.peakHeap.Load() {
				w.peakHeap.Store(v)
			}
			select {
			case <-w.stop:
				return
			case <-t.C:
			}
		}
	}()
	return w
}

// report stops the watch and reports the peak heap and peak RSS in MB.
func (w *memWatch) report(b *testing.B) {
	close(w.stop)
	<-w.done
	b.ReportMetric(float64(w.peakHeap.Load())/1e6, "peak-heap-MB")
	if rss := vmHWM(); rss > 0 {
		b.ReportMetric(float64(rss)/1e6, "peak-RSS-MB")
	}
}

// vmHWM is the process's peak resident set in bytes, or 0 where /proc is
// not available.
func vmHWM() int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(status, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			kb, err := strconv.ParseInt(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(rest), []byte("kB")))), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// BenchmarkSoakImapUnordered is issue 14's item 6 in Go:
// sum(p.imap_unordered(inc, range(n), chunksize=1000)) on two worker
// processes. The main process's peak heap and RSS must not grow with n
// (run with -benchtime=1x; CPython 3.11 peaks at 19 MB for n = 4M).
func BenchmarkSoakImapUnordered(b *testing.B) {
	soakBench(b, 1000, 0, "items/s", 400_000, 4_000_000)
}

// BenchmarkSoakImapSlowReader is BenchmarkSoakImapUnordered with a reader
// slower than the workers (about 1µs per item, as an interpreter's loop
// body): the workers are held back instead of the results piling up.
func BenchmarkSoakImapSlowReader(b *testing.B) {
	soakBench(b, 1000, time.Microsecond, "items/s", 200_000, 2_000_000)
}

// BenchmarkSoak1MTasks: a million tasks (imap_unordered, chunksize 1) on
// two worker processes; every result is accounted for, and the main
// process's memory stays flat (compare n=100000). Run with -benchtime=1x.
func BenchmarkSoak1MTasks(b *testing.B) {
	soakBench(b, 1, 0, "tasks/s", 100_000, 1_000_000)
}

// BenchmarkSoakMap1MTasks: Pool.map over range(n) with chunksize 1 on two
// worker processes: the result list is n values, but the jobs in flight
// must not be (run with -benchtime=1x; compare n=100000).
func BenchmarkSoakMap1MTasks(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			p, err := NewPool(Workers(2))
			if err != nil {
				b.Fatal(err)
			}
			defer func() { p.Terminate(); p.Join() }()
			b.ResetTimer()
			w := watchMemory()
			for range b.N {
				r, err := p.MapRangeAsync(tfInc, 0, 1, n, 1, nil, nil)
				if err != nil {
					b.Fatal(err)
				}
				v, err := r.Get(NoTimeout)
				if err != nil || len(v.(wire.List)) != n || v.(wire.List)[n-1] != int64(n) {
					b.Fatalf("map: %v", err)
				}
			}
			b.StopTimer()
			w.report(b)
			b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "tasks/s")
		})
	}
}

// soakBench runs imap_unordered(inc, range(n), chunksize) for each n as a
// sub-benchmark, spending readCost per result read, and reports the main
// process's peak heap and RSS and the rate in unit.
func soakBench(b *testing.B, chunksize int, readCost time.Duration, unit string, sizes ...int) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			p, err := NewPool(Workers(2))
			if err != nil {
				b.Fatal(err)
			}
			defer func() { p.Terminate(); p.Join() }()
			if _, err := p.Apply(tfInc, []wire.Value{int64(0)}, nil); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			w := watchMemory()
			for range b.N {
				it, err := p.ImapUnordered(tfInc, lazyInts(n), chunksize)
				if err != nil {
					b.Fatal(err)
				}
				// Every result arrives exactly once: n of them, summing to
				// n(n+1)/2.
				sum, count, err := sumResults(it, readCost)
				if want := int64(n) * int64(n+1) / 2; err != nil || count != int64(n) || sum != want {
					b.Fatalf("%d results summing to %d (%v); want %d summing to %d", count, sum, err, n, want)
				}
			}
			b.StopTimer()
			w.report(b)
			b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), unit)
		})
	}
}

// sumResults adds up an iterator's int results, spending readCost (busy)
// on each; the first error stops it.
func sumResults(it *IMapIterator, readCost time.Duration) (sum, count int64, err error) {
	for v, err := range it.All() {
		if err != nil {
			return sum, count, err
		}
		if readCost > 0 {
			for start := time.Now(); time.Since(start) < readCost; {
			}
		}
		sum += v.(int64)
		count++
	}
	return sum, count, nil
}
