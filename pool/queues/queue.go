package queues

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/pypool/pypool/pool/connection"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/synchronize"
)

// NoTimeout, as a timeout, waits without limit (Python's timeout=None);
// zero or negative durations do not wait. It has pool.NoTimeout's value.
const NoTimeout = synchronize.NoTimeout

// Queue is multiprocessing.Queue. Its methods may be called from any
// goroutine.
type Queue struct {
	maxsize        int
	reader, writer *connection.Conn
	rlock, wlock   *synchronize.Lock
	sem            *synchronize.BoundedSemaphore
	opid           int
	kind           string     // the Python class, for messages
	join           *joinParts // JoinableQueue only

	mu            sync.Mutex
	notEmpty      sync.Cond // _notempty, on mu
	buffer        []any
	feeding       bool          // the feeder was started (_thread is not None)
	feederDone    chan struct{} // closed when the feeder ends
	joinCancelled bool
	closed        bool
	closeSent     bool // the sentinel is in the buffer (_close was called)
	codec         Codec
	onError       func(err error, item any)
}

// sentinel, put in the buffer by Close, ends the feeder.
var sentinel = new(byte)

// QueueState is what rebuilds a Queue in another process (CPython's
// __getstate__): the pipe's ends, to be handed over by the caller, and the
// names of the locks.
type QueueState struct {
	Maxsize        int
	Reader, Writer *connection.Conn
	RLock, WLock   string
	Sem            string
	OPID           int // the pid of the process that made the queue
	// JoinableQueue only.
	Unfinished string
	Cond       synchronize.ConditionState
}

// NewQueue makes a Queue holding at most maxsize items (no limit but
// SEM_VALUE_MAX when maxsize <= 0).
func NewQueue(maxsize int) (*Queue, error) {
	if maxsize <= 0 {
		maxsize = synchronize.SemValueMax
	}
	r, w, err := connection.Pipe(false)
	if err != nil {
		return nil, err
	}
	q := &Queue{maxsize: maxsize, reader: r, writer: w, opid: os.Getpid(), kind: "Queue"}
	if q.rlock, err = synchronize.NewLock(); err == nil {
		if q.wlock, err = synchronize.NewLock(); err == nil {
			q.sem, err = synchronize.NewBoundedSemaphore(maxsize)
		}
	}
	if err != nil {
		r.Close()
		w.Close()
		return nil, err
	}
	q.reset()
	return q, nil
}

// OpenQueue rebuilds a Queue from its State in another process; the Conns
// in st must be this process's (reattached with pool/connection). Nothing
// of the maker's buffer or feeder comes along, as in CPython.
func OpenQueue(st QueueState) (*Queue, error) {
	if st.Reader == nil || st.Writer == nil {
		return nil, &pyexc.ValueError{Msg: "queues: a QueueState needs both ends of the pipe"}
	}
	q := &Queue{maxsize: st.Maxsize, reader: st.Reader, writer: st.Writer, opid: st.OPID, kind: "Queue"}
	locks, err := openLocks(st.RLock, st.WLock, st.Sem)
	if err != nil {
		return nil, err
	}
	q.rlock, q.wlock = &synchronize.Lock{SemLock: locks[0]}, &synchronize.Lock{SemLock: locks[1]}
	q.sem = &synchronize.BoundedSemaphore{SemLock: locks[2]}
	q.reset()
	return q, nil
}

// openLocks attaches to the SemLocks named.
func openLocks(names ...string) ([]*synchronize.SemLock, error) {
	locks := make([]*synchronize.SemLock, len(names))
	for i, name := range names {
		l, err := synchronize.Open(name)
		if err != nil {
			return nil, err
		}
		locks[i] = l
	}
	return locks, nil
}

// reset is CPython's _reset: a fresh buffer and no feeder.
func (q *Queue) reset() {
	q.notEmpty.L = &q.mu
	q.codec = WireCodec
	q.onError = printFeederError
}

// State returns what OpenQueue needs in another process.
func (q *Queue) State() QueueState {
	st := QueueState{
		Maxsize: q.maxsize, Reader: q.reader, Writer: q.writer,
		RLock: q.rlock.Name(), WLock: q.wlock.Name(), Sem: q.sem.Name(), OPID: q.opid,
	}
	if q.join != nil {
		st.Unfinished = q.join.unfinished.Name()
		st.Cond = q.join.cond.State()
	}
	return st
}

