package pool

import (
	"context"

	"github.com/pypool/pypool/pool/wire"
)

// An Option configures an executor or a Pool. Each constructor documents
// which options it accepts; an option a constructor does not accept is an
// error naming it, as Python's TypeError for an unexpected keyword.
type Option func(*options)

type options struct {
	set              map[string]bool // the names of the options given
	workers          int
	initializer      Callable
	initargs         []wire.Value
	maxTasksPerChild int
	threadNamePrefix string
	workerValue      func(WorkerInfo) any
}

func buildOptions(opts []Option) options {
	o := options{set: map[string]bool{}}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	return o
}

// check reports the first option given that is not in allowed, as
// "<fn>() got an unexpected keyword argument '<name>'".
func (o *options) check(fn string, allowed ...string) error {
	for name := range o.set {
		ok := false
		for _, a := range allowed {
			ok = ok || a == name
		}
		if !ok {
			return &TypeError{Msg: fn + "() got an unexpected keyword argument '" + name + "'"}
		}
	}
	return nil
}

// Workers sets the number of workers: max_workers for the executors,
// processes for a Pool. Without it each constructor picks CPython's default.
// Values below 1 are an error with CPython's message.
func Workers(n int) Option {
	return func(o *options) { o.workers = n; o.set["workers"] = true }
}

// Initializer runs fn(args...) once in every worker before it takes a task
// (initializer and initargs in Python). Process backends need a Remote.
func Initializer(fn Callable, args ...wire.Value) Option {
	return func(o *options) { o.initializer = fn; o.initargs = args; o.set["initializer"] = true }
}

// MaxTasksPerChild replaces a worker process after it has run n tasks
// (max_tasks_per_child, maxtasksperchild). Process pools only.
func MaxTasksPerChild(n int) Option {
	return func(o *options) { o.maxTasksPerChild = n; o.set["max_tasks_per_child"] = true }
}

// ThreadNamePrefix names a ThreadPoolExecutor's workers "<prefix>_<n>"
// instead of "ThreadPoolExecutor-<m>_<n>" (thread_name_prefix).
func ThreadNamePrefix(prefix string) Option {
	return func(o *options) { o.threadNamePrefix = prefix; o.set["thread_name_prefix"] = true }
}

// WorkerValue installs a hook called once for each worker goroutine of a
// thread executor or ThreadPool, in the goroutine that creates it (a
// submitting one, or the constructor), with no engine lock held. Its result
// becomes WorkerInfo.Value for the calls that worker runs: the bridge keeps
// its thread object there.
func WorkerValue(fn func(WorkerInfo) any) Option {
	return func(o *options) { o.workerValue = fn; o.set["worker_value"] = true }
}

// CallableFunc adapts a Go function to a Callable, for thread executors and
// ThreadPools (process pools need a Remote, see Register).
type CallableFunc func(ctx context.Context, args []wire.Value, kwargs []wire.KV) (wire.Value, error)

// Call calls f.
func (f CallableFunc) Call(ctx context.Context, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	return f(ctx, args, kwargs)
}
