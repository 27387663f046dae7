package synchronize

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/pypool/pypool/pool/internal/shmblock"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/resourcetracker"
)

// Kind is a SemLock's kind, numbered as CPython's RECURSIVE_MUTEX and
// SEMAPHORE.
type Kind int

const (
	KindRecursiveMutex Kind = 0 // RECURSIVE_MUTEX: owned by one thread, re-entrant
	KindSemaphore      Kind = 1 // SEMAPHORE: a counter (Lock is one with maxvalue 1)
)

// SemValueMax is SemLock.SEM_VALUE_MAX on Linux (INT_MAX).
const SemValueMax = math.MaxInt32

// The file's layout: 32-bit words at these byte offsets.
const (
	offMagic    = 0  // semMagic once the creator has filled the rest
	offKind     = 4  // Kind
	offMaxValue = 8  // maxvalue
	offValue    = 12 // the semaphore's value
	offWaiters  = 16 // how many waiters are (about to be) asleep
	offSeq      = 20 // bumped on every wake-up; waiters sleep on it
	semSize     = 64

	semMagic = 0x4c534d50 // "PMSL"
)

// SemLock is _multiprocessing.SemLock: a semaphore in shared memory plus
// this process's count of acquisitions and the thread that acquired last.
type SemLock struct {
	block    *shmblock.Block
	kind     Kind
	maxvalue int
	value    *atomic.Uint32
	waiters  *atomic.Uint32
	seq      *atomic.Uint32
	count    atomic.Int64  // acquisitions through this handle not yet released
	lastTid  atomic.Uint64 // the thread that acquired last
}

// NewSemLock creates a SemLock of kind with the given initial value and
// maxvalue. A negative value or maxvalue, or one above SemValueMax, is
// EINVAL (CPython's OSError from sem_open).
func NewSemLock(kind Kind, value, maxvalue int) (*SemLock, error) {
	if kind != KindRecursiveMutex && kind != KindSemaphore {
		return nil, &pyexc.ValueError{Msg: "unrecognized kind"}
	}
	if value < 0 || value > SemValueMax || maxvalue < 0 || maxvalue > SemValueMax {
		return nil, syscall.EINVAL
	}
	b, err := shmblock.New(semSize, resourcetracker.Semaphore)
	if err != nil {
		return nil, err
	}
	b.Word(offKind).Store(uint32(kind))
	b.Word(offMaxValue).Store(uint32(maxvalue))
	b.Word(offValue).Store(uint32(value))
	b.Word(offMagic).Store(semMagic)
	return newSemLock(b), nil
}

// Open attaches to the SemLock called name, made by NewSemLock in any
// process (CPython's SemLock._rebuild). Its count starts at 0 here.
func Open(name string) (*SemLock, error) {
	b, err := shmblock.Open(name)
	if err != nil {
		return nil, err
	}
	if len(b.Mem()) < semSize || b.Word(offMagic).Load() != semMagic {
		return nil, fmt.Errorf("synchronize: %s is not a pypool semaphore", name)
	}
	return newSemLock(b), nil
}

func newSemLock(b *shmblock.Block) *SemLock {
	return &SemLock{
		block:    b,
		kind:     Kind(b.Word(offKind).Load()),
		maxvalue: int(b.Word(offMaxValue).Load()),
		value:    b.Word(offValue),
		waiters:  b.Word(offWaiters),
		seq:      b.Word(offSeq),
	}
}

// Name is the name Open takes ("/pypool-PID-RANDOM").
func (s *SemLock) Name() string { return s.block.Name() }

// Kind is KindRecursiveMutex or KindSemaphore.
func (s *SemLock) Kind() Kind { return s.kind }

// MaxValue is the value Release may not exceed.
func (s *SemLock) MaxValue() int { return s.maxvalue }

// Unlink removes the SemLock's name (CPython's sem_unlink): handles
// already open keep working, later Opens fail. The creating process does
// it itself when the SemLock is garbage or at resourcetracker.Cleanup.
func (s *SemLock) Unlink() error { return s.block.Unlink() }

// isMine is CPython's ISMINE: acquired through this handle, last by tid.
// (The owner stores lastTid before raising count, so another thread never
// sees a count with a stale owner.)
func (s *SemLock) isMine(tid uint64) bool {
	return s.count.Load() > 0 && s.lastTid.Load() == tid
}

func (s *SemLock) acquired(tid uint64) {
	if s.lastTid.Load() != tid { // a store is a locked instruction: skip it when unchanged
		s.lastTid.Store(tid)
	}
	s.count.Add(1)
}

