package pool

import "sync"

var (
	runtimesMu sync.Mutex
	runtimes   = map[string]func() (Runtime, error){}
)
