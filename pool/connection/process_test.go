package connection

import (
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// The test binary doubles as the child process of the cross-process
// tests: TestMain runs childMain when envChild names a mode.
const envChild = "PYPOOL_CONNECTION_TEST_CHILD"

func TestMain(m *testing.M) {
	if mode := os.Getenv(envChild); mode != "" {
		os.Exit(childMain(mode))
	}
	os.Exit(m.Run())
}

// childMain gets a Conn as the mode says, then echoes every value it
// receives, doubled when it is an int, until EOF.
func childMain(mode string) int {
	var c *Conn
	var err error
	switch mode {
	case "extrafile": // fd 3, flags in the environment
		c, err = NewConn(3, os.Getenv("R") == "1", os.Getenv("W") == "1")
	case "echo-bytes", "sink": // fd 3; bytes messages, for the benchmarks
		if c, err = NewConn(3, true, true); err == nil {
			return bytesChild(c, mode == "sink")
		}
	case "simplex-writer": // fd 3 is the write end: send three values and exit
		c, err = NewConn(3, false, true)
		if err == nil {
			for i := int64(1); i <= 3; i++ {
				c.Send(i)
			}
			return 0
		}
	case "sendfds": // fd 3 is a control socket that brings the conn's fd
		var ctl *Conn
		if ctl, err = NewConn(3, true, true); err == nil {
			var fds []int
			if fds, err = RecvFds(ctl, 1); err == nil {
				c, err = NewConn(fds[0], true, true)
			}
		}
	case "sharer":
		var addr []byte
		var key uint64
		addr, err = hex.DecodeString(os.Getenv("ADDR"))
		if err == nil {
			key, err = strconv.ParseUint(os.Getenv("KEY"), 10, 64)
		}
		if err == nil {
			var fd int
			if fd, err = (Shared{Address: string(addr), Key: key}).Detach([]byte(os.Getenv("AUTHKEY"))); err == nil {
				c, err = NewConn(fd, true, true)
			}
		}
	default:
		err = fmt.Errorf("unknown mode %q", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	for {
		v, err := c.Recv()
		if err == io.EOF {
			return 0
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "child recv:", err)
			return 3
		}
		if n, ok := v.(int64); ok {
			v = 2 * n
		}
		if err := c.Send(v); err != nil {
			fmt.Fprintln(os.Stderr, "child send:", err)
			return 4
		}
	}
}

// bytesChild echoes bytes messages, or (sink) counts their bytes until an
// empty one and then sends the total.
func bytesChild(c *Conn, sink bool) int {
	total := int64(0)
	buf := make([]byte, 2<<20)
	for {
		n, err := c.RecvBytesInto(buf, 0)
		if err == io.EOF {
			return 0
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "child recv:", err)
			return 3
		}
		if sink {
			if n == 0 {
				c.Send(total)
				continue
			}
			total += int64(n)
			continue
		}
		if err := c.SendBytes(buf, 0, n); err != nil {
			fmt.Fprintln(os.Stderr, "child send:", err)
			return 4
		}
	}
}

// child starts the test binary in a mode with extra files and environment.
func child(t testing.TB, mode string, files []*os.File, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), envChild+"="+mode), env...)
	cmd.ExtraFiles = files
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		f.Close()
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

func recvTimeout(t *testing.T, c *Conn) wire.Value {
	t.Helper()
	if ok, err := c.Poll(30 * time.Second); !ok || err != nil {
		t.Fatalf("nothing from the child in 30s: %v", err)
	}
	v, err := c.Recv()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// talk sends values to the child and checks the echoes, then closes and
// expects the child to exit cleanly at EOF.
func talk(t *testing.T, c *Conn, cmd *exec.Cmd) {
	t.Helper()
	big := string(make([]byte, 200<<10))
	for _, v := range []wire.Value{int64(21), "hello", big} {
		if err := c.Send(v); err != nil {
			t.Fatal(err)
		}
		want := v
		if n, ok := v.(int64); ok {
			want = 2 * n
		}
		if got := recvTimeout(t, c); got != want {
			t.Fatalf("child answered %.40v, want %.40v", got, want)
		}
	}
	c.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
}

// A Conn handed to a child at its start, through ExtraFiles.
func TestConnToChildAtStart(t *testing.T) {
	parent, childEnd := pipe(t, true)
	f, err := childEnd.File()
	if err != nil {
		t.Fatal(err)
	}
	childEnd.Close() // the child holds the only other copy now
	cmd := child(t, "extrafile", []*os.File{f}, "R=1", "W=1")
	talk(t, parent, cmd)
}

// EOF in the parent when a child's write end goes away with the child.
func TestSimplexFromChildThenEOF(t *testing.T) {
	r, w := pipe(t, false)
	f, err := w.File()
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	cmd := child(t, "simplex-writer", []*os.File{f})
	for i := int64(1); i <= 3; i++ {
		if got := recvTimeout(t, r); got != i {
			t.Fatalf("got %v, want %d", got, i)
		}
	}
	if _, err := r.Recv(); err != io.EOF {
		t.Fatalf("after the child exited: %v, want io.EOF", err)
	}
	cmd.Wait()
}

// A Conn handed to a running child over a Unix socket (SCM_RIGHTS).
func TestConnToRunningChildBySendFds(t *testing.T) {
	ctlParent, ctlChild := pipe(t, true)
	f, err := ctlChild.File()
	if err != nil {
		t.Fatal(err)
	}
	ctlChild.Close()
	cmd := child(t, "sendfds", []*os.File{f})
	parent, childEnd := pipe(t, true)
	fd, _ := childEnd.Fileno()
	if err := SendFds(ctlParent, []int{fd}); err != nil {
		t.Fatal(err)
	}
	childEnd.Close()
	talk(t, parent, cmd)
}

// A Conn fetched by a running child from the parent's Sharer.
func TestConnToRunningChildBySharer(t *testing.T) {
	key := "authkey-of-the-test"
	s, err := NewSharer([]byte(key))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	parent, childEnd := pipe(t, true)
	fd, _ := childEnd.Fileno()
	sh, err := s.Share(fd)
	if err != nil {
		t.Fatal(err)
	}
	childEnd.Close() // the Sharer holds a duplicate
	cmd := child(t, "sharer", nil, "ADDR="+hex.EncodeToString([]byte(sh.Address)), "KEY="+strconv.FormatUint(sh.Key, 10), "AUTHKEY="+key)
	talk(t, parent, cmd)
	// Detached once: a second Detach finds nothing.
	if _, err := sh.Detach([]byte(key)); err == nil {
		t.Fatal("a shared descriptor was detached twice")
	}
	// A wrong authkey is refused.
	sh2, _ := s.Share(0)
	_, err = sh2.Detach([]byte("wrong"))
	wantErr[*AuthenticationError](t, err, "digest sent was rejected")
}
