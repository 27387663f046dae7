package pyobj

// OSError as CPython: OSError(errno, strerror[, filename[, winerror[,
// filename2]]]) has the attributes errno, strerror, filename and filename2,
// reads "[Errno 2] No such file or directory: 'x'", and OSError(errno, …)
// called directly makes the subclass for errno (FileNotFoundError for
// ENOENT, …). Go errors from file operations become such exceptions with
// NewOSError.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// errnoClasses maps errno values to OSError's subclasses (PEP 3151).
var errnoClasses = map[syscall.Errno]*py.Type{
	syscall.EAGAIN:       py.BlockingIOError,
	syscall.EALREADY:     py.BlockingIOError,
	syscall.EINPROGRESS:  py.BlockingIOError,
	syscall.ECHILD:       py.ChildProcessError,
	syscall.EPIPE:        py.BrokenPipeError,
	syscall.ESHUTDOWN:    py.BrokenPipeError,
	syscall.ECONNABORTED: py.ConnectionAbortedError,
	syscall.ECONNREFUSED: py.ConnectionRefusedError,
	syscall.ECONNRESET:   py.ConnectionResetError,
	syscall.EEXIST:       py.FileExistsError,
	syscall.ENOENT:       py.FileNotFoundError,
	syscall.EISDIR:       py.IsADirectoryError,
	syscall.ENOTDIR:      py.NotADirectoryError,
	syscall.EINTR:        py.InterruptedError,
	syscall.EACCES:       py.PermissionError,
	syscall.EPERM:        py.PermissionError,
	syscall.ESRCH:        py.ProcessLookupError,
	syscall.ETIMEDOUT:    py.TimeoutError,
}

// strerror is C's strerror(errno) text (Go's table, capitalised as glibc).
func strerror(e syscall.Errno) string {
	s := e.Error()
	if s == "" || strings.HasPrefix(s, "errno ") {
		return "Unknown error " + itoa(int(e))
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// NewOSError converts a Go error from a file operation on filename into
// CPython's OSError: the subclass for its errno, args (errno, strerror,
// filename). filename may be nil (no filename shown); an error without an
// errno becomes OSError(message).
func NewOSError(err error, filename py.Object) *py.Exception {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errno = syscall.ENOENT
		case errors.Is(err, fs.ErrExist):
			errno = syscall.EEXIST
		case errors.Is(err, fs.ErrPermission):
			errno = syscall.EACCES
		case errors.Is(err, os.ErrClosed):
			return pyrt.NewException(py.ValueError, py.String("I/O operation on closed file."))
		default:
			return pyrt.NewException(py.OSError, py.String(err.Error()))
		}
	}
	return OSErrorFromErrno(errno, filename)
}

func OSErrorFromErrno(errno syscall.Errno, filename py.Object) *py.Exception {
	cls := errnoClasses[errno]
	if cls == nil {
		cls = py.OSError
	}
	args := py.Tuple{py.Int(errno), py.String(strerror(errno))}
	if filename != nil {
		args = append(args, filename)
	}
	e := pyrt.NewException(cls)
	setOSErrorArgs(e, args)
	return e
}

// osErrorAttrs are the attributes OSError(errno, strerror, filename,
// winerror, filename2) sets.
var osErrorAttrs = [...]string{"errno", "strerror", "filename", "filename2"}

// setOSErrorArgs stores an OSError's constructor arguments as CPython does:
// with two to five of them, errno, strerror, filename and filename2 are set
// and args keeps only (errno, strerror).
func setOSErrorArgs(e *py.Exception, args py.Tuple) {
	args = args.Copy() // a call's args may be the caller's stack
	e.Args = args
	if len(args) < 2 || len(args) > 5 {
		return
	}
	if e.Dict == nil {
		e.Dict = py.StringDict{}
	}
	e.Dict["errno"], e.Dict["strerror"] = args[0], args[1]
	if len(args) >= 3 {
		e.Dict["filename"] = args[2]
		e.Args = args[:2]
	}
	if len(args) == 5 {
		e.Dict["filename2"] = args[4]
	}
}

