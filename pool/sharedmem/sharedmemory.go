// Package sharedmem is CPython's multiprocessing.shared_memory on Linux:
// SharedMemory (a named block of memory, the file /dev/shm/NAME exactly as
// glibc's shm_open makes it, so CPython processes and pypool processes
// attach to each other's blocks) and ShareableList (CPython's binary
// layout, so either side reads a list the other wrote). Errors are
// *os.PathError (errno and CPython's "/name") and pool/pyexc's types with
// CPython's messages. It imports the standard library, pool/pyexc,
// pool/internal/shmfile and pool/resourcetracker; the
// bridge's multiprocessing.shared_memory module imports it.
package sharedmem

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"syscall"

	"github.com/pypool/pypool/pool/internal/shmfile"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/resourcetracker"
)

// SharedMemory is multiprocessing.shared_memory.SharedMemory.
type SharedMemory struct {
	name string // as given to shm_open: "/" + the name asked for
	size int
	mu   sync.Mutex
	buf  []byte // nil once closed
}

// New is SharedMemory(name, create, size). An empty name means None: a
// fresh "psm_" + 8 hex digits name, only with create. With create it makes
// the block (size > 0, else ValueError) and fails with an *os.PathError
// wrapping EEXIST (FileExistsError) if the name is taken; without it, it
// attaches to an existing block (ENOENT: FileNotFoundError), whose size is
// the file's and size is ignored. Names are what CPython accepts: "/" is
// put in front of the name given, glibc strips leading slashes, and a name
// containing "/" (or empty) is EINVAL. Errors name the block as CPython's
// do ("/name").
//
// As CPython 3.11, the block is registered with the resource tracker
// whether created or attached (gh-82300), so resourcetracker.Cleanup
// unlinks what this process did not Unlink.
func New(name string, create bool, size int) (*SharedMemory, error) {
	if size < 0 {
		return nil, &pyexc.ValueError{Msg: "'size' must be a positive integer"}
	}
	if create && size == 0 {
		return nil, &pyexc.ValueError{Msg: "'size' must be a positive number different from zero"}
	}
	if name == "" && !create {
		return nil, &pyexc.ValueError{Msg: "'name' can only be None if create=True"}
	}
	var mem []byte
	var err error
	if name == "" {
		for {
			name = "/psm_" + shmfile.RandomHex(4)
			if mem, err = open(name, true, size); !errors.Is(err, os.ErrExist) {
				break
			}
		}
	} else {
		name = "/" + name
		mem, err = open(name, create, size)
	}
	if err != nil {
		return nil, err
	}
	resourcetracker.Register(name, resourcetracker.SharedMemory)
	return &SharedMemory{name: name, size: len(mem), buf: mem}, nil
}

// open is shm_open (+ ftruncate) + mmap, with CPython's errors.
func open(name string, create bool, size int) ([]byte, error) {
	file := strings.TrimLeft(name, "/")
	if file == "" || strings.Contains(file, "/") || len(file) > 254 {
		return nil, &os.PathError{Op: "shm_open", Path: name, Err: syscall.EINVAL}
	}
	var mem []byte
	var err error
	if create {
		mem, err = shmfile.Create(file, size)
	} else {
		mem, err = shmfile.Open(file)
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		if pe.Op == "mmap" && pe.Err == syscall.EINVAL && !create {
			return nil, &pyexc.ValueError{Msg: "cannot mmap an empty file"}
		}
		return nil, &os.PathError{Op: "shm_open", Path: name, Err: pe.Err}
	}
	return mem, err
}

// Name is the block's name as CPython reports it: one leading slash
// dropped ("psm_…" for a generated name, "/x" for one given as "/x").
func (m *SharedMemory) Name() string { return m.name[1:] }

// Size is the block's size in bytes (the file's: a page multiple when
// another system made it so).
func (m *SharedMemory) Size() int { return m.size }

// Buf is the block's memory, nil after Close. The slice is valid until
// Close: a caller must not touch it (or anything sliced from it) after.
// A SharedMemory never closed stays mapped until the process exits (it
// is not unmapped when garbage, because slices of it may outlive it).
func (m *SharedMemory) Buf() []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.buf
}

// Close unmaps the block from this process (the block itself stays for
// others). A second Close does nothing.
func (m *SharedMemory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.buf == nil {
		return nil
	}
	err := shmfile.Unmap(m.buf)
	m.buf = nil
	return err
}

// Unlink removes the block's name (shm_unlink) so it is freed once every
// process has closed it, and unregisters it from the resource tracker. A
// second Unlink fails with ENOENT (FileNotFoundError), as in CPython.
func (m *SharedMemory) Unlink() error {
	err := shmfile.Unlink(strings.TrimLeft(m.name, "/"))
	resourcetracker.Unregister(m.name, resourcetracker.SharedMemory)
	var pe *os.PathError
	if errors.As(err, &pe) {
		return &os.PathError{Op: "shm_unlink", Path: m.name, Err: pe.Err}
	}
	return err
}

// String is CPython's repr: SharedMemory('psm_…', size=N).
func (m *SharedMemory) String() string {
	return fmt.Sprintf("SharedMemory(%s, size=%d)", pyQuote(m.Name()), m.size)
}

// pyQuote is repr() of a str of printable ASCII without quotes inside
// (what block names are); anything else is quoted by Go's rules.
func pyQuote(s string) string {
	for _, r := range s {
		if r < ' ' || r > '~' || r == '\'' || r == '\\' {
			return fmt.Sprintf("%q", s)
		}
	}
	return "'" + s + "'"
}
