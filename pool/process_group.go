package pool

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// Prefetch: how many tasks a worker may hold (one running, the rest queued
// in its pipe). Deep prefetch batches frames when tasks are short; with long
// tasks a prefetched task could wait behind a slow one while another worker
// idles (CPython's workers pull from one shared queue, so there it cannot),
// so workers hold one task at a time unless tasks are seen to be short.
const (
	prefetchSlow  = 1
	prefetchFast  = 16
	fastTaskLimit = time.Millisecond
)

// earlyDeathLimit: a process Pool is broken after this many workers in a row
// died while starting: before their initializer succeeded, or before they
// served at all (CPython's Pool respawns them forever).
const earlyDeathLimit = 3

// procTask is one unit of work for a worker: a call, or a chunk of a map.
type procTask struct {
	id        uint64
	fn        Remote
	mode      wire.Mode
	args      []wire.Value
	kwargs    []wire.KV
	argsRange *wire.IntRange // stands for args (see job.argsRange)
	started   bool
	sink      taskSink
}

// taskSink is the owner of a procTask: a future, or a Pool job.
type taskSink interface {
	// start is called when the task is handed to a worker (under the
	// group's lock); false drops it (a cancelled future).
	start() bool
	// cancel is called for a queued task dropped by a shutdown that cancels
	// pending work (no lock held).
	cancel()
	// done receives the result, exactly once, with no lock held.
	done(v wire.Value, err error)
}

// deathPolicy says what a worker's unexpected death does to its group.
type deathPolicy uint8

const (
	breakOnDeath   deathPolicy = iota // ProcessPoolExecutor: the executor is broken
	replaceOnDeath                    // Pool: its task fails, the worker is replaced
)

type procGroupConfig struct {
	prefix   string
	workers  int
	init     Remote
	initArgs []wire.Value
	maxTasks int      // tasks per worker process; 0: no limit
	stdout   *os.File // the workers' stdout (os.Stdout when the group was made)
	stderr   *os.File // the workers' stderr (os.Stderr when the group was made)
	eager    bool     // keep `workers` processes running (Pool); else start them on demand
	policy   deathPolicy
	// brokenErrors gives the error for submits and the one for pending and
	// running tasks when an executor breaks (breakOnDeath).
	brokenErrors func(lost *WorkerLostError, initErr *wire.Exception) (submit, task error)
}

// procSlot is the group's view of one worker process.
type procSlot struct {
	conn     *procConn
	inflight []*procTask // in the order sent: the worker answers in order
	assigned int
	finished int
	retiring bool // takes no more tasks (max tasks reached)
	// ready: the worker serves and its initializer (if any) succeeded. A
	// worker that dies before it is ready counts toward a broken Pool; one
	// that dies later was killed by its task (or from outside).
	ready     bool
	exiting   bool // told to shut down, or killed: no longer a worker
	initErr   *wire.Exception
	busySince time.Time
}

// procGroup runs tasks on a set of worker processes: the shared core of
// ProcessPoolExecutor and the process-backed Pool. Each worker's reader
// goroutine drives it (results, exits); submit drives it from callers. There
// is no manager goroutine and no goroutine per task.
type procGroup struct {
	cfg procGroupConfig

	mu          sync.Mutex
	cond        sync.Cond // broadcast when a worker is reaped or the group breaks
	queue       []*procTask
	qhead       int
	slots       []*procSlot // workers (not exiting)
	live        int         // processes started and not yet reaped
	nextID      uint64
	closing     bool  // no new tasks; workers stop once the queue drains
	terminated  bool  // workers killed
	broken      error // non-nil: the group is broken; submits fail with it
	earlyDeaths int
	service     time.Duration // moving average of a task's time in a worker
}

type taskFail struct {
	t   *procTask
	err error
}

var errGroupClosed = errors.New("pool: the process group is closed")

func newProcGroup(cfg procGroupConfig) *procGroup {
	if cfg.stdout == nil {
		cfg.stdout = os.Stdout
	}
	if cfg.stderr == nil {
		cfg.stderr = os.Stderr
	}
	g := &procGroup{cfg: cfg}
	g.cond.L = &g.mu
	return g
}

func runFails(fails []taskFail) {
	for _, f := range fails {
		f.t.sink.done(nil, f.err)
	}
}

