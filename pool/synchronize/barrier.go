package synchronize

import (
	"context"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/pypool/pypool/pool/internal/shmblock"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/resourcetracker"
)

// Barrier states, as threading.Barrier's _state.
const (
	barrierFilling   = 0
	barrierDraining  = 1
	barrierResetting = -1
	barrierBroken    = -2
)

// Barrier is multiprocessing.Barrier: threading.Barrier's algorithm with
// its state and count in shared memory and a Condition (on an RLock)
// shared by all processes.
type Barrier struct {
	parties int
	action  func() error
	timeout time.Duration
	cond    *Condition
	shared  *shmblock.Block // two int32: _state, _count
}

// BarrierState describes a Barrier for OpenBarrier (CPython's
// __getstate__ without the action, which a Go process supplies itself).
type BarrierState struct {
	Parties int
	Timeout time.Duration
	Cond    ConditionState
	Shared  string
}

// NewBarrier creates a Barrier for parties threads. action, if not nil, is
// run by the last thread to arrive, before all are released (an error
// from it breaks the barrier and is returned to that thread); timeout is
// the default for Wait (NoTimeout: none). As CPython 3.11, parties is not
// checked: a Barrier for 0 parties never trips.
func NewBarrier(parties int, action func() error, timeout time.Duration) (*Barrier, error) {
	c, err := NewCondition(nil)
	if err != nil {
		return nil, err
	}
	shared, err := shmblock.New(8, resourcetracker.Heap)
	if err != nil {
		return nil, err
	}
	return &Barrier{parties: parties, action: action, timeout: timeout, cond: c, shared: shared}, nil
}

// OpenBarrier attaches to the Barrier st describes, with this process's
// action (nil for none).
func OpenBarrier(st BarrierState, action func() error) (*Barrier, error) {
	c, err := OpenCondition(st.Cond)
	if err != nil {
		return nil, err
	}
	shared, err := shmblock.Open(st.Shared)
	if err != nil {
		return nil, err
	}
	if len(shared.Mem()) < 8 {
		return nil, &pyexc.ValueError{Msg: "synchronize: " + st.Shared + " is not a barrier's state"}
	}
	return &Barrier{parties: st.Parties, action: action, timeout: st.Timeout, cond: c, shared: shared}, nil
}

// State describes the Barrier for OpenBarrier.
func (b *Barrier) State() BarrierState {
	return BarrierState{Parties: b.parties, Timeout: b.timeout, Cond: b.cond.State(), Shared: b.shared.Name()}
}

// word is the shared int32 at index i: 0 is _state, 1 is _count.
func (b *Barrier) word(i int) *atomic.Uint32 { return b.shared.Word(4 * i) }

func (b *Barrier) state() int32 {
	defer runtime.KeepAlive(b)
	return int32(b.word(0).Load())
}

func (b *Barrier) setState(v int32) {
	defer runtime.KeepAlive(b)
	b.word(0).Store(uint32(v))
}

func (b *Barrier) count() int32 {
	defer runtime.KeepAlive(b)
	return int32(b.word(1).Load())
}

func (b *Barrier) addCount(d int32) {
	defer runtime.KeepAlive(b)
	b.word(1).Add(uint32(d))
}

// Wait is Barrier.wait(timeout) (NoTimeout: the Barrier's default). It
// blocks until parties threads have called it, then returns this thread's
// index (0 … parties-1). It fails with *BrokenBarrierError when the barrier
// is or becomes broken (abort, reset while waiting, a timeout, a failing
// action), and with ctx.Err() when ctx is cancelled — which, as a
// KeyboardInterrupt in CPython, leaves the barrier unbroken.
func (b *Barrier) Wait(ctx context.Context, timeout time.Duration) (index int, err error) {
	if timeout == NoTimeout {
		timeout = b.timeout
	}
	if _, err := b.cond.Acquire(ctx, true, NoTimeout); err != nil {
		return 0, err
	}
	defer func() {
		if rerr := b.cond.Release(ctx); err == nil {
			err = rerr
		}
	}()
	if err := b.enter(ctx); err != nil {
		return 0, err
	}
	index = int(b.count())
	b.addCount(1)
	defer func() {
		b.addCount(-1)
		if xerr := b.exit(ctx); err == nil {
			err = xerr
		}
	}()
	if index+1 == b.parties {
		err = b.release(ctx)
	} else {
		err = b.wait(ctx, timeout)
	}
	return index, err
}

// enter blocks while the barrier drains or resets.
func (b *Barrier) enter(ctx context.Context) error {
	for s := b.state(); s == barrierResetting || s == barrierDraining; s = b.state() {
		if _, err := b.cond.Wait(ctx, NoTimeout); err != nil {
			return err
		}
	}
	if b.state() < 0 {
		return &BrokenBarrierError{}
	}
	return nil
}

// release runs the action and lets every waiter go.
func (b *Barrier) release(ctx context.Context) error {
	if b.action != nil {
		if err := b.action(); err != nil {
			b.breakBarrier(ctx)
			return err
		}
	}
	b.setState(barrierDraining)
	return b.cond.NotifyAll(ctx)
}

// wait blocks until the barrier leaves the filling state.
func (b *Barrier) wait(ctx context.Context, timeout time.Duration) error {
	ok, err := b.cond.WaitFor(ctx, func() (bool, error) { return b.state() != barrierFilling, nil }, timeout)
	if err != nil {
		return err
	}
	if !ok {
		b.breakBarrier(ctx)
		return &BrokenBarrierError{}
	}
	if b.state() < 0 {
		return &BrokenBarrierError{}
	}
	return nil
}

// exit lets the next round fill once the last thread has left.
func (b *Barrier) exit(ctx context.Context) error {
	if b.count() == 0 {
		if s := b.state(); s == barrierResetting || s == barrierDraining {
			b.setState(barrierFilling)
			return b.cond.NotifyAll(ctx)
		}
	}
	return nil
}

// Reset is Barrier.reset(): threads waiting get *BrokenBarrierError and
// the barrier is usable again once they have left. It blocks only for the
// Barrier's lock, or until ctx is cancelled.
func (b *Barrier) Reset(ctx context.Context) error {
	if _, err := b.cond.Acquire(ctx, true, NoTimeout); err != nil {
		return err
	}
	if b.count() > 0 {
		if s := b.state(); s == barrierFilling || s == barrierBroken {
			b.setState(barrierResetting)
		}
	} else {
		b.setState(barrierFilling)
	}
	err := b.cond.NotifyAll(ctx)
	if rerr := b.cond.Release(ctx); err == nil {
		err = rerr
	}
	return err
}

// Abort is Barrier.abort(): the barrier is broken for current and future
// waiters until Reset.
func (b *Barrier) Abort(ctx context.Context) error {
	if _, err := b.cond.Acquire(ctx, true, NoTimeout); err != nil {
		return err
	}
	err := b.breakBarrier(ctx)
	if rerr := b.cond.Release(ctx); err == nil {
		err = rerr
	}
	return err
}

func (b *Barrier) breakBarrier(ctx context.Context) error {
	b.setState(barrierBroken)
	return b.cond.NotifyAll(ctx)
}

// Parties is the number of threads needed to trip the barrier.
func (b *Barrier) Parties() int { return b.parties }

// NWaiting is the number of threads waiting (0 unless filling).
func (b *Barrier) NWaiting() int {
	if b.state() == barrierFilling {
		return int(b.count())
	}
	return 0
}

// Broken reports whether the barrier is broken.
func (b *Barrier) Broken() bool { return b.state() == barrierBroken }
