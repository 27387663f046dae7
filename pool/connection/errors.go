package connection

import (
	"fmt"
	"strings"
)

// OSError is an OSError that CPython's multiprocessing raises with a message
// of its own (no errno): "handle is closed", "connection is write-only",
// "bad message length", "got end of file during message", "listener is
// closed".
type OSError struct{ Msg string }

func (e *OSError) Error() string { return e.Msg }

// ValueError is CPython's ValueError for a bad argument: "offset is
// negative", "negative maxlength", "invalid handle"…
type ValueError struct{ Msg string }

func (e *ValueError) Error() string { return e.Msg }

// BufferTooShort is multiprocessing.BufferTooShort: the message did not fit
// the buffer given to [Conn.RecvBytesInto]. Msg holds the whole message,
// which has been consumed.
type BufferTooShort struct{ Msg []byte }

// Error returns the message's Python repr, as str(BufferTooShort(msg)).
func (e *BufferTooShort) Error() string { return bytesRepr(e.Msg) }

// AuthenticationError is multiprocessing.AuthenticationError: "digest
// received was wrong" (the side that delivered the challenge) or "digest
// sent was rejected" (the side that answered it).
type AuthenticationError struct{ Msg string }

func (e *AuthenticationError) Error() string { return e.Msg }

// AssertionError is the AssertionError CPython raises when a peer breaks
// the handshake or descriptor protocol ("message = b'…'").
type AssertionError struct{ Msg string }

func (e *AssertionError) Error() string { return e.Msg }

// RuntimeError is CPython's RuntimeError from receiving descriptors
// ("Invalid data received", "received 2 items of ancdata").
type RuntimeError struct{ Msg string }

func (e *RuntimeError) Error() string { return e.Msg }

var (
	errClosed     = &OSError{"handle is closed"}
	errWriteOnly  = &OSError{"connection is write-only"}
	errReadOnly   = &OSError{"connection is read-only"}
	errBadLength  = &OSError{"bad message length"}
	errEOFInFrame = &OSError{"got end of file during message"}
)

// bytesRepr formats b as Python's repr of a bytes object.
func bytesRepr(b []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(b), '\'') >= 0 && strings.IndexByte(string(b), '"') < 0 {
		quote = '"'
	}
	var sb strings.Builder
	sb.WriteString("b")
	sb.WriteByte(quote)
	for _, c := range b {
		switch {
		case c == quote || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c == '\t':
			sb.WriteString(`\t`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&sb, `\x%02x`, c)
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}
