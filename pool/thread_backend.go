package pool

import (
	"context"
	"fmt"
	"sync"

	"github.com/pypool/pypool/pool/wire"
)

// threadBackend runs a ThreadPool's jobs on worker goroutines, all started
// at once as CPython's Pool starts its workers. A worker whose initializer
// fails is logged and replaced (CPython replaces it forever); after
// maxInitFailures in a row with no task finished in between, the backend is
// broken: queued and later jobs fail with a *BrokenThreadPool.
type threadBackend struct {
	cfg     backendConfig
	mu      sync.Mutex
	cond    sync.Cond
	queue   ring[*job]
	running map[*job]struct{}
	closed  bool
	stopped bool // terminate was called
	broken  error
	fails   int // initializer failures in a row
	next    int // the next worker's index
	wg      sync.WaitGroup
}

const maxInitFailures = 3

func newThreadBackend(cfg backendConfig) (backend, error) {
	b := &threadBackend{cfg: cfg, running: map[*job]struct{}{}}
	b.cond.L = &b.mu
	for range cfg.workers {
		b.startWorker()
	}
	return b, nil
}

func (b *threadBackend) startWorker() {
	b.mu.Lock()
	index := b.next
	b.next++
	b.wg.Add(1)
	b.mu.Unlock()
	info := &WorkerInfo{Kind: "ThreadPool", Pool: b.cfg.pool, Index: index}
	if b.cfg.workerValue != nil {
		info.Value = callHook(b.cfg.workerValue, *info)
	}
	go b.worker(withWorker(context.Background(), info))
}

func (b *threadBackend) submit(j *job) {
	b.mu.Lock()
	if b.broken != nil || b.stopped {
		err := b.broken
		if err == nil {
			err = ErrTerminated
		}
		b.mu.Unlock()
		j.finish(nil, err)
		return
	}
	b.queue.push(j)
	b.cond.Signal()
	b.mu.Unlock()
}

func (b *threadBackend) close() {
	b.mu.Lock()
	b.closed = true
	b.cond.Broadcast()
	b.mu.Unlock()
}

func (b *threadBackend) terminate() {
	b.mu.Lock()
	b.stopped = true
	jobs := b.drain()
	for j := range b.running {
		jobs = append(jobs, j)
	}
	b.cond.Broadcast()
	b.mu.Unlock()
	for _, j := range jobs {
		j.finish(nil, ErrTerminated)
	}
}

func (b *threadBackend) join() { b.wg.Wait() }

// drain empties the queue; b.mu is held.
func (b *threadBackend) drain() []*job {
	var jobs []*job
	for {
		j, ok := b.queue.pop()
		if !ok {
			return jobs
		}
		jobs = append(jobs, j)
	}
}

func (b *threadBackend) worker(ctx context.Context) {
	defer b.wg.Done()
	if b.cfg.initializer != nil {
		if _, err := safeCall(ctx, b.cfg.initializer, b.cfg.initargs, nil); err != nil {
			b.initFailed(err)
			return
		}
	}
	b.mu.Lock()
	for {
		for b.queue.len() == 0 && !b.closed && !b.stopped {
			b.cond.Wait()
		}
		if b.stopped {
			b.mu.Unlock()
			return
		}
		j, ok := b.queue.pop()
		if !ok { // closed and drained
			b.mu.Unlock()
			return
		}
		b.running[j] = struct{}{}
		b.mu.Unlock()
		v, err := execJob(ctx, j)
		b.mu.Lock()
		delete(b.running, j)
		b.fails = 0
		b.mu.Unlock()
		j.finish(v, err)
		b.mu.Lock()
	}
}

// initFailed logs an initializer failure and replaces the worker, or
// breaks the backend after maxInitFailures in a row.
func (b *threadBackend) initFailed(err error) {
	logError("Exception in initializer:", err)
	b.mu.Lock()
	b.fails++
	var failed []*job
	replace := false
	switch {
	case b.stopped || b.broken != nil:
	case b.fails >= maxInitFailures:
		b.broken = &BrokenThreadPool{BrokenExecutor{Msg: MsgInitializerFailedThread, Cause: err}}
		failed = b.drain()
		b.cond.Broadcast()
	case !b.closed || b.queue.len() > 0:
		replace = true
	}
	broken := b.broken
	b.mu.Unlock()
	for _, j := range failed {
		j.finish(nil, broken)
	}
	if replace {
		b.startWorker()
	}
}

// execJob runs a job in-process: a call, or a chunk as CPython's mapstar
// and starmapstar (the chunk fails with its first error).
func execJob(ctx context.Context, j *job) (wire.Value, error) {
	switch j.mode {
	case wire.ModeCall:
		return safeCall(ctx, j.fn, j.args, j.kwargs)
	case wire.ModeMap, wire.ModeStarmap:
		if r := j.argsRange; r != nil {
			j.args = make([]wire.Value, r.Len)
			for i := range j.args {
				j.args[i] = r.At(i)
			}
		}
		out := make(wire.List, len(j.args))
		for i, x := range j.args {
			var args []wire.Value
			if j.mode == wire.ModeStarmap {
				switch t := x.(type) {
				case wire.Tuple:
					args = t
				case wire.List:
					args = t
				case []wire.Value:
					args = t
				default:
					return nil, &TypeError{Msg: fmt.Sprintf("starmap: arguments must be a tuple, not %s", typeName(x))}
				}
			} else {
				args = []wire.Value{x}
			}
			v, err := safeCall(ctx, j.fn, args, nil)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	return nil, &ValueError{Msg: fmt.Sprintf("unknown task mode %d", j.mode)}
}
