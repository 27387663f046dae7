package multiprocessing

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// BenchmarkMapParentSide is the parent's share of Pool.map(f, range(200000))
// beside the pipes: the items made wire values, and the results (as the
// wire decoder gives them) made a Python list. ns/op is per item.
func BenchmarkMapParentSide(b *testing.B) {
	interp := pyrt.NewInterp(pyrt.Options{})
	const n = 200000
	r, err := py.RangeNew(py.RangeType, py.Tuple{py.Int(n)}, nil)
	if err != nil {
		b.Fatal(err)
	}
	p := &pyPool{it: interp}
	var buf []byte
	{
		items, _ := p.values(r)
		sq := make(wire.List, len(items))
		for i, x := range items {
			sq[i] = x.(int64) * x.(int64)
		}
		if buf, err = wire.EncodeValue(sq); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i += n {
		if _, err := p.values(r); err != nil {
			b.Fatal(err)
		}
		res, err := wire.DecodeValue(buf)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.result(res); err != nil {
			b.Fatal(err)
		}
	}
}
