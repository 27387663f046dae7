package pool

import (
	"os"
	"os/exec"
	"runtime"
	"sync"
	"sync/atomic"
)

// processCounter numbers worker processes as CPython's
// multiprocessing.process._process_counter does: one counter for the whole
// parent process, shared by every Pool and executor, starting at 1.
var processCounter atomic.Int64

// nextProcessNumber returns the next worker number (1, 2, …).
func nextProcessNumber() int { return int(processCounter.Add(1)) }

// NextProcessNumber takes the next number of this process's counter of
// child processes, the one that names pool workers (SpawnPoolWorker-N,
// SpawnProcess-N): CPython's multiprocessing.process._process_counter, which
// also numbers Process objects (Process-N). The bridge uses it for those.
func NextProcessNumber() int { return nextProcessNumber() }

// spawnRequest asks the spawner thread to start cmd.
type spawnRequest struct {
	cmd   *exec.Cmd
	reply chan error
}

var (
	spawnOnce sync.Once
	spawnCh   chan spawnRequest
)

// startProcess starts cmd from the spawner: one goroutine locked to its OS
// thread for the life of the process. On Linux a child's Pdeathsig fires when
// the thread that forked it exits, so forking from an ordinary goroutine
// (whose thread the runtime may retire) could kill workers at random; the
// spawner's thread never exits.
func startProcess(cmd *exec.Cmd) error {
	spawnOnce.Do(func() {
		spawnCh = make(chan spawnRequest)
		ready := make(chan struct{})
		go spawner(ready)
		<-ready
	})
	req := spawnRequest{cmd: cmd, reply: make(chan error, 1)}
	spawnCh <- req
	return <-req.reply
}

func spawner(ready chan<- struct{}) {
	runtime.LockOSThread() // never unlocked: this thread lives as long as the process
	close(ready)
	for req := range spawnCh {
		req.reply <- req.cmd.Start()
	}
}

// workerExecutable is the binary re-executed in worker mode.
func workerExecutable() (string, error) {
	return os.Executable()
}
