package connection

import (
	"context"
	"encoding/binary"
	"errors"
	"github.com/pypool/pypool/pool/pyexc"
	"io"
	"math"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// Omitted stands for Python's None as [Conn.SendBytes]'s size (the rest of
// the buffer) and [Conn.RecvBytes]'s maxlength (no limit).
const Omitted = math.MinInt

// NoTimeout, as a timeout, waits without limit (Python's timeout=None); any
// other zero or negative duration polls without waiting, as in CPython. It
// has the value of pool.NoTimeout.
const NoTimeout time.Duration = math.MaxInt64

// Frame sizes of CPython's Connection: lengths up to maxShortFrame fit the
// 4-byte header; up to concatLimit the header and body go out in one write.
const (
	maxShortFrame = 0x7fffffff
	concatLimit   = 16384
)

// eagerBody is the largest body allocated in one go from a frame's length;
// longer bodies grow as their bytes arrive.
const eagerBody = 1 << 20

// A Conn is one end of a connection (CPython's
// multiprocessing.connection.Connection): a Unix or TCP socket, or one end
// of a pipe, carrying length-prefixed messages. One goroutine may send while
// another receives; concurrent senders (or receivers) take turns, a whole
// message at a time.
type Conn struct {
	fd       int
	f        *os.File
	rc       syscall.RawConn
	writable bool
	readable atomic.Bool // cleared by a receive that finds a bad length
	closed   atomic.Bool

	rmu  sync.Mutex // receives and Poll
	hdr  [8]byte
	rbuf []byte // reused body buffer for Recv

	wmu  sync.Mutex // sends
	sbuf []byte     // header + small body
}

// NewConn makes a Conn of an open descriptor (CPython's Connection(handle,
// readable, writable)); the Conn owns fd from then on and puts it in
// non-blocking mode. It fails with a *[pyexc.ValueError] for a negative fd
// ("invalid handle") or neither readable nor writable.
func NewConn(fd int, readable, writable bool) (*Conn, error) {
	if fd < 0 {
		return nil, &pyexc.ValueError{Msg: "invalid handle"}
	}
	if !readable && !writable {
		return nil, &pyexc.ValueError{Msg: "at least one of `readable` and `writable` must be True"}
	}
	if err := syscall.SetNonblock(fd, true); err != nil {
		return nil, os.NewSyscallError("fcntl", err)
	}
	f := os.NewFile(uintptr(fd), "connection:"+strconv.Itoa(fd))
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, err
	}
	c := &Conn{fd: fd, f: f, rc: rc, writable: writable}
	c.readable.Store(readable)
	return c, nil
}

// Pipe returns the two ends of a new connection, as CPython's Pipe on
// Linux: duplex, a Unix socket pair whose ends both send and receive;
// otherwise an os pipe, whose first end only receives and second only
// sends.
func Pipe(duplex bool) (*Conn, *Conn, error) {
	var fds [2]int
	if duplex {
		p, err := unixSocketpair()
		if err != nil {
			return nil, nil, err
		}
		fds = p
	} else {
		p, err := osPipe()
		if err != nil {
			return nil, nil, err
		}
		fds = p
	}
	c1, err := NewConn(fds[0], true, duplex)
	if err != nil {
		syscall.Close(fds[0])
		syscall.Close(fds[1])
		return nil, nil, err
	}
	c2, err := NewConn(fds[1], duplex, true)
	if err != nil {
		c1.Close()
		syscall.Close(fds[1])
		return nil, nil, err
	}
	return c1, c2, nil
}

// Closed reports whether Close was called.
func (c *Conn) Closed() bool { return c.closed.Load() }

// Readable reports whether the connection receives (false for the sending
// end of a simplex Pipe, and after a message of bad length).
func (c *Conn) Readable() bool { return c.readable.Load() }

// Writable reports whether the connection sends.
func (c *Conn) Writable() bool { return c.writable }

// Fileno returns the descriptor, or the *[pyexc.OSError] "handle is closed".
func (c *Conn) Fileno() (int, error) {
	if c.closed.Load() {
		return -1, errClosed
	}
	return c.fd, nil
}