// SetCodec replaces the [WireCodec] for this process's handle of the queue.
func (q *Queue) SetCodec(c Codec) {
	q.mu.Lock()
	q.codec = c
	q.mu.Unlock()
}

// SetFeederErrorHandler sets what the feeder calls with an item it could
// not encode or write, after giving its place back (CPython's
// _on_queue_feeder_error). The default prints a traceback-like report to
// stderr. fn runs in the feeder goroutine: the next items wait for it.
func (q *Queue) SetFeederErrorHandler(fn func(err error, item any)) {
	q.mu.Lock()
	q.onError = fn
	q.mu.Unlock()
}

func printFeederError(err error, item any) {
	fmt.Fprintf(os.Stderr, "Traceback (most recent call last):\n  File \"<queue feeder>\", in _feed\n%s (an item of Go type %T was dropped)\n", err, item)
}

func (q *Queue) repr() string {
	return fmt.Sprintf("<multiprocessing.queues.%s object at %p>", q.kind, q)
}

func (q *Queue) errIfClosed() error {
	q.mu.Lock()
	closed := q.closed
	q.mu.Unlock()
	if closed {
		return &pyexc.ValueError{Msg: fmt.Sprintf("Queue %s is closed", q.repr())}
	}
	return nil
}

// Put adds item to the queue: it takes a place, waiting for one when block
// is true up to timeout ([NoTimeout]: no limit), else fails with *[Full],
// and hands the item to the feeder. It returns before the item is written;
// cancelling ctx ends the wait for a place. A closed queue fails with
// ValueError "Queue … is closed".
func (q *Queue) Put(ctx context.Context, item any, block bool, timeout time.Duration) error {
	if err := q.errIfClosed(); err != nil {
		return err
	}
	ok, err := q.sem.Acquire(ctx, block, timeout)
	if err != nil {
		return err
	}
	if !ok {
		return errFull
	}
	if q.join != nil {
		if _, err := q.join.cond.Acquire(ctx, true, NoTimeout); err != nil {
			q.sem.Release(ctx)
			return err
		}
		defer q.join.cond.Release(ctx)
	}
	q.mu.Lock()
	if !q.feeding {
		q.startFeeder()
	}
	q.buffer = append(q.buffer, item)
	if q.join != nil {
		q.join.unfinished.Release(ctx)
	}
	q.notEmpty.Signal()
	q.mu.Unlock()
	return nil
}

// Get removes and returns the next item: it waits for the reader lock and a
// message when block is true, up to timeout ([NoTimeout]: no limit), else
// fails with *[Empty]. Cancelling ctx ends the wait and loses nothing. A
// closed queue fails with ValueError "Queue … is closed"; a message the
// codec cannot decode is returned as its error (the message is consumed).
func (q *Queue) Get(ctx context.Context, block bool, timeout time.Duration) (any, error) {
	if err := q.errIfClosed(); err != nil {
		return nil, err
	}
	var deadline time.Time
	if block && timeout != NoTimeout {
		deadline = time.Now().Add(timeout)
	}
	ok, err := q.rlock.Acquire(ctx, block, timeout)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errEmpty
	}
	wait := time.Duration(0)
	switch {
	case block && timeout == NoTimeout:
		wait = NoTimeout
	case block:
		wait = time.Until(deadline)
	}
	res, err := recvLocked(ctx, q.reader, wait)
	q.rlock.Release(ctx)
	if err != nil {
		return nil, err
	}
	q.sem.Release(ctx)
	q.mu.Lock()
	codec := q.codec
	q.mu.Unlock()
	return codec.Decode(res)
}

// recvLocked reads one message, waiting up to wait for it: *[Empty] when
// none comes. The caller holds the reader lock.
func recvLocked(ctx context.Context, r *connection.Conn, wait time.Duration) ([]byte, error) {
	if wait == NoTimeout {
		return r.RecvBytesContext(ctx, connection.Omitted)
	}
	ok, err := r.PollContext(ctx, wait)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errEmpty
	}
	return r.RecvBytes(connection.Omitted)
}

// Qsize is the number of items put and not yet got, in all processes
// (maxsize minus the free places).
func (q *Queue) Qsize() int { return q.maxsize - q.sem.GetValue() }

