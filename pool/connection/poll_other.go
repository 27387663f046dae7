//go:build unix && !linux

package connection

import (
	"syscall"
	"time"
)

// pollOnce is one poll(2) call, in whole milliseconds rounded up: d < 0
// waits without limit.
func pollOnce(fds []pollFd, d time.Duration) (int, syscall.Errno) {
	ms := -1
	if d >= 0 {
		ms = int((d + time.Millisecond - 1) / time.Millisecond)
	}
	n, _, errno := syscall.Syscall(syscall.SYS_POLL, uintptr(fdsPointer(fds)), uintptr(len(fds)), uintptr(ms))
	return int(n), errno
}
