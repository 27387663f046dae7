package bridge

// Python exceptions raised by Go functions.

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pypool/pypool/pool/wire"
)

// Raise returns an error that raises the Python exception typ(message) when
// an exported Go function (Export) or a registered one run by a process
// pool returns it:
//
//	if n < 0 {
//		return 0, bridge.Raise("ValueError", "fib() wants n >= 0, got %d", n)
//	}
//
// typ is a builtin exception's name ("ValueError", "KeyError") or a
// module-qualified class name ("mypkg.errors.QuotaError"; the module must be
// importable where the exception lands, or it arrives as Exception with the
// text "mypkg.errors.QuotaError: …"). With no args, format is the message as
// it is. The error is a *wire.Exception: errors.As finds it through
// wrapping, so fmt.Errorf("…: %w", bridge.Raise(…)) raises the same
// exception (with Raise's message).
func Raise(typ, format string, args ...any) error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	module, name := "builtins", typ
	if i := strings.LastIndexByte(typ, '.'); i >= 0 {
		module, name = typ[:i], typ[i+1:]
	}
	return &wire.Exception{Module: module, Type: name, Message: msg, Args: []wire.Value{msg}}
}

// asWireException is the exception a Go error raises: a *wire.Exception in
// its chain as it is, any other error as RuntimeError with its text (as a
// worker process reports it).
func asWireException(err error) *wire.Exception {
	var exc *wire.Exception
	if errors.As(err, &exc) && exc != nil {
		return exc
	}
	msg := err.Error()
	return &wire.Exception{Module: "builtins", Type: "RuntimeError", Message: msg, Args: []wire.Value{msg}}
}