// Close closes the connection; a later call does nothing. A goroutine
// blocked receiving or polling on it returns "handle is closed".
func (c *Conn) Close() error {
	if c.closed.Swap(true) {
		return nil
	}
	return c.f.Close()
}

func (c *Conn) checkReadable() error {
	if c.closed.Load() {
		return errClosed
	}
	if !c.readable.Load() {
		return errWriteOnly
	}
	return nil
}

func (c *Conn) checkWritable() error {
	if c.closed.Load() {
		return errClosed
	}
	if !c.writable {
		return errReadOnly
	}
	return nil
}

// SendBytes sends buf[offset:offset+size] as one message (size [Omitted]:
// to the end of buf), with CPython's checks: "offset is negative", "buffer
// length < offset", "size is negative", "buffer length < offset + size".
// It blocks until the message is written to the descriptor (the peer may
// still have to read it); Close from another goroutine ends the wait.
func (c *Conn) SendBytes(buf []byte, offset, size int) error {
	if err := c.checkWritable(); err != nil {
		return err
	}
	n := len(buf)
	switch {
	case offset < 0:
		return &pyexc.ValueError{Msg: "offset is negative"}
	case n < offset:
		return &pyexc.ValueError{Msg: "buffer length < offset"}
	case size == Omitted:
		size = n - offset
	case size < 0:
		return &pyexc.ValueError{Msg: "size is negative"}
	case offset+size > n:
		return &pyexc.ValueError{Msg: "buffer length < offset + size"}
	}
	return c.send(buf[offset : offset+size])
}

// Send sends one wire value as a message. A value that cannot be encoded
// fails with a *wire.EncodeError and sends nothing.
func (c *Conn) Send(v wire.Value) error {
	if err := c.checkWritable(); err != nil {
		return err
	}
	b, err := wire.EncodeValue(v)
	if err != nil {
		return err
	}
	return c.send(b)
}

// send writes one frame: CPython's header, then body.
func (c *Conn) send(body []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.sendFrames([][]byte{body})
}

