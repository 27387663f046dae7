// Package connection is CPython's multiprocessing.connection for Go: a
// [Conn] over a Unix socket pair or a pipe ([Pipe]), [Wait] over several
// connections and process sentinels, a [Listener] and [Client] for Unix
// and TCP sockets with the authkey handshake, and the means to hand a Conn
// to another process ([Conn.File] for exec.Cmd.ExtraFiles, [SendFds] /
// [RecvFds] over a Unix socket, and a [Sharer] for processes already
// running, CPython's reduction and resource_sharer).
//
// # Frames
//
// A message on a Conn is framed exactly as CPython frames it: a 4-byte
// big-endian signed length, then the bytes; a message longer than
// 0x7fffffff bytes has the length -1 and then an 8-byte unsigned length.
// So [Conn.SendBytes] / [Conn.RecvBytes] talk to CPython's
// Connection.send_bytes / recv_bytes, and a Listener to a CPython 3.11
// Client (and the other way round). [Conn.Send] / [Conn.Recv] carry one
// pool/wire value per frame (msgpack, not pickle: a CPython peer's
// send/recv cannot read them).
//
// A frame's length is never trusted: the receiving buffer grows as bytes
// arrive, so a length that lies costs memory only for what was sent.
//
// # Errors
//
// Errors that CPython raises with messages of its own are pool/pyexc's
// OSError, ValueError, AssertionError, RuntimeError and OverflowError and
// this package's [BufferTooShort] and [AuthenticationError], worded as
// CPython words them; the end of the stream before a message is io.EOF
// (Python's EOFError); errors of the operating system are returned as they
// come (wrapping a syscall.Errno).
//
// # Descriptors
//
// A Conn's descriptor is in non-blocking mode and driven by Go's network
// poller, so a blocked receive parks a goroutine, not a thread, and
// [Conn.Close] wakes it. The mode belongs to the open file description,
// which a descriptor passed to another process shares: hand such
// descriptors to processes using this package (a CPython process would
// need setblocking(True) on its end first).
//
// This package imports the standard library, pool/wire and pool/pyexc; the bridge's
// multiprocessing.connection and pool/queues import it.
package connection
