package connection

import (
	"os"
	"syscall"
	"time"
	"unsafe"
)

// pollFd is Linux's struct pollfd.
type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

const pollIn = 0x1 // POLLIN

// ppoll waits until one of fds is ready or timeout passes (negative: no
// limit), retrying after signals, and returns how many are ready.
func ppoll(fds []pollFd, timeout time.Duration) (int, error) {
	var deadline time.Time
	if timeout >= 0 {
		deadline = time.Now().Add(timeout)
	}
	for {
		var ts *syscall.Timespec
		if timeout >= 0 {
			t := syscall.NsecToTimespec(max(0, int64(time.Until(deadline))))
			ts = &t
		}
		var p unsafe.Pointer
		if len(fds) > 0 {
			p = unsafe.Pointer(&fds[0])
		}
		n, _, errno := syscall.Syscall6(syscall.SYS_PPOLL, uintptr(p), uintptr(len(fds)), uintptr(unsafe.Pointer(ts)), 0, 0, 0)
		if errno == syscall.EINTR {
			continue
		}
		if errno != 0 {
			return 0, os.NewSyscallError("ppoll", errno)
		}
		return int(n), nil
	}
}

// pollOne reports whether fd has input (or an end, or an error) waiting.
func pollOne(fd int) (bool, error) {
	fds := []pollFd{{fd: int32(fd), events: pollIn}}
	n, err := ppoll(fds, 0)
	return n > 0 && fds[0].revents != 0, err
}
