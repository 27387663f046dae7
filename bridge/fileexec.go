package bridge

// Python functions inside Go programs: a Go program runs the functions of a
// Python file on the engine's process pools (FileExecutor, FileFunc).

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"sync"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// A FileFunc is a function of a Python file as a pool.Remote: a process
// pool's worker loads the file once, as a module (tasks.py imports as module
// tasks, so its `if __name__ == '__main__':` block does not run; its folder
// goes first on sys.path), and calls the function by name. Arguments and
// results are wire values (int64, float64, string, []byte, bool, nil,
// wire.List, wire.Tuple, *wire.Dict …); an exception the function raises is
// a *wire.Exception carrying the worker's traceback text. A file that cannot
// be loaded (missing, SyntaxError, an exception at import) or a missing
// function fails the calls, with that error.
//
// Called in-process (thread pools, or Call directly), it runs in one
// interpreter of this process, made on first use.
type FileFunc struct {
	path, name string
}

var _ pool.Remote = (*FileFunc)(nil)

var fileFuncs sync.Map // [2]string{path, name} → *FileFunc

// PyFileFunc returns the function name of the Python file path (the same
// *FileFunc each time, so process pools define it once per worker). It fails
// if the file cannot be read; the function itself is looked up by workers.
func PyFileFunc(path, name string) (*FileFunc, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("bridge: Python file: %w", err)
	}
	f, _ := fileFuncs.LoadOrStore([2]string{abs, name}, &FileFunc{path: abs, name: name})
	return f.(*FileFunc), nil
}

// String is "tasks.score (/abs/path/tasks.py)".
func (f *FileFunc) String() string {
	return fmt.Sprintf("%s.%s (%s)", moduleNameOf(f.path), f.name, f.path)
}

// Definition implements pool.Remote: the "pyfile" runtime, payload (path, name).
func (f *FileFunc) Definition() (string, wire.Value, error) {
	return fileRuntimeKind, wire.Tuple{f.path, f.name}, nil
}

// local is the in-process runtime that FileFunc.Call uses.
var local struct {
	once sync.Once
	rt   *fileRuntime
	err  error
	mu   sync.Mutex
	ids  map[*FileFunc]uint64
	errs map[*FileFunc]error
}

// Call implements pool.Callable: it runs the function in this process.
func (f *FileFunc) Call(ctx context.Context, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	local.once.Do(func() {
		local.rt, local.err = newFileRuntime()
		local.ids = map[*FileFunc]uint64{}
		local.errs = map[*FileFunc]error{}
	})
	if local.err != nil {
		return nil, local.err
	}
	local.mu.Lock()
	id, ok := local.ids[f]
	err := local.errs[f]
	if !ok && err == nil {
		id = uint64(len(local.ids) + len(local.errs) + 1)
		if err = local.rt.Define(id, wire.Tuple{f.path, f.name}); err != nil {
			local.errs[f] = err
		} else {
			local.ids[f] = id
		}
	}
	local.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return local.rt.Call(id, args, kwargs)
}

// A FileExecutor runs the functions of one Python file in worker processes:
//
//	ex, err := bridge.NewFileExecutor("tasks.py", pool.Workers(2))
//	defer ex.Shutdown(true)
//	fut, err := ex.Submit(ctx, "score", 3, 4)
//	v, err := fut.Result(ctx) // a wire value: int64, float64, string, wire.List …
//
// The program's main must call pool.ServeWorkerIfChild() first (and a test
// binary's TestMain): the workers are re-executed copies of it.
type FileExecutor struct {
	path string
	ex   *pool.ProcessPoolExecutor
}

// NewFileExecutor starts a process pool (a pool.ProcessPoolExecutor with
// opts) for the functions of the Python file path.
func NewFileExecutor(path string, opts ...pool.Option) (*FileExecutor, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("bridge.NewFileExecutor: %w", err)
	}
	ex, err := pool.NewProcessPoolExecutor(opts...)
	if err != nil {
		return nil, err
	}
	return &FileExecutor{path: abs, ex: ex}, nil
}

// Func is the file's function name as a pool.Remote, for the executor's own
// methods or other pools (pool.Pool's Map, …).
func (e *FileExecutor) Func(name string) *FileFunc {
	f, _ := fileFuncs.LoadOrStore([2]string{e.path, name}, &FileFunc{path: e.path, name: name})
	return f.(*FileFunc)
}

// Executor is the process pool underneath.
func (e *FileExecutor) Executor() *pool.ProcessPoolExecutor { return e.ex }

// Submit schedules name(*args) in a worker process. Each argument is
// converted with pool.Encode (Go ints, floats, strings, slices, maps,
// structs …; wire values as they are). When ctx ends before the call has
// started, the call is cancelled; once it runs, it finishes.
func (e *FileExecutor) Submit(ctx context.Context, name string, args ...any) (*pool.Future[wire.Value], error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	wargs, err := encodeArgs(args)
	if err != nil {
		return nil, fmt.Errorf("bridge: %s(): %w", name, err)
	}
	f, err := e.ex.SubmitCall(e.Func(name), wargs, nil)
	if err != nil {
		return nil, err
	}
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { f.Cancel() })
		f.AddDoneCallback(func(*pool.Future[wire.Value]) error { stop(); return nil })
	}
	return f, nil
}

// Map calls name once per element of calls (each a call's positional
// arguments) in worker processes and yields the results in order, as
// ProcessPoolExecutor.map does with chunksize 1; an error ends the
// iteration.
func (e *FileExecutor) Map(name string, calls ...[]any) (iter.Seq2[wire.Value, error], error) {
	w := make([][]wire.Value, len(calls))
	for i, c := range calls {
		var err error
		if w[i], err = encodeArgs(c); err != nil {
			return nil, fmt.Errorf("bridge: %s() call %d: %w", name, i, err)
		}
	}
	return e.ex.MapCall(e.Func(name), w, pool.NoTimeout, 1)
}

// Shutdown stops the pool as ProcessPoolExecutor.Shutdown(wait, false) does.
func (e *FileExecutor) Shutdown(wait bool) { e.ex.Shutdown(wait, false) }

func encodeArgs(args []any) ([]wire.Value, error) {
	out := make([]wire.Value, len(args))
	for i, a := range args {
		v, err := pool.Encode(a)
		if err != nil {
			return nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		out[i] = v
	}
	return out, nil
}
