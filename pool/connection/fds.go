package connection

import (
	"fmt"
	"github.com/pypool/pypool/pool/pyexc"
	"io"
	"os"
	"syscall"
)

// File returns a duplicate of the Conn's descriptor as an *os.File, to
// hand the connection to another process: put it in exec.Cmd.ExtraFiles
// (the child finds it at descriptor 3+index and calls [NewConn] with the
// Conn's [Conn.Readable] and [Conn.Writable]) or send it with [SendFds].
// The caller closes the File once it has been handed over; the Conn stays
// open. Both share one open file description, in non-blocking mode.
func (c *Conn) File() (*os.File, error) {
	if c.closed.Load() {
		return nil, errClosed
	}
	var nfd int
	var derr error
	err := c.rc.Control(func(fd uintptr) {
		nfd, derr = dupCloexec(int(fd))
	})
	if err == nil {
		err = derr
	}
	if err != nil {
		return nil, c.osError(err)
	}
	return os.NewFile(uintptr(nfd), "connection-dup"), nil
}

// SendFds sends descriptors over c, which must be a Unix socket (a duplex
// Pipe, or a Listener/Client connection on AF_UNIX), as CPython's
// reduction.sendfds: one byte (the count modulo 256) carrying them as
// SCM_RIGHTS. The receiver gets duplicates; the caller's stay open. Do not
// interleave it with a message being sent from another goroutine's
// perspective: it takes the send turn as a message does.
func SendFds(c *Conn, fds []int) error {
	if err := c.checkWritable(); err != nil {
		return err
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	msg := []byte{byte(len(fds) % 256)}
	oob := syscall.UnixRights(fds...)
	var serr error
	err := c.rc.Write(func(fd uintptr) bool {
		serr = syscall.Sendmsg(int(fd), msg, oob, nil, 0)
		return serr != syscall.EAGAIN
	})
	if err == nil && serr != nil {
		err = os.NewSyscallError("sendmsg", serr)
	}
	return c.osError(err)
}

// RecvFds receives up to n descriptors sent with [SendFds] (CPython's
// reduction.recvfds; more than n are closed on arrival and fail the
// count check). The peer closing first is io.EOF; anything but one
// SCM_RIGHTS message of n descriptors fails with CPython's errors
// (*[pyexc.RuntimeError] "Invalid data received", "received 2 items of
// ancdata"; *[pyexc.AssertionError] "Len is 2 but msg[0] is 1") and closes
// whatever descriptors did arrive. They come close-on-exec. It blocks
// until they arrive; Close from another goroutine ends the wait.
func RecvFds(c *Conn, n int) ([]int, error) {
	if err := c.checkReadable(); err != nil {
		return nil, err
	}
	if n < 1 {
		return nil, &pyexc.ValueError{Msg: fmt.Sprintf("cannot receive %d descriptors", n)}
	}
	c.rmu.Lock()
	defer c.rmu.Unlock()
	msg := make([]byte, 1)
	oob := make([]byte, syscall.CmsgSpace(4*n))
	var got, oobn int
	var rerr error
	err := c.rc.Read(func(fd uintptr) bool {
		got, oobn, _, _, rerr = syscall.Recvmsg(int(fd), msg, oob, recvmsgFlags)
		return rerr != syscall.EAGAIN
	})
	if err == nil && rerr != nil {
		err = os.NewSyscallError("recvmsg", rerr)
	}
	if err != nil {
		return nil, c.osError(err)
	}
	if got == 0 && oobn == 0 {
		return nil, io.EOF
	}
	cmsgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
	if err != nil {
		return nil, &pyexc.RuntimeError{Msg: "Invalid data received"}
	}
	var fds []int
	rights := false
	for _, m := range cmsgs {
		if m.Header.Level == syscall.SOL_SOCKET && m.Header.Type == syscall.SCM_RIGHTS {
			if r, err := syscall.ParseUnixRights(&m); err == nil {
				for _, fd := range r {
					syscall.CloseOnExec(fd) // already, where MSG_CMSG_CLOEXEC exists
				}
				fds = append(fds, r...)
				rights = true
			}
		}
	}
	fail := func(err error) ([]int, error) {
		for _, fd := range fds {
			syscall.Close(fd)
		}
		return nil, err
	}
	switch {
	case len(cmsgs) != 1:
		return fail(&pyexc.RuntimeError{Msg: fmt.Sprintf("received %d items of ancdata", len(cmsgs))})
	case !rights || got == 0:
		return fail(&pyexc.RuntimeError{Msg: "Invalid data received"})
	case len(fds)%256 != int(msg[0]):
		return fail(&pyexc.AssertionError{Msg: fmt.Sprintf("Len is %d but msg[0] is %d", len(fds), msg[0])})
	}
	return fds, nil
}
