package pool

import (
	"os"
	"syscall"
)

// workerSysProcAttr makes a worker die with SIGKILL when the thread that
// started it (the spawner's) ends, i.e. when the parent process dies.
func workerSysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// workerPipeSize is the buffer of each worker pipe: 1 MiB (Linux's default
// limit for an unprivileged process) instead of 64 KiB, so that a map
// chunk's task or result frame (~100 KB for 25,000 ints) is written in one
// go, not in turns with the reader.
const workerPipeSize = 1 << 20

// growPipe asks for a workerPipeSize buffer on the pipe f belongs to; a
// refusal leaves the default.
func growPipe(f *os.File) {
	rc, err := f.SyscallConn()
	if err != nil {
		return
	}
	rc.Control(func(fd uintptr) {
		syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_SETPIPE_SZ, workerPipeSize)
	})
}
