package queues

import (
	"context"
	"sync"

	"github.com/pypool/pypool/pool/connection"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/synchronize"
)

// SimpleQueue is multiprocessing.SimpleQueue: a pipe with a reader and a
// writer lock, no feeder and no size.
type SimpleQueue struct {
	reader, writer *connection.Conn
	rlock, wlock   *synchronize.Lock
	mu             sync.Mutex
	codec          Codec
}

// SimpleQueueState is what rebuilds a SimpleQueue in another process.
type SimpleQueueState struct {
	Reader, Writer *connection.Conn
	RLock, WLock   string
}

// NewSimpleQueue makes a SimpleQueue.
func NewSimpleQueue() (*SimpleQueue, error) {
	r, w, err := connection.Pipe(false)
	if err != nil {
		return nil, err
	}
	q := &SimpleQueue{reader: r, writer: w, codec: WireCodec}
	if q.rlock, err = synchronize.NewLock(); err == nil {
		q.wlock, err = synchronize.NewLock()
	}
	if err != nil {
		r.Close()
		w.Close()
		return nil, err
	}
	return q, nil
}

// OpenSimpleQueue rebuilds a SimpleQueue from its State in another process.
func OpenSimpleQueue(st SimpleQueueState) (*SimpleQueue, error) {
	if st.Reader == nil || st.Writer == nil {
		return nil, &pyexc.ValueError{Msg: "queues: a SimpleQueueState needs both ends of the pipe"}
	}
	q := &SimpleQueue{reader: st.Reader, writer: st.Writer, codec: WireCodec}
	locks, err := openLocks(st.RLock, st.WLock)
	if err != nil {
		return nil, err
	}
	q.rlock, q.wlock = &synchronize.Lock{SemLock: locks[0]}, &synchronize.Lock{SemLock: locks[1]}
	return q, nil
}

// State returns what OpenSimpleQueue needs in another process.
func (q *SimpleQueue) State() SimpleQueueState {
	return SimpleQueueState{Reader: q.reader, Writer: q.writer, RLock: q.rlock.Name(), WLock: q.wlock.Name()}
}

// SetCodec replaces the [WireCodec] for this process's handle.
func (q *SimpleQueue) SetCodec(c Codec) {
	q.mu.Lock()
	q.codec = c
	q.mu.Unlock()
}

func (q *SimpleQueue) getCodec() Codec {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.codec
}

// Put encodes item (an item that cannot be encoded fails here, with nothing
// sent) and writes it under the writer lock. It blocks while the pipe is
// full; cancelling ctx ends the wait for the lock only.
func (q *SimpleQueue) Put(ctx context.Context, item any) error {
	msg, err := q.getCodec().Encode(item)
	if err != nil {
		return err
	}
	if _, err := q.wlock.Acquire(ctx, true, NoTimeout); err != nil {
		return err
	}
	defer q.wlock.Release(ctx)
	return q.writer.SendBytes(msg, 0, connection.Omitted)
}

// Get waits for the next item under the reader lock; cancelling ctx ends
// the wait and loses nothing. After Close it fails with "handle is closed".
func (q *SimpleQueue) Get(ctx context.Context) (any, error) {
	if _, err := q.rlock.Acquire(ctx, true, NoTimeout); err != nil {
		return nil, err
	}
	res, err := recvLocked(ctx, q.reader, NoTimeout)
	q.rlock.Release(ctx)
	if err != nil {
		return nil, err
	}
	return q.getCodec().Decode(res)
}

// Empty reports whether no item is waiting.
func (q *SimpleQueue) Empty() (bool, error) {
	ok, err := q.reader.Poll(0)
	return !ok, err
}

// Close closes this process's ends of the pipe.
func (q *SimpleQueue) Close() error {
	q.reader.Close()
	return q.writer.Close()
}
