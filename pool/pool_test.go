package pool

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

func newThreadPool(t *testing.T, opts ...Option) *Pool {
	t.Helper()
	p, err := NewThreadPool(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Terminate(); p.Join() })
	return p
}

// fn adapts a func of one int64 to a Callable.
func fn(f func(x int64) (wire.Value, error)) Callable {
	return CallableFunc(func(_ context.Context, args []wire.Value, _ []wire.KV) (wire.Value, error) {
		if len(args) != 1 {
			return nil, fmt.Errorf("want 1 argument, got %d", len(args))
		}
		return f(args[0].(int64))
	})
}

var square = fn(func(x int64) (wire.Value, error) { return x * x, nil })

// pyF is testdata/record_imap.py's f: x*10, failing on 3.
var pyF = fn(func(x int64) (wire.Value, error) {
	if x == 3 {
		return nil, &wire.Exception{Type: "ValueError", Args: []wire.Value{"bad 3"}, Message: "bad 3"}
	}
	return x * 10, nil
})

func ints(n int) []wire.Value {
	out := make([]wire.Value, n)
	for i := range out {
		out[i] = int64(i)
	}
	return out
}

func TestPoolApply(t *testing.T) {
	p := newThreadPool(t, Workers(2))
	v, err := p.Apply(square, []wire.Value{int64(7)}, nil)
	if v != int64(49) || err != nil {
		t.Fatalf("Apply = %v, %v", v, err)
	}
	kw := CallableFunc(func(_ context.Context, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
		return fmt.Sprint(args, kwargs), nil
	})
	v, _ = p.Apply(kw, []wire.Value{"a"}, []wire.KV{{Key: "k", Value: int64(1)}})
	if v != "[a] [{k 1}]" {
		t.Fatalf("kwargs: %v", v)
	}
	_, err = p.Apply(pyF, []wire.Value{int64(3)}, nil)
	var exc *wire.Exception
	if !errors.As(err, &exc) || exc.Message != "bad 3" {
		t.Fatalf("error: %v", err)
	}
	_, err = p.Apply(fn(func(int64) (wire.Value, error) { panic("task panicked") }), []wire.Value{int64(1)}, nil)
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Value != "task panicked" {
		t.Fatalf("panic: %v", err)
	}
	if v, _ := p.Apply(square, []wire.Value{int64(3)}, nil); v != int64(9) {
		t.Fatal("pool broken after a panicking task")
	}
	if _, err := p.ApplyAsync(nil, nil, nil, nil, nil); !errors.As(err, new(*TypeError)) {
		t.Fatalf("nil fn: %v", err)
	}
}

func TestPoolDefaultsAndOptions(t *testing.T) {
	p := newThreadPool(t)
	if p.Workers() < 1 {
		t.Fatal(p.Workers())
	}
	if !regexp.MustCompile(`^<multiprocessing\.pool\.ThreadPool state=RUN pool_size=\d+>$`).MatchString(p.String()) {
		t.Fatalf("repr %q", p)
	}
	for _, n := range []int{0, -3} {
		_, err := NewThreadPool(Workers(n))
		if !errors.As(err, new(*ValueError)) || err.Error() != "Number of processes must be at least 1" {
			t.Fatalf("Workers(%d): %v", n, err)
		}
	}
	_, err := NewThreadPool(MaxTasksPerChild(3))
	if !errors.As(err, new(*TypeError)) || !strings.Contains(err.Error(), "max_tasks_per_child") {
		t.Fatalf("MaxTasksPerChild on ThreadPool: %v", err)
	}
	_, err = newPool("Pool", []Option{MaxTasksPerChild(0)}, newThreadBackend)
	if err == nil || err.Error() != "maxtasksperchild must be a positive int or None" {
		t.Fatalf("MaxTasksPerChild(0): %v", err)
	}
}

