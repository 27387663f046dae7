package pool

import "sync/atomic"

// workQueue is the thread executor's unbounded FIFO of work items. Pushes
// are serialised by the caller (the executor's mutex, which submit holds
// anyway); pops take no lock, so workers draining the queue never contend
// with submitters for a mutex. Items live in a forward-linked list of
// fixed-size segments indexed by global positions: a position is claimed by
// one compare-and-swap on head, and a slot is never reused (a consumed
// segment is left to the garbage collector), so a slow consumer can always
// still read the slot it claimed.
type workQueue struct {
	head    atomic.Uint64 // the next position to pop; consumers CAS it
	_       [56]byte      // keep head and tail on different cache lines
	tail    atomic.Uint64 // the next position to push; only the pusher stores it
	_       [56]byte
	headSeg atomic.Pointer[queueSeg] // a segment at or before head's
	tailSeg *queueSeg                // the segment tail falls in; the pusher's
}

// queueSegSize is the number of slots per segment: small enough to bound
// what an idle queue keeps reachable, large enough that a segment (1 KiB)
// is allocated rarely.
const queueSegSize = 64

type queueSeg struct {
	start uint64 // the position of slots[0]
	next  atomic.Pointer[queueSeg]
	slots [queueSegSize]workItem
}

func newWorkQueue() *workQueue {
	q := new(workQueue)
	seg := new(queueSeg)
	q.tailSeg = seg
	q.headSeg.Store(seg)
	return q
}

// len is the number of items pushed and not yet claimed. With the pushers'
// lock held it is exact as far as pushes go.
func (q *workQueue) len() int {
	t := q.tail.Load()
	h := q.head.Load()
	if h >= t {
		return 0
	}
	return int(t - h)
}

// push appends w. The caller holds the lock that serialises pushes.
func (q *workQueue) push(w workItem) {
	t := q.tail.Load()
	seg := q.tailSeg
	i := t - seg.start
	if i == queueSegSize {
		next := &queueSeg{start: t}
		seg.next.Store(next)
		q.tailSeg = next
		seg, i = next, 0
	}
	seg.slots[i] = w
	q.tail.Store(t + 1) // publishes the slot
}

// pop removes and returns the oldest item; it is safe for concurrent use
// with other pops and with a push.
func (q *workQueue) pop() (workItem, bool) {
	for {
		h := q.head.Load()
		if h >= q.tail.Load() {
			return nil, false
		}
		seg := q.headSeg.Load()
		if !q.head.CompareAndSwap(h, h+1) {
			continue
		}
		// Position h is ours. seg starts at or before h: headSeg only moves
		// to a segment once its first position has been claimed, which
		// happened before our load, so after our successful CAS it cannot
		// start past h.
		for h-seg.start >= queueSegSize {
			seg = seg.next.Load()
		}
		i := h - seg.start
		if i == 0 {
			q.advanceHead(seg)
		}
		// The slot is not cleared: that write would share a cache line with
		// the pusher's next writes. The segment, and the finished items in
		// it, go to the collector once head moves past it, so an idle
		// executor keeps at most queueSegSize-1 finished items reachable.
		return seg.slots[i], true
	}
}

// advanceHead moves headSeg forward to seg, never backward.
func (q *workQueue) advanceHead(seg *queueSeg) {
	for {
		old := q.headSeg.Load()
		if old.start >= seg.start || q.headSeg.CompareAndSwap(old, seg) {
			return
		}
	}
}
