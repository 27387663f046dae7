package pool

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

func newTestBackend(t *testing.T, cfg backendConfig) *processBackend {
	t.Helper()
	b, err := newProcessBackend(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pb := b.(*processBackend)
	t.Cleanup(func() { pb.terminate(); pb.join() })
	return pb
}

func runJob(b backend, fn Callable, mode wire.Mode, args ...wire.Value) <-chan groupResult {
	ch := make(chan groupResult, 1)
	b.submit(&job{fn: fn, mode: mode, args: args, done: func(v wire.Value, err error) { ch <- groupResult{v, err} }})
	return ch
}

func TestProcessBackendRoundTrip(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t, backendConfig{workers: 2})
	call := runJob(b, tfAdd, wire.ModeCall, int64(2), int64(3))
	mapped := runJob(b, tfSquare, wire.ModeMap, int64(1), int64(2), int64(3))
	starred := runJob(b, tfAdd, wire.ModeStarmap, wire.Tuple{int64(1), int64(2)}, wire.Tuple{int64(10), int64(20)})
	name := runJob(b, tfName, wire.ModeCall)
	if r := await(t, call); r.err != nil || r.v != int64(5) {
		t.Fatalf("call: %v, %v", r.v, r.err)
	}
	if r := await(t, mapped); r.err != nil || !slices.Equal(r.v.(wire.List), wire.List{int64(1), int64(4), int64(9)}) {
		t.Fatalf("map chunk: %v, %v", r.v, r.err)
	}
	if r := await(t, starred); r.err != nil || !slices.Equal(r.v.(wire.List), wire.List{int64(3), int64(30)}) {
		t.Fatalf("starmap chunk: %v, %v", r.v, r.err)
	}
	if r := await(t, name); r.err != nil || !strings.HasPrefix(r.v.(string), "SpawnPoolWorker-") {
		t.Fatalf("worker name: %v, %v", r.v, r.err)
	}
	// A chunk fails with its first item's error.
	bad := runJob(b, tfSquare, wire.ModeMap, int64(1), "two", int64(3))
	var exc *wire.Exception
	if r := await(t, bad); !errors.As(r.err, &exc) || exc.Type != "TypeError" {
		t.Fatalf("bad chunk: %v, %v", r.v, r.err)
	}
	// A panicking task is an error; the worker lives on.
	if r := await(t, runJob(b, tfPanic, wire.ModeCall)); !errors.As(r.err, &exc) || !strings.Contains(exc.Message, "kaboom") {
		t.Fatalf("panic: %v, %v", r.v, r.err)
	}
	before := b.pids()
	if r := await(t, runJob(b, tfSquare, wire.ModeCall, int64(4))); r.err != nil || r.v != int64(16) {
		t.Fatalf("after panic: %v, %v", r.v, r.err)
	}
	if after := b.pids(); !slices.Equal(before, after) {
		t.Fatalf("workers changed after a panicking task: %v → %v", before, after)
	}
	b.close()
	b.join()
}

func TestProcessBackendWorkerKilled(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t, backendConfig{workers: 1})
	r := await(t, runJob(b, tfPID, wire.ModeCall))
	if r.err != nil {
		t.Fatal(r.err)
	}
	pid := int(r.v.(int64))
	running := runJob(b, tfSleep, wire.ModeCall, int64(20000))
	later := []<-chan groupResult{runJob(b, tfSquare, wire.ModeCall, int64(5)), runJob(b, tfSquare, wire.ModeCall, int64(6))}
	time.Sleep(50 * time.Millisecond)
	syscall.Kill(pid, syscall.SIGKILL)
	r = await(t, running)
	var lost *WorkerLostError
	if !errors.As(r.err, &lost) || lost.Signal != syscall.SIGKILL || r.err.Error() != "Worker exited prematurely: signal 9 (SIGKILL)" {
		t.Fatalf("task of a killed worker: %v, %v; want WorkerLostError naming SIGKILL", r.v, r.err)
	}
	// Tasks queued behind it, and new ones, run on the replacement.
	for i, ch := range later {
		if r := await(t, ch); r.err != nil || r.v != int64((i+5)*(i+5)) {
			t.Fatalf("queued task %d after the death: %v, %v", i, r.v, r.err)
		}
	}
	r = await(t, runJob(b, tfPID, wire.ModeCall))
	if r.err != nil || int(r.v.(int64)) == pid {
		t.Fatalf("after the death: pid %v, %v; want a new worker", r.v, r.err)
	}
	// A worker that exits by itself mid-task is reported with its code.
	r = await(t, runJob(b, tfExit, wire.ModeCall, int64(3)))
	if !errors.As(r.err, &lost) || r.err.Error() != "Worker exited prematurely: exit code 3" {
		t.Fatalf("os.Exit(3) in a task: %v", r.err)
	}
	if r := await(t, runJob(b, tfSquare, wire.ModeCall, int64(7))); r.err != nil || r.v != int64(49) {
		t.Fatalf("after exit: %v, %v", r.v, r.err)
	}
}

