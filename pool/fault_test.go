package pool

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// The fault suite (issue 14): workers killed (SIGKILL) or exiting (os.Exit)
// in every Go API, unsendable arguments and results, failing callbacks and
// initializers. Every case checks that all results are accounted for: each
// is a value or an error, none is lost, none hangs (faultWait only catches
// a hang), and the pool or executor is usable afterwards or reports itself
// broken as CPython's does.

// faultWait bounds every wait of the fault suite: it only catches hangs.
const faultWait = 60 * time.Second

// faultAt is the item whose task kills its worker in the fault suite.
const faultAt = 5

// Killers, registered so that workers have them: each returns x*x, except
// for x == faultAt, where the worker is killed with SIGKILL or exits with
// os.Exit(1) in the middle of the task.
var (
	tfKillAt = Register("test.fault.killat", func(x int64) int64 {
		if x == faultAt {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			time.Sleep(time.Minute) // the signal is on its way
		}
		return x * x
	})
	tfExitAt = Register("test.fault.exitat", func(x int64) int64 {
		if x == faultAt {
			os.Exit(1)
		}
		return x * x
	})
	// tfExitBelow calls os.Exit(1) for x < below, else returns x*x.
	tfExitBelow = Register("test.fault.exitbelow", func(x, below int64) int64 {
		if x < below {
			os.Exit(1)
		}
		return x * x
	})
	// tfCyclic returns a list that contains itself: it cannot be sent back.
	tfCyclic = Register("test.fault.cyclic", func() wire.List {
		l := wire.List{nil}
		l[0] = l
		return l
	})
	tfInitPanic = Register("test.fault.initpanic", func() { panic("initializer panicked") })
	tfInitExit  = Register("test.fault.initexit", func() { os.Exit(7) })
)

// killers are the ways a task ends its worker, with the error each gives.
var killers = []struct {
	name string
	fn   Remote
	want string
}{
	{"SIGKILL", tfKillAt, "Worker exited prematurely: signal 9 (SIGKILL)"},
	{"os.Exit", tfExitAt, "Worker exited prematurely: exit code 1"},
}

func isLost(err error) bool {
	var lost *WorkerLostError
	return errors.As(err, &lost)
}

// outcome renders a result for comparison: the value, or "lost: …" for a
// *WorkerLostError, or the error's text.
func outcome(v wire.Value, err error) string {
	switch {
	case err == nil:
		return fmt.Sprint(v)
	case isLost(err):
		return "lost: " + err.Error()
	}
	return "error: " + err.Error()
}

// squaresWithLoss is what n tasks of a killer give, in input order.
func squaresWithLoss(n int, lost string) []string {
	var out []string
	for i := range n {
		if i == faultAt {
			out = append(out, "lost: "+lost)
		} else {
			out = append(out, fmt.Sprint(i*i))
		}
	}
	return out
}

// stillWorks checks that the pool runs new work after a fault.
func stillWorks(t *testing.T, p *Pool) {
	t.Helper()
	if v, err := p.Apply(tfSquare, []wire.Value{int64(9)}, nil); err != nil || v != int64(81) {
		t.Fatalf("apply after the fault: %v, %v", v, err)
	}
	got, err := p.Map(tfSquare, seqInts(30), 4)
	if err != nil || len(got) != 30 || got[29] != int64(29*29) {
		t.Fatalf("map after the fault: %v, %v", got, err)
	}
}

// drainAll reads an iterator to its end: each outcome, in order.
func drainAll(t *testing.T, it *IMapIterator) []string {
	t.Helper()
	var out []string
	for len(out) < 1000 {
		v, err := it.Next(faultWait)
		if err == ErrStopIteration {
			return out
		}
		if _, ok := err.(*TimeoutError); ok {
			t.Fatalf("no result after %v; so far %q", faultWait, out)
		}
		out = append(out, outcome(v, err))
	}
	t.Fatalf("more results than tasks: %q", out)
	return nil
}

