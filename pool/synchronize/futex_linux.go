//go:build linux

package synchronize

import (
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

// Shared (not FUTEX_PRIVATE_FLAG) futex operations: the word lives in a
// MAP_SHARED file mapping, so the kernel keys waiters by (inode, offset) and
// processes mapping the same file meet on it.
const (
	futexWait = 0 // FUTEX_WAIT
	futexWake = 1 // FUTEX_WAKE
)

// futexSleep blocks while *addr == val, for at most d (d < 0: no limit).
// It returns early on a wake, a signal, or when *addr != val; callers
// recheck their condition in every case.
func futexSleep(addr *atomic.Uint32, val uint32, d time.Duration) {
	var tsp unsafe.Pointer
	var ts syscall.Timespec
	if d >= 0 {
		ts = syscall.NsecToTimespec(int64(d))
		tsp = unsafe.Pointer(&ts)
	}
	syscall.Syscall6(syscall.SYS_FUTEX, uintptr(unsafe.Pointer(addr)), futexWait, uintptr(val), uintptr(tsp), 0, 0)
}

// futexWakeup wakes at most n waiters sleeping on addr.
func futexWakeup(addr *atomic.Uint32, n int) {
	syscall.Syscall6(syscall.SYS_FUTEX, uintptr(unsafe.Pointer(addr)), futexWake, uintptr(n), 0, 0, 0)
}