func TestProcessBackendGarbageFrame(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t, backendConfig{workers: 1})
	r := await(t, runJob(b, tfGarbage, wire.ModeCall))
	var lost *WorkerLostError
	if !errors.As(r.err, &lost) || lost.Cause == nil || !strings.Contains(r.err.Error(), "malformed frame") {
		t.Fatalf("garbage frame: %v; want a WorkerLostError naming a malformed frame", r.err)
	}
	if testing.Verbose() {
		t.Log(r.err)
	}
	if r := await(t, runJob(b, tfSquare, wire.ModeCall, int64(8))); r.err != nil || r.v != int64(64) {
		t.Fatalf("after a garbage frame: %v, %v", r.v, r.err)
	}
}

func TestProcessBackendMaxTasksPerChild(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t, backendConfig{workers: 1, maxTasksPerChild: 2})
	var pids []int64
	for i := 0; i < 6; i++ {
		r := await(t, runJob(b, tfPID, wire.ModeCall))
		if r.err != nil {
			t.Fatal(r.err)
		}
		pids = append(pids, r.v.(int64))
	}
	if pids[0] != pids[1] || pids[2] != pids[3] || pids[4] != pids[5] ||
		pids[0] == pids[2] || pids[2] == pids[4] || pids[0] == pids[4] {
		t.Fatalf("pids %v: want a new worker every 2 tasks", pids)
	}
}

func TestProcessBackendInitializer(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t, backendConfig{workers: 2, initializer: tfInitSet, initargs: []wire.Value{"set by init"}})
	for i := 0; i < 3; i++ {
		if r := await(t, runJob(b, tfInitGet, wire.ModeCall)); r.err != nil || r.v != "set by init" {
			t.Fatalf("initializer's global: %v, %v", r.v, r.err)
		}
	}
}

func TestProcessBackendInitializerFails(t *testing.T) {
	// Capture the workers' stderr.
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = f
	b, err := newProcessBackend(backendConfig{workers: 1, initializer: tfInitFail, initargs: []wire.Value{"no"}})
	os.Stderr = saved
	if err != nil {
		t.Fatal(err)
	}
	pb := b.(*processBackend)
	defer func() { pb.terminate(); pb.join() }()
	pending := runJob(b, tfSquare, wire.ModeCall, int64(2))
	r := await(t, pending)
	var broken *BrokenPoolError
	if !errors.As(r.err, &broken) || !strings.Contains(r.err.Error(), "initializer refused: no") || broken.Deaths != 3 {
		t.Fatalf("pending task of a pool whose initializer fails: %v; want a BrokenPoolError after 3 deaths naming the initializer error", r.err)
	}
	r = await(t, runJob(b, tfSquare, wire.ModeCall, int64(2)))
	if !errors.As(r.err, &broken) {
		t.Fatalf("new task of a broken pool: %v", r.err)
	}
	pb.join() // every worker is gone
	out, _ := os.ReadFile(f.Name())
	text := string(out)
	if n := strings.Count(text, "RuntimeError: initializer refused: no\n"); n != 3 {
		t.Fatalf("workers' stderr has the initializer's error %d times, want 3:\n%s", n, text)
	}
	if !strings.HasPrefix(text, "Process SpawnPoolWorker-") {
		t.Fatalf("workers' stderr does not start as CPython's does (Process SpawnPoolWorker-N:):\n%s", text)
	}
}

func TestProcessBackendTerminate(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t, backendConfig{workers: 1})
	running := runJob(b, tfSleep, wire.ModeCall, int64(20000))
	queued := runJob(b, tfSquare, wire.ModeCall, int64(2))
	time.Sleep(20 * time.Millisecond)
	b.terminate()
	for _, ch := range []<-chan groupResult{running, queued} {
		if r := await(t, ch); r.err != ErrTerminated {
			t.Fatalf("after terminate: %v, %v; want ErrTerminated", r.v, r.err)
		}
	}
	done := make(chan struct{})
	go func() { b.join(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("join after terminate hangs")
	}
}

