//go:build !linux

package pool

import "os"

// watchParentPipe: elsewhere a worker notices a closed pipe when it next
// reads from it.
func watchParentPipe(in *os.File) {}
