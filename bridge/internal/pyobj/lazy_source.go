package pyobj

// The Python part of a Go module, compiled on first use. multiprocessing's
// Process class is Python (mp_py.go); compiling it costs milliseconds that
// every script importing multiprocessing would pay, twice with a pool (the
// workers load the main script again), although most scripts only use Pool.
// So the module is made without it, and each name its source defines is a
// descriptor on the module type: a lookup the module's globals do not answer
// (mp.Process, from multiprocessing import Process, a worker resolving a
// reference to multiprocessing._child_main) compiles the source once per
// process, runs it in the module's globals (as the import would have) and
// answers from them. `from m import *`, dir(m), vars(m) and m.__dict__ load
// it first (loadLazySource), so the namespace looks as if it had always been
// there. Names set on the module before the load keep their values.

import (
	"sync"
	"weak"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// A lazySource is the deferred Python part of one registered module.
type lazySource struct {
	impl  *py.ModuleImpl
	names map[string]bool // the top-level names src defines
	code  func() (*py.Code, error)

	mu     sync.Mutex
	states map[weak.Pointer[py.Module]]*lazyLoad
}

// lazyLoad is the load of a lazySource into one module instance.
type lazyLoad struct {
	done   chan struct{}
	loader *pyrt.Thread // the Python thread running the source (nil: no interpreter)
	err    error
}

var (
	lazySourcesMu sync.RWMutex
	lazySources   = map[*py.ModuleImpl]*lazySource{}
)

// RegisterLazySource defers src, the Python part of the module impl (file is
// its name in tracebacks), until one of names is first looked up on a module
// made from impl. names must be every top-level name src binds.
func RegisterLazySource(impl *py.ModuleImpl, file, src string, names ...string) {
	ls := &lazySource{impl: impl, names: map[string]bool{}, states: map[weak.Pointer[py.Module]]*lazyLoad{}}
	ls.code = sync.OnceValues(func() (*py.Code, error) {
		return py.Compile(src, file, py.ExecMode, 0, true)
	})
	for _, n := range names {
		ls.names[n] = true
		if _, taken := py.ModuleType.Dict[n]; !taken {
			py.ModuleType.Dict[n] = &lazyAttr{name: n}
		}
	}
	lazySourcesMu.Lock()
	lazySources[impl] = ls
	lazySourcesMu.Unlock()
}

func lazySourceOf(m *py.Module) *lazySource {
	lazySourcesMu.RLock()
	defer lazySourcesMu.RUnlock()
	return lazySources[m.ModuleImpl]
}

// loadLazySource runs the deferred source of o, when o is a module that has
// one not yet loaded; anything else is left alone. The caller holds the GIL.
func loadLazySource(o py.Object) error {
	m, ok := o.(*py.Module)
	if !ok || m.ModuleImpl == nil {
		return nil
	}
	if ls := lazySourceOf(m); ls != nil {
		return ls.load(m)
	}
	return nil
}

// load runs ls's source in m's globals once; a failed load is tried again
// at the next lookup. A thread that finds another one loading waits for it
// without the GIL; the loading thread itself (the source looking its own
// names up) finds the names not there yet.
func (ls *lazySource) load(m *py.Module) error {
	key := weak.Make(m)
	for {
		var cur *pyrt.Thread
		in := pyrt.InterpOf(m.Context)
		if in != nil {
			cur = in.GIL.Thread()
		}
		ls.mu.Lock()
		st := ls.states[key]
		if st == nil {
			st = &lazyLoad{done: make(chan struct{}), loader: cur}
			ls.states[key] = st
			ls.forgetDead()
			ls.mu.Unlock()
			st.err = ls.run(m)
			if st.err != nil {
				ls.mu.Lock()
				delete(ls.states, key)
				ls.mu.Unlock()
			}
			close(st.done)
			return st.err
		}
		ls.mu.Unlock()
		select {
		case <-st.done:
			if st.err == nil {
				return nil
			}
			continue // failed: try again
		default:
		}
		if in == nil || st.loader == cur {
			return nil // re-entered while loading
		}
		in.GIL.Released(func() { <-st.done })
	}
}

// forgetDead drops the states of modules that are gone (ls.mu held).
func (ls *lazySource) forgetDead() {
	if len(ls.states) < 64 {
		return
	}
	for k := range ls.states {
		if k.Value() == nil {
			delete(ls.states, k)
		}
	}
}

// run executes the source in m's globals, keeping the values of the names
// it defines that were set on the module before.
func (ls *lazySource) run(m *py.Module) error {
	code, err := ls.code()
	if err != nil {
		return err
	}
	var kept py.StringDict
	for n := range ls.names {
		if v, ok := m.Globals[n]; ok {
			if kept == nil {
				kept = py.StringDict{}
			}
			kept[n] = v
		}
	}
	_, err = m.Context.RunCode(code, m.Globals, m.Globals, nil)
	for n, v := range kept {
		m.Globals[n] = v
	}
	return err
}

var lazyAttrType = py.NewType("pypool_lazy_name", "a module attribute defined by Python compiled on first use")

// lazyAttr is the module type's descriptor for one name of a lazy source.
type lazyAttr struct{ name string }

// Type returns the descriptor's type.
func (a *lazyAttr) Type() *py.Type { return lazyAttrType }

// M__get__ loads the lazy source of the module it is looked up on, if that
// module has one defining the name, and answers from the module's globals.
func (a *lazyAttr) M__get__(instance, owner py.Object) (py.Object, error) {
	m, ok := instance.(*py.Module)
	if !ok {
		return nil, py.ExceptionNewf(py.AttributeError, "type object 'module' has no attribute '%s'", a.name)
	}
	if ls := lazySourceOf(m); ls != nil && ls.names[a.name] {
		if err := ls.load(m); err != nil {
			return nil, err
		}
		if v, ok := m.Globals[a.name]; ok {
			return v, nil
		}
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' has no attribute '%s'", m.Type().Name, a.name)
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "lazy_source", func() {
		// m.__dict__ is the whole namespace (object's __dict__ otherwise).
		py.ModuleType.Dict["__dict__"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			m, ok := self.(*py.Module)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "descriptor '__dict__' for 'module' objects doesn't apply to a '%s' object", self.Type().Name)
			}
			if err := loadLazySource(m); err != nil {
				return nil, err
			}
			return m.Globals, nil
		}}
	})
}
