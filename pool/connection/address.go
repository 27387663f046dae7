package connection

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"github.com/pypool/pypool/pool/pyexc"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Address families, as CPython names them.
const (
	AFUnix = "AF_UNIX"
	AFInet = "AF_INET"
)

// DefaultFamily is the family of a Listener given neither address nor
// family: AF_UNIX, as CPython on Unix.
const DefaultFamily = AFUnix

// An Address is where a [Listener] listens and a [Client] connects:
// CPython's str path (AF_UNIX; a Linux abstract name starts with "\x00")
// or (host, port) tuple (AF_INET).
type Address struct {
	Family string // AF_UNIX or AF_INET; empty: from the fields set
	Path   string // AF_UNIX
	Host   string // AF_INET
	Port   int    // AF_INET
}

// family is CPython's address_type: the family an address implies.
func (a Address) family() (string, error) {
	switch a.Family {
	case AFUnix, AFInet:
		return a.Family, nil
	case "":
		if a.Path != "" {
			return AFUnix, nil
		}
		if a.Host != "" || a.Port != 0 {
			return AFInet, nil
		}
		return "", nil
	}
	return "", &pyexc.ValueError{Msg: fmt.Sprintf("Family %s is not recognized.", a.Family)}
}

func (a Address) isZero() bool { return a.Path == "" && a.Host == "" && a.Port == 0 }

// String formats the address as Python's repr of it: '/tmp/listener-x',
// b'\x00name' (abstract), ('127.0.0.1', 6000).
func (a Address) String() string {
	if f, _ := a.family(); f == AFInet {
		return fmt.Sprintf("('%s', %d)", a.Host, a.Port)
	}
	if strings.HasPrefix(a.Path, "\x00") {
		return bytesRepr([]byte(a.Path))
	}
	return "'" + a.Path + "'"
}

// ArbitraryAddress returns a free address of the family (CPython's
// arbitrary_address): ('localhost', 0) for AF_INET (the port is picked at
// bind), a fresh path listener-XXXXXXXX in the temporary directory for
// AF_UNIX. (CPython puts it in a pymp-XXXX directory it removes at exit;
// a Listener here unlinks its path when closed, leaving nothing behind.)
func ArbitraryAddress(family string) (Address, error) {
	switch family {
	case AFInet:
		return Address{Family: AFInet, Host: "localhost"}, nil
	case AFUnix:
		var b [8]byte
		rand.Read(b[:])
		return Address{Family: AFUnix, Path: filepath.Join(os.TempDir(), "listener-"+hex.EncodeToString(b[:]))}, nil
	}
	return Address{}, &pyexc.ValueError{Msg: "unrecognized family"}
}

// sockaddr converts a to a socket address; AF_INET resolves the host to
// an IPv4 address as CPython's AF_INET sockets do.
func (a Address) sockaddr(family string) (syscall.Sockaddr, error) {
	if family == AFUnix {
		p := a.Path
		if strings.HasPrefix(p, "@") {
			p = "./" + p // syscall would take a leading @ for an abstract name
		}
		return &syscall.SockaddrUnix{Name: p}, nil
	}
	if a.Port < 0 || a.Port > 65535 {
		return nil, &pyexc.OverflowError{Msg: "bind(): port must be 0-65535."}
	}
	sa := &syscall.SockaddrInet4{Port: a.Port}
	host := a.Host
	if host == "" {
		return sa, nil // INADDR_ANY
	}
	ip := net.ParseIP(host)
	if ip == nil {
		ips, err := net.DefaultResolver.LookupIP(context.Background(), "ip4", host)
		if err != nil || len(ips) == 0 {
			return nil, &GaiError{Host: host, Err: err}
		}
		ip = ips[0]
	}
	ip4 := ip.To4()
	if ip4 == nil {
		return nil, &GaiError{Host: host}
	}
	copy(sa.Addr[:], ip4)
	return sa, nil
}

// socket makes a stream socket of the family (non-blocking or not) and
// converts a to its socket address.
func (a Address) socket(family string, nonblock bool) (int, syscall.Sockaddr, error) {
	sa, err := a.sockaddr(family)
	if err != nil {
		return -1, nil, err
	}
	domain := syscall.AF_UNIX
	if family == AFInet {
		domain = syscall.AF_INET
	}
	fd, err := socket(domain, nonblock)
	if err != nil {
		return -1, nil, err
	}
	return fd, sa, nil
}

// addressOf converts a socket address back; abstract names get their
// leading NUL back (syscall shows it as @).
func addressOf(sa syscall.Sockaddr, abstract bool) Address {
	switch sa := sa.(type) {
	case *syscall.SockaddrInet4:
		return Address{Family: AFInet, Host: net.IP(sa.Addr[:]).String(), Port: sa.Port}
	case *syscall.SockaddrInet6:
		return Address{Family: AFInet, Host: net.IP(sa.Addr[:]).String(), Port: sa.Port}
	case *syscall.SockaddrUnix:
		p := sa.Name
		if abstract && strings.HasPrefix(p, "@") {
			p = "\x00" + p[1:]
		}
		return Address{Family: AFUnix, Path: p}
	}
	return Address{}
}

// GaiError is socket.gaierror: a host name that does not resolve to an
// IPv4 address.
type GaiError struct {
	Host string
	Err  error
}

func (e *GaiError) Error() string {
	return "[Errno -2] Name or service not known"
}

func (e *GaiError) Unwrap() error { return e.Err }