// start launches the workers of an eager group.
func (g *procGroup) start() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	for len(g.slots) < g.cfg.workers {
		if _, err := g.spawnLocked(); err != nil {
			for _, s := range g.slots {
				s.conn.kill()
			}
			g.terminated = true
			return err
		}
	}
	return nil
}

// submit queues t (its id is assigned here) and hands it out if a worker is
// free. It fails with the group's broken error, or errGroupClosed.
func (g *procGroup) submit(t *procTask) error {
	g.mu.Lock()
	if g.broken != nil {
		err := g.broken
		g.mu.Unlock()
		return err
	}
	if g.closing || g.terminated {
		g.mu.Unlock()
		return errGroupClosed
	}
	g.nextID++
	t.id = g.nextID
	g.queue = append(g.queue, t)
	fails := g.dispatchLocked()
	g.mu.Unlock()
	runFails(fails)
	return nil
}

func (g *procGroup) qlen() int { return len(g.queue) - g.qhead }

func (g *procGroup) popLocked() *procTask {
	t := g.queue[g.qhead]
	g.queue[g.qhead] = nil
	g.qhead++
	if g.qhead == len(g.queue) {
		g.queue, g.qhead = g.queue[:0], 0
	} else if g.qhead > 1024 && g.qhead*2 > len(g.queue) {
		n := copy(g.queue, g.queue[g.qhead:])
		clear(g.queue[n:])
		g.queue, g.qhead = g.queue[:n], 0
	}
	return t
}

// requeueFrontLocked puts ts back at the head of the queue, in order.
func (g *procGroup) requeueFrontLocked(ts []*procTask) {
	if len(ts) == 0 {
		return
	}
	rest := g.queue[g.qhead:]
	q := make([]*procTask, 0, len(ts)+len(rest))
	q = append(append(q, ts...), rest...)
	g.queue, g.qhead = q, 0
}

// drainQueueLocked removes and returns every queued task.
func (g *procGroup) drainQueueLocked() []*procTask {
	ts := append([]*procTask(nil), g.queue[g.qhead:]...)
	clear(g.queue)
	g.queue, g.qhead = g.queue[:0], 0
	return ts
}

func (g *procGroup) prefetchLocked() int {
	if g.service > 0 && g.service < fastTaskLimit {
		return prefetchFast
	}
	return prefetchSlow
}

// pickLocked chooses a worker for the next task: an idle one; else nil when
// a new worker may be started; else the least loaded one with room.
func (g *procGroup) pickLocked() (s *procSlot, spawn bool) {
	var best *procSlot
	limit := g.prefetchLocked()
	for _, w := range g.slots {
		if w.retiring {
			continue
		}
		n := len(w.inflight)
		if n == 0 {
			return w, false
		}
		if n < limit && (best == nil || n < len(best.inflight)) {
			best = w
		}
	}
	if len(g.slots) < g.cfg.workers {
		return nil, true
	}
	return best, false
}

// dispatchLocked hands queued tasks to workers.
func (g *procGroup) dispatchLocked() (fails []taskFail) {
	if g.broken != nil || g.terminated {
		return nil
	}
	for g.qlen() > 0 {
		s, spawn := g.pickLocked()
		if spawn {
			var err error
			if s, err = g.spawnLocked(); err != nil {
				if len(g.slots) == 0 {
					for _, t := range g.drainQueueLocked() {
						fails = append(fails, taskFail{t, err})
					}
				}
				return fails
			}
		}
		if s == nil {
			return fails
		}
		t := g.popLocked()
		if !t.started {
			if !t.sink.start() {
				continue
			}
			t.started = true
		}
		if err := s.conn.sendTask(t); err != nil {
			fails = append(fails, taskFail{t, err})
			continue
		}
		if len(s.inflight) == 0 {
			s.busySince = time.Now()
		}
		s.inflight = append(s.inflight, t)
		s.assigned++
		if g.cfg.maxTasks > 0 && s.assigned >= g.cfg.maxTasks {
			s.retiring = true
		}
	}
	return fails
}

// spawnLocked starts one worker and sends it the initializer.
func (g *procGroup) spawnLocked() (*procSlot, error) {
	c, err := startProcConn(g.cfg.prefix, workerProcs(g.cfg.workers), g.cfg.stdout, g.cfg.stderr, g)
	if err != nil {
		return nil, err
	}
	s := &procSlot{conn: c}
	c.slot = s
	g.slots = append(g.slots, s)
	g.live++
	if g.cfg.init != nil {
		if err := c.sendInit(g.cfg.init, g.cfg.initArgs); err != nil {
			s.initErr = asException(fmt.Errorf("pool: the initializer cannot be sent to a worker: %w", err))
			c.kill()
		}
	}
	return s, nil
}

