package pyobj

import (
	"cmp"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib" // gpython's own modules and the VM
)

// An Interp is one Python interpreter: a gpython context and its GIL.
type Interp struct {
	Ctx py.Context
	GIL *GIL
	// Main is the interpreter's main thread (CPython's "MainThread").
	Main *Thread

	stdout, stderr io.Writer

	atexitMu sync.Mutex
	atexit   []func()

	IntrPending atomic.Bool
	intr        chan struct{}
}

// Options configure a new interpreter.
type Options struct {
	// Argv becomes sys.argv.
	Argv []string
	// Path becomes sys.path (CPython's stdlib folders are never searched).
	Path []string
	// Stdout and Stderr, when set, replace sys.stdout and sys.stderr (and
	// receive tracebacks); by default the process's own are used.
	Stdout, Stderr io.Writer
	// Stdin, when set, is read by sys.stdin (and input()); by default the
	// process's standard input is.
	Stdin io.Reader
}

// A Thread is the bridge's notion of a Python thread: whoever holds the GIL
// runs as one. The threading module keeps its own object in Data.
type Thread struct {
	// Name is the thread's name ("MainThread" for the main thread).
	Name string
	// Ident is a process-unique id (threading.get_ident()).
	Ident int64
	// Data belongs to the threading module (e.g. its Thread object).
	Data any

	Depth        int            // Python call depth, for the recursion limit
	handled      handledEntry   // exception of the handler running now (exc nil: none)
	outerHandled []handledEntry // handled exceptions of enclosing handlers

	// Eval is the evaluator's per-thread state (internal/eval owns it).
	Eval EvalState
}

// EvalState is what the evaluator (internal/eval) keeps per thread: the
// frames of finished plain calls, for reuse, and what it learned about the
// code objects it called.
type EvalState struct {
	FreeFrames []*py.Frame
	Kinds      map[*py.Code]uint8 // the evaluator's answers per code object
	LastCode   *py.Code           // the code called last …
	LastKind   uint8              // … and its answer
}

var threadIdents atomic.Int64

// NewThread makes a Thread with a fresh Ident.
func NewThread(name string) *Thread {
	return &Thread{Name: name, Ident: 139_000_000_000_000 + threadIdents.Add(1)*4096}
}

var Interps sync.Map // py.Context → *Interp

// lastInterp is the Interp InterpOf found last: a process usually has one,
// and every Python call asks.
var lastInterp atomic.Pointer[Interp]

// InterpOf returns the Interp that owns ctx, or nil.
func InterpOf(ctx py.Context) *Interp {
	if in := lastInterp.Load(); in != nil && in.Ctx == ctx {
		return in
	}
	if v, ok := Interps.Load(ctx); ok {
		in := v.(*Interp)
		lastInterp.Store(in)
		return in
	}
	return nil
}

// An InstallStage orders the process-global patches. Install runs the
// stages in this order and, within a stage, the installers by name.
type InstallStage int

const (
	InstallCore   InstallStage = iota // the compile wrapper, call hooks, print, sys, time, import, format, the code patchers
	InstallCompat                     // the object-model mends: builtins, type methods, modules gpython lacks
	InstallLate                       // what wraps or reads what InstallCompat put in place
	InstallExtras                     // attributes, modules and features on top of the object model
)

type installer struct {
	stage InstallStage
	name  string
	f     func()
}

var (
	installOnce sync.Once
	installers  []installer
)

// OnInstall registers f to run once, before the first interpreter is made:
// gpython copies a module's ModuleImpl into each new context, so process-global
// patches (type dicts, builtins, module tables) must be in place by then.
// Packages call it from init. The order is explicit: by stage, then by name,
// never by package or file initialisation order.
func OnInstall(stage InstallStage, name string, f func()) {
	installers = append(installers, installer{stage, name, f})
}

// Install applies every registered patch once per process, in order. Every
// entry point calls it; calling it again does nothing.
func Install() {
	installOnce.Do(func() {
		slices.SortStableFunc(installers, func(a, b installer) int {
			if a.stage != b.stage {
				return cmp.Compare(a.stage, b.stage)
			}
			return strings.Compare(a.name, b.name)
		})
		for _, in := range installers {
			in.f()
		}
	})
}

