package pool

import (
	"sync"

	"github.com/pypool/pypool/pool/wire"
)

// sendQueue feeds one pipe from one goroutine: producers push messages
// without blocking; the writer goroutine encodes everything queued and
// flushes once the queue is empty, so small frames leave in batches.
type sendQueue struct {
	mu      sync.Mutex
	cond    sync.Cond
	items   []*wire.Message
	spare   []*wire.Message
	closing bool // drain what is queued, flush, stop
	dead    bool // the pipe failed: drop everything
	done    chan struct{}

	w *frameWriter
	// onEncodeError is called (from the writer goroutine, with no lock held)
	// for a message that could not be encoded; nothing of it was written.
	onEncodeError func(m *wire.Message, err error)
	// filter, if set, is asked before each message is encoded; false skips it.
	filter func(m *wire.Message) bool
	// onWriteError is called once if the pipe fails.
	onWriteError func(err error)
}

func newSendQueue(w *frameWriter) *sendQueue {
	q := &sendQueue{w: w, done: make(chan struct{})}
	q.cond.L = &q.mu
	return q
}

// push queues m; it reports false when the queue no longer accepts messages.
func (q *sendQueue) push(m *wire.Message) bool {
	q.mu.Lock()
	if q.closing || q.dead {
		q.mu.Unlock()
		return false
	}
	q.items = append(q.items, m)
	if len(q.items) == 1 {
		q.cond.Signal()
	}
	q.mu.Unlock()
	return true
}

// close makes the writer send what is queued, flush and stop.
func (q *sendQueue) close() {
	q.mu.Lock()
	q.closing = true
	q.cond.Signal()
	q.mu.Unlock()
}

// abandon drops whatever is queued and stops the writer.
func (q *sendQueue) abandon() {
	q.mu.Lock()
	q.dead = true
	q.items = nil
	q.cond.Signal()
	q.mu.Unlock()
}

// run is the writer goroutine.
func (q *sendQueue) run() {
	defer close(q.done)
	for {
		q.mu.Lock()
		for len(q.items) == 0 && !q.closing && !q.dead {
			q.cond.Wait()
		}
		if dead := q.dead; dead || (len(q.items) == 0 && q.closing) {
			q.mu.Unlock()
			if !dead {
				q.w.Flush()
			}
			return
		}
		batch := q.items
		q.items, q.spare = q.spare[:0], nil
		q.mu.Unlock()

		var werr error
		for i, m := range batch {
			batch[i] = nil
			if werr != nil {
				continue
			}
			if q.filter != nil && !q.filter(m) {
				continue
			}
			if err := q.w.WriteMessage(m); err != nil {
				if isEncodeError(err) {
					if q.onEncodeError != nil {
						q.onEncodeError(m, err)
					}
					continue
				}
				werr = err
			}
		}
		if werr == nil {
			werr = q.w.Flush()
		}
		if werr != nil {
			q.mu.Lock()
			q.dead = true
			q.items = nil
			q.mu.Unlock()
			if q.onWriteError != nil {
				q.onWriteError(werr)
			}
			return
		}
		q.mu.Lock()
		if cap(batch) <= 4096 {
			q.spare = batch[:0]
		}
		q.mu.Unlock()
	}
}
