package pool

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

func newExec(t *testing.T, opts ...Option) *ThreadPoolExecutor {
	t.Helper()
	ex, err := NewThreadPoolExecutor(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ex.Shutdown(true, true) })
	return ex
}

func TestThreadExecutorSubmit(t *testing.T) {
	ex := newExec(t, Workers(3))
	if ex.MaxWorkers() != 3 {
		t.Fatal(ex.MaxWorkers())
	}
	var fs []*Future[int]
	for i := range 100 {
		f, err := Submit(ex, func(ctx context.Context) (int, error) { return i * i, nil })
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, f)
	}
	for i, f := range fs {
		v, err := f.Result(context.Background())
		if err != nil || v != i*i {
			t.Fatalf("%d: %v %v", i, v, err)
		}
	}
	boom := errors.New("boom")
	f, _ := Submit(ex, func(context.Context) (int, error) { return 0, boom })
	if _, err := f.ResultTimeout(NoTimeout); err != boom {
		t.Fatalf("error result: %v", err)
	}
	if !strings.Contains(f.String(), "state=finished raised errorString") {
		t.Fatalf("repr %s", f)
	}
}

func TestThreadExecutorDefaults(t *testing.T) {
	ex := newExec(t)
	if ex.MaxWorkers() != min(32, runtime.NumCPU()+4) {
		t.Fatalf("default max workers %d", ex.MaxWorkers())
	}
	for _, n := range []int{0, -1} {
		_, err := NewThreadPoolExecutor(Workers(n))
		var ve *ValueError
		if !errors.As(err, &ve) || err.Error() != "max_workers must be greater than 0" {
			t.Fatalf("Workers(%d): %v", n, err)
		}
	}
	_, err := NewThreadPoolExecutor(MaxTasksPerChild(2))
	if err == nil || err.Error() != "ThreadPoolExecutor() got an unexpected keyword argument 'max_tasks_per_child'" {
		t.Fatalf("MaxTasksPerChild on threads: %v", err)
	}
}

func TestThreadExecutorPanicBecomesError(t *testing.T) {
	ex := newExec(t, Workers(1))
	f, _ := Submit(ex, func(context.Context) (int, error) { panic("task panicked") })
	_, err := f.ResultTimeout(NoTimeout)
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Value != "task panicked" || len(pe.Stack) == 0 {
		t.Fatalf("panic: %v", err)
	}
	g, _ := ex.SubmitCall(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		var m map[string]int
		m["x"] = 1 // a runtime panic
		return nil, nil
	}), nil, nil)
	if _, err := g.ResultTimeout(NoTimeout); !errors.As(err, &pe) {
		t.Fatalf("runtime panic: %v", err)
	}
	// The worker survives.
	h, _ := Submit(ex, func(context.Context) (string, error) { return "alive", nil })
	if v, _ := h.ResultTimeout(NoTimeout); v != "alive" {
		t.Fatal("worker died")
	}
}

func TestThreadExecutorSubmitCall(t *testing.T) {
	ex := newExec(t, Workers(2))
	add := CallableFunc(func(ctx context.Context, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
		sum := args[0].(int64) + args[1].(int64)
		for _, kv := range kwargs {
			sum += kv.Value.(int64)
		}
		return sum, nil
	})
	f, err := ex.SubmitCall(add, []wire.Value{int64(1), int64(2)}, []wire.KV{{Key: "c", Value: int64(4)}})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := f.ResultTimeout(NoTimeout); v != int64(7) || err != nil {
		t.Fatalf("%v %v", v, err)
	}
	if _, err := ex.SubmitCall(nil, nil, nil); !errors.As(err, new(*TypeError)) {
		t.Fatal("nil callable accepted")
	}
	if _, err := Submit[int](ex, nil); !errors.As(err, new(*TypeError)) {
		t.Fatal("nil function accepted")
	}
	if _, err := Map[int, int](ex, nil, []int{1}, NoTimeout); !errors.As(err, new(*TypeError)) {
		t.Fatal("nil map function accepted")
	}
}