// NewInterp makes an interpreter: a gpython context with sys.argv and
// sys.path from opts, registered so InterpOf finds it. The GIL is free; a
// goroutine runs Python with RunThread (or Acquire + SetThread).
func NewInterp(opts Options) *Interp {
	Install()
	path := opts.Path
	if path == nil {
		path = []string{}
	}
	for _, f := range beforeContextHooks {
		f()
	}
	ctx := py.NewContext(py.ContextOpts{SysArgs: opts.Argv, SysPaths: path})
	in := &Interp{
		Ctx:    ctx,
		GIL:    &GIL{},
		Main:   NewThread("MainThread"),
		stdout: opts.Stdout,
		stderr: opts.Stderr,
		intr:   make(chan struct{}, 1),
	}
	Interps.Store(ctx, in)
	for _, f := range newInterpHooks {
		f(in, opts)
	}
	return in
}

var (
	beforeContextHooks []func()
	newInterpHooks     []func(in *Interp, opts Options)
)

// OnNewInterp registers what NewInterp does for every interpreter:
// before runs before its gpython context is made (process-wide state the
// context copies), after once the Interp exists (its sys.stdout, say).
// Either may be nil. Call it from init; hooks run in registration order.
func OnNewInterp(before func(), after func(in *Interp, opts Options)) {
	if before != nil {
		beforeContextHooks = append(beforeContextHooks, before)
	}
	if after != nil {
		newInterpHooks = append(newInterpHooks, after)
	}
}

// Close releases the interpreter: it is unregistered and its context closed.
func (in *Interp) Close() {
	Interps.Delete(in.Ctx)
	lastInterp.CompareAndSwap(in, nil)
	in.Ctx.Close()
}

// CurrentThread returns the Python thread holding the GIL (the caller must
// hold it). It is never nil: without a recorded thread it is Main.
func (in *Interp) CurrentThread() *Thread {
	if t := in.GIL.cur; t != nil {
		return t
	}
	return in.Main
}

// RunThread takes the GIL, runs f as Python thread t, and gives the GIL back.
func (in *Interp) RunThread(t *Thread, f func() error) error {
	in.GIL.Acquire()
	prev := in.GIL.SetThread(t)
	defer func() {
		in.GIL.SetThread(prev)
		in.GIL.Release()
	}()
	return f()
}

// Stderr is where the interpreter writes tracebacks and warnings.
func (in *Interp) Stderr() io.Writer {
	if in.stderr != nil {
		return in.stderr
	}
	return OsStderr
}

// CtxOf returns the context of a Go-implemented module function from its
// self argument (the *py.Module that holds it), or nil.
func CtxOf(self py.Object) py.Context {
	if m, ok := self.(*py.Module); ok {
		return m.Context
	}
	return nil
}

// ReplaceMethod puts m into the named registered module, replacing a method
// of the same name. Call it only from install code.
func ReplaceMethod(module string, m *py.Method) {
	impl := py.GetModuleImpl(module)
	if impl == nil {
		panic("bridge: no module " + module)
	}
	for i, old := range impl.Methods {
		if old.Name == m.Name {
			impl.Methods[i] = m
			return
		}
	}
	impl.Methods = append(impl.Methods, m)
}

// setModuleGlobal sets a global of the named registered module. Call it only
// from install code.
func SetModuleGlobal(module, name string, v py.Object) {
	impl := py.GetModuleImpl(module)
	if impl == nil {
		panic("bridge: no module " + module)
	}
	if impl.Globals == nil {
		impl.Globals = py.StringDict{}
	}
	impl.Globals[name] = v
}

// RecursionLimit is the Python call depth at which RecursionError is raised
// (CPython's default sys.getrecursionlimit()).
const RecursionLimit = 1000

// RecursionError is the builtin RecursionError (gpython lacks it): a
// RuntimeError subclass raised when Python calls nest deeper than
// RecursionLimit, instead of a fatal Go stack overflow.
var RecursionError = py.RuntimeError.NewType("RecursionError", "Recursion limit exceeded.", nil, nil)

// handledEntry is a handled exception and the Python call depth of the
// frame whose handler caught it.
type handledEntry struct {
	exc   *py.Exception
	depth int
	frame *py.Frame // the frame whose handler caught it, when known
}

// OsStderr is where the runtime reports what has no Python stderr to go to.
var OsStderr io.Writer = os.Stderr

// RunMain compiles src (named filename in tracebacks) and runs it as module
// __main__ (with __file__ = file when file is not empty). The caller holds
// the GIL as the main thread.
func (in *Interp) RunMain(src, filename, file string) error {
	code, err := py.Compile(src, filename, py.ExecMode, 0, true)
	if err != nil {
		return err
	}
	mod, err := in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__", FileDesc: file}})
	if err != nil {
		return err
	}
	_, err = py.VmEvalCode(in.Ctx, code, mod.Globals, mod.Globals, nil, nil, nil, nil, nil)
	return err
}