func TestPoolApplyAsyncCallbacks(t *testing.T) {
	p := newThreadPool(t, Workers(4))
	var mu sync.Mutex
	var got []string
	var inside atomic.Int32
	overlap := false
	record := func(s string) {
		if inside.Add(1) != 1 {
			overlap = true
		}
		time.Sleep(100 * time.Microsecond)
		mu.Lock()
		got = append(got, s)
		mu.Unlock()
		inside.Add(-1)
	}
	var rs []*AsyncResult
	for i := range 20 {
		f := square
		if i%5 == 3 {
			f = pyF
		}
		r, err := p.ApplyAsync(f, []wire.Value{int64(i)}, nil,
			func(v wire.Value) error { record(fmt.Sprint("ok ", v)); return nil },
			func(err error) error { record("err " + err.Error()); return nil })
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	for _, r := range rs {
		r.Wait(NoTimeout)
	}
	if overlap {
		t.Fatal("callbacks ran concurrently: they must run on one result handler")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 20 {
		t.Fatalf("%d callbacks ran", len(got))
	}
	slices.Sort(got)
	if !slices.Contains(got, "err ValueError: bad 3") || !slices.Contains(got, "ok 361") {
		t.Fatalf("callbacks %v", got)
	}
	// The callback runs before the result is ready.
	var r *AsyncResult
	assigned := make(chan struct{})
	readyInCallback := make(chan bool, 1)
	r, _ = p.ApplyAsync(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		<-assigned
		return "v", nil
	}), nil, nil, func(v wire.Value) error { readyInCallback <- r.Ready(); return nil }, nil)
	close(assigned)
	if v, err := r.Get(NoTimeout); v != "v" || err != nil {
		t.Fatal(v, err)
	}
	if <-readyInCallback {
		t.Fatal("result was ready before its callback ran")
	}
}

func TestPoolCallbackFailuresAreLogged(t *testing.T) {
	logs := captureLog(t)
	p := newThreadPool(t, Workers(2))
	r1, _ := p.ApplyAsync(square, []wire.Value{int64(2)}, nil, func(wire.Value) error { panic("cb panicked") }, nil)
	r2, _ := p.ApplyAsync(pyF, []wire.Value{int64(3)}, nil, nil, func(error) error { return errors.New("error cb failed") })
	if v, err := r1.Get(NoTimeout); v != int64(4) || err != nil {
		t.Fatalf("r1 %v %v", v, err)
	}
	if _, err := r2.Get(NoTimeout); err == nil {
		t.Fatal("r2 succeeded")
	}
	// The pool keeps working.
	if v, _ := p.Apply(square, []wire.Value{int64(5)}, nil); v != int64(25) {
		t.Fatal(v)
	}
	l := logs()
	slices.Sort(l)
	re := regexp.MustCompile(`^exception calling callback for <multiprocessing\.pool\.ApplyResult object at 0x[0-9a-f]+> \| (.*)$`)
	var msgs []string
	for _, line := range l {
		m := re.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("log line %q", line)
		}
		msgs = append(msgs, m[1])
	}
	slices.Sort(msgs)
	if fmt.Sprint(msgs) != "[error cb failed panic: cb panicked]" {
		t.Fatalf("logged %q", msgs)
	}
}

func TestAsyncResult(t *testing.T) {
	p := newThreadPool(t, Workers(1))
	release := make(chan struct{})
	r, _ := p.ApplyAsync(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		<-release
		return int64(1), nil
	}), nil, nil, nil, nil)
	if r.Ready() || r.Wait(time.Millisecond) || r.Wait(0) {
		t.Fatal("ready too early")
	}
	_, err := r.Successful()
	if !errors.As(err, new(*ValueError)) || !regexp.MustCompile(`^<multiprocessing\.pool\.ApplyResult object at 0x[0-9a-f]+> not ready$`).MatchString(err.Error()) {
		t.Fatalf("Successful before ready: %v", err)
	}
	_, err = r.Get(2 * time.Millisecond)
	if !isTimeout(err) {
		t.Fatalf("Get timeout: %v", err)
	}
	close(release)
	<-r.Done()
	if ok, err := r.Successful(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if v, err := r.Get(0); v != int64(1) || err != nil {
		t.Fatal(v, err)
	}
	r2, _ := p.ApplyAsync(pyF, []wire.Value{int64(3)}, nil, nil, nil)
	r2.Wait(NoTimeout)
	if ok, err := r2.Successful(); ok || err != nil {
		t.Fatal(ok, err)
	}
	m, _ := p.MapAsync(square, ints(3), 0, nil, nil)
	if !strings.HasPrefix(m.String(), "<multiprocessing.pool.MapResult object at 0x") {
		t.Fatal(m)
	}
}

