package pool

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

func newTestExecutor(t *testing.T, opts ...Option) *ProcessPoolExecutor {
	t.Helper()
	ex, err := NewProcessPoolExecutor(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ex.Shutdown(true, true) })
	return ex
}

func result(t *testing.T, f *Future[wire.Value]) (wire.Value, error) {
	t.Helper()
	return f.ResultTimeout(30 * time.Second)
}

func mustSubmit(t *testing.T, ex *ProcessPoolExecutor, fn Callable, args ...wire.Value) *Future[wire.Value] {
	t.Helper()
	f, err := ex.SubmitCall(fn, args, nil)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	return f
}

func TestProcessExecutorRoundTrip(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(2))
	var fs []*Future[wire.Value]
	for i := 0; i < 100; i++ {
		fs = append(fs, mustSubmit(t, ex, tfAdd, int64(i), int64(1000)))
	}
	for i, f := range fs {
		v, err := result(t, f)
		if err != nil || v != int64(i+1000) {
			t.Fatalf("add(%d, 1000) = %v, %v", i, v, err)
		}
	}
	v, err := result(t, mustSubmit(t, ex, tfName))
	if err != nil || !strings.HasPrefix(v.(string), "SpawnProcess-") {
		t.Fatalf("worker name = %v, %v; want SpawnProcess-N", v, err)
	}
	// Errors and wrong arguments come back as exceptions.
	_, err = result(t, mustSubmit(t, ex, tfFail, "no luck"))
	var exc *wire.Exception
	if !errors.As(err, &exc) || exc.Message != "no luck" {
		t.Fatalf("fail: err = %#v, want an exception with message %q", err, "no luck")
	}
	_, err = result(t, mustSubmit(t, ex, tfSquare, "seven"))
	if !errors.As(err, &exc) || exc.Type != "TypeError" || !strings.Contains(exc.Message, "argument 1") {
		t.Fatalf("square('seven'): err = %v, want a TypeError naming argument 1", err)
	}
}

func TestProcessExecutorMap(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(2))
	var calls [][]wire.Value
	for i := 0; i < 103; i++ {
		calls = append(calls, []wire.Value{int64(i), int64(-2 * i)})
	}
	for _, cs := range []int{1, 7, 200} {
		seq, err := ex.MapCall(tfAdd, calls, NoTimeout, cs)
		if err != nil {
			t.Fatal(err)
		}
		i := 0
		for v, err := range seq {
			if err != nil || v != int64(-i) {
				t.Fatalf("chunksize %d: item %d = %v, %v", cs, i, v, err)
			}
			i++
		}
		if i != len(calls) {
			t.Fatalf("chunksize %d: %d results, want %d", cs, i, len(calls))
		}
	}
	if _, err := ex.MapCall(tfAdd, calls, NoTimeout, 0); err == nil || err.Error() != "chunksize must be >= 1." {
		t.Fatalf("chunksize 0: err = %v", err)
	}
	// A timeout ends the iteration with a *TimeoutError.
	seq, err := ex.MapCall(tfSleep, [][]wire.Value{{int64(400)}}, 50*time.Millisecond, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range seq {
		var te *TimeoutError
		if !errors.As(err, &te) {
			t.Fatalf("map with timeout: err = %v, want a TimeoutError", err)
		}
	}
}

func TestProcessExecutorShutdown(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(1))
	slow := mustSubmit(t, ex, tfSleep, int64(300))
	var queued []*Future[wire.Value]
	for i := 0; i < 5; i++ {
		queued = append(queued, mustSubmit(t, ex, tfSquare, int64(i)))
	}
	ex.Shutdown(true, true)
	if _, err := result(t, slow); err != nil {
		t.Fatalf("the running call failed: %v", err)
	}
	cancelled := 0
	for _, f := range queued {
		if f.Cancelled() {
			cancelled++
		} else if !f.Done() {
			t.Fatalf("future %v neither cancelled nor done after Shutdown(wait)", f)
		}
	}
	if cancelled == 0 {
		t.Fatal("Shutdown(cancelFutures) cancelled nothing")
	}
	if _, err := ex.SubmitCall(tfSquare, []wire.Value{int64(1)}, nil); err == nil || err.Error() != "cannot schedule new futures after shutdown" {
		t.Fatalf("submit after shutdown: err = %v", err)
	}
}

