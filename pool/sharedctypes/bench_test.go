package sharedctypes_test

import (
	"testing"
	"time"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/sharedctypes"
	"github.com/pypool/pypool/pool/synchronize"
	"github.com/pypool/pypool/pool/wire"
)

// BenchmarkValueIncrementTwoProcesses: `with v.get_lock(): v.value += 1`,
// half the increments in a worker process, half here, at the same time
// (CPython: value_increments in pyscripts/bench/sync_primitives.py).
func BenchmarkValueIncrementTwoProcesses(b *testing.B) {
	p, err := pool.NewPool(pool.Workers(1))
	if err != nil {
		b.Fatal(err)
	}
	defer p.Join()
	defer p.Terminate()
	if _, err := p.Apply(xIncrement, []wire.Value{wire.List{"", "i", int64(-1)}, "", 0}, nil); err == nil {
		b.Fatal("a worker opened a nameless value")
	} // the worker is up
	v, err := sharedctypes.Value("i", nil)
	if err != nil {
		b.Fatal(err)
	}
	lock := v.GetLock().(*synchronize.SemLock)
	half := b.N / 2
	b.ResetTimer()
	r, err := p.ApplyAsync(xIncrement, []wire.Value{stateList(v.GetObj().State()), lock.Name(), half}, nil, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := increments(v, b.N-half); err != nil {
		b.Fatal(err)
	}
	if _, err := r.Get(60 * time.Second); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if got, _ := v.Get(bg, 0); got != int64(int32(b.N)) {
		b.Fatalf("value %v after %d increments", got, b.N)
	}
}
