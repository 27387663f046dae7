package pool

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"

	"github.com/pypool/pypool/pool/wire"
)

// envWorker marks a worker process; its value is the worker's name.
const envWorker = "PYPOOL_WORKER"

// The worker's pipes, as exec.Cmd.ExtraFiles numbers them.
const (
	workerInFD  = 3 // parent → worker frames
	workerOutFD = 4 // worker → parent frames
)

// WorkerProcess describes a worker process of a process pool.
type WorkerProcess struct {
	Name string // "SpawnPoolWorker-N" (Pool) or "SpawnProcess-N" (executor)
	PID  int
}

var (
	currentWorkerInfo WorkerProcess
	isWorkerProcess   bool
)

// CurrentWorker reports the worker process the caller runs in; ok is false in
// a process that is not a pool worker (the main process).
func CurrentWorker() (w WorkerProcess, ok bool) {
	return currentWorkerInfo, isWorkerProcess
}

// ServeWorkerIfChild turns the process into a pool worker when it was started
// as one, and then never returns: it serves tasks and exits. In any other
// process it returns at once. Call it first thing in main (and in TestMain of
// tests that use process pools), before flags are parsed or other work starts:
// process pools re-execute the program's own binary as their workers.
func ServeWorkerIfChild() {
	name, ok := os.LookupEnv(envWorker)
	if !ok || name == "" {
		return
	}
	os.Unsetenv(envWorker) // programs this worker starts are not workers
	os.Exit(serveWorker(name))
}

func workerContext() context.Context { return context.Background() }

// worker is the state of a worker process. One goroutine reads a frame,
// runs it and writes the result; results are flushed before the next task
// starts, or when no further frame is already buffered.
type worker struct {
	name        string
	in          *bufio.Reader
	r           *frameReader
	w           *frameWriter
	runtimes    map[string]Runtime
	runtimeErrs map[string]error // runtimes whose factory failed
	defs        map[uint64]workerDef
}

type workerDef struct {
	rt  Runtime
	err error // why the definition failed
}

func serveWorker(name string) int {
	in := os.NewFile(workerInFD, "pypool-worker-in")
	out := os.NewFile(workerOutFD, "pypool-worker-out")
	if in == nil || out == nil {
		fmt.Fprintf(os.Stderr, "pypool: %s=%s is set but the worker pipes (fds 3 and 4) are missing\n", envWorker, name)
		return 2
	}
	if _, err := in.Stat(); err != nil {
		fmt.Fprintf(os.Stderr, "pypool: %s=%s is set but the worker pipes (fds 3 and 4) are missing: %v\n", envWorker, name, err)
		return 2
	}
	// Programs a task starts must not inherit the pipes: the parent would
	// not see this worker's end while they live.
	syscall.CloseOnExec(workerInFD)
	syscall.CloseOnExec(workerOutFD)
	currentWorkerInfo = WorkerProcess{Name: name, PID: os.Getpid()}
	isWorkerProcess = true
	setWorkerGC()

	w := &worker{name: name, runtimes: map[string]Runtime{}, runtimeErrs: map[string]error{}, defs: map[uint64]workerDef{}}
	w.in = bufio.NewReaderSize(in, 64<<10)
	w.r = newFrameReader(w.in) // uses w.in as its buffer, so w.in.Buffered() is what it holds
	w.w = newFrameWriter(out)
	if n, err := strconv.Atoi(os.Getenv(envWorkerMaxFrame)); err == nil && n > 0 {
		w.r.SetMaxFrame(n)
		w.w.SetMaxFrame(n)
	}
	os.Unsetenv(envWorkerMaxFrame)
	if n, err := strconv.Atoi(os.Getenv(envWorkerProcs)); err == nil && n > 0 {
		runtime.GOMAXPROCS(n)
	}
	os.Unsetenv(envWorkerProcs)
	w.send(&wire.Message{Kind: wire.KindHello, Hello: &wire.Hello{PID: os.Getpid(), Name: name}})
	w.flush()
	// The parent closing the pipe (it died, or wants this worker gone) ends
	// the worker at once, even mid-task.
	watchParentPipe(in)
	return w.serve()
}

