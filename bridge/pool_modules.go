package bridge

// The pool modules register themselves with gpython from their init
// functions: importing them links them in.
import (
	_ "github.com/pypool/pypool/bridge/internal/futures"
	_ "github.com/pypool/pypool/bridge/internal/multiprocessing"
	_ "github.com/pypool/pypool/bridge/internal/threading"
)