// SendBatch sends each of msgs as one message, as that many SendBytes
// calls would, in as few writes as it can: small messages go out together,
// up to 64 KiB a write. It blocks as SendBytes does; after an error some
// of msgs may have been sent.
func (c *Conn) SendBatch(msgs [][]byte) error {
	if err := c.checkWritable(); err != nil {
		return err
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.sendFrames(msgs)
}

// batchWrite is the size at which SendBatch writes what it has gathered.
const batchWrite = 64 << 10

// sendFrames writes msgs as frames, under wmu: up to concatLimit bytes a
// message is copied after its header into sbuf (CPython concatenates them
// too, against Nagle's delays on TCP); longer ones go out as header, then
// body.
func (c *Conn) sendFrames(msgs [][]byte) error {
	b := c.sbuf[:0]
	defer func() {
		if cap(b) <= 4*batchWrite {
			c.sbuf = b[:0]
		}
	}()
	for _, m := range msgs {
		if len(m) <= concatLimit {
			b = append(appendHeader(b, len(m)), m...)
			if len(b) < batchWrite {
				continue
			}
		} else {
			b = appendHeader(b, len(m))
		}
		if err := c.write(b); err != nil {
			return err
		}
		b = b[:0]
		if len(m) > concatLimit {
			if err := c.write(m); err != nil {
				return err
			}
		}
	}
	if len(b) > 0 {
		return c.write(b)
	}
	return nil
}

// appendHeader appends CPython's frame header for an n-byte message: the
// length in 4 bytes, or for more than 0x7fffffff bytes -1 and the length in
// 8 bytes.
func appendHeader(b []byte, n int) []byte {
	if n > maxShortFrame {
		b = binary.BigEndian.AppendUint32(b, math.MaxUint32) // -1
		return binary.BigEndian.AppendUint64(b, uint64(n))
	}
	return binary.BigEndian.AppendUint32(b, uint32(n))
}

func (c *Conn) write(b []byte) error {
	_, err := c.f.Write(b)
	return c.osError(err)
}

// osError turns an *os.PathError into its errno and an error of a closed
// Conn into "handle is closed".
func (c *Conn) osError(err error) error {
	if err == nil {
		return nil
	}
	if c.closed.Load() || errors.Is(err, os.ErrClosed) {
		return errClosed
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// RecvBytes receives one message. maxlength ([Omitted]: no limit) bounds
// its size: a longer message fails with "bad message length" and, as in
// CPython, leaves a duplex Conn unreadable and closes a receive-only one.
// It blocks until a whole message has arrived; the peer closing its end
// first returns io.EOF (before any byte of the message) or "got end of file
// during message"; Close from another goroutine ends the wait.
func (c *Conn) RecvBytes(maxlength int) ([]byte, error) {
	return c.RecvBytesContext(context.Background(), maxlength)
}

// RecvBytesContext is [Conn.RecvBytes] that cancelling ctx also ends, with
// ctx's error, while no byte of the message has arrived (once one has, the
// message is read whole, so the stream stays in step).
func (c *Conn) RecvBytesContext(ctx context.Context, maxlength int) ([]byte, error) {
	if err := c.checkReadable(); err != nil {
		return nil, err
	}
	if maxlength < 0 && maxlength != Omitted {
		return nil, &pyexc.ValueError{Msg: "negative maxlength"}
	}
	c.rmu.Lock()
	defer c.rmu.Unlock()
	return c.recv(ctx, maxlength, nil)
}

// RecvBytesInto receives one message into buf[offset:] and returns its
// size. A message longer than the space fails with a *[BufferTooShort]
// holding it (consumed all the same); a negative offset or one past the end
// of buf fails with a *[pyexc.ValueError] before anything is read. It blocks as
// [Conn.RecvBytes] does.
func (c *Conn) RecvBytesInto(buf []byte, offset int) (int, error) {
	if err := c.checkReadable(); err != nil {
		return 0, err
	}
	if offset < 0 {
		return 0, &pyexc.ValueError{Msg: "negative offset"}
	}
	if offset > len(buf) {
		return 0, &pyexc.ValueError{Msg: "offset too large"}
	}
	c.rmu.Lock()
	defer c.rmu.Unlock()
	msg, err := c.recv(context.Background(), Omitted, buf[offset:])
	if err != nil {
		return 0, err
	}
	if len(msg) > len(buf)-offset { // else msg was read into buf
		return 0, &BufferTooShort{Msg: msg}
	}
	return len(msg), nil
}

// Recv receives one message holding a wire value, as [Conn.RecvBytes]
// does; a message that is no wire value fails with "wire: bad value: …"
// (the stream stays in step).
func (c *Conn) Recv() (wire.Value, error) {
	if err := c.checkReadable(); err != nil {
		return nil, err
	}
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if cap(c.rbuf) > eagerBody {
		c.rbuf = nil // do not pin a past huge message
	}
	b, err := c.recv(context.Background(), Omitted, c.rbuf[:cap(c.rbuf)])
	if err != nil {
		return nil, err
	}
	if cap(b) <= eagerBody {
		c.rbuf = b[:0]
	}
	return wire.DecodeValue(b)
}

// recv reads one frame, under rmu. The body goes into dst when it fits
// (the result then aliases dst), else into a new buffer.
func (c *Conn) recv(ctx context.Context, maxlength int, dst []byte) ([]byte, error) {
	size, err := c.readHeader(ctx)
	if err == nil && maxlength != Omitted && size > int64(maxlength) {
		err = errBadLength
	}
	if err == errBadLength {
		c.badMessageLength()
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	return c.readBody(size, dst)
}

// badMessageLength: CPython's _bad_message_length. The stream is out of
// step, so the Conn stops receiving.
func (c *Conn) badMessageLength() {
	if c.writable {
		c.readable.Store(false)
	} else {
		c.Close()
	}
}

// readHeader reads a frame's length. Negative lengths other than -1 (which
// CPython takes for an empty message) and 8-byte lengths beyond int64 are
// "bad message length".
func (c *Conn) readHeader(ctx context.Context) (int64, error) {
	h := c.hdr[:4]
	release := c.interruptible(ctx)
	n, err := c.f.Read(h) // the first byte: io.EOF here is a clean end
	release()
	if n == 0 {
		if err == io.EOF {
			return 0, io.EOF
		}
		if errors.Is(err, os.ErrDeadlineExceeded) && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, c.osError(err)
	}
	if _, err := c.readFull(h[n:]); err != nil {
		if err == io.EOF {
			err = errEOFInFrame
		}
		return 0, err
	}
	size := int64(int32(binary.BigEndian.Uint32(h)))
	if size == -1 {
		if _, err := c.readFull(c.hdr[:8]); err != nil {
			return 0, err
		}
		u := binary.BigEndian.Uint64(c.hdr[:8])
		if u > math.MaxInt64 {
			return 0, errBadLength
		}
		size = int64(u)
	}
	if size < 0 {
		return 0, errBadLength
	}
	return size, nil
}

// readBody reads size bytes, into dst when they fit; otherwise into a
// buffer that is allocated whole up to eagerBody bytes and beyond that
// grows (doubling) as the bytes arrive.
func (c *Conn) readBody(size int64, dst []byte) ([]byte, error) {
	if size > int64(math.MaxInt) {
		return nil, errBadLength
	}
	n := int(size)
	if n <= len(dst) {
		b := dst[:n]
		_, err := c.readFull(b)
		return b, err
	}
	if n <= eagerBody {
		b := make([]byte, n)
		_, err := c.readFull(b)
		return b, err
	}
	b := make([]byte, 0, eagerBody)
	for len(b) < n {
		if len(b) == cap(b) {
			nb := make([]byte, len(b), min(n, 2*cap(b)))
			copy(nb, b)
			b = nb
		}
		k, err := c.readFull(b[len(b):cap(b)])
		b = b[:len(b)+k]
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}

// readFull fills b from the descriptor. The stream ending part way is
// "got end of file during message"; ending before the first byte is io.EOF.
func (c *Conn) readFull(b []byte) (int, error) {
	got := 0
	for got < len(b) {
		n, err := c.f.Read(b[got:])
		got += n
		if err != nil {
			if err == io.EOF {
				if got == 0 {
					return 0, io.EOF
				}
				return got, errEOFInFrame
			}
			return got, c.osError(err)
		}
	}
	return got, nil
}

// Poll reports whether a message (or the end of the stream) is waiting to
// be received, waiting up to timeout for one: zero or negative polls,
// [NoTimeout] waits without limit (CPython's poll(None)). Close from
// another goroutine ends the wait with "handle is closed".
func (c *Conn) Poll(timeout time.Duration) (bool, error) {
	return c.PollContext(context.Background(), timeout)
}

// PollContext is [Conn.Poll] that cancelling ctx also ends, with ctx's
// error (the bridge's KeyboardInterrupt in a blocked get).
func (c *Conn) PollContext(ctx context.Context, timeout time.Duration) (bool, error) {
	if err := c.checkReadable(); err != nil {
		return false, err
	}
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if timeout <= 0 {
		var ready bool
		var perr error
		err := c.rc.Control(func(fd uintptr) { ready, perr = pollOne(int(fd)) })
		if err == nil {
			err = perr
		}
		return ready, c.osError(err)
	}
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if timeout != NoTimeout {
		if err := c.f.SetReadDeadline(time.Now().Add(timeout)); err != nil {
			return false, c.osError(err)
		}
	}
	release := c.interruptible(ctx)
	var perr error
	err := c.rc.Read(func(fd uintptr) bool {
		var ready bool
		ready, perr = pollOne(int(fd))
		return ready || perr != nil
	})
	release()
	if timeout != NoTimeout {
		c.f.SetReadDeadline(time.Time{})
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		if cerr := ctx.Err(); cerr != nil {
			return false, cerr
		}
		return false, nil
	}
	if err == nil {
		err = perr
	}
	return err == nil, c.osError(err)
}

// interruptible makes cancelling ctx end the read or poll the caller is
// about to wait in (by moving the read deadline to the past), until the
// returned func is called; that func also clears such a deadline. The
// caller holds rmu.
func (c *Conn) interruptible(ctx context.Context) (release func()) {
	if ctx.Done() == nil {
		return func() {}
	}
	var mu sync.Mutex
	waiting, armed := true, false
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		if waiting {
			armed = true
			c.f.SetReadDeadline(time.Unix(1, 0))
		}
		mu.Unlock()
	})
	return func() {
		stop()
		mu.Lock()
		waiting = false
		if armed {
			c.f.SetReadDeadline(time.Time{})
		}
		mu.Unlock()
	}
}
