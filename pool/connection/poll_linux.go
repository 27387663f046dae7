package connection

import (
	"syscall"
	"time"
	"unsafe"
)

// pollOnce is one ppoll(2) call: d < 0 waits without limit.
func pollOnce(fds []pollFd, d time.Duration) (int, syscall.Errno) {
	var ts *syscall.Timespec
	if d >= 0 {
		t := syscall.NsecToTimespec(int64(d))
		ts = &t
	}
	n, _, errno := syscall.Syscall6(syscall.SYS_PPOLL, uintptr(fdsPointer(fds)), uintptr(len(fds)), uintptr(unsafe.Pointer(ts)), 0, 0, 0)
	return int(n), errno
}
