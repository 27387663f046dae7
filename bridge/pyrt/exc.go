package pyrt

// Exception instances made from Go, and the instance a Go error carries.

import "github.com/go-python/gpython/py"

// NewException makes an instance of the exception class t with args
// (NewException(t) has none; CPython's str of it is then empty).
func NewException(t *py.Type, args ...py.Object) *py.Exception {
	return &py.Exception{Base: t, Args: py.Tuple(append([]py.Object{}, args...)), Dict: py.StringDict{}}
}

// MsgArgs is the args of an exception whose message may be empty: none for
// "" (so that it prints as "TimeoutError", not "TimeoutError: "), else
// the message alone. Use as NewException(t, MsgArgs(msg)...).
func MsgArgs(msg string) []py.Object {
	if msg == "" {
		return nil
	}
	return []py.Object{py.String(msg)}
}

// ExcObject returns the exception instance an error carries (for
// Future.exception()).
func ExcObject(err error) py.Object {
	switch e := err.(type) {
	case py.ExceptionInfo:
		return e.Value
	case *py.Exception:
		return e
	}
	return NewException(py.SystemError, MsgArgs(err.Error())...)
}

// KeyError makes KeyError(key), whose str is repr(key) as in CPython.
func KeyError(key py.Object) error {
	return &py.Exception{Base: py.KeyError, Args: py.Tuple{key}, Dict: py.NewStringDict()}
}
