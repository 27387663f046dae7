//go:build !linux

package shmfile

// Path is the file behind name (with or without its leading slash).
func Path(name string) string {
	for len(name) > 0 && name[0] == '/' {
		name = name[1:]
	}
	return Dir + "/" + name
}

// Create fails: only Linux is supported.
func Create(name string, size int) ([]byte, error) { return nil, ErrUnsupported }

// Open fails: only Linux is supported.
func Open(name string) ([]byte, error) { return nil, ErrUnsupported }

// Unmap fails: only Linux is supported.
func Unmap(mem []byte) error { return ErrUnsupported }

// Unlink fails: only Linux is supported.
func Unlink(name string) error { return ErrUnsupported }
