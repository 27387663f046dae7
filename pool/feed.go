package pool

import "sync"

// feedAhead is how many jobs of one task sequence (a map's chunks, an
// imap's items) may be running or queued per worker at once: enough to
// keep each worker's prefetch full (prefetchFast) with as many again
// queued.
const feedAhead = 2 * prefetchFast

// A feedWindow bounds what one task sequence holds in memory. The task
// handler makes a job only when there is room (take), as CPython's blocks
// on its full task pipe, so a long map or imap costs memory for the jobs in
// flight, not for its length:
//
//   - at most feedAhead jobs per worker are in flight (handed to the
//     backend, not finished);
//   - for an imap (reads), at most twice that many are in flight or
//     finished and not yet taken by Next, so a reader slower than the
//     workers holds the workers back rather than piling up results. That
//     limit gives way whenever the task handler has other work queued
//     behind the imap, or the pool is closed: an imap nobody reads never
//     holds back later work, Close or Join, and its tasks then all run, as
//     in CPython.
type feedWindow struct {
	p     *Pool
	limit int  // jobs in flight
	reads bool // an imap: count the results not yet read

	mu       sync.Mutex
	inFlight int
	unread   int           // finished, not yet taken by Next
	wake     chan struct{} // made by a waiting take, closed on news
}

func (p *Pool) newFeedWindow(reads bool) *feedWindow {
	return &feedWindow{p: p, limit: feedAhead * p.workers, reads: reads}
}

// take waits for room for one more job; false if the pool is terminated
// first. It runs on the task handler goroutine.
func (w *feedWindow) take() bool {
	for {
		nudge, yield := w.p.feedState()
		w.mu.Lock()
		if w.inFlight < w.limit && (!w.reads || yield || w.inFlight+w.unread < 2*w.limit) {
			w.inFlight++
			w.mu.Unlock()
			return true
		}
		if w.wake == nil {
			w.wake = make(chan struct{})
		}
		wake := w.wake
		w.mu.Unlock()
		select {
		case <-wake:
		case <-nudge:
		case <-w.p.terminatedCh:
			return false
		}
	}
}

// finished records that a job finished (its result is on its way to the
// sink).
func (w *feedWindow) finished() {
	w.mu.Lock()
	w.inFlight--
	if w.reads {
		w.unread++
	}
	w.notifyLocked()
	w.mu.Unlock()
}

// read records that Next took a job's result.
func (w *feedWindow) read() {
	w.mu.Lock()
	w.unread--
	w.notifyLocked()
	w.mu.Unlock()
}

func (w *feedWindow) notifyLocked() {
	if w.wake != nil {
		close(w.wake)
		w.wake = nil
	}
}

// feedState returns a channel closed at the next change that may let a
// feeder go on, and whether the feeder must not wait for a reader now:
// other work is queued behind it, or the pool is no longer running.
func (p *Pool) feedState() (nudge <-chan struct{}, yield bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.feedNudge, p.tasks.len() > 0 || p.state != poolRun
}

// nudgeFeederLocked wakes a feeder waiting for a reader (p.mu is held).
func (p *Pool) nudgeFeederLocked() {
	close(p.feedNudge)
	p.feedNudge = make(chan struct{})
}
