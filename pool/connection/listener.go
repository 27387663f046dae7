package connection

import (
	"errors"
	"github.com/pypool/pypool/pool/pyexc"
	"os"
	"strings"
	"sync"
	"syscall"
)

// A Listener is a bound, listening socket that accepts connections
// (CPython's multiprocessing.connection.Listener), checking each with the
// authkey handshake when it has a key.
type Listener struct {
	mu           sync.Mutex
	f            *os.File // nil once closed
	rc           syscall.RawConn
	addr         Address
	family       string
	abstract     bool
	unlink       string // the socket file to remove at Close
	authkey      []byte
	lastAccepted Address
}

// NewListener binds and listens (CPython's Listener(address, family,
// backlog, authkey)). The family defaults to the address's, else
// [DefaultFamily]; a zero address is [ArbitraryAddress] of the family.
// An AF_UNIX path is unlinked when the Listener closes (abstract names
// leave nothing behind). With a non-empty authkey, every accepted
// connection must pass the handshake.
func NewListener(address Address, family string, backlog int, authkey []byte) (*Listener, error) {
	if family == "" {
		f, err := address.family()
		if err != nil {
			return nil, err
		}
		family = f
	}
	if family == "" {
		family = DefaultFamily
	}
	if family != AFUnix && family != AFInet {
		return nil, &pyexc.ValueError{Msg: "Family " + family + " is not recognized."}
	}
	if address.isZero() {
		a, err := ArbitraryAddress(family)
		if err != nil {
			return nil, err
		}
		address = a
	}
	fd, sa, err := address.socket(family, true)
	if err != nil {
		return nil, err
	}
	if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1); err != nil {
		syscall.Close(fd)
		return nil, os.NewSyscallError("setsockopt", err)
	}
	if err := syscall.Bind(fd, sa); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	abstract := family == AFUnix && strings.HasPrefix(address.Path, "\x00")
	if backlog < 0 {
		backlog = 0
	}
	if err := syscall.Listen(fd, backlog); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	bound, err := syscall.Getsockname(fd)
	if err != nil {
		syscall.Close(fd)
		return nil, os.NewSyscallError("getsockname", err)
	}
	l := &Listener{family: family, abstract: abstract, addr: addressOf(bound, abstract), authkey: authkey}
	if family == AFUnix {
		l.addr = Address{Family: AFUnix, Path: address.Path} // as bound, which getsockname also says
		if !abstract {
			l.unlink = address.Path
		}
	}
	l.f = os.NewFile(uintptr(fd), "listener")
	if l.rc, err = l.f.SyscallConn(); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// Address is the address the Listener is bound to (for AF_INET, the port
// the system picked when it was 0).
func (l *Listener) Address() Address { return l.addr }

// LastAccepted is the peer address of the last accepted connection: (host,
// port) for AF_INET, an empty path for AF_UNIX.
func (l *Listener) LastAccepted() Address {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lastAccepted
}

// ErrListenerClosed is what Accept returns once the Listener is closed
// (CPython's OSError "listener is closed"): the end of an accept loop.
var ErrListenerClosed = &pyexc.OSError{Msg: "listener is closed"}

// Accept waits for a connection and returns it, after the authkey
// handshake when the Listener has a key (the Listener delivers its
// challenge, then answers the client's); a failed handshake closes the
// connection and returns the *[AuthenticationError]. Close from another
// goroutine ends the wait with [ErrListenerClosed]; a client that
// connects and then says nothing keeps it waiting, as in CPython.
func (l *Listener) Accept() (*Conn, error) {
	l.mu.Lock()
	f, rc := l.f, l.rc
	l.mu.Unlock()
	if f == nil {
		return nil, ErrListenerClosed
	}
	var nfd int
	var sa syscall.Sockaddr
	var aerr error
	err := rc.Read(func(fd uintptr) bool {
		nfd, sa, aerr = accept(int(fd))
		return aerr != syscall.EAGAIN
	})
	if err != nil {
		if errors.Is(err, os.ErrClosed) || l.isClosed() {
			return nil, ErrListenerClosed
		}
		return nil, err
	}
	if aerr != nil {
		return nil, os.NewSyscallError("accept", aerr)
	}
	c, err := NewConn(nfd, true, true)
	if err != nil {
		syscall.Close(nfd)
		return nil, err
	}
	l.mu.Lock()
	if l.family == AFInet {
		l.lastAccepted = addressOf(sa, false)
	} else {
		l.lastAccepted = Address{Family: AFUnix}
	}
	l.mu.Unlock()
	if len(l.authkey) > 0 {
		if err := DeliverChallenge(c, l.authkey); err != nil {
			c.Close()
			return nil, err
		}
		if err := AnswerChallenge(c, l.authkey); err != nil {
			c.Close()
			return nil, err
		}
	}
	return c, nil
}

func (l *Listener) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f == nil
}

// Close closes the socket and unlinks its path; later calls do nothing.
func (l *Listener) Close() error {
	l.mu.Lock()
	f, path := l.f, l.unlink
	l.f, l.unlink = nil, ""
	l.mu.Unlock()
	if f == nil {
		return nil
	}
	err := f.Close()
	if path != "" {
		os.Remove(path)
	}
	return err
}

// Client connects to a Listener's address (CPython's Client(address,
// family, authkey)) and, when authkey is not nil (an empty key counts, as
// in CPython), answers the Listener's challenge and then delivers its own.
// Connecting blocks until the peer accepts into its backlog or refuses.
func Client(address Address, family string, authkey []byte) (*Conn, error) {
	if family == "" {
		f, err := address.family()
		if err != nil {
			return nil, err
		}
		family = f
	}
	if family != AFUnix && family != AFInet {
		return nil, &pyexc.ValueError{Msg: "address type of " + address.String() + " unrecognized"}
	}
	fd, sa, err := address.socket(family, false)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Connect(fd, sa)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		syscall.Close(fd)
		return nil, err
	}
	c, err := NewConn(fd, true, true)
	if err != nil {
		syscall.Close(fd)
		return nil, err
	}
	if authkey != nil {
		if err := AnswerChallenge(c, authkey); err != nil {
			c.Close()
			return nil, err
		}
		if err := DeliverChallenge(c, authkey); err != nil {
			c.Close()
			return nil, err
		}
	}
	return c, nil
}
