package queues

import (
	"context"
	"errors"
	"os"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/connection"
	"github.com/pypool/pypool/pool/internal/shmtest"
	"github.com/pypool/pypool/pool/pyexc"
)

var bg = context.Background()

func TestMain(m *testing.M) {
	if mode := os.Getenv(envChild); mode != "" {
		os.Exit(childMain(mode))
	}
	shmtest.Main(m)
}

func newQueue(t *testing.T, maxsize int) *Queue {
	t.Helper()
	q, err := NewQueue(maxsize)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close(); q.JoinThread(bg); q.reader.Close(); q.writer.Close() })
	return q
}

// otherHandle opens q again on duplicates of its pipe, as another process
// would after receiving its State.
func otherHandle(t *testing.T, q *Queue) *Queue {
	t.Helper()
	st := q.State()
	st.Reader, st.Writer = dupConn(t, st.Reader, true, false), dupConn(t, st.Writer, false, true)
	q2, err := OpenQueue(st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q2.reader.Close(); q2.writer.Close() })
	return q2
}

func dupConn(t *testing.T, c *connection.Conn, r, w bool) *connection.Conn {
	t.Helper()
	fd, err := c.Fileno()
	if err != nil {
		t.Fatal(err)
	}
	nfd, err := syscall.Dup(fd)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := connection.NewConn(nfd, r, w)
	if err != nil {
		t.Fatal(err)
	}
	return c2
}