// A worker killed or exiting mid-task in each Pool API: only that task (or
// its chunk) fails, with a *WorkerLostError; every other result arrives;
// the pool goes on.
func TestFaultPoolWorkerDiesInEveryAPI(t *testing.T) {
	t.Parallel()
	const n = 20
	for _, k := range killers {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			p := newTestPool(t, Workers(2))
			want := squaresWithLoss(n, k.want)

			// ApplyAsync: one result per call.
			var rs []*AsyncResult
			for i := range n {
				r, err := p.ApplyAsync(k.fn, []wire.Value{int64(i)}, nil, nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				rs = append(rs, r)
			}
			var got []string
			for _, r := range rs {
				got = append(got, outcome(r.Get(faultWait)))
			}
			if !slices.Equal(got, want) {
				t.Errorf("apply_async: %q\nwant %q", got, want)
			}

			// Map, MapAsync and Starmap: the whole call fails with the
			// lost chunk's error, after every chunk is done.
			if _, err := p.Map(k.fn, seqInts(n), 3); !isLost(err) || err.Error() != k.want {
				t.Errorf("map: %v; want %q", err, k.want)
			}
			r, err := p.MapAsync(k.fn, seqInts(n), 1, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := r.Get(faultWait); !isLost(err) {
				t.Errorf("map_async: %v", err)
			}
			calls := make([][]wire.Value, n)
			for i := range calls {
				calls[i] = []wire.Value{int64(i)}
			}
			if _, err := p.Starmap(k.fn, calls, 2); !isLost(err) {
				t.Errorf("starmap: %v", err)
			}

			// Imap and ImapUnordered (chunksize 1): the lost item's error at
			// its position, then the later items.
			it, err := p.Imap(k.fn, Values(seqInts(n)), 1)
			if err != nil {
				t.Fatal(err)
			}
			if got := drainAll(t, it); !slices.Equal(got, want) {
				t.Errorf("imap: %q\nwant %q", got, want)
			}
			it, err = p.ImapUnordered(k.fn, Values(seqInts(n)), 1)
			if err != nil {
				t.Fatal(err)
			}
			got = drainAll(t, it)
			slices.Sort(got)
			sorted := slices.Sorted(slices.Values(want))
			if !slices.Equal(got, sorted) {
				t.Errorf("imap_unordered: %q\nwant %q", got, sorted)
			}
			// Chunked imap: the chunks before the lost one, its error, and
			// the end (CPython's flattening generator stops at an error).
			it, err = p.Imap(k.fn, Values(seqInts(n)), 4)
			if err != nil {
				t.Fatal(err)
			}
			if got, w := drainAll(t, it), append(want[:4:4], "lost: "+k.want); !slices.Equal(got, w) {
				t.Errorf("imap chunksize 4: %q\nwant %q", got, w)
			}
			stillWorks(t, p)
		})
	}
}

