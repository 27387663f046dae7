//go:build unix && !linux

package connection

import (
	"os"
	"syscall"
	"time"
	"unsafe"
)

// pollFd is struct pollfd.
type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

const pollIn = 0x1 // POLLIN

// ppoll is poll(2) with a millisecond timeout (negative: no limit),
// retried after signals.
func ppoll(fds []pollFd, timeout time.Duration) (int, error) {
	var deadline time.Time
	if timeout >= 0 {
		deadline = time.Now().Add(timeout)
	}
	for {
		ms := -1
		if timeout >= 0 {
			ms = int((max(0, time.Until(deadline)) + time.Millisecond - 1) / time.Millisecond)
		}
		var p unsafe.Pointer
		if len(fds) > 0 {
			p = unsafe.Pointer(&fds[0])
		}
		n, _, errno := syscall.Syscall(syscall.SYS_POLL, uintptr(p), uintptr(len(fds)), uintptr(ms))
		if errno == syscall.EINTR {
			continue
		}
		if errno != 0 {
			return 0, os.NewSyscallError("poll", errno)
		}
		return int(n), nil
	}
}

func pollOne(fd int) (bool, error) {
	fds := []pollFd{{fd: int32(fd), events: pollIn}}
	n, err := ppoll(fds, 0)
	return n > 0 && fds[0].revents != 0, err
}
