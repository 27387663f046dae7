package pool

import (
	"os"
	"syscall"
	"testing"
)

func TestGrowPipeAsksForAMebibyte(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	growPipe(w)
	rc, err := r.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var size uintptr
	rc.Control(func(fd uintptr) {
		size, _, _ = syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_GETPIPE_SZ, 0)
	})
	if size != workerPipeSize {
		t.Fatalf("pipe buffer %d bytes after growPipe, want %d", size, workerPipeSize)
	}
}
