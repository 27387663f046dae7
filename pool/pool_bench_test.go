package pool

import (
	"context"
	"testing"

	"github.com/pypool/pypool/pool/wire"
)

var benchIdent = CallableFunc(func(_ context.Context, args []wire.Value, _ []wire.KV) (wire.Value, error) {
	return args[0], nil
})

// BenchmarkThreadPoolMap maps a trivial function over b.N items with
// CPython's default chunksize: ns/op is the cost per item.
func BenchmarkThreadPoolMap(b *testing.B) {
	p, err := NewThreadPool()
	if err != nil {
		b.Fatal(err)
	}
	defer func() { p.Close(); p.Join() }()
	items := make([]wire.Value, b.N)
	for i := range items {
		items[i] = int64(i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	out, err := p.Map(benchIdent, items, 0)
	b.StopTimer()
	reportCPU(b, cpu)
	if err != nil || len(out) != b.N {
		b.Fatal(err)
	}
}

// BenchmarkThreadPoolApplyAsync submits b.N trivial apply_async calls, then
// waits for every result: ns/op is the cost per call.
func BenchmarkThreadPoolApplyAsync(b *testing.B) {
	p, err := NewThreadPool()
	if err != nil {
		b.Fatal(err)
	}
	defer func() { p.Close(); p.Join() }()
	args := []wire.Value{int64(1)}
	rs := make([]*AsyncResult, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := range rs {
		rs[i], err = p.ApplyAsync(benchIdent, args, nil, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	for _, r := range rs {
		if _, err := r.Get(NoTimeout); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportCPU(b, cpu)
}
