// Package shmtest holds the TestMain of the packages whose tests make
// /dev/shm files (pool/synchronize, pool/sharedctypes, pool/sharedmem): it
// serves as a pool worker when the test binary is re-executed as one, and
// fails the run if this process's files outlive resourcetracker.Cleanup.
// It imports pool and pool/resourcetracker; only tests import it.
package shmtest

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/resourcetracker"
)

// Main runs the tests and exits: a worker when re-executed as one.
func Main(m *testing.M) {
	pool.ServeWorkerIfChild()
	code := m.Run()
	runtime.GC()
	resourcetracker.Cleanup()
	if left := resourcetracker.OwnFiles(); len(left) > 0 {
		fmt.Fprintln(os.Stderr, "leftover /dev/shm files:", left)
		code = 1
	}
	os.Exit(code)
}
