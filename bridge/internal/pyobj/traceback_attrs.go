package pyobj

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// installExceptionAttrs gives exception objects the attributes tracebacks
// are made of — args, __cause__, __context__, __suppress_context__,
// __traceback__ — as properties of BaseException (gpython answers every
// attribute of an exception with its args).
func installExceptionAttrs() {
	orNone := func(o py.Object) py.Object {
		if o == nil {
			return py.None
		}
		return o
	}
	excOf := func(self py.Object) (*py.Exception, error) {
		if e, ok := self.(*py.Exception); ok {
			return e, nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'BaseException' object but received '%s'", pyrt.TypeName(self))
	}
	chainSetter := func(set func(e *py.Exception, v py.Object)) func(self, value py.Object) error {
		return func(self, value py.Object) error {
			e, err := excOf(self)
			if err != nil {
				return err
			}
			if value == py.None {
				set(e, nil)
				return nil
			}
			if _, ok := value.(*py.Exception); !ok {
				return py.ExceptionNewf(py.TypeError, "exception cause must be None or derive from BaseException")
			}
			set(e, value)
			return nil
		}
	}
	d := py.BaseException.Dict
	d["args"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			e, err := excOf(self)
			if err != nil {
				return nil, err
			}
			return ExceptionArgs(e), nil
		},
		Fset: func(self, value py.Object) error {
			e, err := excOf(self)
			if err != nil {
				return err
			}
			t, err := py.SequenceTuple(value)
			if err != nil {
				return err
			}
			e.Args = t
			return nil
		},
	}
	d["__class__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) { return self.Type(), nil },
	}
	py.SystemExit.Dict["code"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			e, err := excOf(self)
			if err != nil {
				return nil, err
			}
			return systemExitCode(e), nil
		},
	}
	d["__cause__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			e, err := excOf(self)
			if err != nil {
				return nil, err
			}
			return orNone(e.Cause), nil
		},
		Fset: chainSetter(func(e *py.Exception, v py.Object) { e.Cause = v; e.SuppressContext = true }),
	}
	d["__context__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			e, err := excOf(self)
			if err != nil {
				return nil, err
			}
			return orNone(e.Context), nil
		},
		Fset: chainSetter(func(e *py.Exception, v py.Object) { e.Context = v }),
	}
	d["__suppress_context__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			e, err := excOf(self)
			if err != nil {
				return nil, err
			}
			return py.NewBool(e.SuppressContext), nil
		},
	}
	d["__traceback__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			e, err := excOf(self)
			if err != nil {
				return nil, err
			}
			return orNone(e.Traceback), nil
		},
	}
}

func init() { pyrt.OnInstall(pyrt.InstallCore, "core11-exceptionattrs", installExceptionAttrs) }
