package pool

import (
	"testing"

	"github.com/pypool/pypool/pool/wire"
)

var tfIdent = Register("test.ident", func(x int64) int64 { return x })

// BenchmarkProcessExecutorRoundTrip: one call at a time, submit then wait
// for the result (latency of a round trip through a worker process).
func BenchmarkProcessExecutorRoundTrip(b *testing.B) {
	ex, err := NewProcessPoolExecutor(Workers(1))
	if err != nil {
		b.Fatal(err)
	}
	defer ex.Shutdown(true, false)
	warm, _ := ex.SubmitCall(tfIdent, []wire.Value{int64(0)}, nil)
	warm.ResultTimeout(NoTimeout)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := ex.SubmitCall(tfIdent, []wire.Value{int64(i)}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.ResultTimeout(NoTimeout); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tasks/s")
}

// BenchmarkProcessExecutorThroughput: submit many calls, then collect them
// (the default number of workers).
func BenchmarkProcessExecutorThroughput(b *testing.B) {
	ex, err := NewProcessPoolExecutor()
	if err != nil {
		b.Fatal(err)
	}
	defer ex.Shutdown(true, false)
	warm, _ := ex.SubmitCall(tfIdent, []wire.Value{int64(0)}, nil)
	warm.ResultTimeout(NoTimeout)
	b.ResetTimer()
	const batch = 1000
	fs := make([]*Future[wire.Value], 0, batch)
	for done := 0; done < b.N; {
		n := min(batch, b.N-done)
		fs = fs[:0]
		for i := 0; i < n; i++ {
			f, err := ex.SubmitCall(tfIdent, []wire.Value{int64(i)}, nil)
			if err != nil {
				b.Fatal(err)
			}
			fs = append(fs, f)
		}
		for _, f := range fs {
			if _, err := f.ResultTimeout(NoTimeout); err != nil {
				b.Fatal(err)
			}
		}
		done += n
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tasks/s")
}

// BenchmarkProcessPoolMap: Pool.map of 200k small ints with CPython's
// default chunksize, on the default number of workers (items/s).
func BenchmarkProcessPoolMap(b *testing.B) {
	p, err := NewPool()
	if err != nil {
		b.Fatal(err)
	}
	defer func() { p.Terminate(); p.Join() }()
	const n = 200000
	items := make([]wire.Value, n)
	for i := range items {
		items[i] = int64(i)
	}
	if _, err := p.Map(tfIdent, items[:100], 0); err != nil { // warm up the workers
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := p.Map(tfIdent, items, 0)
		if err != nil || len(out) != n {
			b.Fatal(len(out), err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkProcessPoolApplyAsync: Pool.apply_async then get, one call at a
// time (tasks/s).
func BenchmarkProcessPoolApplyAsync(b *testing.B) {
	p, err := NewPool()
	if err != nil {
		b.Fatal(err)
	}
	defer func() { p.Terminate(); p.Join() }()
	if _, err := p.Apply(tfIdent, []wire.Value{int64(0)}, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := p.ApplyAsync(tfIdent, []wire.Value{int64(i)}, nil, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Get(NoTimeout); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tasks/s")
}

// BenchmarkProcessPoolApplyAsyncBatch: 1000 apply_async calls, then their
// results (tasks/s).
func BenchmarkProcessPoolApplyAsyncBatch(b *testing.B) {
	p, err := NewPool()
	if err != nil {
		b.Fatal(err)
	}
	defer func() { p.Terminate(); p.Join() }()
	if _, err := p.Apply(tfIdent, []wire.Value{int64(0)}, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	rs := make([]*AsyncResult, 0, 1000)
	for done := 0; done < b.N; {
		n := min(1000, b.N-done)
		rs = rs[:0]
		for i := 0; i < n; i++ {
			r, err := p.ApplyAsync(tfIdent, []wire.Value{int64(i)}, nil, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			rs = append(rs, r)
		}
		for _, r := range rs {
			if _, err := r.Get(NoTimeout); err != nil {
				b.Fatal(err)
			}
		}
		done += n
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tasks/s")
}
