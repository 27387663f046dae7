//go:build linux

package shmfile

import (
	"os"
	"syscall"
)

// Path is the file behind name (with or without its leading slash).
func Path(name string) string {
	for len(name) > 0 && name[0] == '/' {
		name = name[1:]
	}
	return Dir + "/" + name
}

// Create makes the file for name exclusively (mode 0600), sizes it to size
// bytes and maps it shared. The error is an *os.PathError wrapping the errno
// (EEXIST when the name is taken).
func Create(name string, size int) ([]byte, error) {
	f, err := os.OpenFile(Path(name), os.O_RDWR|os.O_CREATE|os.O_EXCL|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := f.Truncate(int64(size)); err != nil {
		os.Remove(Path(name))
		return nil, err
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		os.Remove(Path(name))
		return nil, &os.PathError{Op: "mmap", Path: Path(name), Err: err}
	}
	return mem, nil
}

// Open maps the existing file for name, all of it. The error is an
// *os.PathError wrapping the errno (ENOENT when there is no such name);
// an empty file is EINVAL (nothing to map).
func Open(name string) ([]byte, error) {
	f, err := os.OpenFile(Path(name), os.O_RDWR|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() == 0 {
		return nil, &os.PathError{Op: "mmap", Path: Path(name), Err: syscall.EINVAL}
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		return nil, &os.PathError{Op: "mmap", Path: Path(name), Err: err}
	}
	return mem, nil
}

// Unmap releases a mapping made by Create or Open. The slice must not be
// used afterwards.
func Unmap(mem []byte) error { return syscall.Munmap(mem) }

// Unlink removes the file for name (shm_unlink): mappings already made stay
// valid; later Opens fail with ENOENT.
func Unlink(name string) error { return os.Remove(Path(name)) }