func TestThreadExecutorWorkerNames(t *testing.T) {
	// Executors are numbered from 0 in creation order; workers from 0.
	ex1 := newExec(t, Workers(2))
	ex2 := newExec(t, Workers(2))
	named := newExec(t, Workers(1), ThreadNamePrefix("io"))
	name := func(ex *ThreadPoolExecutor) string {
		f, _ := Submit(ex, func(ctx context.Context) (string, error) {
			w, ok := WorkerOf(ctx)
			if !ok || w.Kind != "ThreadPoolExecutor" {
				return "", errors.New("no worker in ctx")
			}
			return w.Name, nil
		})
		v, err := f.ResultTimeout(NoTimeout)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	n1, n2 := ex1.s.number, ex2.s.number
	if n2 != n1+1 {
		t.Fatalf("executor numbers %d %d", n1, n2)
	}
	if got := name(ex1); got != fmt.Sprintf("ThreadPoolExecutor-%d_0", n1) {
		t.Fatalf("name %q", got)
	}
	if got := name(named); got != "io_0" {
		t.Fatalf("prefixed name %q", got)
	}
	if named.s.number != -1 {
		t.Fatal("a prefixed executor took a number")
	}
	ex3 := newExec(t)
	if ex3.s.number != n2+1 {
		t.Fatalf("counter advanced for a prefixed executor: %d", ex3.s.number)
	}
	if _, ok := WorkerOf(context.Background()); ok {
		t.Fatal("WorkerOf on a plain context")
	}
}

func TestThreadExecutorWorkersOnDemand(t *testing.T) {
	// A new worker only when no idle one: sequential submits reuse one.
	var mu sync.Mutex
	var created []int
	ex := newExec(t, Workers(4), WorkerValue(func(w WorkerInfo) any {
		mu.Lock()
		created = append(created, w.Index)
		mu.Unlock()
		return fmt.Sprintf("value-%d", w.Index)
	}))
	for range 5 {
		f, _ := Submit(ex, func(ctx context.Context) (any, error) {
			w, _ := WorkerOf(ctx)
			return w.Value, nil
		})
		if v, _ := f.ResultTimeout(NoTimeout); v != "value-0" {
			t.Fatalf("value %v", v)
		}
		// let the worker count itself idle before the next submit
		waitFor(t, func() bool { return ex.s.idle.Load() > 0 })
	}
	mu.Lock()
	if fmt.Sprint(created) != "[0]" {
		t.Fatalf("workers created %v, want [0]", created)
	}
	mu.Unlock()
	// Blocked workers: each submit adds one, up to the maximum.
	release := make(chan struct{})
	var running atomic.Int32
	var fs []*Future[int]
	for range 6 {
		f, _ := Submit(ex, func(context.Context) (int, error) { running.Add(1); <-release; return 1, nil })
		fs = append(fs, f)
	}
	ex.s.mu.Lock()
	threads := ex.s.threads
	ex.s.mu.Unlock()
	if threads != 4 {
		t.Fatalf("threads %d, want 4", threads)
	}
	waitFor(t, func() bool { return running.Load() == 4 })
	close(release)
	for _, f := range fs {
		if _, err := f.ResultTimeout(NoTimeout); err != nil {
			t.Fatal(err)
		}
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestThreadExecutorShutdown(t *testing.T) {
	ex, _ := NewThreadPoolExecutor(Workers(1))
	release := make(chan struct{})
	started := make(chan struct{})
	first, _ := Submit(ex, func(context.Context) (int, error) { close(started); <-release; return 1, nil })
	<-started
	second, _ := Submit(ex, func(context.Context) (int, error) { return 2, nil })
	third, _ := Submit(ex, func(context.Context) (int, error) { return 3, nil })
	cbState := make(chan State, 1)
	third.AddDoneCallback(func(f *Future[int]) error { cbState <- f.State(); return nil })
	done := make(chan struct{})
	go func() {
		ex.Shutdown(true, true)
		close(done)
	}()
	waitFor(t, func() bool { return second.Cancelled() && third.Cancelled() })
	if st := <-cbState; st != Cancelled {
		t.Fatalf("callback saw %v", st)
	}
	select {
	case <-done:
		t.Fatal("Shutdown(wait) returned while a call was running")
	case <-time.After(5 * time.Millisecond):
	}
	if !first.Running() {
		t.Fatal("running future was cancelled")
	}
	close(release)
	<-done
	if v, err := first.ResultTimeout(0); v != 1 || err != nil {
		t.Fatalf("running call: %v %v", v, err)
	}
	if _, err := second.ResultTimeout(0); !errors.As(err, new(*CancelledError)) {
		t.Fatalf("cancelled call: %v", err)
	}
	_, err := Submit(ex, func(context.Context) (int, error) { return 0, nil })
	if err != ErrShutdown || err.Error() != "cannot schedule new futures after shutdown" {
		t.Fatalf("submit after shutdown: %v", err)
	}
	if _, err := ex.SubmitCall(CallableFunc(nil), nil, nil); err != ErrShutdown {
		t.Fatalf("SubmitCall after shutdown: %v", err)
	}
	ex.Shutdown(true, false) // again: no effect
}

func TestThreadExecutorShutdownDrains(t *testing.T) {
	// Without cancelFutures, queued calls still run.
	ex, _ := NewThreadPoolExecutor(Workers(2))
	var n atomic.Int32
	var fs []*Future[int]
	for range 50 {
		f, _ := Submit(ex, func(context.Context) (int, error) { time.Sleep(50 * time.Microsecond); n.Add(1); return 0, nil })
		fs = append(fs, f)
	}
	ex.Shutdown(true, false)
	if n.Load() != 50 {
		t.Fatalf("ran %d of 50", n.Load())
	}
	for _, f := range fs {
		if f.State() != Finished {
			t.Fatal("not finished")
		}
	}
	// Shutdown without wait returns, and the workers still finish.
	ex2, _ := NewThreadPoolExecutor(Workers(1))
	release := make(chan struct{})
	f, _ := Submit(ex2, func(context.Context) (int, error) { <-release; return 5, nil })
	ex2.Shutdown(false, false)
	close(release)
	if v, _ := f.ResultTimeout(NoTimeout); v != 5 {
		t.Fatal(v)
	}
	ex2.Shutdown(true, false)
}

func TestThreadExecutorInitializer(t *testing.T) {
	var inits atomic.Int32
	ex := newExec(t, Workers(2), Initializer(CallableFunc(func(ctx context.Context, args []wire.Value, _ []wire.KV) (wire.Value, error) {
		if len(args) != 1 || args[0] != "arg" {
			return nil, fmt.Errorf("initargs %v", args)
		}
		if _, ok := WorkerOf(ctx); !ok {
			return nil, errors.New("no worker")
		}
		inits.Add(1)
		return nil, nil
	}), "arg"))
	f, _ := Submit(ex, func(context.Context) (int, error) { return 1, nil })
	if _, err := f.ResultTimeout(NoTimeout); err != nil {
		t.Fatal(err)
	}
	if inits.Load() != 1 {
		t.Fatalf("initializer ran %d times", inits.Load())
	}
}

func TestThreadExecutorInitializerFailure(t *testing.T) {
	logs := captureLog(t)
	gate := make(chan struct{})
	initErr := errors.New("init failed")
	ex := newExec(t, Workers(1), Initializer(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		<-gate
		return nil, initErr
	})))
	var fs []*Future[int]
	for range 3 {
		f, err := Submit(ex, func(context.Context) (int, error) { return 1, nil })
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, f)
	}
	close(gate)
	for _, f := range fs {
		_, err := f.ResultTimeout(NoTimeout)
		var btp *BrokenThreadPool
		if !errors.As(err, &btp) || err.Error() != MsgInitializerFailedThread || !errors.Is(err, initErr) {
			t.Fatalf("pending future: %v", err)
		}
		if !errors.As(err, new(*BrokenExecutor)) {
			t.Fatal("not a BrokenExecutor")
		}
	}
	_, err := Submit(ex, func(context.Context) (int, error) { return 1, nil })
	if !errors.As(err, new(*BrokenThreadPool)) || err.Error() != "A thread initializer failed, the thread pool is not usable anymore" {
		t.Fatalf("submit after broken: %v", err)
	}
	l := logs()
	if len(l) != 1 || !strings.HasPrefix(l[0], "Exception in initializer: | init failed") {
		t.Fatalf("log %q", l)
	}
	// A panicking initializer breaks it too.
	ex2 := newExec(t, Workers(1), Initializer(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		panic("init panicked")
	})))
	f, _ := Submit(ex2, func(context.Context) (int, error) { return 1, nil })
	_, err = f.ResultTimeout(NoTimeout)
	var pe *PanicError
	if !errors.As(err, new(*BrokenThreadPool)) || !errors.As(err, &pe) {
		t.Fatalf("panicking initializer: %v", err)
	}
}