// osErrorStr is str() of an OSError with errno and strerror, or false.
func osErrorStr(e *py.Exception) (string, bool, error) {
	if e.Base == nil || !e.Base.IsSubtype(py.OSError) || e.Dict == nil {
		return "", false, nil
	}
	get := func(k string) py.Object {
		if v, ok := e.Dict[k]; ok && v != nil {
			return v
		}
		return py.None
	}
	errno, strerr, filename, filename2 := get("errno"), get("strerror"), get("filename"), get("filename2")
	if errno == py.None || strerr == py.None {
		return "", false, nil
	}
	en, err := Str(errno)
	if err != nil {
		return "", false, err
	}
	se, err := Str(strerr)
	if err != nil {
		return "", false, err
	}
	s := "[Errno " + en + "] " + se
	if filename != py.None {
		f, err := Repr(filename)
		if err != nil {
			return "", false, err
		}
		s += ": " + f
		if filename2 != py.None {
			f2, err := Repr(filename2)
			if err != nil {
				return "", false, err
			}
			s += " -> " + f2
		}
	}
	return s, true, nil
}

func installOSError() {
	// Properties reading what setOSErrorArgs stored (None when absent).
	for _, k := range osErrorAttrs {
		k := k
		py.OSError.Dict[k] = &py.Property{
			Fget: func(self py.Object) (py.Object, error) {
				if e, ok := self.(*py.Exception); ok {
					if v, ok := e.Dict[k]; ok && v != nil {
						return v, nil
					}
				}
				return py.None, nil
			},
			Fset: func(self, value py.Object) error {
				e, ok := self.(*py.Exception)
				if !ok {
					return py.ExceptionNewf(py.TypeError, "OSError attribute needs an OSError")
				}
				if e.Dict == nil {
					e.Dict = py.StringDict{}
				}
				e.Dict[k] = value
				return nil
			},
		}
	}
	classes := []*py.Type{py.OSError, py.ConnectionError, UnsupportedOperation}
	for _, c := range errnoClasses {
		classes = append(classes, c)
	}
	done := map[*py.Type]bool{}
	for _, c := range classes {
		if done[c] {
			continue
		}
		done[c] = true
		c.New = osErrorNew(c.New)
	}
}

// osErrorNew wraps an OSError class's constructor: OSError(errno, …) itself
// makes errno's subclass, and the arguments are stored as CPython does.
func osErrorNew(base py.NewFunc) py.NewFunc {
	return func(metatype *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if metatype == py.OSError && len(args) >= 2 && len(args) <= 5 {
			if n, ok := args[0].(py.Int); ok {
				if cls := errnoClasses[syscall.Errno(n)]; cls != nil {
					metatype = cls
				}
			}
		}
		var o py.Object
		var err error
		if base == nil {
			o, err = py.ExceptionNew(metatype, args, kwargs)
		} else {
			o, err = base(metatype, args, kwargs)
		}
		if e, ok := o.(*py.Exception); ok && err == nil {
			setOSErrorArgs(e, args)
		}
		return o, err
	}
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "errmsg_oserror", installOSError)
}

// ErrnoByText maps Go's errno texts ("no such file or directory") back to
// the errno.
var ErrnoByText = func() map[string]syscall.Errno {
	m := map[string]syscall.Errno{}
	for e := syscall.Errno(1); e < 150; e++ {
		if s := e.Error(); s != "" && !strings.HasPrefix(s, "errno ") {
			if _, dup := m[s]; !dup {
				m[s] = e
			}
		}
	}
	return m
}()

// errnoText renders an open error as python3 does: "[Errno 2] No such file or directory".
func ErrnoText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		msg := errno.Error()
		if msg != "" {
			msg = string(msg[0]-'a'+'A') + msg[1:]
		}
		return fmt.Sprintf("[Errno %d] %s", int(errno), msg)
	}
	return err.Error()
}
