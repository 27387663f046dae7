package bridge

// The packages that install themselves: each registers its Python module
// with gpython, and its install steps with pyrt.OnInstall, from its init,
// so importing it here is all the facade does, and a Go program that
// imports bridge gets every one of them.
//
// A new standard module written in Go is a package under
// internal/stdlib/<module> with a line here. Python-source modules
// (internal/pyobj/pylib/*.py) keep their one loader in pyobj; the Go half of
// one (re's _pypool_re, random's _random) is a stdlib package all the same.
import (
	// the evaluator's call hooks
	_ "github.com/pypool/pypool/bridge/internal/eval"

	// the pool modules
	_ "github.com/pypool/pypool/bridge/internal/futures"
	_ "github.com/pypool/pypool/bridge/internal/multiprocessing"
	_ "github.com/pypool/pypool/bridge/internal/threading"

	// the standard modules written in Go
	_ "github.com/pypool/pypool/bridge/internal/stdlib/atexit"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/dataclasses"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/enum"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/json"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/math"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/os"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/random"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/re"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/sys"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/time"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/traceback"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/warnings"
)
