package connection

import (
	"errors"
	"fmt"
	"github.com/pypool/pypool/pool/pyexc"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serveOne accepts one connection on l and echoes its messages until EOF.
func serveOne(l *Listener) chan error {
	errc := make(chan error, 1)
	go func() {
		c, err := l.Accept()
		if err != nil {
			errc <- err
			return
		}
		defer c.Close()
		for {
			b, err := c.RecvBytes(Omitted)
			if err == io.EOF {
				errc <- nil
				return
			}
			if err != nil {
				errc <- err
				return
			}
			if err := c.SendBytes(b, 0, Omitted); err != nil {
				errc <- err
				return
			}
		}
	}()
	return errc
}

func echoOnce(t *testing.T, c *Conn, msg string) {
	t.Helper()
	if err := c.SendBytes([]byte(msg), 0, Omitted); err != nil {
		t.Fatal(err)
	}
	got, err := c.RecvBytes(Omitted)
	if err != nil || string(got) != msg {
		t.Fatalf("echo: %q, %v", got, err)
	}
}

func TestListenerFamilies(t *testing.T) {
	key := []byte("secret")
	path := filepath.Join(t.TempDir(), "sock")
	for _, addr := range []Address{
		{Path: path},
		{Path: fmt.Sprintf("\x00pypool-test-abstract-%d", os.Getpid())},
		{Host: "localhost"},
		{}, // arbitrary AF_UNIX
	} {
		l, err := NewListener(addr, "", 1, key)
		if err != nil {
			t.Fatalf("%v: %v", addr, err)
		}
		got := l.Address()
		switch {
		case addr.Host == "localhost":
			if got.Family != AFInet || got.Host != "127.0.0.1" || got.Port == 0 {
				t.Fatalf("AF_INET address %+v", got)
			}
		case addr.Path == "":
			if got.Family != AFUnix || !strings.HasPrefix(filepath.Base(got.Path), "listener-") {
				t.Fatalf("arbitrary address %+v", got)
			}
		default:
			if got.Family != AFUnix || got.Path != addr.Path {
				t.Fatalf("AF_UNIX address %+v, want %q", got, addr.Path)
			}
		}
		errc := serveOne(l)
		c, err := Client(got, "", key)
		if err != nil {
			t.Fatalf("client of %v: %v", got, err)
		}
		echoOnce(t, c, "hello over "+got.String())
		c.Close()
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
		if la := l.LastAccepted(); la.Family != got.Family || (la.Family == AFInet && la.Host != "127.0.0.1") {
			t.Fatalf("last accepted %+v", la)
		}
		l.Close()
		if got.Family == AFUnix && !strings.HasPrefix(got.Path, "\x00") {
			if _, err := os.Stat(got.Path); !os.IsNotExist(err) {
				t.Fatalf("socket file %s left after Close: %v", got.Path, err)
			}
		}
	}
}

func TestAuthenticationFailure(t *testing.T) {
	l, err := NewListener(Address{}, AFUnix, 1, []byte("right"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	errc := make(chan error, 1)
	go func() {
		c, err := l.Accept()
		if c != nil {
			c.Close()
		}
		errc <- err
	}()
	_, err = Client(l.Address(), "", []byte("wrong"))
	wantErr[*AuthenticationError](t, err, "digest sent was rejected")
	wantErr[*AuthenticationError](t, <-errc, "digest received was wrong")
}

func TestClientWithoutKeyGetsChallenge(t *testing.T) {
	// The listener has a key, the client none: the client's first message
	// is the challenge, and the listener's Accept ends when it hangs up.
	l, err := NewListener(Address{}, AFUnix, 1, []byte("k"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	errc := make(chan error, 1)
	go func() { _, err := l.Accept(); errc <- err }()
	c, err := Client(l.Address(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := c.RecvBytes(Omitted)
	if err != nil || !strings.HasPrefix(string(msg), "#CHALLENGE#") || len(msg) != 31 {
		t.Fatalf("first message %q, %v", msg, err)
	}
	c.Close()
	if err := <-errc; err != io.EOF {
		t.Fatalf("Accept: %v, want io.EOF", err)
	}
}

func TestAnswerChallengeRejectsNonChallenge(t *testing.T) {
	a, b := pipe(t, true)
	a.SendBytes([]byte("hello"), 0, Omitted)
	wantErr[*pyexc.AssertionError](t, AnswerChallenge(b, []byte("k")), "message = b'hello'")
	// An oversized handshake message: CPython's recv_bytes(256).
	a.SendBytes(make([]byte, 300), 0, Omitted)
	wantErr[*pyexc.OSError](t, AnswerChallenge(b, []byte("k")), "bad message length")
}

func TestListenerClose(t *testing.T) {
	l, err := NewListener(Address{Host: "127.0.0.1"}, "", 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { _, err := l.Accept(); errc <- err }()
	time.Sleep(20 * time.Millisecond)
	l.Close()
	select {
	case err := <-errc:
		wantErr[*pyexc.OSError](t, err, "listener is closed")
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not wake Accept")
	}
	_, err = l.Accept()
	wantErr[*pyexc.OSError](t, err, "listener is closed")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestAddressErrors(t *testing.T) {
	_, err := NewListener(Address{}, "AF_PIPE", 1, nil)
	wantErr[*pyexc.ValueError](t, err, "Family AF_PIPE is not recognized.")
	_, err = ArbitraryAddress("AF_X")
	wantErr[*pyexc.ValueError](t, err, "unrecognized family")
	_, err = Client(Address{}, "", nil)
	wantErr[*pyexc.ValueError](t, err, "address type of '' unrecognized")
	_, err = Client(Address{Path: filepath.Join(t.TempDir(), "none")}, "", nil)
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("connecting to a missing path: %v", err)
	}
	_, err = NewListener(Address{Host: "localhost", Port: 70000}, "", 1, nil)
	wantErr[*pyexc.OverflowError](t, err, "bind(): port must be 0-65535.")
	if s := (Address{Host: "127.0.0.1", Port: 80}).String(); s != "('127.0.0.1', 80)" {
		t.Fatal(s)
	}
	if s := (Address{Path: "\x00abc"}).String(); s != `b'\x00abc'` {
		t.Fatal(s)
	}
}