func (g *procGroup) removeSlotLocked(s *procSlot) {
	for i, w := range g.slots {
		if w == s {
			g.slots = slices.Delete(g.slots, i, i+1)
			return
		}
	}
}

// settleLocked runs after every change: keeps an eager group's workers
// up, hands out tasks, and tells idle workers to exit when they are done
// (max tasks reached, or the group closing with nothing queued).
func (g *procGroup) settleLocked() []taskFail {
	if g.broken != nil || g.terminated {
		return nil
	}
	fails := g.dispatchLocked()
	for i := 0; i < len(g.slots); i++ {
		s := g.slots[i]
		if len(s.inflight) == 0 && (s.retiring || (g.closing && g.qlen() == 0)) {
			g.removeSlotLocked(s)
			i--
			s.exiting = true
			s.conn.shutdown()
		}
	}
	if g.cfg.eager && !g.closing {
		for len(g.slots) < g.cfg.workers {
			if _, err := g.spawnLocked(); err != nil {
				break
			}
		}
	}
	if g.qlen() > 0 {
		fails = append(fails, g.dispatchLocked()...) // replacements for retired workers
	}
	return fails
}

// workerHello implements procEvents: a worker without an initializer is
// ready once it serves.
func (g *procGroup) workerHello(c *procConn) {
	g.mu.Lock()
	if g.cfg.init == nil {
		g.readyLocked(c.slot)
	}
	g.mu.Unlock()
}

// readyLocked records that s serves (its initializer done): the workers
// that died before it were not a broken start-up.
func (g *procGroup) readyLocked(s *procSlot) {
	s.ready = true
	g.earlyDeaths = 0
}

// workerResult implements procEvents.
func (g *procGroup) workerResult(c *procConn, r *wire.Result) {
	g.mu.Lock()
	s := c.slot
	if r.ID == 0 { // the initializer's outcome
		switch {
		case r.Err != nil: // it failed; the worker exits next
			s.initErr = r.Err
		case g.cfg.init == nil || s.ready:
			g.mu.Unlock()
			c.failProtocol(errors.New("it sent a result with id 0 that answers no initializer"))
			return
		default:
			g.readyLocked(s)
		}
		g.mu.Unlock()
		return
	}
	idx := -1
	for i, t := range s.inflight {
		if t.id == r.ID {
			idx = i
			break
		}
	}
	if idx < 0 {
		g.mu.Unlock()
		c.failProtocol(fmt.Errorf("it sent a result for task %d, which it does not hold", r.ID))
		return
	}
	t := s.inflight[idx]
	s.inflight = append(s.inflight[:idx], s.inflight[idx+1:]...)
	// The time a worker spends per task, seen from here (it includes the
	// round trip while workers hold one task at a time); a worker's first
	// task also includes its start-up and is not counted.
	now := time.Now()
	sample := now.Sub(s.busySince)
	s.busySince = now
	if s.finished > 0 {
		if g.service == 0 {
			g.service = sample
		} else {
			g.service += (sample - g.service) / 8
		}
	}
	s.finished++
	g.earlyDeaths = 0
	fails := g.settleLocked()
	g.mu.Unlock()
	if r.Err != nil {
		t.sink.done(nil, r.Err)
	} else {
		t.sink.done(r.Value, nil)
	}
	runFails(fails)
}

// workerEncodeError implements procEvents: a task whose arguments cannot be
// encoded fails alone (as CPython's queue feeder sets the exception on the
// future); an initializer that cannot be sent ends the worker.
func (g *procGroup) workerEncodeError(c *procConn, m *wire.Message, err error) {
	g.mu.Lock()
	s := c.slot
	if m.Kind == wire.KindInit {
		s.initErr = asException(fmt.Errorf("pool: the initializer's arguments cannot be sent to a worker: %w", err))
		g.mu.Unlock()
		c.kill()
		return
	}
	var t *procTask
	for i, x := range s.inflight {
		if x.id == m.Task.ID {
			t = x
			s.inflight = append(s.inflight[:i], s.inflight[i+1:]...)
			break
		}
	}
	var fails []taskFail
	if t != nil {
		fails = append(fails, taskFail{t, err})
		fails = append(fails, g.settleLocked()...)
	}
	g.mu.Unlock()
	runFails(fails)
}

