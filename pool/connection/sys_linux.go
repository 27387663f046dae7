package connection

import (
	"os"
	"syscall"
)

// Descriptors are made close-on-exec atomically where Linux allows.

const recvmsgFlags = syscall.MSG_CMSG_CLOEXEC

func unixSocketpair() ([2]int, error) {
	p, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	return p, os.NewSyscallError("socketpair", err)
}

func osPipe() ([2]int, error) {
	var p [2]int
	err := syscall.Pipe2(p[:], syscall.O_CLOEXEC)
	return p, os.NewSyscallError("pipe2", err)
}

func socket(domain int, nonblock bool) (int, error) {
	typ := syscall.SOCK_STREAM | syscall.SOCK_CLOEXEC
	if nonblock {
		typ |= syscall.SOCK_NONBLOCK
	}
	fd, err := syscall.Socket(domain, typ, 0)
	return fd, os.NewSyscallError("socket", err)
}

func accept(fd int) (int, syscall.Sockaddr, error) {
	return syscall.Accept4(fd, syscall.SOCK_CLOEXEC)
}

func dupCloexec(fd int) (int, error) {
	r, _, errno := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_DUPFD_CLOEXEC, 0)
	if errno != 0 {
		return -1, os.NewSyscallError("fcntl", errno)
	}
	return int(r), nil
}
