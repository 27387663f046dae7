package synchronize_test

import (
	"testing"
	"time"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/synchronize"
)

// Compare with pyscripts/bench/sync_primitives.py (CPython doing the same).

// BenchmarkLockUncontended: acquire+release of a free Lock (CPython:
// lock_uncontended).
func BenchmarkLockUncontended(b *testing.B) {
	l, err := synchronize.NewLock()
	if err != nil {
		b.Fatal(err)
	}
	defer l.Unlink()
	for b.Loop() {
		l.Acquire(bg, true, synchronize.NoTimeout)
		l.Release(bg)
	}
}

// BenchmarkRLockUncontended: the same through an RLock with a thread id in
// the context (what the bridge passes).
func BenchmarkRLockUncontended(b *testing.B) {
	r, err := synchronize.NewRLock()
	if err != nil {
		b.Fatal(err)
	}
	defer r.Unlink()
	ctx := synchronize.WithThread(bg, 1)
	for b.Loop() {
		r.Acquire(ctx, true, synchronize.NoTimeout)
		r.Release(ctx)
	}
}

// BenchmarkEventPingPong: one round trip with a worker process over two
// Events: set, wait, clear on each side (CPython: event_pingpong).
func BenchmarkEventPingPong(b *testing.B) {
	p, err := pool.NewPool(pool.Workers(1))
	if err != nil {
		b.Fatal(err)
	}
	defer p.Join()
	defer p.Terminate()
	ping, _ := synchronize.NewEvent()
	pong, _ := synchronize.NewEvent()
	r, err := p.ApplyAsync(xPingPong, []any{eventNames(ping), eventNames(pong), b.N + 1}, nil, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	round := func() {
		ping.Set(bg)
		if ok, err := pong.Wait(bg, 10*time.Second); !ok || err != nil {
			b.Fatal("no pong", err)
		}
		pong.Clear(bg)
	}
	round() // the worker has started and opened the events
	b.ResetTimer()
	for range b.N {
		round()
	}
	b.StopTimer()
	if _, err := r.Get(30 * time.Second); err != nil {
		b.Fatal(err)
	}
}
