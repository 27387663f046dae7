package wire

import (
	"fmt"
	"strconv"
)

// EncodeError reports a message or value that could not be encoded: an
// unsupported Go type, a value that contains itself, nesting deeper than
// [MaxDepth], or a frame over the limit (then it wraps a
// *[FrameTooLargeError]). Nothing was written: the stream stays usable, so
// the caller fails the one task and goes on.
type EncodeError struct {
	Err error
}

// Error returns the underlying error's text.
func (e *EncodeError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *EncodeError) Unwrap() error { return e.Err }

// FrameTooLargeError reports a frame over the frame limit: when writing, the
// encoded size of a message (wrapped in an *[EncodeError]); when reading, the
// length a frame's prefix declares (the stream is then unusable).
type FrameTooLargeError struct {
	Size  int64 // the frame's size in bytes (excluding the 4-byte prefix)
	Limit int64 // the frame limit in bytes
}

// Error says e.g. "wire: frame of 1.2 GiB exceeds the frame limit of 1 GiB".
func (e *FrameTooLargeError) Error() string {
	return "wire: frame of " + FormatSize(e.Size) + " exceeds the frame limit of " + FormatSize(e.Limit)
}

// FormatSize formats a byte count for humans: "150 bytes", "64 KiB",
// "1.2 GiB" (one decimal, dropped when it is zero).
func FormatSize(n int64) string {
	const unit = 1024
	if n < unit {
		if n == 1 {
			return "1 byte"
		}
		return strconv.FormatInt(n, 10) + " bytes"
	}
	units := [...]string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	v := float64(n) / unit
	i := 0
	for v >= unit && i < len(units)-1 {
		v /= unit
		i++
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s + " " + units[i]
}

// encodeErrorf builds an *EncodeError with a "wire: " prefix.
func encodeErrorf(format string, args ...any) error {
	return &EncodeError{Err: fmt.Errorf("wire: "+format, args...)}
}