// chunkRecorder wraps a backend and records each map chunk's length.
type chunkRecorder struct {
	backend
	mu    sync.Mutex
	sizes []int
}

func (c *chunkRecorder) submit(j *job) {
	if j.mode == wire.ModeMap {
		c.mu.Lock()
		c.sizes = append(c.sizes, len(j.args))
		c.mu.Unlock()
	}
	c.backend.submit(j)
}

func TestPoolMapChunksizeMatchesCPython(t *testing.T) {
	f, err := os.Open("testdata/pool_chunks.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pools := map[int]*Pool{}
	recs := map[int]*chunkRecorder{}
	cases := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		left, right, _ := strings.Cut(line, " -> ")
		var workers, n, cs int
		fmt.Sscan(left, &workers, &n, &cs)
		want := right
		p, ok := pools[workers]
		if !ok {
			rec := &chunkRecorder{}
			p, err = newPool("ThreadPool", []Option{Workers(workers)}, func(cfg backendConfig) (backend, error) {
				b, err := newThreadBackend(cfg)
				rec.backend = b
				return rec, err
			})
			if err != nil {
				t.Fatal(err)
			}
			defer p.Terminate()
			pools[workers], recs[workers] = p, rec
		}
		rec := recs[workers]
		rec.mu.Lock()
		rec.sizes = nil
		rec.mu.Unlock()
		out, err := p.Map(square, ints(n), cs)
		if err != nil || len(out) != n {
			t.Fatalf("%s: %v %v", line, out, err)
		}
		for i, v := range out {
			if v != int64(i*i) {
				t.Fatalf("%s: out[%d] = %v", line, i, v)
			}
		}
		rec.mu.Lock()
		got := strings.Trim(fmt.Sprint(rec.sizes), "[]")
		rec.mu.Unlock()
		if got == "" {
			got = "-"
		}
		if got != want {
			t.Errorf("workers=%d n=%d chunksize=%d: chunks %s, CPython %s", workers, n, cs, got, want)
		}
		cases++
	}
	if cases < 100 {
		t.Fatalf("only %d cases read", cases)
	}
}

func TestPoolMap(t *testing.T) {
	p := newThreadPool(t, Workers(3))
	out, err := p.Map(square, ints(50), 0)
	if err != nil || len(out) != 50 || out[49] != int64(49*49) {
		t.Fatalf("%v %v", out, err)
	}
	// An error fails the map with the first error (by chunk order of
	// arrival; here only one chunk fails).
	_, err = p.Map(pyF, ints(10), 2)
	if err == nil || err.Error() != "ValueError: bad 3" {
		t.Fatalf("map error: %v", err)
	}
	// Empty: [] at once, callbacks not called (CPython).
	called := false
	r, err := p.MapAsync(square, nil, 0, func(wire.Value) error { called = true; return nil }, func(error) error { called = true; return nil })
	if err != nil || !r.Ready() {
		t.Fatal(err)
	}
	v, _ := r.Get(0)
	if l := v.(wire.List); len(l) != 0 || called {
		t.Fatalf("empty map: %v called=%v", l, called)
	}
	// Callbacks get the whole list / the first error, once.
	var cbs []string
	done := make(chan struct{}, 2)
	p.MapAsync(square, ints(4), 1, func(v wire.Value) error { cbs = append(cbs, fmt.Sprint(v)); done <- struct{}{}; return nil }, nil)
	<-done
	p.MapAsync(pyF, ints(8), 1, nil, func(err error) error { cbs = append(cbs, err.Error()); done <- struct{}{}; return nil })
	<-done
	if fmt.Sprint(cbs) != "[[0 1 4 9] ValueError: bad 3]" {
		t.Fatalf("callbacks %q", cbs)
	}
	if _, err := p.Map(square, ints(3), -1); err == nil || err.Error() != "Chunksize must be 1+, not -1" {
		t.Fatalf("negative chunksize: %v", err)
	}
}