// Empty reports whether no message is waiting on the pipe (an item put a
// moment ago may still be in its feeder, as in CPython).
func (q *Queue) Empty() (bool, error) {
	ok, err := q.reader.Poll(0)
	return !ok, err
}

// Full reports whether no place is free.
func (q *Queue) Full() bool { return q.sem.IsZero() }

// Close says this process will put no more: the feeder writes what it
// holds, then closes the pipe's ends here. Later Puts and Gets fail with
// ValueError; other processes' handles are not affected.
func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	if q.feeding && !q.closeSent {
		q.closeSent = true
		q.buffer = append(q.buffer, sentinel)
		q.notEmpty.Signal()
	}
	q.mu.Unlock()
}

// JoinThread waits until the feeder has written everything put before
// Close (CPython's join_thread); unless CancelJoinThread was called. An
// open queue fails with AssertionError "Queue … not closed". If nobody
// reads the pipe and it is full, this waits until ctx is cancelled.
func (q *Queue) JoinThread(ctx context.Context) error {
	q.mu.Lock()
	closed, done := q.closed, q.feederDone
	if q.joinCancelled {
		done = nil
	}
	q.mu.Unlock()
	if !closed {
		return &pyexc.AssertionError{Msg: fmt.Sprintf("Queue %s not closed", q.repr())}
	}
	if done == nil {
		return nil
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// CancelJoinThread makes JoinThread and [AtExit] not wait for this queue's
// feeder: items it has not written may be lost.
func (q *Queue) CancelJoinThread() {
	q.mu.Lock()
	q.joinCancelled = true
	q.mu.Unlock()
}

// live holds the queues whose feeder runs, for AtExit.
var live sync.Map // *Queue → struct{}

// startFeeder starts the feeder goroutine; called under mu.
func (q *Queue) startFeeder() {
	q.feeding = true
	q.buffer = q.buffer[:0]
	q.feederDone = make(chan struct{})
	live.Store(q, struct{}{})
	go q.feed(q.feederDone)
}

// feed is CPython's _feed: take the buffered items, encode each, write
// them under the writer lock; at the sentinel close the pipe's ends and
// stop. An item that fails gives its place back and goes to the error
// handler. Unlike CPython, which writes item by item, the items the
// feeder finds waiting go out together, in as few writes as they fit.
func (q *Queue) feed(done chan struct{}) {
	defer func() {
		live.Delete(q)
		close(done)
	}()
	var msgs [][]byte
	var sent []any
	for {
		q.mu.Lock()
		for len(q.buffer) == 0 {
			q.notEmpty.Wait()
		}
		items := q.buffer
		q.buffer = nil
		codec, onError := q.codec, q.onError
		q.mu.Unlock()
		msgs, sent = msgs[:0], sent[:0]
		stop := false
		for _, item := range items {
			if item == any(sentinel) {
				stop = true
				break
			}
			msg, err := codec.Encode(item)
			if err != nil {
				q.failed(onError, err, item)
				continue
			}
			msgs, sent = append(msgs, msg), append(sent, item)
		}
		if len(msgs) > 0 {
			if err := q.write(msgs); err != nil {
				for _, item := range sent {
					q.failed(onError, err, item)
				}
			}
		}
		clear(sent) // do not keep the items alive
		if stop {
			q.reader.Close()
			q.writer.Close()
			return
		}
	}
}

// write sends msgs under the writer lock.
func (q *Queue) write(msgs [][]byte) error {
	ctx := context.Background()
	if _, err := q.wlock.Acquire(ctx, true, NoTimeout); err != nil {
		return err
	}
	defer q.wlock.Release(ctx)
	return q.writer.SendBatch(msgs)
}

// failed gives an item's place back and reports it.
func (q *Queue) failed(onError func(error, any), err error, item any) {
	q.sem.Release(context.Background())
	if onError != nil {
		onError(err, item)
	}
}

// AtExit does what CPython's finalizers do for queues when a process exits:
// every queue with a running feeder is closed, and its feeder waited for
// unless CancelJoinThread was called, until ctx is cancelled.
func AtExit(ctx context.Context) error {
	var qs []*Queue
	live.Range(func(k, _ any) bool {
		qs = append(qs, k.(*Queue))
		return true
	})
	for _, q := range qs {
		q.Close()
	}
	for _, q := range qs {
		if err := q.JoinThread(ctx); err != nil {
			return err
		}
	}
	return nil
}
