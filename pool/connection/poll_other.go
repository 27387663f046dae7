//go:build !linux

package connection

import (
	"errors"
	"time"
)

type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

const pollIn = 0x1

var errNoPoll = errors.New("connection: waiting on descriptors is implemented on Linux only")

func ppoll(fds []pollFd, timeout time.Duration) (int, error) { return 0, errNoPoll }

func pollOne(fd int) (bool, error) { return false, errNoPoll }
