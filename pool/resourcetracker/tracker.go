// Package resourcetracker is the engine's counterpart of CPython's
// multiprocessing.resource_tracker: it remembers the /dev/shm names this
// process created (semaphores and shared memory segments) until they are
// unlinked, and unlinks what is left when the program ends.
//
// CPython runs the tracker as a separate process shared by a whole process
// tree; here each process keeps its own registry, and the program calls
// Cleanup when it ends (the bridge does at interpreter exit; a Go program
// defers it in main). Names of semaphores carry their creator's pid, so
// files a crashed process left behind are removed by the next process that
// registers one (SweepDead). It imports only the standard library and
// pool/internal/shmfile; pool/synchronize, pool/sharedmem and
// pool/sharedctypes import it.
package resourcetracker

import (
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/pypool/pypool/pool/internal/shmfile"
)

// The resource types, as CPython names them.
const (
	Semaphore    = "semaphore"
	SharedMemory = "shared_memory"
	// Heap is pypool's own: the shared words behind Value, Array and a
	// Barrier's counters (CPython keeps those in an anonymous arena).
	Heap = "heap"
)

var (
	mu       sync.Mutex
	names    = map[string]map[string]struct{}{} // rtype → names
	sweepOne sync.Once
)

// Register records that this process created name (of type rtype) and must
// unlink it at the latest in Cleanup. The first call also sweeps leftovers
// of dead processes (SweepDead).
func Register(name, rtype string) {
	sweepOne.Do(SweepDead)
	mu.Lock()
	defer mu.Unlock()
	m := names[rtype]
	if m == nil {
		m = map[string]struct{}{}
		names[rtype] = m
	}
	m[name] = struct{}{}
}

// Unregister forgets name: it was unlinked, or another owner takes it over.
func Unregister(name, rtype string) {
	mu.Lock()
	defer mu.Unlock()
	delete(names[rtype], name)
}

// Registered reports whether name is registered as rtype.
func Registered(name, rtype string) bool {
	mu.Lock()
	defer mu.Unlock()
	_, ok := names[rtype][name]
	return ok
}

// Leak is what Cleanup unlinked for one resource type, names sorted, with
// the error of each name that could not be unlinked.
type Leak struct {
	Rtype  string
	Names  []string
	Errors map[string]error
}

// Cleanup unlinks every name still registered and forgets them, returning
// them by type (types sorted). CPython's tracker prints "resource_tracker:
// There appear to be N leaked shared_memory objects to clean up at
// shutdown" for such names; semaphores never reach it in CPython (a
// finalizer unlinks them at exit), so a caller imitating its output warns
// only about SharedMemory. A name already gone is not an error.
func Cleanup() []Leak {
	mu.Lock()
	taken := names
	names = map[string]map[string]struct{}{}
	mu.Unlock()
	var out []Leak
	for rtype, m := range taken {
		if len(m) == 0 {
			continue
		}
		l := Leak{Rtype: rtype}
		for name := range m {
			l.Names = append(l.Names, name)
			if err := shmfile.Unlink(name); err != nil && !os.IsNotExist(err) {
				if l.Errors == nil {
					l.Errors = map[string]error{}
				}
				l.Errors[name] = err
			}
		}
		sort.Strings(l.Names)
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Rtype < out[j].Rtype })
	return out
}

// PIDPrefix is how the names of files that carry their creator's pid begin:
// PIDPrefix + pid + "-" + random.
const PIDPrefix = "pypool-"

// SweepDead removes the files under /dev/shm named PIDPrefix+pid+"-…" whose
// pid is no longer a live process: what a killed program left behind.
// Errors (another user's file, a race with another sweeper) are ignored.
func SweepDead() {
	ents, err := os.ReadDir(shmfile.Dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		rest, ok := strings.CutPrefix(e.Name(), PIDPrefix)
		if !ok {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		if !ok {
			continue
		}
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 {
			continue
		}
		if processGone(pid) {
			shmfile.Unlink(e.Name())
		}
	}
}

// OwnFiles lists the files under /dev/shm named for this process
// (PIDPrefix+pid+"-…"): after Cleanup, none should remain.
func OwnFiles() []string {
	ents, _ := os.ReadDir(shmfile.Dir)
	prefix := PIDPrefix + strconv.Itoa(os.Getpid()) + "-"
	var out []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), prefix) {
			out = append(out, e.Name())
		}
	}
	return out
}