func TestPoolMapErrorWaitsForAllChunks(t *testing.T) {
	p := newThreadPool(t, Workers(2))
	release := make(chan struct{})
	var finished atomic.Int32
	slow := fn(func(x int64) (wire.Value, error) {
		if x == 0 {
			return nil, errors.New("first fails")
		}
		<-release
		finished.Add(1)
		return x, nil
	})
	r, _ := p.MapAsync(slow, ints(2), 1, nil, nil)
	if r.Wait(10 * time.Millisecond) {
		t.Fatal("map ready before all chunks returned")
	}
	close(release)
	if _, err := r.Get(NoTimeout); err == nil || err.Error() != "first fails" || finished.Load() != 1 {
		t.Fatalf("%v finished=%d", err, finished.Load())
	}
}

func TestPoolStarmap(t *testing.T) {
	p := newThreadPool(t, Workers(2))
	add := CallableFunc(func(_ context.Context, args []wire.Value, _ []wire.KV) (wire.Value, error) {
		s := int64(0)
		for _, a := range args {
			s += a.(int64)
		}
		return s, nil
	})
	out, err := p.Starmap(add, [][]wire.Value{{int64(1), int64(2)}, {int64(3)}, {}, {int64(4), int64(5), int64(6)}}, 0)
	if err != nil || fmt.Sprint(out) != "[3 3 0 15]" {
		t.Fatalf("%v %v", out, err)
	}
	var got wire.Value
	r, _ := p.StarmapAsync(add, [][]wire.Value{{int64(1)}, {int64(2)}}, 1, func(v wire.Value) error { got = v; return nil }, nil)
	r.Wait(NoTimeout)
	if fmt.Sprint(got) != "[1 2]" {
		t.Fatal(got)
	}
}

func TestRunJobStarmapBadArgs(t *testing.T) {
	_, err := execJob(context.Background(), &job{fn: square, mode: wire.ModeStarmap, args: []wire.Value{int64(1)}})
	if !errors.As(err, new(*TypeError)) {
		t.Fatalf("%v", err)
	}
	if _, err := execJob(context.Background(), &job{fn: square, mode: 9}); err == nil {
		t.Fatal("bad mode accepted")
	}
}

// drainImap reads an iterator as testdata/record_imap.py's drain does.
func drainImap(it *IMapIterator) []string {
	var out []string
	for len(out) <= 50 {
		v, err := it.Next(NoTimeout)
		if err == ErrStopIteration {
			return append(out, "STOP")
		}
		if err != nil {
			var exc *wire.Exception
			var ke keyError
			switch {
			case errors.As(err, &exc):
				out = append(out, fmt.Sprintf("%s(%v)", exc.Type, exc.Args[0]))
			case errors.As(err, &ke):
				out = append(out, fmt.Sprintf("KeyError(%s)", string(ke)))
			default:
				out = append(out, err.Error())
			}
			continue
		}
		out = append(out, fmt.Sprint(v))
	}
	return out
}

var tokenRE = regexp.MustCompile(`\S+\([^)]*\)|\S+`)

func tokens(s string) []string { return tokenRE.FindAllString(s, -1) }

type keyError string

func (k keyError) Error() string { return "KeyError: " + string(k) }

// gen is record_imap.py's gen: 0..n-1, failing at failAt.
func gen(n, failAt int) iter.Seq2[wire.Value, error] {
	return func(yield func(wire.Value, error) bool) {
		for i := range n {
			if i == failAt {
				yield(nil, keyError(fmt.Sprintf("input %d", i)))
				return
			}
			if !yield(int64(i), nil) {
				return
			}
		}
	}
}