func TestProcessExecutorPanic(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(1))
	_, err := result(t, mustSubmit(t, ex, tfPanic))
	var exc *wire.Exception
	if !errors.As(err, &exc) || exc.Type != "RuntimeError" || !strings.Contains(exc.Message, "kaboom") {
		t.Fatalf("panicking task: err = %v, want a RuntimeError mentioning the panic", err)
	}
	// The worker survived.
	if v, err := result(t, mustSubmit(t, ex, tfSquare, int64(9))); err != nil || v != int64(81) {
		t.Fatalf("after a panic: %v, %v", v, err)
	}
}

func TestProcessExecutorWorkerKilled(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(1))
	pid, err := result(t, mustSubmit(t, ex, tfPID))
	if err != nil {
		t.Fatal(err)
	}
	running := mustSubmit(t, ex, tfSleep, int64(20000))
	pending := mustSubmit(t, ex, tfSquare, int64(3))
	syscall.Kill(int(pid.(int64)), syscall.SIGKILL)
	for _, f := range []*Future[wire.Value]{running, pending} {
		_, err := result(t, f)
		var bpp *BrokenProcessPool
		if !errors.As(err, &bpp) || err.Error() != MsgProcessTerminated {
			t.Fatalf("future of a killed worker: err = %v, want BrokenProcessPool %q", err, MsgProcessTerminated)
		}
		var lost *WorkerLostError
		if !errors.As(err, &lost) || lost.Signal != syscall.SIGKILL {
			t.Fatalf("cause = %v, want a WorkerLostError with SIGKILL", err)
		}
	}
	_, err = ex.SubmitCall(tfSquare, []wire.Value{int64(1)}, nil)
	var bpp *BrokenProcessPool
	if !errors.As(err, &bpp) || err.Error() != MsgChildTerminated {
		t.Fatalf("submit to a broken executor: err = %v", err)
	}
}

func TestProcessExecutorInitializer(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(2), Initializer(tfInitSet, "ready"))
	for i := 0; i < 4; i++ {
		if v, err := result(t, mustSubmit(t, ex, tfInitGet)); err != nil || v != "ready" {
			t.Fatalf("initializer's global: %v, %v", v, err)
		}
	}

	bad := newTestExecutor(t, Workers(1), Initializer(tfInitFail, "nope"))
	_, err := result(t, mustSubmit(t, bad, tfSquare, int64(2)))
	var bpp *BrokenProcessPool
	if !errors.As(err, &bpp) || err.Error() != MsgProcessTerminated {
		t.Fatalf("failing initializer: err = %v", err)
	}
	var exc *wire.Exception
	if !errors.As(err, &exc) || !strings.Contains(exc.Message, "initializer refused: nope") {
		t.Fatalf("failing initializer: cause = %v, want the initializer's error", err)
	}
	if _, err := bad.SubmitCall(tfSquare, []wire.Value{int64(1)}, nil); err == nil || err.Error() != MsgChildTerminated {
		t.Fatalf("submit after a failed initializer: %v", err)
	}
}

func TestProcessExecutorGarbageFrame(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(1))
	_, err := result(t, mustSubmit(t, ex, tfGarbage))
	var lost *WorkerLostError
	if !errors.As(err, &lost) || lost.Cause == nil || !strings.Contains(err.(*BrokenProcessPool).Cause.Error(), "malformed frame") {
		t.Fatalf("garbage frame: err = %v (cause %v), want a BrokenProcessPool caused by a malformed frame", err, errors.Unwrap(err))
	}
}

func TestProcessExecutorMaxTasksPerChild(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(1), MaxTasksPerChild(2))
	var pids []int64
	for i := 0; i < 6; i++ {
		v, err := result(t, mustSubmit(t, ex, tfPID))
		if err != nil {
			t.Fatal(err)
		}
		pids = append(pids, v.(int64))
	}
	for i := 0; i < 6; i += 2 {
		if pids[i] != pids[i+1] {
			t.Fatalf("pids %v: tasks %d and %d ran in different workers", pids, i, i+1)
		}
	}
	if pids[0] == pids[2] || pids[2] == pids[4] || pids[0] == pids[4] {
		t.Fatalf("pids %v: a worker ran more than 2 tasks", pids)
	}
	if !slices.IsSorted([]int64{0}) {
		t.Fatal("unreachable")
	}
}

