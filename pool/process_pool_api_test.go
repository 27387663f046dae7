package pool

import (
	"context"
	"errors"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

func newTestPool(t *testing.T, opts ...Option) *Pool {
	t.Helper()
	p, err := NewPool(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Terminate(); p.Join() })
	return p
}

func seqInts(n int) []wire.Value {
	xs := make([]wire.Value, n)
	for i := range xs {
		xs[i] = int64(i)
	}
	return xs
}

func TestProcessPoolAPI(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(2))
	got, err := p.Map(tfSquare, seqInts(1000), 0)
	if err != nil || len(got) != 1000 {
		t.Fatalf("map: %d results, %v", len(got), err)
	}
	for i, v := range got {
		if v != int64(i*i) {
			t.Fatalf("map: item %d = %v", i, v)
		}
	}
	got, err = p.Starmap(tfAdd, [][]wire.Value{{int64(1), int64(2)}, {int64(3), int64(4)}}, 1)
	if err != nil || !slices.Equal(got, wire.List{int64(3), int64(7)}) {
		t.Fatalf("starmap: %v, %v", got, err)
	}
	it, err := p.Imap(tfSquare, Values(seqInts(50)), 4)
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for v, err := range it.All() {
		if err != nil || v != int64(i*i) {
			t.Fatalf("imap: item %d = %v, %v", i, v, err)
		}
		i++
	}
	if i != 50 {
		t.Fatalf("imap: %d items, want 50", i)
	}
	r, err := p.ApplyAsync(tfName, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := r.Get(30 * time.Second); err != nil || !strings.HasPrefix(v.(string), "SpawnPoolWorker-") {
		t.Fatalf("worker name: %v, %v", v, err)
	}
	if _, err := p.Apply(CallableFunc(func(_ context.Context, _ []wire.Value, _ []wire.KV) (wire.Value, error) { return nil, nil }), nil, nil); err == nil {
		t.Fatal("a process Pool accepted a function that is not a Remote")
	}
	p.Close()
	if err := p.Join(); err != nil {
		t.Fatal(err)
	}
}

func TestProcessPoolWorkerKilled(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(2))
	pid, err := p.Apply(tfPID, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Occupy both workers, so that the first sleep is known to run in pid's worker... or the other:
	// kill every worker that is sleeping.
	var rs []*AsyncResult
	for i := 0; i < 2; i++ {
		r, err := p.ApplyAsync(tfSleep, []wire.Value{int64(20000)}, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	time.Sleep(100 * time.Millisecond)
	b := p.b.(*processBackend)
	pids := b.pids()
	if !slices.Contains(pids, int(pid.(int64))) {
		t.Fatalf("worker %v not among %v", pid, pids)
	}
	for _, pid := range pids {
		syscall.Kill(pid, syscall.SIGKILL)
	}
	for _, r := range rs {
		_, err := r.Get(30 * time.Second)
		var lost *WorkerLostError
		if !errors.As(err, &lost) || err.Error() != "Worker exited prematurely: signal 9 (SIGKILL)" {
			t.Fatalf("result of a killed worker: %v", err)
		}
	}
	// The pool goes on with new workers.
	got, err := p.Map(tfSquare, seqInts(20), 3)
	if err != nil || len(got) != 20 || got[19] != int64(361) {
		t.Fatalf("map after the deaths: %v, %v", got, err)
	}
	for _, pid := range b.pids() {
		if slices.Contains(pids, pid) {
			t.Fatalf("killed worker %d still listed", pid)
		}
	}
}

func TestProcessPoolMaxTasksPerChild(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(1), MaxTasksPerChild(1))
	seen := map[int64]bool{}
	for i := 0; i < 3; i++ {
		v, err := p.Apply(tfPID, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		seen[v.(int64)] = true
	}
	if len(seen) != 3 {
		t.Fatalf("3 tasks with maxtasksperchild=1 ran in %d workers, want 3", len(seen))
	}
}

func TestProcessPoolInitializerFails(t *testing.T) {
	p := newTestPool(t, Workers(1), Initializer(tfInitFail, "nope"))
	_, err := p.Apply(tfSquare, []wire.Value{int64(1)}, nil)
	var broken *BrokenPoolError
	if !errors.As(err, &broken) {
		t.Fatalf("apply on a pool whose initializer fails: %v", err)
	}
	_, err = p.Map(tfSquare, seqInts(10), 0)
	if !errors.As(err, &broken) {
		t.Fatalf("map on a broken pool: %v", err)
	}
}

// A slow task must not hold back a queued one while another worker idles.
func TestProcessPoolNoTaskStuckBehindSlowOne(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(2))
	slow, err := p.ApplyAsync(tfSleep, []wire.Value{int64(20000)}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	quick, err := p.ApplyAsync(tfSleep, []wire.Value{int64(10)}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	third, err := p.ApplyAsync(tfPID, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := quick.Get(15 * time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := third.Get(15 * time.Second); err != nil {
		t.Fatalf("a task queued behind a 20s task while a worker was free: %v", err)
	}
	if slow.Ready() {
		t.Fatal("test broken: the slow task finished first")
	}
}