// Tasks that kill their worker fail alone: three of them in a row do not
// break the pool (issue 14, item 5: all 12 tasks and every later call
// failed). Only workers that die while starting count toward the three.
// One worker makes it deterministic: three deaths in a row, no task
// finishing in between.
func TestFaultTasksKillingWorkersDoNotBreakPool(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(1))
	var rs []*AsyncResult
	for i := range 12 {
		r, err := p.ApplyAsync(tfExitBelow, []wire.Value{int64(i), int64(3)}, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	for i, r := range rs {
		v, err := r.Get(faultWait)
		if i < 3 {
			if !isLost(err) || err.Error() != "Worker exited prematurely: exit code 1" {
				t.Errorf("task %d (os.Exit(1)): %v, %v; want a WorkerLostError", i, v, err)
			}
			continue
		}
		if err != nil || v != int64(i*i) {
			t.Errorf("task %d: %v, %v; want %d", i, v, err, i*i)
		}
	}
	stillWorks(t, p)
}

// With short tasks a worker holds several at once (prefetch); a task that
// kills it must fail alone: the results of the tasks it ran before reach
// the parent, and those queued behind it run elsewhere.
func TestFaultKillerAmongShortTasks(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(1))
	const n = 2000
	var rs []*AsyncResult
	for i := range n {
		below := int64(0)
		if i%500 == 499 {
			below = int64(i + 1) // this one exits
		}
		r, err := p.ApplyAsync(tfExitBelow, []wire.Value{int64(i), below}, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	for i, r := range rs {
		v, err := r.Get(faultWait)
		if i%500 == 499 {
			if !isLost(err) {
				t.Errorf("task %d (os.Exit(1)): %v, %v; want a WorkerLostError", i, v, err)
			}
			continue
		}
		if err != nil || v != int64(i*i) {
			t.Errorf("task %d: %v, %v; want %d", i, v, err, i*i)
		}
	}
}

// A worker killed or exiting mid-task in each ProcessPoolExecutor API: as
// CPython's, the executor breaks: the futures done before keep their
// results, every other one fails with BrokenProcessPool (none hangs), and
// later submits fail.
func TestFaultExecutorWorkerDies(t *testing.T) {
	t.Parallel()
	for _, k := range killers {
		t.Run(k.name+"/submit", func(t *testing.T) {
			t.Parallel()
			ex := newTestExecutor(t, Workers(2))
			var fs []*Future[wire.Value]
			for i := range 20 {
				fs = append(fs, mustSubmit(t, ex, k.fn, int64(i)))
			}
			broken := 0
			for i, f := range fs {
				v, err := f.ResultTimeout(faultWait)
				var bpp *BrokenProcessPool
				switch {
				case err == nil && v == int64(i*i) && i != faultAt:
				case errors.As(err, &bpp) && err.Error() == MsgProcessTerminated:
					broken++
				default:
					t.Errorf("future %d: %v, %v", i, v, err)
				}
			}
			if broken == 0 {
				t.Error("no future failed")
			}
			if !fs[faultAt].Done() || fs[faultAt].Cancelled() {
				t.Errorf("the killer's future: %v", fs[faultAt].State())
			}
			_, err := ex.SubmitCall(tfSquare, []wire.Value{int64(1)}, nil)
			var bpp *BrokenProcessPool
			if !errors.As(err, &bpp) || err.Error() != MsgChildTerminated {
				t.Errorf("submit after the fault: %v", err)
			}
		})
		t.Run(k.name+"/map", func(t *testing.T) {
			t.Parallel()
			ex := newTestExecutor(t, Workers(2))
			calls := make([][]wire.Value, 20)
			for i := range calls {
				calls[i] = []wire.Value{int64(i)}
			}
			results, err := ex.MapCall(k.fn, calls, faultWait, 2)
			if err != nil {
				t.Fatal(err)
			}
			var got []wire.Value
			var last error
			for v, err := range results {
				if err != nil {
					last = err
					break
				}
				got = append(got, v)
			}
			var bpp *BrokenProcessPool
			if !errors.As(last, &bpp) || len(got) > faultAt {
				t.Fatalf("map: %d results then %v; want at most %d, then BrokenProcessPool", len(got), last, faultAt)
			}
			for i, v := range got {
				if v != int64(i*i) {
					t.Fatalf("map: result %d = %v", i, v)
				}
			}
		})
	}
}

// Values that cannot cross the wire fail their own task only, in every
// API, with an error saying why; the pool goes on.
func TestFaultUnsendableValues(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(2))
	cyclic := wire.List{nil}
	cyclic[0] = cyclic
	unsendable := []struct {
		name string
		v    wire.Value
	}{
		{"go struct", struct{ X int }{1}},
		{"cyclic list", cyclic},
	}
	for _, u := range unsendable {
		// ApplyAsync: that call fails, with an encoding error.
		_, err := p.Apply(tfSquare, []wire.Value{u.v}, nil)
		var enc *wire.EncodeError
		if !errors.As(err, &enc) {
			t.Errorf("apply with a %s: %v; want a *wire.EncodeError", u.name, err)
		}
		// Map: the chunk holding it fails the map.
		items := seqInts(10)
		items[faultAt] = u.v
		if _, err := p.Map(tfSquare, items, 2); !errors.As(err, &enc) {
			t.Errorf("map with a %s: %v", u.name, err)
		}
		// Imap: its position fails, the later items arrive.
		it, err := p.Imap(tfSquare, Values(items), 1)
		if err != nil {
			t.Fatal(err)
		}
		got := drainAll(t, it)
		if len(got) != 10 || !strings.HasPrefix(got[faultAt], "error: ") || got[9] != "81" {
			t.Errorf("imap with a %s: %q", u.name, got)
		}
	}
	// A result that cannot be sent back fails its task with CPython's
	// wording, in a Pool and an executor.
	const why = "the result could not be sent to the parent"
	if _, err := p.Apply(tfCyclic, nil, nil); err == nil || !strings.Contains(err.Error(), why) {
		t.Errorf("unsendable result: %v", err)
	}
	ex := newTestExecutor(t, Workers(1))
	if _, err := mustSubmit(t, ex, tfCyclic).ResultTimeout(faultWait); err == nil || !strings.Contains(err.Error(), why) {
		t.Errorf("unsendable result (executor): %v", err)
	}
	if v, err := mustSubmit(t, ex, tfSquare, int64(3)).ResultTimeout(faultWait); err != nil || v != int64(9) {
		t.Errorf("executor after an unsendable result: %v, %v", v, err)
	}
	stillWorks(t, p)
}

// Callbacks that fail or panic on a process Pool are logged; every result
// still becomes ready, and the pool goes on.
func TestFaultFailingCallbacks(t *testing.T) {
	logs := captureLog(t)
	p := newTestPool(t, Workers(2))
	var rs []*AsyncResult
	for i := range 6 {
		fn := Remote(tfSquare)
		if i%2 == 1 {
			fn = tfFail
		}
		args := []wire.Value{int64(i)}
		if i%2 == 1 {
			args = []wire.Value{fmt.Sprint("fails ", i)}
		}
		cb := func(wire.Value) error { return errors.New("callback failed") }
		if i%3 == 0 {
			cb = func(wire.Value) error { panic("callback panicked") }
		}
		ecb := func(error) error { panic("error callback panicked") }
		r, err := p.ApplyAsync(fn, args, nil, cb, ecb)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	m, err := p.MapAsync(tfSquare, seqInts(10), 3, func(wire.Value) error { panic("map callback panicked") }, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		v, err := r.Get(faultWait)
		if i%2 == 0 && (err != nil || v != int64(i*i)) || i%2 == 1 && err == nil {
			t.Errorf("result %d: %v, %v", i, v, err)
		}
	}
	if v, err := m.Get(faultWait); err != nil || len(v.(wire.List)) != 10 {
		t.Errorf("map_async with a panicking callback: %v, %v", v, err)
	}
	stillWorks(t, p)
	// An executor future's done callbacks: one panics, one fails; both
	// are logged, the others run, the result stands.
	ex := newTestExecutor(t, Workers(1))
	f := mustSubmit(t, ex, tfSquare, int64(6))
	ran := make(chan string, 3)
	f.AddDoneCallback(func(*Future[wire.Value]) error { ran <- "panics"; panic("done callback panicked") })
	f.AddDoneCallback(func(*Future[wire.Value]) error { ran <- "fails"; return errors.New("done callback failed") })
	f.AddDoneCallback(func(*Future[wire.Value]) error { ran <- "fine"; return nil })
	if v, err := f.ResultTimeout(faultWait); err != nil || v != int64(36) {
		t.Errorf("executor future with failing callbacks: %v, %v", v, err)
	}
	for range 3 {
		select {
		case <-ran:
		case <-time.After(faultWait):
			t.Fatal("a done callback did not run")
		}
	}
	if got := len(logs()); got != 9 {
		t.Errorf("%d callback failures logged, want 9: %q", got, logs())
	}
}

// An initializer that fails, panics or kills its worker: three workers in
// a row die while starting, and the Pool is broken (pending and later
// results fail with a *BrokenPoolError); an executor is broken at once
// (BrokenProcessPool), as CPython's.
func TestFaultFailingInitializers(t *testing.T) {
	stderr, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = stderr // the workers' tracebacks
	defer func() { os.Stderr = saved }()
	for _, c := range []struct {
		name string
		init Option
		want string
	}{
		{"raises", Initializer(tfInitFail, "no"), "initializer refused: no"},
		{"panics", Initializer(tfInitPanic), "initializer panicked"},
		{"exits", Initializer(tfInitExit), "Worker exited prematurely: exit code 7"},
	} {
		p := newTestPool(t, Workers(2), c.init)
		var rs []*AsyncResult
		for i := range 5 {
			r, err := p.ApplyAsync(tfSquare, []wire.Value{int64(i)}, nil, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			rs = append(rs, r)
		}
		for i, r := range rs {
			_, err := r.Get(faultWait)
			var broken *BrokenPoolError
			if !errors.As(err, &broken) || broken.Deaths != earlyDeathLimit || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: result %d: %v; want a BrokenPoolError naming %q", c.name, i, err, c.want)
			}
		}
		if _, err := p.Apply(tfSquare, []wire.Value{int64(1)}, nil); err == nil {
			t.Errorf("%s: a broken pool ran a task", c.name)
		}
		ex := newTestExecutor(t, Workers(1), c.init)
		_, err := mustSubmit(t, ex, tfSquare, int64(2)).ResultTimeout(faultWait)
		var bpp *BrokenProcessPool
		if !errors.As(err, &bpp) || err.Error() != MsgProcessTerminated {
			t.Errorf("%s: executor: %v; want BrokenProcessPool", c.name, err)
		}
	}
}

var tfEcho = Register("test.fault.echo", func(v wire.Value) wire.Value { return v })

// nestList is a list nested depth levels deep around 1.
func nestList(depth int) wire.Value {
	var v wire.Value = int64(1)
	for range depth {
		v = wire.List{v}
	}
	return v
}

// A value nested as deep as Python's recursion limit (1000) goes to a
// worker and back (issue 14, item 7: 250 levels was the limit); one nested
// beyond the wire's MaxDepth fails its own task with an encoding error.
func TestFaultDeepValues(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(1))
	deep := nestList(1000)
	v, err := p.Apply(tfEcho, []wire.Value{deep}, nil)
	if err != nil || !reflect.DeepEqual(v, deep) {
		t.Fatalf("a list nested 1000 levels: %v", err)
	}
	_, err = p.Apply(tfEcho, []wire.Value{nestList(wire.MaxDepth)}, nil)
	var enc *wire.EncodeError
	if !errors.As(err, &enc) || !strings.Contains(err.Error(), "nested deeper than") {
		t.Fatalf("a list nested %d levels: %v; want an encoding error", wire.MaxDepth, err)
	}
	stillWorks(t, p)
}
