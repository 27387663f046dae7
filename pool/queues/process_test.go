package queues

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/connection"
)

const envChild = "PYPOOL_QUEUES_TEST_CHILD"

// childState is how the test hands the child its queues: the lock names
// here, the pipes at descriptors 3–6.
type childState struct {
	In  QueueState
	Out SimpleQueueState
	Sum bool // put only the sum of the items, at "stop"
}

// childMain: get ints from In until "stop", put each doubled on Out (or,
// with Sum, their sum at the end) and mark it done.
func childMain(mode string) int {
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	var st childState
	if err := json.Unmarshal([]byte(mode), &st); err != nil {
		return fail(err)
	}
	conns := make([]*connection.Conn, 4)
	for i := range conns {
		c, err := connection.NewConn(3+i, i%2 == 0, i%2 == 1)
		if err != nil {
			return fail(err)
		}
		conns[i] = c
	}
	st.In.Reader, st.In.Writer, st.Out.Reader, st.Out.Writer = conns[0], conns[1], conns[2], conns[3]
	in, err := OpenJoinableQueue(st.In)
	if err != nil {
		return fail(err)
	}
	out, err := OpenSimpleQueue(st.Out)
	if err != nil {
		return fail(err)
	}
	sum := int64(0)
	for {
		v, err := in.Get(bg, true, NoTimeout)
		if err != nil {
			return fail(err)
		}
		if v == "stop" {
			in.TaskDone(bg)
			if st.Sum {
				if err := out.Put(bg, sum); err != nil {
					return fail(err)
				}
			}
			return 0
		}
		if st.Sum {
			sum += v.(int64)
			in.TaskDone(bg)
			continue
		}
		if err := out.Put(bg, 2*v.(int64)); err != nil {
			return fail(err)
		}
		if err := in.TaskDone(bg); err != nil {
			return fail(err)
		}
	}
}

// stateJSON drops the Conns, which travel as descriptors.
func stateJSON(t testing.TB, in QueueState, out SimpleQueueState, sum bool) string {
	in.Reader, in.Writer, out.Reader, out.Writer = nil, nil, nil, nil
	b, err := json.Marshal(childState{in, out, sum})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// startChild starts a child that opens in and out, their pipes at
// descriptors 3–6.
func startChild(t testing.TB, in *JoinableQueue, out *SimpleQueue, sum bool) *exec.Cmd {
	t.Helper()
	ist, ost := in.State(), out.State()
	var files []*os.File
	for _, c := range []*connection.Conn{ist.Reader, ist.Writer, ost.Reader, ost.Writer} {
		f, err := c.File()
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"="+stateJSON(t, ist, ost, sum))
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

// Two children share a JoinableQueue and a SimpleQueue with the parent:
// the parent's puts reach them, their results come back, and Join sees
// their task_done calls.
func TestQueuesAcrossProcesses(t *testing.T) {
	in, err := NewJoinableQueue(10)
	if err != nil {
		t.Fatal(err)
	}
	out, err := NewSimpleQueue()
	if err != nil {
		t.Fatal(err)
	}
	cmds := []*exec.Cmd{startChild(t, in, out, false), startChild(t, in, out, false)}
	const n = 200
	sum := int64(0)
	go func() {
		for i := range int64(n) {
			in.Put(bg, i, true, NoTimeout) // maxsize 10: waits for the children
		}
		in.Put(bg, "stop", true, NoTimeout)
		in.Put(bg, "stop", true, NoTimeout)
	}()
	for range n {
		v, err := out.Get(bg)
		if err != nil {
			t.Fatal(err)
		}
		sum += v.(int64)
	}
	if want := int64(n * (n - 1)); sum != want {
		t.Fatalf("sum of doubled items %d, want %d", sum, want)
	}
	joined := make(chan error, 1)
	go func() { joined <- in.Join(bg) }()
	select {
	case err := <-joined:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("join did not see the children's task_done")
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("child: %v", err)
		}
	}
	in.Close()
	if err := in.JoinThread(bg); err != nil {
		t.Fatal(err)
	}
	out.Close()
}
