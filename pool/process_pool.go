package pool

import (
	"fmt"

	"github.com/pypool/pypool/pool/wire"
)

// NewPool returns a process Pool (multiprocessing.Pool): its workers are
// this program's binary re-executed (main must call ServeWorkerIfChild
// first), all started now and named SpawnPoolWorker-N. It accepts the options
// Workers (processes; default runtime.NumCPU()), Initializer (a Remote) and
// MaxTasksPerChild. Functions must be Remotes: Go functions registered with
// Register, or what the bridge ships.
//
// Unlike CPython's, whose Pool hangs when a worker dies, a result whose
// worker dies fails with a *WorkerLostError ("Worker exited prematurely:
// signal 9 (SIGKILL)") and the worker is replaced. A worker whose
// initializer fails prints "Process SpawnPoolWorker-N:" and the traceback to
// stderr, as CPython's does, and is replaced; after three workers in a row
// die while starting (before taking any task), pending and new results fail with a
// *BrokenPoolError instead of CPython's endless respawning.
func NewPool(opts ...Option) (*Pool, error) {
	return newPool("Pool", opts, newProcessBackend)
}

// processBackend runs a Pool's jobs in worker processes named
// SpawnPoolWorker-N. It keeps cfg.workers processes running, replacing those
// that exit (max tasks per child reached) or die. Unlike CPython, whose Pool
// then hangs, a job held by a worker that dies fails with a
// *WorkerLostError; jobs the worker had been sent but not started go to
// another worker. A worker whose initializer fails prints the traceback (as
// CPython's does) and is replaced; after three workers in a row die
// while starting (a task that kills its worker never counts) the pool is broken: pending and new jobs fail with a
// *BrokenPoolError instead of CPython's endless respawning.
type processBackend struct {
	g *procGroup
}

// newProcessBackend starts cfg.workers worker processes.
func newProcessBackend(cfg backendConfig) (backend, error) {
	var init Remote
	if cfg.initializer != nil {
		r, ok := cfg.initializer.(Remote)
		if !ok {
			return nil, &TypeError{Msg: fmt.Sprintf("a process pool's initializer must be a Remote (a function registered with pool.Register), not %T", cfg.initializer)}
		}
		init = r
	}
	g := newProcGroup(procGroupConfig{
		prefix:   poolWorkerPrefix,
		workers:  max(cfg.workers, 1),
		init:     init,
		initArgs: cfg.initargs,
		maxTasks: cfg.maxTasksPerChild,
		eager:    true,
		policy:   replaceOnDeath,
	})
	if err := g.start(); err != nil {
		return nil, err
	}
	return &processBackend{g: g}, nil
}

// jobTask is a Pool job as a group task.
type jobTask struct {
	procTask
	j *job
}

func (t *jobTask) start() bool                  { return true }
func (t *jobTask) cancel()                      { t.j.finish(nil, ErrTerminated) }
func (t *jobTask) done(v wire.Value, err error) { t.j.finish(v, err) }

func (b *processBackend) submit(j *job) {
	r, err := asRemote("apply_async", j.fn)
	if err != nil {
		j.finish(nil, err)
		return
	}
	t := &jobTask{procTask: procTask{fn: r, mode: j.mode, args: j.args, kwargs: j.kwargs, argsRange: j.argsRange}, j: j}
	t.sink = t
	if err := b.g.submit(&t.procTask); err != nil {
		if err == errGroupClosed {
			err = ErrTerminated
		}
		j.finish(nil, err)
	}
}

func (b *processBackend) close()     { b.g.close(false) }
func (b *processBackend) terminate() { b.g.terminate(ErrTerminated) }
func (b *processBackend) join()      { b.g.join() }

// pids lists the worker processes (tests).
func (b *processBackend) pids() []int { return b.g.pids() }