// Hostile frames from a worker end it with a clear error; the pool goes on.
func TestProcessBackendHostileFrames(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t, backendConfig{workers: 1})
	result := func(id byte) []byte { // a valid result frame: [4, id, nil, nil]
		return []byte{0, 0, 0, 5, 0x94, 0x04, id, 0xc0, 0xc0}
	}
	for _, c := range []struct {
		name  string
		bytes []byte
		want  string
	}{
		{"oversized", []byte{0x7f, 0xff, 0xff, 0xff, 0x00}, "exceeds the frame limit"},
		{"unknown kind", []byte{0, 0, 0, 2, 0x91, 0x63}, "malformed frame"},
		{"empty", []byte{0, 0, 0, 0}, "malformed frame"},
		{"dd ff ff ff ff", []byte{0, 0, 0, 7, 0x92, 0x04, 0xdd, 0xff, 0xff, 0xff, 0xff}, "malformed frame"},
		{"result for another task", result(99), "which it does not hold"},
	} {
		r := await(t, runJob(b, tfRaw, wire.ModeCall, c.bytes))
		var lost *WorkerLostError
		if !errors.As(r.err, &lost) || lost.Cause == nil || !strings.Contains(r.err.Error(), c.want) {
			t.Errorf("%s: %v; want a WorkerLostError mentioning %q", c.name, r.err, c.want)
		}
		// A task that completes keeps the pool from counting the deaths as a
		// broken pool (three in a row before any task finishes).
		if r := await(t, runJob(b, tfSquare, wire.ModeCall, int64(2))); r.err != nil {
			t.Fatalf("after %s: %v", c.name, r.err)
		}
	}
	if r := await(t, runJob(b, tfSquare, wire.ModeCall, int64(3))); r.err != nil || r.v != int64(9) {
		t.Fatalf("after hostile frames: %v, %v", r.v, r.err)
	}
}

// A task's output goes straight to the parent's stdout (inherited), as in CPython.
func TestProcessWorkerStdoutInherited(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = f
	b, err := newProcessBackend(backendConfig{workers: 1})
	os.Stdout = saved
	if err != nil {
		t.Fatal(err)
	}
	pb := b.(*processBackend)
	if r := await(t, runJob(b, tfPrint, wire.ModeCall, "printed by a worker")); r.err != nil {
		t.Fatal(r.err)
	}
	pb.close()
	pb.join()
	out, _ := os.ReadFile(f.Name())
	if string(out) != "printed by a worker\n" {
		t.Fatalf("stdout got %q", out)
	}
}

// A runtime whose factory fails: each task naming it fails with the
// factory's error, and the factory runs once per worker.
var badRuntimeCalls = Register("test.badruntimecalls", func() int { return int(badRuntimeFactoryCalls.Load()) })

var badRuntimeFactoryCalls atomic.Int64

func init() {
	RegisterRuntime("test-broken", func() (Runtime, error) {
		badRuntimeFactoryCalls.Add(1)
		return nil, errors.New("no interpreter here")
	})
}

type brokenRuntimeFn struct{ name string }

func (f *brokenRuntimeFn) Call(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
	return nil, errors.New("in-process calls are not supported")
}
func (f *brokenRuntimeFn) Definition() (string, wire.Value, error) { return "test-broken", f.name, nil }

func TestProcessRuntimeFactoryFails(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t, backendConfig{workers: 1})
	for _, fn := range []Remote{&brokenRuntimeFn{"a"}, &brokenRuntimeFn{"b"}} {
		r := await(t, runJob(b, fn, wire.ModeCall))
		if r.err == nil || !strings.Contains(r.err.Error(), `starting the "test-broken" runtime: no interpreter here`) {
			t.Fatalf("task of a runtime that cannot start: %v", r.err)
		}
	}
	if r := await(t, runJob(b, badRuntimeCalls, wire.ModeCall)); r.err != nil || r.v != int64(1) {
		t.Fatalf("the factory ran %v times in the worker (%v), want 1", r.v, r.err)
	}
	// An unknown runtime is named.
	r := await(t, runJob(b, &unknownRuntimeFn{}, wire.ModeCall))
	if r.err == nil || !strings.Contains(r.err.Error(), `no runtime "nope"`) {
		t.Fatalf("task of an unknown runtime: %v", r.err)
	}
}

type unknownRuntimeFn struct{}

func (*unknownRuntimeFn) Call(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
	return nil, nil
}
func (*unknownRuntimeFn) Definition() (string, wire.Value, error) { return "nope", nil, nil }
