package os

// The os module's functions raise CPython's OSErrors: gpython's os functions
// are wrapped so their Go errors become the errno's OSError subclass with
// the filename(s).

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"sync"
	"syscall"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// reGoPathErr finds "op path: no such file or directory" at the end of a
// message gpython's os module made from a Go error.
var reGoPathErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[ ;,])([a-z]+) ([^ :,;]+): ([a-z][a-z ,'-]*)$`) })

// osModuleError turns an error of one of gpython's os functions into
// CPython's OSError: Go errors (remove, rename, …) and OSErrors whose text
// ends with a Go path error (listdir, chdir) become the errno's subclass
// with the filename(s).
func osModuleError(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		e := pyobj.NewOSError(le.Err, py.String(le.Old))
		if pyobj.ExceptionArgs(e) != nil && e.Dict != nil {
			e.Dict["filename2"] = py.String(le.New)
		}
		return e
	case errors.As(err, &pe):
		return pyobj.NewOSError(pe.Err, py.String(pe.Path))
	}
	exc, ok := err.(*py.Exception)
	if !ok {
		if info, isInfo := err.(py.ExceptionInfo); isInfo {
			exc, ok = info.Value.(*py.Exception)
		}
	}
	if !ok || exc.Base == nil || !exc.Base.IsSubtype(py.OSError) {
		if !ok {
			var errno syscall.Errno
			if errors.As(err, &errno) {
				return pyobj.OSErrorFromErrno(errno, nil)
			}
		}
		return err
	}
	args := pyobj.ExceptionArgs(exc)
	if len(args) != 1 {
		return err
	}
	msg, _ := args[0].(py.String)
	m := reGoPathErr().FindStringSubmatch(string(msg))
	if m == nil {
		return err
	}
	errno, ok := pyobj.ErrnoByText[m[3]]
	if !ok {
		return err
	}
	return pyobj.OSErrorFromErrno(errno, py.String(m[2]))
}

// installOSModuleErrors wraps the Go functions of gpython's os module so
// their errors are CPython's OSErrors.
func installOSModuleErrors() {
	impl := py.GetModuleImpl("os")
	if impl == nil {
		return
	}
	for i, m := range impl.Methods {
		orig := m
		impl.Methods[i] = py.MustNewMethod(orig.Name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			res, err := orig.CallWithKeywords(self, args, kwargs)
			if err != nil {
				return nil, osModuleError(err)
			}
			return res, nil
		}, 0, orig.Doc)
	}
}

func init() {
	pyrt.OnInstall(pyrt.InstallLate, "errmsg_oserror", installOSModuleErrors)
}
