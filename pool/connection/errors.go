package connection

import (
	"fmt"
	"strings"

	"github.com/pypool/pypool/pool/pyexc"
)

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

var (
	errClosed     = &pyexc.OSError{Msg: "handle is closed"}
	errWriteOnly  = &pyexc.OSError{Msg: "connection is write-only"}
	errReadOnly   = &pyexc.OSError{Msg: "connection is read-only"}
	errBadLength  = &pyexc.OSError{Msg: "bad message length"}
	errEOFInFrame = &pyexc.OSError{Msg: "got end of file during message"}
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