func TestPoolImapMatchesCPython(t *testing.T) {
	p := newThreadPool(t, Workers(2))
	data, err := os.ReadFile("testdata/pool_imap.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		left, want, _ := strings.Cut(line, " -> ")
		f := strings.Fields(left)
		name, label := f[0], f[2]
		cs, _ := strconv.Atoi(f[1])
		var items iter.Seq2[wire.Value, error]
		switch label {
		case "task-error":
			items = Values(ints(6))
		case "input-error":
			items = gen(6, 4)
		case "input-error-at-0":
			items = gen(6, 0)
		}
		var it *IMapIterator
		if name == "imap" {
			it, err = p.Imap(pyF, items, cs)
		} else {
			it, err = p.ImapUnordered(pyF, items, cs)
		}
		if err != nil {
			t.Fatal(err)
		}
		got := drainImap(it)
		switch {
		case name == "imap":
			if strings.Join(got, " ") != want {
				t.Errorf("%s: got %q", line, got)
			}
		case cs == 1:
			// Completion order is not defined: compare as multisets.
			w := tokens(want)
			g := slices.Clone(got)
			slices.Sort(w)
			slices.Sort(g)
			if fmt.Sprint(g) != fmt.Sprint(w) || got[len(got)-1] != "STOP" {
				t.Errorf("%s: got %q", line, got)
			}
		default:
			// Chunked and unordered: whole chunks in completion order,
			// the first failure (a chunk's or the input's) ending the
			// iteration.
			if len(got) < 2 || got[len(got)-1] != "STOP" || !strings.Contains(got[len(got)-2], "Error(") {
				t.Errorf("%s: got %q", line, got)
			}
			for _, v := range got[:len(got)-2] {
				if !slices.Contains([]string{"0", "10", "20", "40", "50"}, v) {
					t.Errorf("%s: got %q", line, got)
				}
			}
		}
		n++
	}
	if n != 12 {
		t.Fatalf("%d cases", n)
	}
}

func TestPoolImapOrderAndTimeout(t *testing.T) {
	p := newThreadPool(t, Workers(3))
	gates := []chan struct{}{make(chan struct{}), make(chan struct{}), make(chan struct{})}
	gated := fn(func(x int64) (wire.Value, error) { <-gates[x]; return x, nil })
	it, err := p.Imap(gated, Values(ints(3)), 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := it.Next(5 * time.Millisecond); !isTimeout(err) {
		t.Fatalf("Next before any result: %v", err)
	}
	close(gates[2])
	close(gates[1])
	if _, err := it.Next(5 * time.Millisecond); !isTimeout(err) {
		t.Fatalf("ordered imap returned a later result first: %v", err)
	}
	close(gates[0])
	var got []wire.Value
	for v, err := range it.All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if fmt.Sprint(got) != "[0 1 2]" {
		t.Fatal(got)
	}
	if _, err := it.Next(0); err != ErrStopIteration {
		t.Fatalf("after the end: %v", err)
	}
	// Unordered: completion order.
	gates = []chan struct{}{make(chan struct{}), make(chan struct{}), make(chan struct{})}
	it, _ = p.ImapUnordered(gated, Values(ints(3)), 1)
	close(gates[2])
	if v, err := it.Next(NoTimeout); v != int64(2) || err != nil {
		t.Fatalf("unordered first: %v %v", v, err)
	}
	close(gates[0])
	if v, _ := it.Next(NoTimeout); v != int64(0) {
		t.Fatalf("unordered second: %v", v)
	}
	close(gates[1])
	if v, _ := it.Next(NoTimeout); v != int64(1) {
		t.Fatal(v)
	}
	if _, err := it.Next(NoTimeout); err != ErrStopIteration {
		t.Fatal(err)
	}
	// Empty input.
	it, _ = p.Imap(square, Values(nil), 1)
	if _, err := it.Next(NoTimeout); err != ErrStopIteration {
		t.Fatal(err)
	}
	it, _ = p.Imap(square, Values(ints(7)), 3)
	var flat []wire.Value
	for v, err := range it.All() {
		if err != nil {
			t.Fatal(err)
		}
		flat = append(flat, v)
	}
	if fmt.Sprint(flat) != "[0 1 4 9 16 25 36]" {
		t.Fatal(flat)
	}
	for _, cs := range []int{0, -1} {
		if _, err := p.Imap(square, Values(nil), cs); err == nil || err.Error() != fmt.Sprintf("Chunksize must be 1+, not %d", cs) {
			t.Fatalf("chunksize %d: %v", cs, err)
		}
	}
	// A panicking input iterator becomes the error at its position.
	it, _ = p.Imap(square, func(yield func(wire.Value, error) bool) {
		yield(int64(2), nil)
		panic("input panicked")
	}, 1)
	got = nil
	var errs []error
	for v, err := range it.All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, v)
	}
	if fmt.Sprint(got) != "[4]" || len(errs) != 1 || !errors.As(errs[0], new(*PanicError)) {
		t.Fatalf("%v %v", got, errs)
	}
}

