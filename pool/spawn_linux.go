package pool

import "syscall"

// workerSysProcAttr makes a worker die with SIGKILL when the thread that
// started it (the spawner's) ends, i.e. when the parent process dies.
func workerSysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
