package pyrt

// Exception instances made from Go, and the instance a Go error carries.

import "github.com/go-python/gpython/py"

// NewExc makes an exception instance of t with a message (none if empty).
func NewExc(t *py.Type, msg string) *py.Exception {
	args := py.Tuple{}
	if msg != "" {
		args = py.Tuple{py.String(msg)}
	}
	return &py.Exception{Base: t, Args: args, Dict: py.StringDict{}}
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
	return NewExc(py.SystemError, err.Error())
}
