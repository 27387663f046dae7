//go:build !linux

package synchronize

import (
	"sync/atomic"
	"time"
)

// Without futexes (never reached: shmfile fails to create or open the
// files on other systems, so no SemLock exists there).
func futexSleep(addr *atomic.Uint32, val uint32, d time.Duration) { time.Sleep(time.Millisecond) }

func futexWakeup(addr *atomic.Uint32, n int) {}
