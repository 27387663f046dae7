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
