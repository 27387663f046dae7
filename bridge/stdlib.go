package bridge

// The standard modules written in Go, one package each under
// internal/stdlib/<module> (a new one goes there too): each registers its
// module with gpython, and its install steps with pyrt.OnInstall, from its
// init, so importing it is all the facade does. Python-source modules
// (pyobj/pylib/*.py) keep their one loader in pyobj; the Go half of one
// (re's _pypool_re, random's _random) is a stdlib package all the same.

import (
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
