package pool

import (
	"os"
	"syscall"
	"unsafe"
)

// watchParentPipe starts a goroutine that exits the process as soon as the
// parent's end of the task pipe closes, without reading from it: it polls
// the pipe for POLLHUP only, which Linux reports once no writer is left.
func watchParentPipe(in *os.File) {
	fd := int32(in.Fd()) // keeps in blocking, which the worker's reads expect
	go func() {
		type pollFd struct {
			fd      int32
			events  int16
			revents int16
		}
		p := pollFd{fd: fd}
		for {
			_, _, errno := syscall.Syscall6(syscall.SYS_PPOLL, uintptr(unsafe.Pointer(&p)), 1, 0, 0, 0, 0)
			if errno == syscall.EINTR || errno == syscall.EAGAIN {
				continue
			}
			if errno != 0 || p.revents&(pollHUP|pollERR|pollNVAL) != 0 {
				os.Exit(0)
			}
		}
	}()
}

const (
	pollERR  = 0x8
	pollHUP  = 0x10
	pollNVAL = 0x20
)
