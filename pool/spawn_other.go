//go:build !linux

package pool

import "syscall"

// workerSysProcAttr: without Pdeathsig, workers rely on their pipe closing
// when the parent dies.
func workerSysProcAttr() *syscall.SysProcAttr { return nil }
