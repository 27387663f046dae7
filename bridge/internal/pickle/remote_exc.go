package pickle

// Exceptions across the process boundary. A worker turns the exception a
// task raised into a *wire.Exception (module, type name, args, str(), the
// traceback text in CPython's format, and for __main__ classes the class by
// value); the parent rebuilds the same type with the same args and chains
// the remote traceback to it as CPython does:
//
//	concurrent.futures.process._RemoteTraceback:
//	"""
//	Traceback (most recent call last):
//	  ...
//	ValueError: boom
//	"""
//
//	The above exception was the direct cause of the following exception:
//	...

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// The exception types CPython chains a worker's traceback with.
var (
	// FuturesRemoteTraceback is concurrent.futures.process._RemoteTraceback.
	FuturesRemoteTraceback = pyrt.NewExceptionClass("concurrent.futures.process", "_RemoteTraceback", "A worker's traceback, as text.", py.ExceptionType)
	// PoolRemoteTraceback is multiprocessing.pool.RemoteTraceback.
	PoolRemoteTraceback = pyrt.NewExceptionClass("multiprocessing.pool", "RemoteTraceback", "A worker's traceback, as text.", py.ExceptionType)
)

func init() {
	// CPython's RemoteTraceback(tb) keeps its text as .tb too.
	for _, t := range []*py.Type{FuturesRemoteTraceback, PoolRemoteTraceback} {
		t.Dict["tb"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			if e, ok := self.(*py.Exception); ok {
				if args, ok := e.Args.(py.Tuple); ok && len(args) == 1 {
					return args[0], nil
				}
			}
			return py.None, nil
		}}
	}
}

// Unsendable results. When a task's return value cannot be sent back, the
// worker reports a *wire.Exception with Module UnsendableModule and Type
// UnsendableType, and Args [reason type name, reason message, repr(reason),
// repr(value)] — e.g. ["TypeError", "cannot pickle '_thread.lock' object",
// `TypeError("cannot pickle '_thread.lock' object")`, "<unlocked
// _thread.lock object at 0x…>"]. A Pool turns it into
// multiprocessing.pool.MaybeEncodingError(repr(reason), repr(value)) (see
// UnsendableResult); ExceptionFromWire turns it into the reason itself (a
// TypeError), as a ProcessPoolExecutor future gets.
const (
	UnsendableModule = "pypool"
	UnsendableType   = "UnsendableResult"
)

// UnsendableResult reports whether e is an unsendable-result error, and if so
// repr(reason) and repr(value): MaybeEncodingError's two args.
func UnsendableResult(e *wire.Exception) (reasonRepr, valueRepr string, ok bool) {
	if e == nil || e.Module != UnsendableModule || e.Type != UnsendableType || len(e.Args) != 4 {
		return "", "", false
	}
	r, ok1 := e.Args[2].(string)
	v, ok2 := e.Args[3].(string)
	return r, v, ok1 && ok2
}

// newUnsendableResult builds the error for a result value that cannot be sent.
func newUnsendableResult(value py.Object, reason error) *wire.Exception {
	typ, msg := "TypeError", reason.Error()
	var reasonObj py.Object
	switch r := reason.(type) {
	case *py.Exception:
		reasonObj = r
	case py.ExceptionInfo:
		reasonObj = r.Value
	}
	if ex, ok := reasonObj.(*py.Exception); ok {
		typ = ex.Base.Name
		if s, err := pyobj.ExceptionStr(ex); err == nil {
			msg = s
		}
	}
	reasonRepr := fmt.Sprintf("%s(%s)", typ, pyobj.StringRepr(msg))
	valueRepr, err := pyobj.Repr(value)
	if err != nil {
		valueRepr = "<" + value.Type().Name + " object>"
	}
	return &wire.Exception{
		Module:  UnsendableModule,
		Type:    UnsendableType,
		Args:    []wire.Value{typ, msg, reasonRepr, valueRepr},
		Message: msg,
	}
}

func (e *encoder) encodeException(x *py.Exception) (wire.Value, error) {
	t := x.Base
	if t == nil {
		return nil, cannotPickle(x)
	}
	out := &wire.Exception{Module: moduleOf(t), Type: t.Name}
	if args, ok := x.Args.(py.Tuple); ok {
		items, err := e.encodeItems(args)
		if err != nil {
			return nil, err
		}
		out.Args = items
	}
	if s, err := pyobj.ExceptionStr(x); err == nil {
		out.Message = s
	}
	var cls wire.Value
	if out.Module == "__main__" {
		var err error
		if cls, err = e.encodeClass(t); err != nil {
			return nil, err
		}
	}
	out.Class = cls
	if len(x.Dict) > 0 {
		// Attributes set on the instance (self.code = …) travel too, as
		// BaseException.__reduce__ sends __dict__.
		dict, err := e.encodeStringDict(x.Dict)
		if err != nil {
			return nil, err
		}
		out.Class = tagged(tagExcExtra, cls, dict)
	}
	return out, nil
}

// exceptionType finds the class a received exception names.
func (d *decoder) exceptionType(w *wire.Exception, class wire.Value) (*py.Type, error) {
	if class != nil {
		c, err := d.decode(class)
		if err != nil {
			return nil, err
		}
		if t, ok := c.(*py.Type); ok && pyobj.IsClass(t) {
			return t, nil
		}
		return nil, errBadValue("exception class")
	}
	module := w.Module
	if module == "" {
		module = "builtins"
	}
	o, err := d.resolveRef(module, w.Type)
	if err != nil {
		return nil, err
	}
	if t, ok := o.(*py.Type); ok && pyobj.IsClass(t) {
		return t, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "%s.%s is not an exception class", module, w.Type)
}

