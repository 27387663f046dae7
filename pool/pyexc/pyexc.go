// Package pyexc holds CPython's built-in exceptions that the engine
// returns as Go errors, each carrying CPython's message, so the bridge
// maps one Go type to one Python exception for every engine package and a
// Go program tests for them with errors.As. It imports nothing; pool (which
// re-exports RuntimeError, ValueError and TypeError under its own name),
// pool/synchronize, pool/sharedmem, pool/sharedctypes, pool/connection and
// pool/queues import it.
package pyexc

// RuntimeError is CPython's RuntimeError.
type RuntimeError struct{ Msg string }

// ValueError is CPython's ValueError, e.g. "Pool not running" or
// "semaphore or lock released too many times".
type ValueError struct{ Msg string }

// TypeError is CPython's TypeError, e.g. "this type has no size".
type TypeError struct{ Msg string }

// IndexError is CPython's IndexError, e.g. "index out of range".
type IndexError struct{ Msg string }

// AssertionError is CPython's AssertionError, e.g. "attempt to release
// recursive lock not owned by thread".
type AssertionError struct{ Msg string }

// AttributeError is CPython's AttributeError.
type AttributeError struct{ Msg string }

// NotImplementedError names something CPython has that is not built here.
type NotImplementedError struct{ Msg string }

// OSError is an OSError CPython raises with a message of its own and no
// errno, e.g. "handle is closed" (errors of the operating system stay Go's
// syscall.Errno).
type OSError struct{ Msg string }

// OverflowError is CPython's OverflowError, e.g. "bind(): port must be
// 0-65535.".
type OverflowError struct{ Msg string }

func (e *OSError) Error() string             { return e.Msg }
func (e *OverflowError) Error() string       { return e.Msg }
func (e *RuntimeError) Error() string        { return e.Msg }
func (e *ValueError) Error() string          { return e.Msg }
func (e *TypeError) Error() string           { return e.Msg }
func (e *IndexError) Error() string          { return e.Msg }
func (e *AssertionError) Error() string      { return e.Msg }
func (e *AttributeError) Error() string      { return e.Msg }
func (e *NotImplementedError) Error() string { return e.Msg }