func TestPoolStateMachine(t *testing.T) {
	p, _ := NewThreadPool(Workers(2))
	if err := p.Join(); err == nil || err.Error() != "Pool is still running" || !errors.As(err, new(*ValueError)) {
		t.Fatalf("Join while running: %v", err)
	}
	r, _ := p.ApplyAsync(square, []wire.Value{int64(3)}, nil, nil, nil)
	p.Close()
	if !strings.Contains(p.String(), "state=CLOSE") {
		t.Fatal(p)
	}
	notRunning := func(err error) {
		t.Helper()
		if err == nil || err.Error() != "Pool not running" || !errors.As(err, new(*ValueError)) {
			t.Fatalf("want Pool not running, got %v", err)
		}
	}
	_, err := p.ApplyAsync(square, nil, nil, nil, nil)
	notRunning(err)
	_, err = p.Apply(square, nil, nil)
	notRunning(err)
	_, err = p.Map(square, ints(2), 0)
	notRunning(err)
	_, err = p.MapAsync(square, nil, 0, nil, nil)
	notRunning(err)
	_, err = p.Starmap(square, nil, 0)
	notRunning(err)
	_, err = p.Imap(square, Values(nil), 1)
	notRunning(err)
	_, err = p.ImapUnordered(square, Values(nil), 1)
	notRunning(err)
	if err := p.Join(); err != nil {
		t.Fatal(err)
	}
	// Work submitted before Close finished.
	if v, err := r.Get(0); v != int64(9) || err != nil {
		t.Fatal(v, err)
	}
	p.Close() // again: nothing
	p.Terminate()
	if !strings.Contains(p.String(), "state=TERMINATE") {
		t.Fatal(p)
	}
	if err := p.Join(); err != nil {
		t.Fatal(err)
	}
}

func TestPoolCloseDrainsQueue(t *testing.T) {
	p, _ := NewThreadPool(Workers(1))
	var rs []*AsyncResult
	for i := range 30 {
		r, _ := p.ApplyAsync(fn(func(x int64) (wire.Value, error) { time.Sleep(50 * time.Microsecond); return x, nil }), []wire.Value{int64(i)}, nil, nil, nil)
		rs = append(rs, r)
	}
	it, _ := p.Imap(square, Values(ints(5)), 2)
	p.Close()
	if err := p.Join(); err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		if !r.Ready() {
			t.Fatalf("result %d not ready after Join", i)
		}
	}
	var got []wire.Value
	for v, err := range it.All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if len(got) != 5 {
		t.Fatal(got)
	}
}

func TestPoolTerminate(t *testing.T) {
	p, _ := NewThreadPool(Workers(1))
	release := make(chan struct{})
	started := make(chan struct{})
	var cbCalls atomic.Int32
	running, _ := p.ApplyAsync(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		close(started)
		<-release
		return "late", nil
	}), nil, nil, func(wire.Value) error { cbCalls.Add(1); return nil }, func(error) error { cbCalls.Add(1); return nil })
	<-started
	queued, _ := p.ApplyAsync(square, []wire.Value{int64(2)}, nil, nil, func(error) error { cbCalls.Add(1); return nil })
	m, _ := p.MapAsync(square, ints(10), 1, nil, nil)
	it, _ := p.Imap(square, Values(ints(3)), 1)
	p.Terminate()
	for _, r := range []*AsyncResult{running, queued, m} {
		if _, err := r.Get(time.Second); err != ErrTerminated {
			t.Fatalf("%v: %v", r, err)
		}
	}
	if _, err := it.Next(time.Second); err != ErrTerminated {
		t.Fatalf("imap after terminate: %v", err)
	}
	close(release)
	if err := p.Join(); err != nil {
		t.Fatal(err)
	}
	if cbCalls.Load() != 0 {
		t.Fatalf("%d callbacks ran after terminate", cbCalls.Load())
	}
	if _, err := p.Apply(square, nil, nil); err == nil || err.Error() != "Pool not running" {
		t.Fatal(err)
	}
	p.Terminate() // again: nothing
	if ErrTerminated.Error() != "Pool was terminated before the task finished" {
		t.Fatal(ErrTerminated)
	}
}