func TestThreadExecutorMap(t *testing.T) {
	ex := newExec(t, Workers(4))
	items := []int{5, 1, 4, 2, 3}
	seq, err := Map(ex, func(_ context.Context, x int) (int, error) {
		time.Sleep(time.Duration(x) * time.Millisecond)
		return x * 10, nil
	}, items, NoTimeout)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if fmt.Sprint(got) != "[50 10 40 20 30]" {
		t.Fatalf("order %v", got)
	}
	// An error ends the iteration at its position.
	seq, _ = Map(ex, func(_ context.Context, x int) (int, error) {
		if x == 3 {
			return 0, fmt.Errorf("bad %d", x)
		}
		return x, nil
	}, []int{1, 2, 3, 4}, NoTimeout)
	got = nil
	var gotErr error
	for v, err := range seq {
		if err != nil {
			gotErr = err
			continue
		}
		got = append(got, v)
	}
	if fmt.Sprint(got) != "[1 2]" || gotErr == nil || gotErr.Error() != "bad 3" {
		t.Fatalf("got %v, %v", got, gotErr)
	}
}

func TestThreadExecutorMapTimeoutCancels(t *testing.T) {
	ex := newExec(t, Workers(1))
	release := make(chan struct{})
	calls := [][]wire.Value{{int64(0)}, {int64(1)}, {int64(2)}}
	seq, err := ex.MapCall(CallableFunc(func(_ context.Context, args []wire.Value, _ []wire.KV) (wire.Value, error) {
		if args[0] == int64(1) {
			<-release
		}
		return args[0], nil
	}), calls, 200*time.Millisecond, 7)
	if err != nil {
		t.Fatal(err)
	}
	var got []wire.Value
	var gotErr error
	for v, err := range seq {
		if err != nil {
			gotErr = err
			break
		}
		got = append(got, v)
	}
	close(release)
	if len(got) != 1 || got[0] != int64(0) || !isTimeout(gotErr) {
		t.Fatalf("got %v, %v", got, gotErr)
	}
	// the call after the one that timed out was cancelled, never run
	ex.Shutdown(true, false)
}

