//go:build race

package synchronize

import (
	"sync"
	"sync/atomic"
)

// The race detector does not see atomics on memory mapped from a file, so
// it would not know that a Release happens before the Acquire it enables.
// Under -race each name gets a Go-heap word that Release stores to before
// posting and Acquire loads after taking a unit: the detector then sees
// the synchronisation the shared word really provides (within a process).
var raceAnchors sync.Map // name → *atomic.Uint64

func raceAnchor(name string) *atomic.Uint64 {
	if a, ok := raceAnchors.Load(name); ok {
		return a.(*atomic.Uint64)
	}
	a, _ := raceAnchors.LoadOrStore(name, new(atomic.Uint64))
	return a.(*atomic.Uint64)
}

func raceReleased(s *SemLock) { raceAnchor(s.Name()).Add(1) }

func raceAcquired(s *SemLock) { raceAnchor(s.Name()).Load() }
