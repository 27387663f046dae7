package queues

import (
	"context"

	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/synchronize"
)

// JoinableQueue is multiprocessing.JoinableQueue: a [Queue] that counts
// unfinished tasks, with TaskDone and Join.
type JoinableQueue struct{ *Queue }

// joinParts are a JoinableQueue's extra locks: _unfinished_tasks and _cond.
type joinParts struct {
	unfinished *synchronize.Semaphore
	cond       *synchronize.Condition
}

// NewJoinableQueue makes a JoinableQueue holding at most maxsize items.
func NewJoinableQueue(maxsize int) (*JoinableQueue, error) {
	q, err := NewQueue(maxsize)
	if err != nil {
		return nil, err
	}
	j := &joinParts{}
	if j.unfinished, err = synchronize.NewSemaphore(0); err == nil {
		j.cond, err = synchronize.NewCondition(nil)
	}
	if err != nil {
		q.reader.Close()
		q.writer.Close()
		return nil, err
	}
	q.join, q.kind = j, "JoinableQueue"
	return &JoinableQueue{q}, nil
}

// OpenJoinableQueue rebuilds a JoinableQueue from its State, as OpenQueue.
func OpenJoinableQueue(st QueueState) (*JoinableQueue, error) {
	q, err := OpenQueue(st)
	if err != nil {
		return nil, err
	}
	j := &joinParts{}
	locks, err := openLocks(st.Unfinished)
	if err != nil {
		return nil, err
	}
	j.unfinished = &synchronize.Semaphore{SemLock: locks[0]}
	if j.cond, err = synchronize.OpenCondition(st.Cond); err != nil {
		return nil, err
	}
	q.join, q.kind = j, "JoinableQueue"
	return &JoinableQueue{q}, nil
}

// TaskDone says one item got from the queue has been dealt with; called
// more often than items were put, it fails with ValueError "task_done()
// called too many times". It waits for the condition's lock, which
// cancelling ctx ends.
func (q *JoinableQueue) TaskDone(ctx context.Context) error {
	j := q.join
	if _, err := j.cond.Acquire(ctx, true, NoTimeout); err != nil {
		return err
	}
	defer j.cond.Release(ctx)
	ok, err := j.unfinished.Acquire(ctx, false, 0)
	if err != nil {
		return err
	}
	if !ok {
		return &pyexc.ValueError{Msg: "task_done() called too many times"}
	}
	if j.unfinished.IsZero() {
		return j.cond.NotifyAll(ctx)
	}
	return nil
}

// Join waits until every item put has been marked done with TaskDone (in
// any process), or ctx is cancelled. As CPython, it waits for one
// notification only: the last TaskDone's.
func (q *JoinableQueue) Join(ctx context.Context) error {
	j := q.join
	if _, err := j.cond.Acquire(ctx, true, NoTimeout); err != nil {
		return err
	}
	defer j.cond.Release(ctx)
	if !j.unfinished.IsZero() {
		_, err := j.cond.Wait(ctx, NoTimeout)
		return err
	}
	return nil
}