// send encodes m for the parent. A result that cannot be encoded is
// replaced by an error saying why, as CPython's _sendback_result does.
func (w *worker) send(m *wire.Message) {
	err := w.w.WriteMessage(m)
	if err != nil && isEncodeError(err) && m.Kind == wire.KindResult && m.Result.Err == nil {
		err = w.w.WriteMessage(&wire.Message{Kind: wire.KindResult, Result: &wire.Result{
			ID: m.Result.ID, Err: runtimeError(fmt.Sprintf("the result could not be sent to the parent: %v", err)),
		}})
	}
	if err != nil {
		if isEncodeError(err) {
			fmt.Fprintf(os.Stderr, "pypool worker %s: cannot send a message: %v\n", w.name, err)
			os.Exit(3)
		}
		os.Exit(0) // the parent is gone
	}
}

func (w *worker) flush() {
	if err := w.w.Flush(); err != nil {
		os.Exit(0) // the parent is gone
	}
}

func (w *worker) serve() int {
	for {
		if w.in.Buffered() == 0 {
			w.flush() // nothing more to do right now: send the results
		}
		m, err := w.r.ReadMessage()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return 0 // the parent closed the pipe
			}
			fmt.Fprintf(os.Stderr, "pypool worker %s: bad frame from the parent: %v\n", w.name, err)
			return 2
		}
		switch m.Kind {
		case wire.KindDefine:
			w.define(m.Define)
		case wire.KindInit:
			if exc := w.init(m.Init); exc != nil {
				w.printInitFailure(exc)
				w.send(&wire.Message{Kind: wire.KindResult, Result: &wire.Result{ID: 0, Err: exc}})
				w.flush()
				return 1
			}
			// Tell the parent at once that the initializer succeeded: a
			// task that kills this worker later is then not mistaken for
			// an initializer failure (which counts toward a broken pool).
			w.send(&wire.Message{Kind: wire.KindResult, Result: &wire.Result{ID: 0}})
			w.flush()
		case wire.KindTask:
			// The results of earlier tasks leave before this one runs: if it
			// kills the worker (os.Exit, a signal), they are not lost with
			// it, and the parent knows which task was running.
			if w.w.Buffered() > 0 {
				w.flush()
			}
			w.send(&wire.Message{Kind: wire.KindResult, Result: w.run(m.Task)})
		case wire.KindShutdown:
			w.flush()
			return 0
		default:
			fmt.Fprintf(os.Stderr, "pypool worker %s: unexpected message kind %d from the parent\n", w.name, m.Kind)
			return 2
		}
	}
}

func (w *worker) define(d *wire.Define) {
	rt, ok := w.runtimes[d.Runtime]
	if !ok {
		runtimesMu.Lock()
		factory := runtimes[d.Runtime]
		runtimesMu.Unlock()
		if factory == nil {
			w.defs[d.ID] = workerDef{err: fmt.Errorf("pool: no runtime %q in this worker binary (is the package that registers it linked in?)", d.Runtime)}
			return
		}
		if err := w.runtimeErrs[d.Runtime]; err != nil {
			w.defs[d.ID] = workerDef{err: err}
			return
		}
		var err error
		rt, err = newRuntime(factory)
		if err != nil {
			// The factory runs at most once per worker: its failure stays.
			err = fmt.Errorf("pool: starting the %q runtime: %w", d.Runtime, err)
			w.runtimeErrs[d.Runtime] = err
			w.defs[d.ID] = workerDef{err: err}
			return
		}
		w.runtimes[d.Runtime] = rt
	}
	if err := safeDefine(rt, d); err != nil {
		w.defs[d.ID] = workerDef{err: err}
		return
	}
	w.defs[d.ID] = workerDef{rt: rt}
}

// newRuntime calls a runtime factory; a panic becomes its error.
func newRuntime(factory func() (Runtime, error)) (rt Runtime, err error) {
	defer func() {
		if r := recover(); r != nil {
			rt, err = nil, panicAsException(r)
		}
	}()
	rt, err = factory()
	if err == nil && rt == nil {
		err = errors.New("the factory returned no runtime")
	}
	return rt, err
}

func safeDefine(rt Runtime, d *wire.Define) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicAsException(r)
		}
	}()
	return rt.Define(d.ID, d.Payload)
}

func (w *worker) init(in *wire.Init) *wire.Exception {
	def, ok := w.defs[in.Func]
	if !ok {
		return asException(fmt.Errorf("pool: the initializer (function id %d) was never defined", in.Func))
	}
	if def.err != nil {
		return asException(def.err)
	}
	_, err := workerCall(def.rt, in.Func, in.Args, nil)
	if err != nil {
		return asException(err)
	}
	return nil
}

