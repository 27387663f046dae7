package pool

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// Worker name prefixes, as CPython's spawn context names its processes.
const (
	poolWorkerPrefix     = "SpawnPoolWorker" // multiprocessing.Pool workers
	executorWorkerPrefix = "SpawnProcess"    // ProcessPoolExecutor workers
)

// workerMaxFrame is the frame limit of worker pipes in both directions
// (0: pool/wire's default, 1 GiB). A message over it fails its one task.
var workerMaxFrame atomic.Int64

// envWorkerProcs passes the worker its GOMAXPROCS (workerProcs).
const envWorkerProcs = "PYPOOL_WORKER_PROCS"

// workerProcs is the GOMAXPROCS of each of a group's workers: the machine's
// CPUs shared out among them, at least one, so that a pool of as many
// workers as CPUs runs one thread of Go code per worker (a Python worker is
// single-threaded; more only lets its garbage collector compete with the
// other workers for their CPUs). 0 when GOMAXPROCS is set in the
// environment: the user's choice passes to the workers unchanged.
func workerProcs(workers int) int {
	if os.Getenv("GOMAXPROCS") != "" || workers < 1 {
		return 0
	}
	return max(1, runtime.NumCPU()/workers)
}

// envWorkerMaxFrame passes the frame limit to the worker.
const envWorkerMaxFrame = "PYPOOL_WORKER_MAX_FRAME"

// procEvents receives what happens to a worker process. Calls come from the
// connection's reader and writer goroutines; workerExit comes last, once.
type procEvents interface {
	// workerHello: the worker started serving.
	workerHello(c *procConn)
	workerResult(c *procConn, r *wire.Result)
	// workerEncodeError: m (a Task or Init) could not be encoded; nothing of
	// it was sent.
	workerEncodeError(c *procConn, m *wire.Message, err error)
	workerExit(c *procConn, st exitStatus)
}

// exitStatus is how a worker process ended.
type exitStatus struct {
	code     int
	signal   syscall.Signal
	protoErr error // the parent killed the worker for breaking the protocol
}

// clean reports a zero exit.
func (st exitStatus) clean() bool { return st.code == 0 && st.signal == 0 && st.protoErr == nil }

// procConn is the parent's end of one worker process: its pipes, a writer
// goroutine fed by a queue, a reader goroutine turning frames into events,
// and the ids of the functions defined in it.
type procConn struct {
	name string
	num  int
	pid  int

	cmd   *exec.Cmd
	toW   *os.File
	fromW *os.File
	q     *sendQueue
	ev    procEvents

	// funcs and nextFunc belong to the owner and are used under its lock.
	funcs    map[Remote]uint64
	nextFunc uint64

	maxFrame   int // frame limit (0: wire's default)
	helloTimer *time.Timer

	// slot is the owner's per-worker state (under the owner's lock).
	slot *procSlot

	mu       sync.Mutex
	badDefs  map[uint64]error // function ids whose Define could not be encoded
	protoErr error
	killed   bool
}

