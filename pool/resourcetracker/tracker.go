// Package resourcetracker is the engine's counterpart of CPython's
// multiprocessing.resource_tracker: it remembers the /dev/shm names a
// process tree created (semaphores, shared memory blocks, shared words)
// until they are unlinked, and unlinks what is left when the program ends.
//
// CPython runs its tracker as a separate process shared by the whole tree.
// Here the top process owns a journal, /dev/shm/pypool-PID-tracker, whose
// path its children inherit in the environment (EnvJournal): every
// process appends what it registers and unregisters. Cleanup, called when
// a program ends (the bridge at interpreter exit; a Go program defers it
// in main), unlinks in the top process every name still registered by
// any process of the tree; in a child it unlinks only the semaphores and
// shared words it created (CPython's children finalize their semaphores at
// exit) and leaves shared memory blocks to the top, as CPython's tracker
// does. If the top process is killed, the next process that registers a
// name replays its journal and unlinks what it lists, and removes files
// named for dead pids (SweepDead).
//
// It imports only the standard library and pool/internal/shmfile;
// pool/internal/shmblock, pool/synchronize, pool/sharedmem and
// pool/sharedctypes import it.
package resourcetracker

import (
	"bufio"
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

// EnvJournal names the environment variable holding the tree's journal
// (a file name under /dev/shm); a process started without it is the top
// of a tree and sets it, at init, for the children it starts.
const EnvJournal = "PYPOOL_RESOURCE_TRACKER"

// PIDPrefix is how the names of files that carry their creator's pid
// begin: PIDPrefix + pid + "-" + random (or "tracker" for a journal).
const PIDPrefix = "pypool-"

const journalSuffix = "-tracker"

var (
	mu          sync.Mutex
	names       = map[string]map[string]struct{}{} // rtype → names this process registered
	journalName string                             // the tree's journal, a file under /dev/shm
	isTop       bool                               // this process owns the journal
	journal     *os.File                           // appended to; nil until opened or if it cannot be
	setup       sync.Once
)

// init takes the tree's journal from the environment, or makes this
// process the top of a tree, before it can start any child.
func init() {
	own := PIDPrefix + strconv.Itoa(os.Getpid()) + journalSuffix
	journalName = os.Getenv(EnvJournal)
	if journalName == "" || strings.ContainsAny(journalName, "/\n") {
		journalName = own
		os.Setenv(EnvJournal, own)
	}
	isTop = journalName == own
}

// start sweeps dead processes' leftovers and opens the journal (made by
// the first process of the tree that registers a name).
func start() {
	SweepDead()
	f, err := os.OpenFile(shmfile.Path(journalName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err == nil {
		journal = f
	}
}

// note appends one line to the journal ("+" register, "-" unregister).
// Names that cannot be written on one line stay in this process only.
func note(op, name, rtype string) {
	if journal == nil || strings.ContainsAny(name, "\t\n") {
		return
	}
	journal.WriteString(op + "\t" + rtype + "\t" + name + "\n") // one write: atomic among appenders
}

// Register records that name (of type rtype) was created or attached and
// must be unlinked at the latest by Cleanup.
func Register(name, rtype string) {
	setup.Do(start)
	mu.Lock()
	defer mu.Unlock()
	m := names[rtype]
	if m == nil {
		m = map[string]struct{}{}
		names[rtype] = m
	}
	m[name] = struct{}{}
	note("+", name, rtype)
}

// Unregister forgets name: it was unlinked, or another owner takes it over.
func Unregister(name, rtype string) {
	setup.Do(start)
	mu.Lock()
	defer mu.Unlock()
	delete(names[rtype], name)
	note("-", name, rtype)
}

// Registered reports whether this process registered name as rtype.
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

// Cleanup unlinks what is still registered (see the package comment for
// which process unlinks what) and returns it by type (types sorted).
// CPython's tracker prints "resource_tracker: There appear to be N leaked
// shared_memory objects to clean up at shutdown" for such names;
// semaphores never reach it in CPython (a finalizer unlinks them at exit),
// so a caller imitating its output warns only about SharedMemory. A name
// already gone is not an error.
func Cleanup() []Leak {
	setup.Do(start)
	mu.Lock()
	taken := names
	names = map[string]map[string]struct{}{}
	top := isTop
	if top {
		if journal != nil {
			journal.Close()
			journal = nil
		}
		for rtype, m := range replay(journalName) {
			if taken[rtype] == nil {
				taken[rtype] = map[string]struct{}{}
			}
			for n := range m {
				taken[rtype][n] = struct{}{}
			}
		}
		shmfile.Unlink(journalName)
	}
	mu.Unlock()
	if !top {
		delete(taken, SharedMemory) // the top process unlinks it at the tree's end
	}
	return unlinkAll(taken)
}

// replay reads a journal: the names registered and not unregistered since.
func replay(jname string) map[string]map[string]struct{} {
	out := map[string]map[string]struct{}{}
	f, err := os.Open(shmfile.Path(jname))
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		op, rest, _ := strings.Cut(sc.Text(), "\t")
		rtype, name, ok := strings.Cut(rest, "\t")
		if !ok || name == "" {
			continue
		}
		switch op {
		case "+":
			if out[rtype] == nil {
				out[rtype] = map[string]struct{}{}
			}
			out[rtype][name] = struct{}{}
		case "-":
			delete(out[rtype], name)
		}
	}
	return out
}

func unlinkAll(taken map[string]map[string]struct{}) []Leak {
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

// SweepDead cleans up after processes that were killed: for each journal
// of a dead pid it unlinks the names still registered there, then the
// journal; it removes the files named PIDPrefix+pid+"-…" of dead pids.
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
		pidText, tail, ok := strings.Cut(rest, "-")
		if !ok {
			continue
		}
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 || !processGone(pid) {
			continue
		}
		if "-"+tail == journalSuffix {
			unlinkAll(replay(e.Name()))
		}
		shmfile.Unlink(e.Name())
	}
}

// OwnFiles lists the files under /dev/shm named for this process
// (PIDPrefix+pid+"-…"): after Cleanup in the top process, none remain.
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
