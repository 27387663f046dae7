package connection

import (
	"bufio"
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These tests talk to CPython 3.11 itself and skip where python3 is
// absent; transcript_test.go covers the same bytes without it.

func python(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	out, err := exec.Command(p, "-c", "import sys; print(sys.version_info[:2] >= (3, 11))").Output()
	if err != nil || strings.TrimSpace(string(out)) != "True" {
		t.Skip("python3 is not CPython 3.11 or later")
	}
	return p
}

// A CPython Client talks to a Go Listener (AF_UNIX, authkey).
func TestPythonClientGoListener(t *testing.T) {
	py := python(t)
	key := []byte("shared key")
	l, err := NewListener(Address{Path: filepath.Join(t.TempDir(), "l.sock")}, "", 1, key)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	script := `
import sys
from multiprocessing.connection import Client
c = Client(sys.argv[1], authkey=b"shared key")
c.send_bytes(b"from python")
print(c.recv_bytes().decode())
big = bytes(i % 253 for i in range(300000))
c.send_bytes(big)
print(c.recv_bytes() == big[::-1])
try:
    Client(sys.argv[1], authkey=b"wrong key")
except Exception as e:
    print(type(e).__name__, e)
`
	cmd := exec.Command(py, "-c", script, l.Address().Path)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c, err := l.Accept()
	if err != nil {
		t.Fatal(err)
	}
	msg, err := c.RecvBytes(Omitted)
	if err != nil || string(msg) != "from python" {
		t.Fatalf("%q %v", msg, err)
	}
	c.SendBytes([]byte("from go"), 0, Omitted)
	big, err := c.RecvBytes(Omitted)
	if err != nil || len(big) != 300000 {
		t.Fatalf("%d %v", len(big), err)
	}
	for i, j := 0, len(big)-1; i < j; i, j = i+1, j-1 {
		big[i], big[j] = big[j], big[i]
	}
	c.SendBytes(big, 0, Omitted)
	_, err = l.Accept()
	wantErr[*AuthenticationError](t, err, "digest received was wrong")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("python: %v\n%s", err, out.String())
	}
	want := "from go\nTrue\nAuthenticationError digest sent was rejected\n"
	if out.String() != want {
		t.Fatalf("python printed %q, want %q", out.String(), want)
	}
}

// A Go Client talks to a CPython Listener (AF_INET, authkey).
func TestGoClientPythonListener(t *testing.T) {
	py := python(t)
	script := `
from multiprocessing.connection import Listener
with Listener(("127.0.0.1", 0), authkey=b"k2") as l:
    print(l.address[1], flush=True)
    with l.accept() as c:
        m = c.recv_bytes()
        c.send_bytes(m.upper())
        c.send_bytes(b"y" * 100000)
    try:
        l.accept()
    except Exception as e:
        print(type(e).__name__, e, flush=True)
`
	cmd := exec.Command(py, "-c", script)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() {
		t.Fatal("python printed no port")
	}
	port, err := strconv.Atoi(lines.Text())
	if err != nil {
		t.Fatal(err)
	}
	c, err := Client(Address{Host: "127.0.0.1", Port: port}, "", []byte("k2"))
	if err != nil {
		t.Fatal(err)
	}
	c.SendBytes([]byte("shout"), 0, Omitted)
	if got, err := c.RecvBytes(Omitted); string(got) != "SHOUT" || err != nil {
		t.Fatalf("%q %v", got, err)
	}
	if got, err := c.RecvBytes(Omitted); len(got) != 100000 || err != nil {
		t.Fatalf("%d %v", len(got), err)
	}
	if _, err := c.RecvBytes(Omitted); err != io.EOF {
		t.Fatalf("after python closed: %v", err)
	}
	_, err = Client(Address{Host: "127.0.0.1", Port: port}, "", []byte("bad"))
	wantErr[*AuthenticationError](t, err, "digest sent was rejected")
	if !lines.Scan() || lines.Text() != "AuthenticationError digest received was wrong" {
		t.Fatalf("python said %q", lines.Text())
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("python did not exit")
	}
}
