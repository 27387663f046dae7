package connection

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/pypool/pypool/pool/pyexc"
	"io"
	"os"
	"sync"
	"syscall"

	"github.com/pypool/pypool/pool/wire"
)

// A Sharer hands descriptors to processes that are already running
// (CPython's resource_sharer, what reduction.DupFd uses when no process is
// being started): [Sharer.Share] keeps a duplicate under a key, and the
// process given the resulting [Shared] calls [Shared.Detach], which
// connects to the Sharer's Unix socket (an abstract name), passes the
// authkey handshake, names the key and receives the descriptor with
// [SendFds]. Each Shared can be detached once.
type Sharer struct {
	l       *Listener
	mu      sync.Mutex
	fds     map[uint64]int
	nextKey uint64
	done    chan struct{}
}

// Shared is a descriptor waiting in a Sharer: what a process needs to
// fetch it, small enough to travel in any message.
type Shared struct {
	Address string // the Sharer's abstract AF_UNIX name
	Key     uint64
}

// NewSharer starts a Sharer whose clients must know authkey (non-empty;
// CPython uses the process's authkey, which its children inherit). A
// goroutine serves it until Close.
func NewSharer(authkey []byte) (*Sharer, error) {
	if len(authkey) == 0 {
		return nil, &pyexc.ValueError{Msg: "a Sharer needs a non-empty authkey"}
	}
	var b [8]byte
	rand.Read(b[:])
	name := fmt.Sprintf("\x00pypool-sharer-%d-%s", os.Getpid(), hex.EncodeToString(b[:]))
	l, err := NewListener(Address{Family: AFUnix, Path: name}, AFUnix, 16, authkey)
	if err != nil {
		return nil, err
	}
	s := &Sharer{l: l, fds: map[uint64]int{}, done: make(chan struct{})}
	go s.serve()
	return s, nil
}

// Share duplicates fd and keeps the duplicate until a process detaches it
// (or the Sharer closes); the caller's fd stays its own.
func (s *Sharer) Share(fd int) (Shared, error) {
	r, err := dupCloexec(fd)
	if err != nil {
		return Shared{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fds == nil {
		syscall.Close(int(r))
		return Shared{}, &pyexc.OSError{Msg: "the sharer is closed"}
	}
	s.nextKey++
	s.fds[s.nextKey] = int(r)
	return Shared{Address: s.l.Address().Path, Key: s.nextKey}, nil
}

// Close stops serving and closes the descriptors nobody detached.
func (s *Sharer) Close() error {
	s.mu.Lock()
	fds := s.fds
	s.fds = nil
	s.mu.Unlock()
	if fds == nil {
		return nil
	}
	err := s.l.Close()
	<-s.done
	for _, fd := range fds {
		syscall.Close(fd)
	}
	return err
}

func (s *Sharer) serve() {
	defer close(s.done)
	for {
		c, err := s.l.Accept()
		if err != nil {
			if err == ErrListenerClosed {
				return
			}
			continue // a client that failed the handshake, or went away
		}
		go s.handle(c)
	}
}

// handle answers one request: [key, pid] → the descriptor, or the
// connection closed without one for a key it does not hold.
func (s *Sharer) handle(c *Conn) {
	defer c.Close()
	v, err := c.Recv()
	if err != nil {
		return
	}
	req, ok := v.(wire.List)
	if !ok || len(req) != 2 {
		return
	}
	key, ok := req[0].(int64)
	if !ok {
		return
	}
	s.mu.Lock()
	fd, held := s.fds[uint64(key)]
	delete(s.fds, uint64(key))
	s.mu.Unlock()
	if !held {
		return
	}
	SendFds(c, []int{fd})
	syscall.Close(fd)
}

// Detach fetches the shared descriptor from its Sharer, proving authkey,
// and returns it (close-on-exec; the caller owns it, e.g. for [NewConn]).
// It blocks until the Sharer answers. A key the Sharer does not hold (taken
// already, or never shared) fails with an error saying so.
func (sh Shared) Detach(authkey []byte) (int, error) {
	c, err := Client(Address{Family: AFUnix, Path: sh.Address}, AFUnix, authkey)
	if err != nil {
		return -1, err
	}
	defer c.Close()
	if err := c.Send(wire.List{int64(sh.Key), int64(os.Getpid())}); err != nil {
		return -1, err
	}
	fds, err := RecvFds(c, 1)
	if errors.Is(err, io.EOF) {
		return -1, fmt.Errorf("connection: the sharer holds no descriptor %d (already detached, or never shared)", sh.Key)
	}
	if err != nil {
		return -1, err
	}
	return fds[0], nil
}
