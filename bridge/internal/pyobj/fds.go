package pyobj

// Files a script opens and never closes. CPython's reference counting closes
// `open(p).read()`'s file at once; here the file's descriptor is closed by
// the Go finalizer of its *os.File, which runs only after a collection, and
// the worker heaps are small, so collections are rare. open() counts the
// files it made that were not closed explicitly and collects every
// leakBatch of them; and when the process runs out of descriptors it
// collects and tries again before reporting EMFILE.

import (
	"errors"
	"os"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// leakBatch is how many files open() may leave to the collector before it
// collects (each collection closes the unreachable ones).
const leakBatch = 128

var unreachableFiles fileCount

type fileCount struct {
	mu       sync.Mutex
	live     int64 // opened by open() and not closed explicitly
	baseline int64 // live after the last collection open() asked for
}

func (c *fileCount) opened() {
	c.mu.Lock()
	c.live++
	collect := c.live > c.baseline+leakBatch
	if collect {
		c.baseline = c.live
	}
	c.mu.Unlock()
	if collect {
		runtime.GC() // finalizers close what became unreachable
	}
}

func (c *fileCount) closed() {
	c.mu.Lock()
	c.live--
	c.baseline = min(c.baseline, c.live)
	c.mu.Unlock()
}

// openCollecting is os.OpenFile that, when the process is out of file
// descriptors, collects (closing unreachable files) and tries again.
func openCollecting(path string, flags int) (*os.File, error) {
	f, err := os.OpenFile(path, flags, 0o666)
	for try := 0; try < 3 && (errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)); try++ {
		runtime.GC()
		time.Sleep(time.Duration(try+1) * 5 * time.Millisecond) // the finalizers run on their own goroutine
		f, err = os.OpenFile(path, flags, 0o666)
	}
	return f, err
}
