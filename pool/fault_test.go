package pool

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// The fault suite (issue 14): workers killed or exiting in every API,
// unsendable values, failing callbacks and initializers. Every case checks
// that all results are accounted for: each is a value or an error, none is
// lost, none hangs (a generous bound catches a hang).

// tfExitBelow calls os.Exit(1) in the worker for x < below, else returns x*x.
var tfExitBelow = Register("test.exitbelow", func(x, below int64) int64 {
	if x < below {
		os.Exit(1)
	}
	return x * x
})

// faultWait bounds every wait of the fault suite: it only catches hangs.
const faultWait = 60 * time.Second

// isLost reports a *WorkerLostError.
func isLost(err error) bool {
	var lost *WorkerLostError
	return errors.As(err, &lost)
}

// Tasks that kill their worker fail alone: three of them in a row do not
// break the pool (issue 14, item 5). Only an initializer failure counts
// toward the three strikes.
func TestPoolTasksKillingWorkersDoNotBreakIt(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, Workers(2))
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
	if v, err := p.Apply(tfSquare, []wire.Value{int64(9)}, nil); err != nil || v != int64(81) {
		t.Fatalf("apply after three workers died in their tasks: %v, %v", v, err)
	}
}

// With short tasks a worker holds several at once (prefetch); a task that
// kills it must fail alone: the results of the tasks it ran before reach
// the parent, and the tasks queued behind it run elsewhere.
func TestPoolKillerAmongShortTasks(t *testing.T) {
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
