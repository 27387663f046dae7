package bridge

// The standard modules written in Go: each package registers its module
// (and its install steps, with pyobj.OnInstall) from its init, so importing
// it is all the facade does.

import (
	_ "github.com/pypool/pypool/bridge/internal/stdlib/atexit"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/dataclasses"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/enum"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/json"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/math"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/os"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/random"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/re"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/time"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/traceback"
	_ "github.com/pypool/pypool/bridge/internal/stdlib/warnings"
)