func TestPoolTerminateFromCallback(t *testing.T) {
	p, _ := NewThreadPool(Workers(1))
	done := make(chan struct{})
	p.ApplyAsync(square, []wire.Value{int64(1)}, nil, func(wire.Value) error {
		p.Terminate()
		close(done)
		return nil
	}, nil)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Terminate from a callback deadlocked")
	}
	p.Join()
}

func TestPoolInitializerAndWorkers(t *testing.T) {
	var inits atomic.Int32
	var values []int
	var mu sync.Mutex
	p := newThreadPool(t, Workers(3),
		Initializer(CallableFunc(func(ctx context.Context, args []wire.Value, _ []wire.KV) (wire.Value, error) {
			if fmt.Sprint(args) != "[x 1]" {
				return nil, fmt.Errorf("initargs %v", args)
			}
			inits.Add(1)
			return nil, nil
		}), "x", int64(1)),
		WorkerValue(func(w WorkerInfo) any {
			mu.Lock()
			values = append(values, w.Index)
			mu.Unlock()
			return w.Index * 100
		}))
	mu.Lock()
	if fmt.Sprint(values) != "[0 1 2]" {
		t.Fatalf("workers created %v (all at once, in order)", values)
	}
	mu.Unlock()
	v, err := p.Apply(CallableFunc(func(ctx context.Context, _ []wire.Value, _ []wire.KV) (wire.Value, error) {
		w, ok := WorkerOf(ctx)
		if !ok || w.Kind != "ThreadPool" || w.Name != "" {
			return nil, fmt.Errorf("worker %+v", w)
		}
		return w.Value, nil
	}), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := v.(int); n%100 != 0 || n > 200 {
		t.Fatal(v)
	}
	p.Close()
	p.Join()
	if inits.Load() != 3 {
		t.Fatalf("initializer ran %d times, want once per worker", inits.Load())
	}
}

func TestPoolInitializerFailureBreaks(t *testing.T) {
	logs := captureLog(t)
	initErr := errors.New("init failed")
	var attempts atomic.Int32
	p := newThreadPool(t, Workers(1), Initializer(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		attempts.Add(1)
		return nil, initErr
	})))
	r, err := p.ApplyAsync(square, []wire.Value{int64(2)}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Get(10 * time.Second)
	var btp *BrokenThreadPool
	if !errors.As(err, &btp) || !errors.Is(err, initErr) {
		t.Fatalf("pending result: %v", err)
	}
	if attempts.Load() != maxInitFailures {
		t.Fatalf("%d initializer attempts", attempts.Load())
	}
	if _, err := p.Apply(square, []wire.Value{int64(1)}, nil); !errors.As(err, &btp) {
		t.Fatalf("later result: %v", err)
	}
	l := logs()
	if len(l) != maxInitFailures || !strings.HasPrefix(l[0], "Exception in initializer: | init failed") {
		t.Fatalf("log %q", l)
	}
}

func TestPoolInitializerRecovers(t *testing.T) {
	captureLog(t)
	var attempts atomic.Int32
	p := newThreadPool(t, Workers(1), Initializer(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		if attempts.Add(1) == 1 {
			return nil, errors.New("first attempt fails")
		}
		return nil, nil
	})))
	if v, err := p.Apply(square, []wire.Value{int64(4)}, nil); v != int64(16) || err != nil {
		t.Fatalf("%v %v", v, err)
	}
	if attempts.Load() != 2 {
		t.Fatal(attempts.Load())
	}
}