func TestThreadExecutorMapBreakCancels(t *testing.T) {
	ex := newExec(t, Workers(1))
	release := make(chan struct{})
	var ran atomic.Int32
	seq, _ := Map(ex, func(_ context.Context, x int) (int, error) {
		ran.Add(1)
		if x == 1 {
			<-release
		}
		return x, nil
	}, []int{0, 1, 2, 3}, NoTimeout)
	for range seq {
		waitFor(t, func() bool { return ran.Load() == 2 })
		break // while the only worker is blocked in the call for 1
	}
	close(release)
	ex.Shutdown(true, false)
	if ran.Load() != 2 {
		t.Fatalf("%d calls ran after the iteration stopped", ran.Load()-2)
	}
	if _, err := Map(ex, func(_ context.Context, x int) (int, error) { return x, nil }, []int{1}, NoTimeout); err != ErrShutdown {
		t.Fatalf("Map after shutdown: %v", err)
	}
}

func TestShutdownThreadExecutors(t *testing.T) {
	// Runs in a copy of the package state: restore the flag afterwards.
	defer interpShutdown.Store(false)
	ex := newExec(t, Workers(1))
	var n atomic.Int32
	for range 10 {
		Submit(ex, func(context.Context) (int, error) { time.Sleep(100 * time.Microsecond); n.Add(1); return 0, nil })
	}
	ShutdownThreadExecutors()
	if n.Load() != 10 {
		t.Fatalf("queued work not finished: %d", n.Load())
	}
	if _, err := Submit(ex, func(context.Context) (int, error) { return 0, nil }); err != ErrInterpreterShutdown {
		t.Fatalf("submit after interpreter shutdown: %v", err)
	}
}

func TestThreadExecutorWaitAndAsCompleted(t *testing.T) {
	ex := newExec(t, Workers(3))
	release := make(chan struct{})
	fast, _ := Submit(ex, func(context.Context) (int, error) { return 1, nil })
	slow, _ := Submit(ex, func(context.Context) (int, error) { <-release; return 2, nil })
	r, err := Wait([]*Future[int]{fast, slow}, NoTimeout, FirstCompleted)
	if err != nil || len(r.Done) != 1 || r.Done[0] != fast {
		t.Fatalf("%v %v", r, err)
	}
	close(release)
	n := 0
	for f, err := range AsCompleted([]*Future[int]{fast, slow}, NoTimeout) {
		if err != nil || !f.Done() {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 {
		t.Fatal(n)
	}
}

func TestThreadExecutorConcurrentSubmitters(t *testing.T) {
	ex := newExec(t, Workers(4))
	var wg sync.WaitGroup
	var total atomic.Int64
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var fs []*Future[int]
			for i := range 200 {
				f, err := Submit(ex, func(context.Context) (int, error) { return g*1000 + i, nil })
				if err != nil {
					t.Error(err)
					return
				}
				fs = append(fs, f)
			}
			for i, f := range fs {
				v, err := f.Result(context.Background())
				if err != nil || v != g*1000+i {
					t.Errorf("got %v %v", v, err)
				}
				total.Add(1)
			}
		}()
	}
	wg.Wait()
	if total.Load() != 1600 {
		t.Fatal(total.Load())
	}
}

func TestThreadExecutorUnreachableWorkersExit(t *testing.T) {
	ex, _ := NewThreadPoolExecutor(Workers(2))
	s := ex.s
	f, _ := Submit(ex, func(context.Context) (int, error) { return 1, nil })
	f.ResultTimeout(NoTimeout)
	ex = nil
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		s.mu.Lock()
		alive, closed := s.alive, s.closed
		s.mu.Unlock()
		if alive == 0 && closed {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("workers of an unreachable executor still alive: %d (closed %v)", alive, closed)
		}
		time.Sleep(time.Millisecond)
	}
}
