package connection

import (
	"os"
	"syscall"
	"time"
	"unsafe"
)

// A Waitable is something [Wait] can wait on: a *[Conn], an [FD], or
// anything else with a descriptor that becomes readable.
type Waitable interface {
	Fileno() (int, error)
}

// FD is a bare descriptor as a [Waitable], e.g. a process sentinel (a pipe
// whose other end the process holds until it exits).
type FD int

// Fileno returns the descriptor.
func (fd FD) Fileno() (int, error) { return int(fd), nil }

// Wait waits until at least one of objects is ready (CPython's
// multiprocessing.connection.wait): a Conn with a message or an end of
// stream waiting, a descriptor that is readable or closed at the other end.
// It returns the ready ones in the order given, or none when timeout passes
// (zero or negative: poll once; [NoTimeout]: no limit). An object whose
// Fileno fails (a closed Conn: "handle is closed") fails the call. The wait
// holds an OS thread and is not ended by closing the objects.
func Wait(objects []Waitable, timeout time.Duration) ([]Waitable, error) {
	fds := make([]pollFd, len(objects))
	for i, o := range objects {
		fd, err := o.Fileno()
		if err != nil {
			return nil, err
		}
		fds[i] = pollFd{fd: int32(fd), events: pollIn}
	}
	switch {
	case timeout == NoTimeout:
		timeout = -1
	case timeout < 0:
		timeout = 0
	}
	n, err := ppoll(fds, timeout)
	if err != nil || n == 0 {
		return nil, err
	}
	ready := make([]Waitable, 0, n)
	for i, p := range fds {
		if p.revents != 0 {
			ready = append(ready, objects[i])
		}
	}
	return ready, nil
}

// pollFd is struct pollfd.
type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

const pollIn = 0x1 // POLLIN

func fdsPointer(fds []pollFd) unsafe.Pointer {
	if len(fds) == 0 {
		return nil
	}
	return unsafe.Pointer(&fds[0])
}

// ppoll waits until one of fds is ready or timeout passes (negative: no
// limit), retrying after signals, and returns how many are ready.
func ppoll(fds []pollFd, timeout time.Duration) (int, error) {
	var deadline time.Time
	if timeout >= 0 {
		deadline = time.Now().Add(timeout)
	}
	for {
		d := time.Duration(-1)
		if timeout >= 0 {
			d = max(0, time.Until(deadline))
		}
		n, errno := pollOnce(fds, d)
		if errno == syscall.EINTR {
			continue
		}
		if errno != 0 {
			return 0, os.NewSyscallError("poll", errno)
		}
		return n, nil
	}
}

// pollOne reports whether fd has input (or an end, or an error) waiting.
func pollOne(fd int) (bool, error) {
	fds := []pollFd{{fd: int32(fd), events: pollIn}}
	n, err := ppoll(fds, 0)
	return n > 0 && fds[0].revents != 0, err
}