// startProcConn starts a worker process named prefix-N that runs Go code on
// at most procs OS threads at once (its GOMAXPROCS; 0: the Go default).
func startProcConn(prefix string, procs int, stdout, stderr *os.File, ev procEvents) (*procConn, error) {
	if os.Getenv(envWorker) != "" {
		// Started as a worker, yet not serving: main did not call
		// ServeWorkerIfChild first. Starting workers here would recurse.
		return nil, errNotServing
	}
	exe, err := workerExecutable()
	if err != nil {
		return nil, fmt.Errorf("pool: cannot find this program's executable to start a worker: %w", err)
	}
	childIn, toW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("pool: cannot create a worker pipe: %w", err)
	}
	fromW, childOut, err := os.Pipe()
	if err != nil {
		childIn.Close()
		toW.Close()
		return nil, fmt.Errorf("pool: cannot create a worker pipe: %w", err)
	}
	growPipe(toW)
	growPipe(fromW)
	num := nextProcessNumber()
	name := fmt.Sprintf("%s-%d", prefix, num)
	env := append(os.Environ(), envWorker+"="+name)
	// Under the race detector a process sleeps 1s at exit by default,
	// which would delay noticing a worker's death; workers skip it.
	if g := os.Getenv("GORACE"); !strings.Contains(g, "atexit_sleep_ms") {
		env = append(env, strings.TrimSpace("GORACE="+g+" atexit_sleep_ms=0"))
	}
	if procs > 0 {
		env = append(env, envWorkerProcs+"="+strconv.Itoa(procs))
	}
	maxFrame := int(workerMaxFrame.Load())
	if maxFrame > 0 {
		env = append(env, envWorkerMaxFrame+"="+strconv.Itoa(maxFrame))
	}
	cmd := &exec.Cmd{
		Path:        exe,
		Args:        []string{os.Args[0]},
		Env:         env,
		Stdout:      stdout,
		Stderr:      stderr,
		ExtraFiles:  []*os.File{childIn, childOut}, // fds 3 and 4
		SysProcAttr: workerSysProcAttr(),
	}
	err = startProcess(cmd)
	childIn.Close()
	childOut.Close()
	if err != nil {
		toW.Close()
		fromW.Close()
		return nil, fmt.Errorf("pool: cannot start worker %s: %w", name, err)
	}
	c := &procConn{
		name: name, num: num, pid: cmd.Process.Pid,
		cmd: cmd, toW: toW, fromW: fromW, ev: ev,
		funcs: map[Remote]uint64{},
	}
	fw := newFrameWriter(toW)
	fw.SetMaxFrame(maxFrame)
	c.q = newSendQueue(fw)
	c.maxFrame = maxFrame
	c.q.onEncodeError = c.encodeError
	c.q.onWriteError = func(error) { c.kill() } // the worker is gone or wedged: the reader reports it
	c.q.filter = c.filter
	go c.q.run()
	c.helloTimer = time.AfterFunc(helloTimeout, func() {
		c.failProtocol(fmt.Errorf("it did not start serving within %v: %w", helloTimeout, errNotServing))
	})
	go c.readLoop()
	return c, nil
}

// helloTimeout is how long a new worker may take to say hello.
const helloTimeout = 60 * time.Second

// errNotServing explains a worker binary that does not serve.
var errNotServing = errors.New("pool: this program was started as a pool worker but did not serve: its main must call pool.ServeWorkerIfChild() first")

// kill ends the worker with SIGKILL.
func (c *procConn) kill() {
	c.mu.Lock()
	c.killed = true
	c.mu.Unlock()
	c.cmd.Process.Kill()
}

// failProtocol kills the worker for breaking the protocol.
func (c *procConn) failProtocol(err error) {
	c.mu.Lock()
	if c.protoErr == nil {
		c.protoErr = fmt.Errorf("%w (the parent killed it)", err)
	}
	c.mu.Unlock()
	c.kill()
}

// shutdown asks the worker to finish and exit.
func (c *procConn) shutdown() {
	c.q.push(&wire.Message{Kind: wire.KindShutdown})
	c.q.close()
}

// define makes sure fn is defined in the worker and returns its id. Call it
// under the owner's lock.
func (c *procConn) define(fn Remote) (id uint64, err error) {
	defer func() {
		if r := recover(); r != nil { // a Remote whose dynamic type is not comparable
			id, err = 0, fmt.Errorf("pool: %T cannot be sent to a worker process: a Remote must be comparable (%v)", fn, r)
		}
	}()
	if id, ok := c.funcs[fn]; ok {
		return id, nil
	}
	kind, payload, err := fn.Definition()
	if err != nil {
		return 0, err
	}
	c.nextFunc++
	id = c.nextFunc
	c.funcs[fn] = id // keeps fn alive while the worker knows the id
	c.q.push(&wire.Message{Kind: wire.KindDefine, Define: &wire.Define{ID: id, Runtime: kind, Payload: payload}})
	return id, nil
}

// sendTask queues a task; it fails if fn cannot be defined in the worker.
func (c *procConn) sendTask(t *procTask) error {
	fid, err := c.define(t.fn)
	if err != nil {
		return err
	}
	c.q.push(&wire.Message{Kind: wire.KindTask, Task: &wire.Task{ID: t.id, Func: fid, Mode: t.mode, Args: t.args, Kwargs: t.kwargs, ArgsRange: t.argsRange}})
	return nil
}

