package bridge

// The "pyfile" worker runtime: functions of a Python file, loaded once per
// worker as a module (as `import tasks` would load tasks.py), called by name.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// fileRuntimeKind is the runtime of FileFunc: payload (absolute path,
// function name).
const fileRuntimeKind = "pyfile"

func init() {
	pool.RegisterRuntime(fileRuntimeKind, func() (pool.Runtime, error) { return newFileRuntime() })
}

// fileRuntime loads Python files into one interpreter (a "py" WorkerRuntime,
// whose Call it shares) and runs their functions.
type fileRuntime struct {
	w       *pickle.WorkerRuntime
	modules map[string]fileModule // absolute path → module
}

type fileModule struct {
	mod *py.Module
	err error // why loading failed (reported to every Define naming the file)
}

func newFileRuntime() (*fileRuntime, error) {
	w, err := pickle.NewWorkerRuntime()
	if err != nil {
		return nil, err
	}
	return &fileRuntime{w: w, modules: map[string]fileModule{}}, nil
}

// Define loads the file (once) and caches its function as id.
func (r *fileRuntime) Define(id uint64, payload wire.Value) error {
	path, name, err := filePayload(payload)
	if err != nil {
		return err
	}
	in := r.w.Interp()
	in.GIL.Acquire()
	defer in.GIL.Release()
	m, ok := r.modules[path]
	if !ok {
		mod, err := loadFileModule(in, path)
		m = fileModule{mod: mod, err: err}
		r.modules[path] = m
	}
	if m.err != nil {
		return m.err
	}
	fn, ok := m.mod.Globals[name]
	if !ok {
		return pickle.ExceptionToWire(py.ExceptionNewf(py.AttributeError, "module '%s' has no attribute '%s'", moduleNameOf(path), name))
	}
	if !pyobj.Callable(fn) {
		return pickle.ExceptionToWire(py.ExceptionNewf(py.TypeError, "%s.%s is not callable (it is a %s)", moduleNameOf(path), name, fn.Type().Name))
	}
	r.w.Fns[id] = fn
	return nil
}

// Call runs a defined function as the "py" runtime does: arguments
// FromWire, the result ToWire, a raised exception as a *wire.Exception with
// its traceback.
func (r *fileRuntime) Call(fn uint64, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	return r.w.Call(fn, args, kwargs)
}

func filePayload(payload wire.Value) (path, name string, err error) {
	t, ok := payload.(wire.Tuple)
	if ok && len(t) == 2 {
		path, ok1 := t[0].(string)
		name, ok2 := t[1].(string)
		if ok1 && ok2 {
			return path, name, nil
		}
	}
	return "", "", fmt.Errorf("pyfile runtime: want (path, function name), got %v", payload)
}

// moduleNameOf is the module name a file imports as: tasks.py → tasks.
func moduleNameOf(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".py")
}

// loadFileModule runs the file as module `tasks` (for tasks.py) with
// __file__ set, its folder first on sys.path (so its own imports find the
// files next to it), and registers it under that name, as CPython's
// `import tasks` does: `if __name__ == '__main__':` blocks do not run. The
// caller holds the GIL.
func loadFileModule(in *pyrt.Interp, path string) (*py.Module, error) {
	name := moduleNameOf(path)
	if _, err := in.Ctx.GetModule(name); err == nil {
		return nil, pickle.ExceptionToWire(py.ExceptionNewf(py.ImportError, "cannot load %s as module '%s': a module of that name is already loaded (rename the file)", path, name))
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, pickle.ExceptionToWire(py.ExceptionNewf(py.FileNotFoundError, "can't open file '%s': %s", path, pyobj.ErrnoText(err)))
	}
	pickle.AddSysPath(in, []string{filepath.Dir(path)})
	code, err := py.Compile(string(src), path, py.ExecMode, 0, true)
	if err != nil {
		return nil, pickle.ExceptionToWire(err)
	}
	mod, err := in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: name, FileDesc: path}})
	if err != nil {
		return nil, pickle.ExceptionToWire(err)
	}
	if _, err := in.Ctx.RunCode(code, mod.Globals, mod.Globals, nil); err != nil {
		return nil, pickle.ExceptionToWire(err)
	}
	return mod, nil
}