// printInitFailure writes what CPython's worker writes when the initializer
// raises: a Pool worker's process bootstrap prints "Process NAME:" and the
// traceback; an executor's worker logs "Exception in initializer:" and it.
func (w *worker) printInitFailure(exc *wire.Exception) {
	var b strings.Builder
	if strings.HasPrefix(w.name, poolWorkerPrefix) {
		fmt.Fprintf(&b, "Process %s:\n", w.name)
	} else {
		b.WriteString("Exception in initializer:\n")
	}
	b.WriteString(tracebackText(exc))
	os.Stderr.WriteString(b.String())
}

// tracebackText is exc's traceback as CPython prints it, or its "Type:
// message" line when it has none.
func tracebackText(exc *wire.Exception) string {
	tb := exc.Traceback
	if tb == "" {
		tb = exc.Error()
	}
	if !strings.HasSuffix(tb, "\n") {
		tb += "\n"
	}
	return tb
}

func (w *worker) run(t *wire.Task) *wire.Result {
	res := &wire.Result{ID: t.ID}
	def, ok := w.defs[t.Func]
	if !ok {
		res.Err = asException(fmt.Errorf("pool: function id %d was never defined in this worker", t.Func))
		return res
	}
	if def.err != nil {
		res.Err = asException(def.err)
		return res
	}
	var (
		v   wire.Value
		err error
	)
	switch t.Mode {
	case wire.ModeCall:
		v, err = workerCall(def.rt, t.Func, t.Args, t.Kwargs)
	case wire.ModeMap:
		one := make([]wire.Value, 1) // reused: runtimes do not keep args
		v, err = workerChunk(def.rt, t.Func, len(t.Args), func(i int) ([]wire.Value, error) {
			one[0] = t.Args[i]
			return one, nil
		})
	case wire.ModeStarmap:
		v, err = workerChunk(def.rt, t.Func, len(t.Args), func(i int) ([]wire.Value, error) {
			switch a := t.Args[i].(type) {
			case wire.Tuple:
				return a, nil
			case wire.List:
				return a, nil
			}
			return nil, typeError(fmt.Sprintf("starmap: each item must be a tuple of arguments, not %s", typeName(t.Args[i])))
		})
	default:
		err = fmt.Errorf("pool: unknown task mode %d", t.Mode)
	}
	if err != nil {
		res.Err = asException(err)
		return res
	}
	res.Value = v
	return res
}

// workerChunk runs the n calls of a map or starmap chunk: in one call of a
// ChunkRuntime, else one Call per item. The first error ends the chunk.
func workerChunk(rt Runtime, fn uint64, n int, args func(i int) ([]wire.Value, error)) (v wire.Value, err error) {
	if cr, ok := rt.(ChunkRuntime); ok {
		defer func() {
			if r := recover(); r != nil {
				v, err = nil, panicAsException(r)
			}
		}()
		out, err := cr.CallChunk(fn, n, args)
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	out := make(wire.List, n)
	for i := range out {
		a, err := args(i)
		if err != nil {
			return nil, err
		}
		if out[i], err = workerCall(rt, fn, a, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// workerCall runs one call; a panic becomes a RuntimeError, never a crash.
func workerCall(rt Runtime, fn uint64, args []wire.Value, kwargs []wire.KV) (v wire.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, panicAsException(r)
		}
	}()
	return rt.Call(fn, args, kwargs)
}

// asException turns an error into the exception a Result carries: a
// *wire.Exception as it is, any other error as a RuntimeError with its text.
func asException(err error) *wire.Exception {
	var exc *wire.Exception
	if errors.As(err, &exc) {
		return exc
	}
	return runtimeError(err.Error())
}

func runtimeError(msg string) *wire.Exception {
	return &wire.Exception{Module: "builtins", Type: "RuntimeError", Message: msg, Args: []wire.Value{msg}}
}

// panicAsException is a RuntimeError for a recovered panic, with the Go
// stack as its traceback.
func panicAsException(r any) *wire.Exception {
	e := runtimeError(fmt.Sprintf("Go panic: %v", r))
	e.Traceback = fmt.Sprintf("Traceback (Go stack at the panic):\n%s%s\n", debug.Stack(), e.Error())
	return e
}