// sendInit queues the initializer call.
func (c *procConn) sendInit(fn Remote, args []wire.Value) error {
	fid, err := c.define(fn)
	if err != nil {
		return err
	}
	c.q.push(&wire.Message{Kind: wire.KindInit, Init: &wire.Init{Func: fid, Args: args}})
	return nil
}

// filter runs in the writer goroutine before each message is encoded: a
// Task whose function could not be defined fails instead of being sent.
func (c *procConn) filter(m *wire.Message) bool {
	c.mu.Lock()
	if len(c.badDefs) == 0 {
		c.mu.Unlock()
		return true
	}
	var err error
	switch m.Kind {
	case wire.KindTask:
		err = c.badDefs[m.Task.Func]
	case wire.KindInit:
		err = c.badDefs[m.Init.Func]
	}
	c.mu.Unlock()
	if err != nil {
		c.ev.workerEncodeError(c, m, err)
		return false
	}
	return true
}

func (c *procConn) encodeError(m *wire.Message, err error) {
	switch m.Kind {
	case wire.KindDefine:
		c.mu.Lock()
		if c.badDefs == nil {
			c.badDefs = map[uint64]error{}
		}
		c.badDefs[m.Define.ID] = fmt.Errorf("pool: the function cannot be sent to worker %s: %w", c.name, err)
		c.mu.Unlock()
	case wire.KindTask, wire.KindInit:
		c.ev.workerEncodeError(c, m, err)
	default:
		c.failProtocol(fmt.Errorf("the parent cannot encode a message of kind %d for it: %w", m.Kind, err))
	}
}

// readLoop turns the worker's frames into events until its pipe closes,
// then reaps the process and reports how it ended.
func (c *procConn) readLoop() {
	r := newFrameReader(c.fromW)
	r.SetMaxFrame(c.maxFrame)
	hello := false
	for {
		m, err := r.ReadMessage()
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
				c.failProtocol(fmt.Errorf("it sent a malformed frame: %w", err))
			}
			break
		}
		if !hello {
			if m.Kind != wire.KindHello || m.Hello == nil {
				c.failProtocol(fmt.Errorf("its first frame is a message of kind %d, not hello", m.Kind))
				break
			}
			hello = true
			c.helloTimer.Stop()
			c.ev.workerHello(c)
			continue
		}
		if m.Kind != wire.KindResult || m.Result == nil {
			c.failProtocol(fmt.Errorf("it sent an unexpected message of kind %d", m.Kind))
			break
		}
		c.ev.workerResult(c, m.Result)
	}
	c.q.abandon()
	// The worker closed its pipe: it is exiting. Give it a moment, then make sure.
	timer := time.AfterFunc(5*time.Second, c.kill)
	c.cmd.Wait()
	timer.Stop()
	<-c.q.done
	c.toW.Close()
	c.fromW.Close()

	c.helloTimer.Stop()
	var st exitStatus
	c.mu.Lock()
	st.protoErr = c.protoErr
	c.mu.Unlock()
	if ps := c.cmd.ProcessState; ps != nil {
		if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			st.signal = ws.Signal()
			if st.signal == syscall.SIGINT {
				lastSIGINTDeath.Store(time.Now().UnixNano())
			}
		} else {
			st.code = ps.ExitCode()
		}
	}
	if !hello && st.protoErr == nil && st.signal == 0 {
		st.protoErr = fmt.Errorf("it exited with code %d before serving: %w", st.code, errNotServing)
	}
	c.ev.workerExit(c, st)
}

// lastSIGINTDeath is when a worker of this process last died of SIGINT
// (UnixNano; 0: never).
var lastSIGINTDeath atomic.Int64

// WorkerDiedOfSIGINT reports whether a worker process of this process died
// of SIGINT within the last d: a Ctrl-C sent to the process group, most
// likely, which reaches the parent too — a moment earlier or later than the
// worker's death is noticed.
func WorkerDiedOfSIGINT(d time.Duration) bool {
	t := lastSIGINTDeath.Load()
	return t != 0 && time.Since(time.Unix(0, t)) < d
}

// lostError describes a worker's unexpected end.
func (c *procConn) lostError(st exitStatus) *WorkerLostError {
	return &WorkerLostError{Worker: c.name, PID: c.pid, ExitCode: st.code, Signal: st.signal, Cause: st.protoErr}
}
