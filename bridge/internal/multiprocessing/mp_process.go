package multiprocessing

// multiprocessing.current_process() and the process-level functions.

import (
	"fmt"
	"os"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
)

// A pyCurrentProcess describes the running process: MainProcess in the
// parent, the pool worker (SpawnPoolWorker-N / SpawnProcess-N) in a worker,
// or the Process object's name while a multiprocessing.Process runs.
type pyCurrentProcess struct {
	name    string
	pid     int
	parent  int
	worker  bool
	daemon  bool
	isMainP bool
}

var currentProcessType = pyrt.NewClass("multiprocessing.process", "BaseProcess", "Process objects represent activity that is run in a separate process.", nil)

// Type implements py.Object.
func (p *pyCurrentProcess) Type() *py.Type { return currentProcessType }

// M__repr__ is CPython's process repr.
func (p *pyCurrentProcess) M__repr__() (py.Object, error) {
	if p.isMainP {
		return py.String(fmt.Sprintf("<_MainProcess name='%s' parent=None started>", p.name)), nil
	}
	d := ""
	if p.daemon {
		d = " daemon"
	}
	return py.String(fmt.Sprintf("<SpawnProcess name='%s' parent=%d started%s>", p.name, p.parent, d)), nil
}

var (
	procNameMu       sync.Mutex
	procNameOverride string // set while a multiprocessing.Process runs in this worker
	processSingleton *pyCurrentProcess
)

// currentProcess returns the description of this process.
func currentProcess() *pyCurrentProcess {
	procNameMu.Lock()
	defer procNameMu.Unlock()
	if processSingleton == nil {
		p := &pyCurrentProcess{name: "MainProcess", pid: os.Getpid(), isMainP: true}
		if w, ok := pool.CurrentWorker(); ok {
			p = &pyCurrentProcess{name: w.Name, pid: w.PID, parent: os.Getppid(), worker: true, daemon: true}
		}
		processSingleton = p
	}
	if procNameOverride != "" {
		cp := *processSingleton
		cp.name = procNameOverride
		cp.daemon = false
		return &cp
	}
	return processSingleton
}

func init() {
	currentProcessType.Dict["name"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) { return py.String(self.(*pyCurrentProcess).name), nil },
		Fset: func(self, v py.Object) error {
			s, err := py.StrAsString(v)
			if err != nil {
				return py.ExceptionNewf(py.TypeError, "name must be a string")
			}
			self.(*pyCurrentProcess).name = s
			return nil
		},
	}
	currentProcessType.Dict["pid"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		return py.Int(self.(*pyCurrentProcess).pid), nil
	}}
	currentProcessType.Dict["ident"] = currentProcessType.Dict["pid"]
	currentProcessType.Dict["daemon"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		return py.NewBool(self.(*pyCurrentProcess).daemon), nil
	}}
	currentProcessType.Dict["exitcode"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		return py.None, nil
	}}
	pyrt.Method(currentProcessType, "BaseProcess.is_alive", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.True, nil
	})
}