func get(t *testing.T, q *Queue) any {
	t.Helper()
	v, err := q.Get(bg, true, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestFIFOAndSizes(t *testing.T) {
	q := newQueue(t, 0)
	if q.Qsize() != 0 || q.Full() {
		t.Fatalf("new queue: qsize %d full %v", q.Qsize(), q.Full())
	}
	for i := range int64(100) {
		if err := q.Put(bg, i, true, NoTimeout); err != nil {
			t.Fatal(err)
		}
	}
	if q.Qsize() != 100 {
		t.Fatalf("qsize %d, want 100", q.Qsize())
	}
	for i := range int64(100) {
		if v := get(t, q); v != i {
			t.Fatalf("got %v, want %d", v, i)
		}
	}
	if q.Qsize() != 0 {
		t.Fatalf("qsize %d after draining", q.Qsize())
	}
	if e, err := q.Empty(); !e || err != nil {
		t.Fatalf("empty() = %v %v", e, err)
	}
}

func TestGetEmpty(t *testing.T) {
	q := newQueue(t, 0)
	var empty *Empty
	if _, err := q.Get(bg, false, 0); !errors.As(err, &empty) {
		t.Fatalf("get_nowait: %v", err)
	}
	start := time.Now()
	if _, err := q.Get(bg, true, 50*time.Millisecond); !errors.As(err, &empty) {
		t.Fatalf("get(timeout=0.05): %v", err)
	}
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Fatalf("get(timeout=0.05) gave up after %v", d)
	}
	// A negative timeout polls, as CPython.
	if _, err := q.Get(bg, true, -time.Second); !errors.As(err, &empty) {
		t.Fatalf("get(timeout=-1): %v", err)
	}
}

func TestPutFull(t *testing.T) {
	q := newQueue(t, 2)
	q.Put(bg, "a", true, NoTimeout)
	q.Put(bg, "b", true, NoTimeout)
	if !q.Full() || q.Qsize() != 2 {
		t.Fatalf("full %v qsize %d", q.Full(), q.Qsize())
	}
	var full *Full
	if err := q.Put(bg, "c", false, 0); !errors.As(err, &full) {
		t.Fatalf("put_nowait on a full queue: %v", err)
	}
	if err := q.Put(bg, "c", true, 30*time.Millisecond); !errors.As(err, &full) {
		t.Fatalf("put(timeout) on a full queue: %v", err)
	}
	// A blocked put goes through when a get frees a place.
	done := make(chan error)
	go func() { done <- q.Put(bg, "c", true, NoTimeout) }()
	if v := get(t, q); v != "a" {
		t.Fatal(v)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if get(t, q) != "b" || get(t, q) != "c" {
		t.Fatal("order")
	}
}

var closedMsg = regexp.MustCompile(`^Queue <multiprocessing\.queues\.(Joinable)?Queue object at 0x[0-9a-f]+> (is )?(not )?closed$`)

func TestCloseAndJoinThread(t *testing.T) {
	q := newQueue(t, 0)
	other := otherHandle(t, q)
	err := q.JoinThread(bg)
	var ae *pyexc.AssertionError
	if !errors.As(err, &ae) || !closedMsg.MatchString(err.Error()) {
		t.Fatalf("join_thread on an open queue: %v", err)
	}
	big := make([]byte, 100<<10) // more than the pipe holds: the feeder must wait for the reader
	for i := range 20 {
		if err := q.Put(bg, append([]byte{byte(i)}, big...), true, NoTimeout); err != nil {
			t.Fatal(err)
		}
	}
	q.Close()
	var ve *pyexc.ValueError
	if err := q.Put(bg, 1, true, NoTimeout); !errors.As(err, &ve) || !closedMsg.MatchString(err.Error()) {
		t.Fatalf("put after close: %v", err)
	}
	if _, err := q.Get(bg, true, NoTimeout); !errors.As(err, &ve) {
		t.Fatalf("get after close: %v", err)
	}
	joined := make(chan error)
	go func() { joined <- q.JoinThread(bg) }()
	for i := range 20 {
		v := get(t, other).([]byte)
		if v[0] != byte(i) || len(v) != len(big)+1 {
			t.Fatalf("item %d: %d bytes starting %d", i, len(v), v[0])
		}
	}
	select {
	case err := <-joined:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("join_thread did not return after the items were read")
	}
	if !q.reader.Closed() || !q.writer.Closed() {
		t.Fatal("the feeder did not close the pipe's ends at the sentinel")
	}
}

func TestJoinThreadWaitsForReaderUnlessCancelled(t *testing.T) {
	q := newQueue(t, 0)
	for range 30 {
		q.Put(bg, make([]byte, 100<<10), true, NoTimeout) // ~3 MB: stuck in the pipe
	}
	q.Close()
	ctx, cancel := context.WithTimeout(bg, 50*time.Millisecond)
	defer cancel()
	if err := q.JoinThread(ctx); err != context.DeadlineExceeded {
		t.Fatalf("join_thread with nobody reading: %v", err)
	}
	q.CancelJoinThread()
	if err := q.JoinThread(bg); err != nil {
		t.Fatalf("join_thread after cancel_join_thread: %v", err)
	}
	// Drain so the feeder ends and the cleanup's JoinThread returns.
	for range 30 {
		q.reader.RecvBytes(connection.Omitted)
	}
}

func TestFeederErrorKeepsQueueWorking(t *testing.T) {
	q := newQueue(t, 3)
	var mu sync.Mutex
	var gotErr error
	var gotItem any
	q.SetFeederErrorHandler(func(err error, item any) {
		mu.Lock()
		gotErr, gotItem = err, item
		mu.Unlock()
	})
	type unsendable struct{}
	if err := q.Put(bg, unsendable{}, true, NoTimeout); err != nil {
		t.Fatalf("put is asynchronous: the error must come from the feeder, not %v", err)
	}
	q.Put(bg, "fine", true, NoTimeout)
	if v := get(t, q); v != "fine" {
		t.Fatalf("got %v", v)
	}
	mu.Lock()
	defer mu.Unlock()
	if gotErr == nil || gotItem != (unsendable{}) {
		t.Fatalf("handler got %v, %v", gotErr, gotItem)
	}
	if q.Qsize() != 0 {
		t.Fatalf("the failed item's place was not given back: qsize %d", q.Qsize())
	}
}

func TestGetCancelledLosesNothing(t *testing.T) {
	q := newQueue(t, 0)
	ctx, cancel := context.WithCancel(bg)
	errc := make(chan error)
	go func() { _, err := q.Get(ctx, true, NoTimeout); errc <- err }()
	time.Sleep(30 * time.Millisecond)
	cancel()
	select {
	case err := <-errc:
		if err != context.Canceled {
			t.Fatalf("cancelled get: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cancelling did not end a blocked get")
	}
	q.Put(bg, "x", true, NoTimeout)
	if v := get(t, q); v != "x" { // the reader lock was released
		t.Fatal(v)
	}
}

func TestJoinableQueue(t *testing.T) {
	q, err := NewJoinableQueue(0)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { q.Close(); q.JoinThread(bg) }()
	var ve *pyexc.ValueError
	if err := q.TaskDone(bg); !errors.As(err, &ve) || err.Error() != "task_done() called too many times" {
		t.Fatalf("task_done on a fresh queue: %v", err)
	}
	if err := q.Join(bg); err != nil { // nothing unfinished: returns at once
		t.Fatal(err)
	}
	for i := range int64(3) {
		q.Put(bg, i, true, NoTimeout)
	}
	joined := make(chan error, 1)
	go func() { joined <- q.Join(bg) }()
	for range 3 {
		select {
		case <-joined:
			t.Fatal("join returned with tasks unfinished")
		case <-time.After(10 * time.Millisecond):
		}
		get(t, q.Queue)
		if err := q.TaskDone(bg); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case err := <-joined:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("join did not return after the last task_done")
	}
	if err := q.TaskDone(bg); !errors.As(err, &ve) {
		t.Fatalf("one task_done too many: %v", err)
	}
}

func TestSimpleQueue(t *testing.T) {
	q, err := NewSimpleQueue()
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := q.Empty(); !e {
		t.Fatal("new SimpleQueue not empty")
	}
	if err := q.Put(bg, struct{}{}); err == nil {
		t.Fatal("an unencodable item was put")
	}
	q.Put(bg, "a")
	q.Put(bg, int64(2))
	if e, _ := q.Empty(); e {
		t.Fatal("empty with items")
	}
	if v, _ := q.Get(bg); v != "a" {
		t.Fatal(v)
	}
	if v, _ := q.Get(bg); v != int64(2) {
		t.Fatal(v)
	}
	ctx, cancel := context.WithTimeout(bg, 30*time.Millisecond)
	defer cancel()
	if _, err := q.Get(ctx); err != context.DeadlineExceeded {
		t.Fatalf("get on an empty SimpleQueue with a deadline: %v", err)
	}
	q.Close()
	if _, err := q.Get(bg); err == nil || err.Error() != "handle is closed" {
		t.Fatalf("get after close: %v", err)
	}
}

func TestAtExitFlushes(t *testing.T) {
	q := newQueue(t, 0)
	other := otherHandle(t, q)
	for i := range int64(5) {
		q.Put(bg, i, true, NoTimeout)
	}
	if err := AtExit(bg); err != nil {
		t.Fatal(err)
	}
	for i := range int64(5) {
		if v := get(t, other); v != i {
			t.Fatal(v)
		}
	}
	if _, err := q.Get(bg, false, 0); err == nil {
		t.Fatal("AtExit did not close the queue")
	}
}

func TestUndecodableMessage(t *testing.T) {
	q := newQueue(t, 0)
	// A peer that writes bytes that are no wire value.
	q.writer.SendBytes([]byte{0xc1}, 0, connection.Omitted)
	q.sem.Acquire(bg, false, 0) // as its put would have
	if _, err := q.Get(bg, true, 10*time.Second); err == nil {
		t.Fatal("an undecodable message was returned as an item")
	}
	if q.Qsize() != 0 {
		t.Fatalf("qsize %d: the bad message's place was not given back", q.Qsize())
	}
	q.Put(bg, "next", true, NoTimeout)
	if v := get(t, q); v != "next" {
		t.Fatal(v)
	}
}

func TestDefaultFeederErrorReport(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	defer func() { os.Stderr = saved }()
	q := newQueue(t, 0)
	q.Put(bg, make(chan int), true, NoTimeout)
	q.Put(bg, "after", true, NoTimeout)
	if v := get(t, q); v != "after" {
		t.Fatal(v)
	}
	q.Close()
	q.JoinThread(bg) // the feeder is done with os.Stderr
	os.Stderr = saved
	w.Close()
	out := make([]byte, 4096)
	n, _ := r.Read(out)
	if !regexp.MustCompile(`^Traceback \(most recent call last\):\n  File "<queue feeder>", in _feed\n.*chan int.*\n`).Match(out[:n]) {
		t.Fatalf("stderr: %q", out[:n])
	}
}