// tryAcquire takes one unit of the value if there is one.
func (s *SemLock) tryAcquire() bool {
	for v := s.value.Load(); v > 0; v = s.value.Load() {
		if s.value.CompareAndSwap(v, v-1) {
			raceAcquired(s)
			return true
		}
	}
	return false
}

// Acquire is SemLock.acquire(block, timeout). An RLock already held by the
// calling thread is re-entered at once. Otherwise it takes one unit of the
// value; without block, or with a zero or negative timeout, it does not
// wait. It blocks until a unit is free (true), the timeout passes (false,
// nil) or ctx is cancelled (false, ctx.Err()).
func (s *SemLock) Acquire(ctx context.Context, block bool, timeout time.Duration) (bool, error) {
	defer runtime.KeepAlive(s)
	tid := threadOf(ctx)
	if s.kind == KindRecursiveMutex && s.isMine(tid) {
		s.count.Add(1)
		return true, nil
	}
	if s.tryAcquire() {
		s.acquired(tid)
		return true, nil
	}
	if !block || timeout <= 0 {
		return false, nil
	}
	ok, err := s.wait(ctx, timeout)
	if ok {
		s.acquired(tid)
	}
	return ok, err
}

// wait sleeps on the sequence word until a unit is taken, the timeout
// passes or ctx is cancelled. Waking: Release bumps seq and wakes one
// sleeper when waiters > 0; a cancelled ctx bumps seq and wakes all (the
// others see a spurious wake-up and sleep again). Because each pass reads
// seq before trying the value, a bump between the try and the sleep makes
// the futex return at once: no wake-up is lost.
func (s *SemLock) wait(ctx context.Context, timeout time.Duration) (bool, error) {
	var deadline time.Time
	if timeout != NoTimeout {
		deadline = time.Now().Add(timeout)
	}
	s.waiters.Add(1)
	defer s.waiters.Add(^uint32(0))
	stop := context.AfterFunc(ctx, func() {
		s.seq.Add(1)
		futexWakeup(s.seq, math.MaxInt32)
	})
	defer stop()
	for {
		seq := s.seq.Load()
		if s.tryAcquire() {
			return true, nil
		}
		if err := ctx.Err(); err != nil {
			return false, err
		}
		d := time.Duration(-1)
		if !deadline.IsZero() {
			if d = time.Until(deadline); d <= 0 {
				return false, nil
			}
		}
		futexSleep(s.seq, seq, d)
	}
}

var errTooMany = &pyexc.ValueError{Msg: "semaphore or lock released too many times"}

// Release is SemLock.release(). An RLock not held by the calling thread
// fails with AssertionError "attempt to release recursive lock not owned by
// thread"; one held several times is only counted down. A release that
// would raise the value to maxvalue or beyond (an unheld Lock, a
// BoundedSemaphore released more than acquired) fails with ValueError
// "semaphore or lock released too many times". It never blocks.
func (s *SemLock) Release(ctx context.Context) error {
	defer runtime.KeepAlive(s)
	if s.kind == KindRecursiveMutex {
		if !s.isMine(threadOf(ctx)) {
			return &pyexc.AssertionError{Msg: "attempt to release recursive lock not owned by thread"}
		}
		if s.count.Add(-1) > 0 {
			return nil
		}
		if err := s.post(); err != nil {
			s.count.Add(1)
			return err
		}
		return nil
	}
	if err := s.post(); err != nil {
		return err
	}
	s.count.Add(-1)
	return nil
}

// post raises the value by one unless it is at maxvalue, and wakes a
// sleeper if there is one.
func (s *SemLock) post() error {
	max := uint32(s.maxvalue)
	raceReleased(s)
	for {
		v := s.value.Load()
		if v >= max {
			return errTooMany
		}
		if s.value.CompareAndSwap(v, v+1) {
			break
		}
	}
	if s.waiters.Load() > 0 {
		s.seq.Add(1)
		futexWakeup(s.seq, 1)
	}
	return nil
}

// Count is SemLock._count(): acquisitions through this handle (in this
// process, by any thread) not yet released.
func (s *SemLock) Count() int { return int(s.count.Load()) }

// IsMine is SemLock._is_mine(): acquired through this handle, last by the
// thread ctx names.
func (s *SemLock) IsMine(ctx context.Context) bool { return s.isMine(threadOf(ctx)) }

// GetValue is SemLock._get_value(): the semaphore's current value.
func (s *SemLock) GetValue() int {
	defer runtime.KeepAlive(s)
	return int(s.value.Load())
}

// IsZero is SemLock._is_zero().
func (s *SemLock) IsZero() bool { return s.GetValue() == 0 }
