// Package shmfile makes, maps and removes the files under /dev/shm that back
// pypool's cross-process objects, the way glibc's shm_open makes them: a file
// /dev/shm/NAME opened with O_NOFOLLOW|O_CLOEXEC, mode 0600, sized with
// ftruncate and mapped shared. It imports only the standard library; the
// engine's cross-process packages (pool/synchronize, pool/sharedmem,
// pool/sharedctypes, pool/resourcetracker) import it.
package shmfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
)

// Dir is where the files live: glibc's shm_open puts /NAME at Dir/NAME.
const Dir = "/dev/shm"

// ErrUnsupported reports a platform without /dev/shm shared mappings.
var ErrUnsupported = errors.New("shared memory files under /dev/shm are only supported on Linux")

// RandomHex returns n random bytes as 2n lowercase hex digits.
func RandomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand panics rather than return an error)
	return hex.EncodeToString(b)
}