func (d *decoder) decodeException(w *wire.Exception) (py.Object, error) {
	args, err := d.decodeItems(w.Args)
	if err != nil {
		return nil, err
	}
	class := w.Class
	var attrs py.StringDict
	if t, ok := class.(wire.Tuple); ok {
		if tag, ok := tagOf(t); ok && tag == tagExcExtra {
			if len(t) != 3 {
				return nil, errBadValue("exception state")
			}
			class = t[1]
			if attrs, err = d.decodeStringDict(t[2]); err != nil {
				return nil, err
			}
		}
	}
	t, err := d.exceptionType(w, class)
	if err != nil || !t.IsSubtype(py.BaseException) {
		// The class is not available here: keep the text at least.
		name := w.Type
		if w.Module != "" && w.Module != "builtins" {
			name = w.Module + "." + w.Type
		}
		msg := w.Message
		if msg == "" {
			return py.ExceptionNewf(py.ExceptionType, "%s", name), nil
		}
		return py.ExceptionNewf(py.ExceptionType, "%s: %s", name, msg), nil
	}
	// Rebuild as unpickling does: cls(*args), then the instance's __dict__.
	var exc *py.Exception
	if obj, err := py.Call(t, py.Tuple(args), nil); err == nil {
		exc, _ = obj.(*py.Exception)
	}
	if exc == nil {
		exc = &py.Exception{Base: t, Args: py.Tuple(args), Dict: py.StringDict{}}
	}
	if len(attrs) > 0 {
		if exc.Dict == nil {
			exc.Dict = py.StringDict{}
		}
		for k, v := range attrs {
			exc.Dict[k] = v
		}
	}
	return exc, nil
}

// ExceptionToWire turns an error a task raised into the *wire.Exception a
// worker reports, with the traceback text in CPython's format when err
// carries one. An exception whose args cannot travel keeps its type and
// message (its args become [str(exc)]).
func ExceptionToWire(err error) *wire.Exception {
	var exc py.Object
	var tb string
	switch x := err.(type) {
	case py.ExceptionInfo:
		exc = x.Value
		tb = formatTraceback(x)
	case *py.ExceptionInfo:
		exc = x.Value
		tb = formatTraceback(*x)
	case *py.Exception:
		exc = x
		tb = formatTraceback(py.ExceptionInfo{Type: x.Base, Value: x})
	case *wire.Exception:
		return x
	default:
		return &wire.Exception{Module: "builtins", Type: "SystemError", Args: []wire.Value{err.Error()}, Message: err.Error()}
	}
	pe, ok := exc.(*py.Exception)
	if !ok {
		msg := fmt.Sprint(exc)
		return &wire.Exception{Module: "builtins", Type: "SystemError", Args: []wire.Value{msg}, Message: msg, Traceback: tb}
	}
	v, encErr := newEncoder().encodeException(pe)
	w, _ := v.(*wire.Exception)
	if encErr != nil || w == nil {
		msg, _ := pyobj.ExceptionStr(pe)
		w = &wire.Exception{Module: moduleOf(pe.Base), Type: pe.Base.Name, Args: []wire.Value{msg}, Message: msg}
	}
	w.Traceback = tb
	return w
}

// formatTraceback is the text CPython prints for an uncaught exception.
func formatTraceback(info py.ExceptionInfo) string {
	return pyobj.FormatException(info)
}

// ExceptionFromWire rebuilds in interp the exception a worker reported: the
// same type (builtins by name, importable modules' classes by import,
// __main__ classes from the parent's __main__ or the shipped definition) and
// args. When tbType is not nil (FuturesRemoteTraceback or
// PoolRemoteTraceback) and the report carries traceback text, the result's
// __cause__ is a tbType exception whose str() is "\n\"\"\"\n<text>\"\"\"", so
// it prints as CPython's. An unsendable-result report becomes its reason (a
// TypeError). The caller holds interp's GIL.
func ExceptionFromWire(interp *pyrt.Interp, e *wire.Exception, tbType *py.Type) py.Object {
	if e == nil {
		return py.ExceptionNewf(py.SystemError, "missing exception from a worker")
	}
	var exc py.Object
	if _, _, ok := UnsendableResult(e); ok {
		typ, _ := e.Args[0].(string)
		msg, _ := e.Args[1].(string)
		t := py.TypeError
		if bt, ok := builtinExceptionType(interp, typ); ok {
			t = bt
		}
		exc = py.ExceptionNewf(t, "%s", msg)
	} else {
		var err error
		exc, err = NewDecoder(interp).decodeException(e)
		if err != nil {
			exc = py.ExceptionNewf(py.SystemError, "cannot rebuild %s from a worker: %v", e.Type, err)
		}
	}
	if tbType != nil && e.Traceback != "" {
		if pe, ok := exc.(*py.Exception); ok {
			text := e.Traceback
			if !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			cause := &py.Exception{Base: tbType, Args: py.Tuple{py.String("\n\"\"\"\n" + text + "\"\"\"")}, Dict: py.StringDict{}}
			pe.Cause = cause
			pe.SuppressContext = true
		}
	}
	return exc
}

// builtinExceptionType finds a builtin exception class by name.
func builtinExceptionType(interp *pyrt.Interp, name string) (*py.Type, bool) {
	if interp == nil || interp.Ctx == nil {
		return nil, false
	}
	t, ok := interp.Ctx.Store().Builtins.Globals[name].(*py.Type)
	return t, ok && pyobj.IsClass(t) && t.IsSubtype(py.BaseException)
}
