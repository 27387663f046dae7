// Package shmblock holds Block: a small shared mapping backed by a file
// under /dev/shm whose name carries the creating process's pid, registered
// with pool/resourcetracker by its creator. pool/synchronize (a futex word
// per SemLock, a Barrier's counters) and pool/sharedctypes (Value and Array
// slots) build on it. It imports pool/internal/shmfile and
// pool/resourcetracker.
package shmblock

import (
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"unsafe"

	"github.com/pypool/pypool/pool/internal/shmfile"
	"github.com/pypool/pypool/pool/resourcetracker"
)

// Block is a shared mapping opened by name. Its memory stays mapped while
// the Block is reachable (the mapping is released when it is garbage), so
// no call can touch unmapped memory; Unlink only removes the name.
type Block struct {
	name  string // "/" + file name, as CPython reports sem and shm names
	mem   []byte
	state *blockState
}

// blockState is shared by the Block and its cleanup (which must not
// reference the Block itself).
type blockState struct {
	name     string
	rtype    string
	creator  bool
	unlinked atomic.Bool
}

// New creates a zeroed block of size bytes named "/pypool-PID-RANDOM",
// registered as rtype with the resource tracker. The creator unlinks the
// name when the Block is garbage, on Unlink, or in resourcetracker.Cleanup.
func New(size int, rtype string) (*Block, error) {
	var err error
	for range 100 { // as CPython's SemLock, which tries 100 random names
		name := "/" + resourcetracker.PIDPrefix + strconv.Itoa(os.Getpid()) + "-" + shmfile.RandomHex(8)
		var mem []byte
		mem, err = shmfile.Create(name, size)
		if err == nil {
			resourcetracker.Register(name, rtype)
			return newBlock(name, mem, rtype, true), nil
		}
		if !os.IsExist(err) {
			return nil, err
		}
	}
	return nil, err
}

// Open maps the block called name (made by New in any process). The
// opener never unlinks it on its own.
func Open(name string) (*Block, error) {
	mem, err := shmfile.Open(name)
	if err != nil {
		return nil, err
	}
	if name == "" || name[0] != '/' {
		name = "/" + name
	}
	return newBlock(name, mem, "", false), nil
}

func newBlock(name string, mem []byte, rtype string, creator bool) *Block {
	b := &Block{name: name, mem: mem, state: &blockState{name: name, rtype: rtype, creator: creator}}
	runtime.AddCleanup(b, func(s *blockState) {
		if s.creator {
			s.unlink()
		}
		shmfile.Unmap(mem)
	}, b.state)
	return b
}

// Name is "/" + the file name under /dev/shm.
func (b *Block) Name() string { return b.name }

// Mem is the mapping; valid while b is reachable (keep b alive with
// runtime.KeepAlive when only pointers into Mem are used).
func (b *Block) Mem() []byte { return b.mem }

// Word returns the 32-bit word at byte offset off (a multiple of 4).
func (b *Block) Word(off int) *atomic.Uint32 {
	return (*atomic.Uint32)(unsafe.Pointer(&b.mem[off]))
}

// Unlink removes the name (once; later calls do nothing): processes that
// opened it keep their mappings, later Opens fail.
func (b *Block) Unlink() error { return b.state.unlink() }

func (s *blockState) unlink() error {
	if !s.unlinked.CompareAndSwap(false, true) {
		return nil
	}
	if s.creator {
		resourcetracker.Unregister(s.name, s.rtype)
	}
	err := shmfile.Unlink(s.name)
	if os.IsNotExist(err) && s.creator {
		return nil // the tracker's Cleanup came first
	}
	return err
}