func TestProcessExecutorOptions(t *testing.T) {
	t.Parallel()
	if _, err := NewProcessPoolExecutor(Workers(0)); err == nil || err.Error() != "max_workers must be greater than 0" {
		t.Fatalf("Workers(0): %v", err)
	}
	if _, err := NewProcessPoolExecutor(MaxTasksPerChild(0)); err == nil || err.Error() != "max_tasks_per_child must be >= 1" {
		t.Fatalf("MaxTasksPerChild(0): %v", err)
	}
	ex := newTestExecutor(t, Workers(1))
	if _, err := ex.SubmitCall(CallableFunc(nil), nil, nil); err == nil {
		t.Fatal("a non-Remote callable was accepted")
	}
}

func TestProcessExecutorUnsendable(t *testing.T) {
	workerMaxFrame.Store(4096)
	defer workerMaxFrame.Store(0)
	ex := newTestExecutor(t, Workers(1))
	var tooLarge *wire.FrameTooLargeError
	// An argument over the frame limit fails its task only.
	_, err := result(t, mustSubmit(t, ex, tfLen, strings.Repeat("y", 10000)))
	if !errors.As(err, &tooLarge) || !strings.Contains(err.Error(), "exceeds the frame limit of 4 KiB") {
		t.Fatalf("argument over the frame limit: %v", err)
	}
	// So does a result over it, with CPython's wording of a result that could not be sent back.
	_, err = result(t, mustSubmit(t, ex, tfRepeat, int64(10000)))
	if err == nil || !strings.Contains(err.Error(), "the result could not be sent to the parent") || !strings.Contains(err.Error(), "exceeds the frame limit") {
		t.Fatalf("result over the frame limit: %v", err)
	}
	// And an argument of a type the wire cannot carry.
	_, err = result(t, mustSubmit(t, ex, tfLen, struct{ X int }{1}))
	var encErr *wire.EncodeError
	if !errors.As(err, &encErr) {
		t.Fatalf("unsendable argument: %v", err)
	}
	if v, err := result(t, mustSubmit(t, ex, tfLen, "fine")); err != nil || v != int64(4) {
		t.Fatalf("after unsendable values: %v, %v", v, err)
	}
}

func TestProcessWorkerThatDoesNotServe(t *testing.T) {
	t.Setenv(envNoServe, "1")
	ex := newTestExecutor(t, Workers(1))
	_, err := result(t, mustSubmit(t, ex, tfSquare, int64(2)))
	var bpp *BrokenProcessPool
	if !errors.As(err, &bpp) || !errors.Is(err, errNotServing) {
		t.Fatalf("a worker binary that does not serve: %v (cause %v); want BrokenProcessPool caused by errNotServing", err, errors.Unwrap(err))
	}
}

func TestProcessNumbersShared(t *testing.T) {
	t.Parallel()
	ex := newTestExecutor(t, Workers(1))
	p := newTestPool(t, Workers(1))
	n0 := NextProcessNumber()
	v1, err := result(t, mustSubmit(t, ex, tfName))
	if err != nil {
		t.Fatal(err)
	}
	v2, err := p.Apply(tfName, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	n1 := NextProcessNumber()
	var a, b int
	if _, err := fmt.Sscanf(v1.(string), "SpawnProcess-%d", &a); err != nil {
		t.Fatalf("executor worker name %q", v1)
	}
	if _, err := fmt.Sscanf(v2.(string), "SpawnPoolWorker-%d", &b); err != nil {
		t.Fatalf("pool worker name %q", v2)
	}
	if a < 1 || b < 1 || a == b || a == n0 || b == n0 || n1 <= n0 {
		t.Fatalf("numbers: executor worker %d, pool worker %d, taken %d and %d: want distinct numbers from one counter", a, b, n0, n1)
	}
}