// workerExit implements procEvents.
func (g *procGroup) workerExit(c *procConn, st exitStatus) {
	g.mu.Lock()
	s := c.slot
	g.live--
	g.removeSlotLocked(s)
	clean := st.clean() && s.exiting && len(s.inflight) == 0
	var fails []taskFail
	if !clean && g.broken == nil && !g.terminated {
		lost := c.lostError(st)
		switch g.cfg.policy {
		case breakOnDeath:
			var initErr *wire.Exception
			if s.initErr != nil {
				initErr = s.initErr
			}
			submitErr, taskErr := g.cfg.brokenErrors(lost, initErr)
			for _, t := range s.inflight {
				fails = append(fails, taskFail{t, taskErr})
			}
			fails = append(fails, g.breakLocked(submitErr, taskErr)...)
		case replaceOnDeath:
			held := s.inflight
			if s.ready && len(held) > 0 {
				// Only the first task can have started: the worker runs them
				// in order, and sends each result before starting the next.
				fails = append(fails, taskFail{held[0], lost})
				held = held[1:]
			}
			g.requeueFrontLocked(held)
			// Three strikes are for workers that cannot start (an
			// initializer that fails or kills them, a binary that does
			// not serve), never for tasks that kill their worker: those
			// fail alone and the pool goes on.
			if !s.ready {
				g.earlyDeaths++
			}
			if g.earlyDeaths >= earlyDeathLimit {
				err := &BrokenPoolError{Deaths: g.earlyDeaths, Last: lost}
				if s.initErr != nil {
					err.InitError = s.initErr
				}
				fails = append(fails, g.breakLocked(err, err)...)
			}
		}
	}
	s.inflight = nil
	fails = append(fails, g.settleLocked()...)
	g.cond.Broadcast()
	g.mu.Unlock()
	runFails(fails)
}

// breakLocked marks the group broken: queued and running tasks fail with
// taskErr, later submits with submitErr, and every worker is killed.
func (g *procGroup) breakLocked(submitErr, taskErr error) []taskFail {
	g.broken = submitErr
	var fails []taskFail
	for _, s := range g.slots {
		for _, t := range s.inflight {
			fails = append(fails, taskFail{t, taskErr})
		}
		s.inflight = nil
		s.exiting = true
		s.conn.kill()
	}
	for _, t := range g.drainQueueLocked() {
		fails = append(fails, taskFail{t, taskErr})
	}
	g.slots = nil
	g.cond.Broadcast()
	return fails
}

// close stops new submits; workers exit once the queue drains. With
// cancelPending, queued tasks that have not started are cancelled first.
func (g *procGroup) close(cancelPending bool) {
	g.mu.Lock()
	g.closing = true
	var cancelled []*procTask
	if cancelPending {
		cancelled = g.drainQueueLocked()
	}
	fails := g.settleLocked()
	g.cond.Broadcast()
	g.mu.Unlock()
	for _, t := range cancelled {
		t.sink.cancel()
	}
	runFails(fails)
}

// terminate kills every worker at once. Queued and running tasks fail with
// err (unless err is nil: then they are dropped).
func (g *procGroup) terminate(err error) {
	g.mu.Lock()
	g.closing = true
	g.terminated = true
	var fails []taskFail
	for _, s := range g.slots {
		for _, t := range s.inflight {
			fails = append(fails, taskFail{t, err})
		}
		s.inflight = nil
		s.exiting = true
		s.conn.kill()
	}
	for _, t := range g.drainQueueLocked() {
		fails = append(fails, taskFail{t, err})
	}
	g.slots = nil
	g.cond.Broadcast()
	g.mu.Unlock()
	if err != nil {
		runFails(fails)
	}
}

// join waits until every worker process has been reaped and no task is
// left. Call it after close or terminate.
func (g *procGroup) join() {
	g.mu.Lock()
	for g.live > 0 || (g.broken == nil && !g.terminated && g.qlen() > 0) {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

// pids lists the worker processes' pids (for tests and diagnostics).
func (g *procGroup) pids() []int {
	g.mu.Lock()
	defer g.mu.Unlock()
	var ps []int
	for _, s := range g.slots {
		ps = append(ps, s.conn.pid)
	}
	return ps
}
