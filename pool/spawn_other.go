//go:build !linux

package pool

import (
	"os"
	"syscall"
)

// workerSysProcAttr: without Pdeathsig, workers rely on their pipe closing
// when the parent dies.
func workerSysProcAttr() *syscall.SysProcAttr { return nil }

// growPipe keeps the system's pipe buffer.
func growPipe(*os.File) {}
