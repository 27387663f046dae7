package os

import (
	"syscall"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// os.kill(pid, sig): what scripts use to kill a worker (or themselves) in
// fault tests. Errors are CPython's OSError subclasses by errno.
func init() {
	pyrt.OnInstall(pyrt.InstallExtras, "os_kill", func() {
		impl := py.GetModuleImpl("os")
		if impl == nil {
			return
		}
		impl.Methods = append(impl.Methods, pyrt.Func("kill", "pid, signal, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			pid, err := a.Int("pid")
			if err != nil {
				return nil, err
			}
			sig, err := a.Int("signal")
			if err != nil {
				return nil, err
			}
			if err := syscall.Kill(pid, syscall.Signal(sig)); err != nil {
				return nil, pyobj.NewOSError(err, nil)
			}
			return py.None, nil
		}))
	})
}
