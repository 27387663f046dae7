package bridge

// Interpreters for Go programs that run Python themselves.

import "github.com/pypool/pypool/bridge/pyrt"

// An Interp is one Python interpreter: a gpython context and its GIL (see
// package pyrt for threads, waits and exit handlers).
type Interp = pyrt.Interp

// Options configure a new interpreter: sys.argv, sys.path, and the files
// that stand for sys.stdout, sys.stderr and sys.stdin.
type Options = pyrt.Options

// NewInterp makes an interpreter with every module pypool provides (the
// facade links them all). The GIL is free: run Python with in.RunThread, or
// in.GIL.Acquire and in.RunMain.
func NewInterp(opts Options) *Interp { return pyrt.NewInterp(opts) }