func TestDefaultChunksize(t *testing.T) {
	for _, c := range []struct{ n, w, want int }{{0, 4, 0}, {1, 4, 1}, {16, 4, 1}, {17, 4, 2}, {100, 4, 7}, {200000, 2, 25000}} {
		if got := defaultChunksize(c.n, c.w); got != c.want {
			t.Errorf("defaultChunksize(%d, %d) = %d, want %d", c.n, c.w, got, c.want)
		}
	}
}

func TestPoolJoinFromCallback(t *testing.T) {
	p, _ := NewThreadPool(Workers(1))
	done := make(chan error, 1)
	release := make(chan struct{})
	p.ApplyAsync(fn(func(x int64) (wire.Value, error) { <-release; return x, nil }), []wire.Value{int64(1)}, nil, func(wire.Value) error {
		p.Close()
		done <- p.Join() // on the result handler: must not wait for itself
		return nil
	}, nil)
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Join from a callback deadlocked")
	}
	if err := p.Join(); err != nil {
		t.Fatal(err)
	}
	if p.onResultHandler() {
		t.Fatal("test goroutine taken for the result handler")
	}
}

func TestMapChunksHoldGetsList(t *testing.T) {
	p := newThreadPool(t, Workers(2))
	r, err := p.MapAsync(square, ints(10), 4, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	chunks, err := r.MapChunks(NoTimeout)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(chunks); got != "[[0 1 4 9] [16 25 36 49] [64 81]]" {
		t.Fatalf("MapChunks = %s", got)
	}
	v, err := r.Get(0)
	if err != nil || fmt.Sprint(v) != "[0 1 4 9 16 25 36 49 64 81]" {
		t.Fatalf("Get = %v, %v", v, err)
	}
	a, _ := p.ApplyAsync(square, []wire.Value{int64(3)}, nil, nil, nil)
	if chunks, err := a.MapChunks(NoTimeout); err != nil || fmt.Sprint(chunks) != "[[9]]" {
		t.Fatalf("apply's MapChunks = %v, %v", chunks, err)
	}
}

func TestMapRangeAsyncMapsTheRangesInts(t *testing.T) {
	p := newThreadPool(t, Workers(2))
	r, err := p.MapRangeAsync(square, -3, 2, 7, 3, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := r.Get(NoTimeout)
	if err != nil || fmt.Sprint(v) != "[9 1 1 9 25 49 81]" {
		t.Fatalf("Get = %v, %v", v, err)
	}
	if _, err := p.MapRangeAsync(square, 0, 1, -1, 0, nil, nil); err == nil {
		t.Fatal("MapRangeAsync with -1 items: no error")
	}
	e, err := p.MapRangeAsync(square, 0, 1, 0, 0, nil, nil)
	if err != nil || !e.Ready() {
		t.Fatalf("empty MapRangeAsync: ready %v, %v", e.Ready(), err)
	}
}

// An error of ImapUnordered's input comes after the results of the jobs
// sent before it, as in CPython (which sends it as one more task), however
// slowly those run.
func TestImapUnorderedInputErrorComesLast(t *testing.T) {
	p := newThreadPool(t, Workers(2))
	boom := errors.New("said when")
	items := func(yield func(wire.Value, error) bool) {
		for i := int64(0); i < 3; i++ {
			if !yield(i, nil) {
				return
			}
		}
		yield(nil, boom)
	}
	slow := fn(func(x int64) (wire.Value, error) {
		time.Sleep(time.Duration(20*(3-x)) * time.Millisecond)
		return x * x, nil
	})
	it, err := p.ImapUnordered(slow, items, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got []wire.Value
	for {
		v, err := it.Next(NoTimeout)
		if err == boom {
			break
		}
		if err != nil {
			t.Fatalf("after %v: %v, want the input's error", got, err)
		}
		got = append(got, v)
	}
	if len(got) != 3 {
		t.Errorf("results before the input's error: %v, want all 3", got)
	}
	if _, err := it.Next(NoTimeout); err != ErrStopIteration {
		t.Errorf("after the error: %v, want ErrStopIteration", err)
	}
}
