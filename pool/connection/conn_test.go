package connection

import (
	"bytes"
	"context"
	"errors"
	"github.com/pypool/pypool/pool/pyexc"
	"io"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// pipe returns a Pipe whose ends close at the end of the test.
func pipe(t *testing.T, duplex bool) (*Conn, *Conn) {
	t.Helper()
	a, b, err := Pipe(duplex)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close(); b.Close() })
	return a, b
}

func wantErr[T error](t *testing.T, err error, msg string) {
	t.Helper()
	var e T
	if !errors.As(err, &e) || err.Error() != msg {
		t.Fatalf("error = %T %v, want %T %q", err, err, e, msg)
	}
}

func TestPipeDuplexBothWays(t *testing.T) {
	a, b := pipe(t, true)
	if err := a.SendBytes([]byte("ping"), 0, Omitted); err != nil {
		t.Fatal(err)
	}
	if got, err := b.RecvBytes(Omitted); err != nil || string(got) != "ping" {
		t.Fatalf("b got %q, %v", got, err)
	}
	if err := b.SendBytes([]byte("xxpongxx"), 2, 4); err != nil {
		t.Fatal(err)
	}
	if got, err := a.RecvBytes(Omitted); err != nil || string(got) != "pong" {
		t.Fatalf("a got %q, %v", got, err)
	}
	if !a.Readable() || !a.Writable() || !b.Readable() || !b.Writable() {
		t.Fatal("duplex ends must be readable and writable")
	}
}

func TestPipeSimplexDirections(t *testing.T) {
	r, w := pipe(t, false)
	if r.Writable() || !r.Readable() || w.Readable() || !w.Writable() {
		t.Fatalf("simplex: r %v/%v w %v/%v", r.Readable(), r.Writable(), w.Readable(), w.Writable())
	}
	wantErr[*pyexc.OSError](t, r.SendBytes([]byte("x"), 0, Omitted), "connection is read-only")
	_, err := w.RecvBytes(Omitted)
	wantErr[*pyexc.OSError](t, err, "connection is write-only")
	_, err = w.Poll(0)
	wantErr[*pyexc.OSError](t, err, "connection is write-only")
	if err := w.Send("hello"); err != nil {
		t.Fatal(err)
	}
	if v, err := r.Recv(); err != nil || v != "hello" {
		t.Fatalf("got %v, %v", v, err)
	}
}

func TestSendBytesChecks(t *testing.T) {
	a, _ := pipe(t, true)
	buf := []byte("abcdef")
	wantErr[*pyexc.ValueError](t, a.SendBytes(buf, -1, Omitted), "offset is negative")
	wantErr[*pyexc.ValueError](t, a.SendBytes(buf, 7, Omitted), "buffer length < offset")
	wantErr[*pyexc.ValueError](t, a.SendBytes(buf, 0, -1), "size is negative")
	wantErr[*pyexc.ValueError](t, a.SendBytes(buf, 3, 4), "buffer length < offset + size")
	_, err := a.RecvBytes(-1)
	wantErr[*pyexc.ValueError](t, err, "negative maxlength")
	_, err = a.RecvBytesInto(buf, -1)
	wantErr[*pyexc.ValueError](t, err, "negative offset")
	_, err = a.RecvBytesInto(buf, 7)
	wantErr[*pyexc.ValueError](t, err, "offset too large")
}

func TestNewConnChecks(t *testing.T) {
	_, err := NewConn(-1, true, true)
	wantErr[*pyexc.ValueError](t, err, "invalid handle")
	_, err = NewConn(0, false, false)
	wantErr[*pyexc.ValueError](t, err, "at least one of `readable` and `writable` must be True")
}

func TestEmptyMessage(t *testing.T) {
	a, b := pipe(t, true)
	if err := a.SendBytes(nil, 0, Omitted); err != nil {
		t.Fatal(err)
	}
	got, err := b.RecvBytes(Omitted)
	if err != nil || len(got) != 0 {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestRecvBytesInto(t *testing.T) {
	a, b := pipe(t, true)
	a.SendBytes([]byte("hello"), 0, Omitted)
	buf := bytes.Repeat([]byte{'.'}, 8)
	n, err := b.RecvBytesInto(buf, 2)
	if err != nil || n != 5 || string(buf) != "..hello." {
		t.Fatalf("n %d err %v buf %q", n, err, buf)
	}
	a.SendBytes([]byte("too long for it"), 0, Omitted)
	_, err = b.RecvBytesInto(buf, 2)
	var short *BufferTooShort
	if !errors.As(err, &short) || string(short.Msg) != "too long for it" || short.Error() != "b'too long for it'" {
		t.Fatalf("err = %v", err)
	}
	// The message was consumed: the next one arrives whole.
	a.SendBytes([]byte("next"), 0, Omitted)
	if got, _ := b.RecvBytes(Omitted); string(got) != "next" {
		t.Fatalf("next = %q", got)
	}
}

func TestMaxlengthExceededDuplex(t *testing.T) {
	a, b := pipe(t, true)
	a.SendBytes([]byte("0123456789"), 0, Omitted)
	_, err := b.RecvBytes(5)
	wantErr[*pyexc.OSError](t, err, "bad message length")
	if b.Readable() || b.Closed() {
		t.Fatalf("duplex end after a bad length: readable %v closed %v; want unreadable, open", b.Readable(), b.Closed())
	}
	_, err = b.RecvBytes(Omitted)
	wantErr[*pyexc.OSError](t, err, "connection is write-only")
	if err := b.SendBytes([]byte("still sends"), 0, Omitted); err != nil {
		t.Fatal(err)
	}
}

func TestMaxlengthExceededSimplexCloses(t *testing.T) {
	r, w := pipe(t, false)
	w.SendBytes([]byte("0123456789"), 0, Omitted)
	_, err := r.RecvBytes(9)
	wantErr[*pyexc.OSError](t, err, "bad message length")
	if !r.Closed() {
		t.Fatal("a read-only end must close after a bad length, as CPython")
	}
	_, err = r.Fileno()
	wantErr[*pyexc.OSError](t, err, "handle is closed")
}

func TestClosedConn(t *testing.T) {
	a, _ := pipe(t, true)
	a.Close()
	if !a.Closed() {
		t.Fatal("Closed() false after Close")
	}
	if err := a.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	wantErr[*pyexc.OSError](t, a.SendBytes([]byte("x"), 0, Omitted), "handle is closed")
	_, err := a.RecvBytes(Omitted)
	wantErr[*pyexc.OSError](t, err, "handle is closed")
	_, err = a.Poll(0)
	wantErr[*pyexc.OSError](t, err, "handle is closed")
	_, err = Wait([]Waitable{a}, 0)
	wantErr[*pyexc.OSError](t, err, "handle is closed")
}

func TestEOFWhenPeerCloses(t *testing.T) {
	for _, duplex := range []bool{true, false} {
		r, w := pipe(t, duplex)
		w.SendBytes([]byte("last"), 0, Omitted)
		w.Close()
		if ok, err := r.Poll(time.Second); !ok || err != nil {
			t.Fatalf("poll before the last message: %v %v", ok, err)
		}
		if got, err := r.RecvBytes(Omitted); string(got) != "last" || err != nil {
			t.Fatalf("got %q %v", got, err)
		}
		// An end of stream is "ready", as CPython's poll says.
		if ok, err := r.Poll(0); !ok || err != nil {
			t.Fatalf("poll at EOF: %v %v", ok, err)
		}
		if _, err := r.RecvBytes(Omitted); err != io.EOF {
			t.Fatalf("duplex %v: err = %v, want io.EOF", duplex, err)
		}
	}
}

func TestSendToClosedPeerIsBrokenPipe(t *testing.T) {
	for _, duplex := range []bool{true, false} {
		r, w := pipe(t, duplex)
		r.Close()
		err := w.SendBytes([]byte("x"), 0, Omitted)
		if !errors.Is(err, syscall.EPIPE) {
			t.Fatalf("duplex %v: err = %v, want EPIPE", duplex, err)
		}
	}
}

// rawPeer returns a Conn and the raw descriptor of its peer, to write
// frames by hand.
func rawPeer(t *testing.T) (*Conn, int) {
	t.Helper()
	p, err := unixSocketpair()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewConn(p[0], true, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(); syscall.Close(p[1]) })
	return c, p[1]
}

func writeAll(t *testing.T, fd int, b []byte) {
	t.Helper()
	for len(b) > 0 {
		n, err := syscall.Write(fd, b)
		if err != nil {
			t.Fatal(err)
		}
		b = b[n:]
	}
}

func TestLongHeaderAccepted(t *testing.T) {
	// CPython writes -1 and an 8-byte length for messages over 0x7fffffff
	// and accepts that form for any length.
	c, fd := rawPeer(t)
	frame := []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 5}
	writeAll(t, fd, append(frame, "hello"...))
	if got, err := c.RecvBytes(Omitted); err != nil || string(got) != "hello" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestHeaderOfHugeMessage(t *testing.T) {
	// The sending side of the > 2 GiB path, without 2 GiB.
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "00000000"},
		{5, "00000005"},
		{0x7fffffff, "7fffffff"},
		{0x80000000, "ffffffff0000000080000000"},
		{5 << 30, "ffffffff0000000140000000"},
	} {
		if got := hexOf(appendHeader(nil, tc.n)); got != tc.want {
			t.Errorf("header(%d) = %s, want %s", tc.n, got, tc.want)
		}
	}
}

func hexOf(b []byte) string {
	const digits = "0123456789abcdef"
	var sb strings.Builder
	for _, c := range b {
		sb.WriteByte(digits[c>>4])
		sb.WriteByte(digits[c&15])
	}
	return sb.String()
}

func TestHostileLengths(t *testing.T) {
	for _, tc := range []struct {
		name  string
		frame []byte
		want  string
	}{
		{"negative", []byte{0xff, 0xff, 0xff, 0xfe}, "bad message length"},
		{"8-byte length beyond int64", []byte{0xff, 0xff, 0xff, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0}, "bad message length"},
		// 1 TiB claimed, 3 bytes sent, then the end: the reader must not
		// have allocated the claim (the test would die of it).
		{"claims 1 TiB, sends 3 bytes", []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, 'a', 'b', 'c'}, "got end of file during message"},
		{"claims 2 GiB-1, sends 3 bytes", []byte{0x7f, 0xff, 0xff, 0xff, 'a', 'b', 'c'}, "got end of file during message"},
		{"header cut short", []byte{0, 0}, "got end of file during message"},
		{"long header cut short", []byte{0xff, 0xff, 0xff, 0xff, 0, 0}, "got end of file during message"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, fd := rawPeer(t)
			writeAll(t, fd, tc.frame)
			syscall.Shutdown(fd, syscall.SHUT_WR)
			_, err := c.RecvBytes(Omitted)
			wantErr[*pyexc.OSError](t, err, tc.want)
		})
	}
}

func TestLargeMessages(t *testing.T) {
	a, b := pipe(t, true)
	for _, n := range []int{concatLimit, concatLimit + 1, 64<<10 + 7, eagerBody + 12345, 3 * eagerBody} {
		msg := make([]byte, n)
		for i := range msg {
			msg[i] = byte(i * 7)
		}
		errc := make(chan error, 1)
		go func() { errc <- a.SendBytes(msg, 0, Omitted) }()
		got, err := b.RecvBytes(Omitted)
		if err != nil || !bytes.Equal(got, msg) {
			t.Fatalf("%d bytes: got %d bytes, err %v", n, len(got), err)
		}
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
}

func TestSendRecvValues(t *testing.T) {
	a, b := pipe(t, true)
	big := strings.Repeat("x", 3*eagerBody)
	for _, v := range []any{nil, true, int64(-42), 1.5, "héllo", []byte{0, 1}, big} {
		go a.Send(v)
		got, err := b.Recv()
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := v.(string); ok && s == big {
			if got != big {
				t.Fatal("big string differs")
			}
			continue
		}
		if bs, ok := v.([]byte); ok {
			if !bytes.Equal(got.([]byte), bs) {
				t.Fatalf("got %v", got)
			}
			continue
		}
		if got != v {
			t.Fatalf("got %#v, want %#v", got, v)
		}
	}
	// A value the codec cannot carry fails at the sender; nothing is sent.
	if err := a.Send(struct{}{}); err == nil {
		t.Fatal("a struct was sent")
	}
	if ok, _ := b.Poll(0); ok {
		t.Fatal("a failed Send left bytes on the wire")
	}
	// Bytes that are no wire value: a clear error, and the stream stays in step.
	a.SendBytes([]byte{0xc1}, 0, Omitted)
	a.Send("after")
	if _, err := b.Recv(); err == nil || !strings.Contains(err.Error(), "wire: bad value") {
		t.Fatalf("err = %v", err)
	}
	if v, err := b.Recv(); v != "after" || err != nil {
		t.Fatalf("after a bad value: %v %v", v, err)
	}
}

func TestPollTimeouts(t *testing.T) {
	a, b := pipe(t, true)
	start := time.Now()
	if ok, err := b.Poll(0); ok || err != nil {
		t.Fatalf("poll(0) on empty: %v %v", ok, err)
	}
	if ok, err := b.Poll(-time.Second); ok || err != nil { // CPython: a negative timeout polls
		t.Fatalf("poll(-1) on empty: %v %v", ok, err)
	}
	if ok, err := b.Poll(50 * time.Millisecond); ok || err != nil {
		t.Fatalf("poll(0.05) on empty: %v %v", ok, err)
	}
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Fatalf("poll(0.05) returned after %v", d)
	}
	go func() {
		time.Sleep(20 * time.Millisecond)
		a.SendBytes([]byte("x"), 0, Omitted)
	}()
	if ok, err := b.Poll(NoTimeout); !ok || err != nil {
		t.Fatalf("poll(None): %v %v", ok, err)
	}
	// Poll does not consume.
	if ok, _ := b.Poll(0); !ok {
		t.Fatal("message gone after poll")
	}
}

// cancelEnds runs wait, cancels its context once it blocks, and checks that
// it returns context.Canceled; it returns the cancelled context.
func cancelEnds(t *testing.T, what string, wait func(context.Context) error) context.Context {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- wait(ctx) }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-errc:
		if err != context.Canceled {
			t.Fatalf("%s: err = %v, want context.Canceled", what, err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("cancelling did not end %s", what)
	}
	return ctx
}

func TestPollContextCancel(t *testing.T) {
	a, b := pipe(t, true)
	ctx := cancelEnds(t, "PollContext", func(ctx context.Context) error {
		_, err := b.PollContext(ctx, NoTimeout)
		return err
	})
	// The deadline the cancel set is gone: reading works.
	a.SendBytes([]byte("after"), 0, Omitted)
	if got, err := b.RecvBytes(Omitted); string(got) != "after" || err != nil {
		t.Fatalf("after a cancelled poll: %q %v", got, err)
	}
	// An already-cancelled context ends a waiting poll at once but still polls.
	a.SendBytes([]byte("x"), 0, Omitted)
	if ok, err := b.PollContext(ctx, 0); !ok || err != nil {
		t.Fatalf("poll(0) with a cancelled ctx: %v %v", ok, err)
	}
	if _, err := b.PollContext(ctx, time.Second); err != context.Canceled {
		t.Fatalf("poll(1) with a cancelled ctx: %v", err)
	}
}

func TestCloseWakesBlockedReceiver(t *testing.T) {
	_, b := pipe(t, true)
	errc := make(chan error, 2)
	go func() { _, err := b.RecvBytes(Omitted); errc <- err }()
	time.Sleep(20 * time.Millisecond)
	b.Close()
	select {
	case err := <-errc:
		wantErr[*pyexc.OSError](t, err, "handle is closed")
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not wake a blocked RecvBytes")
	}
	c, _ := pipe(t, true)
	go func() { _, err := c.Poll(NoTimeout); errc <- err }()
	time.Sleep(20 * time.Millisecond)
	c.Close()
	select {
	case err := <-errc:
		wantErr[*pyexc.OSError](t, err, "handle is closed")
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not wake a blocked Poll")
	}
}

func TestWait(t *testing.T) {
	a1, b1 := pipe(t, true)
	a2, b2 := pipe(t, false)
	_ = a1
	objs := []Waitable{b1, a2}
	got, err := Wait(objs, 0)
	if err != nil || len(got) != 0 {
		t.Fatalf("nothing ready: %v %v", got, err)
	}
	got, err = Wait(objs, 30*time.Millisecond)
	if err != nil || len(got) != 0 {
		t.Fatalf("nothing ready after a timeout: %v %v", got, err)
	}
	b2.SendBytes([]byte("x"), 0, Omitted)
	got, err = Wait(objs, NoTimeout)
	if err != nil || len(got) != 1 || got[0] != Waitable(a2) {
		t.Fatalf("a2 ready: %v %v", got, err)
	}
	a1.SendBytes([]byte("y"), 0, Omitted)
	got, _ = Wait(objs, time.Second)
	if len(got) != 2 || got[0] != Waitable(b1) || got[1] != Waitable(a2) {
		t.Fatalf("both ready, in order: %v", got)
	}
	// A raw descriptor whose writer closes is ready: a process sentinel.
	p, err := osPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(p[0])
	done := make(chan []Waitable)
	go func() { r, _ := Wait([]Waitable{FD(p[0])}, 10*time.Second); done <- r }()
	time.Sleep(10 * time.Millisecond)
	syscall.Close(p[1])
	if r := <-done; len(r) != 1 || r[0] != Waitable(FD(p[0])) {
		t.Fatalf("sentinel: %v", r)
	}
}

func TestBytesRepr(t *testing.T) {
	for in, want := range map[string]string{
		"abc": "b'abc'", "it's": `b"it's"`, "a'\"": `b'a\'"'`, "\x00\n\xff\\": `b'\x00\n\xff\\'`,
	} {
		if got := bytesRepr([]byte(in)); got != want {
			t.Errorf("bytesRepr(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestRecvBytesContext(t *testing.T) {
	c, fd := rawPeer(t)
	cancelEnds(t, "RecvBytesContext", func(ctx context.Context) error {
		_, err := c.RecvBytesContext(ctx, Omitted)
		return err
	})
	// A message whose first bytes arrived is read whole even if ctx is
	// cancelled meanwhile.
	ctx2, cancel2 := context.WithCancel(context.Background())
	got := make(chan []byte, 1)
	go func() {
		b, err := c.RecvBytesContext(ctx2, Omitted)
		if err != nil {
			t.Error(err)
		}
		got <- b
	}()
	writeAll(t, fd, []byte{0, 0})
	time.Sleep(20 * time.Millisecond)
	cancel2()
	time.Sleep(20 * time.Millisecond)
	writeAll(t, fd, []byte{0, 3, 'a', 'b', 'c'})
	select {
	case b := <-got:
		if string(b) != "abc" {
			t.Fatalf("got %q", b)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the message in flight was not read")
	}
	// And the Conn is still in step, with no deadline left behind.
	writeAll(t, fd, []byte{0, 0, 0, 1, 'z'})
	if b, err := c.RecvBytes(Omitted); string(b) != "z" || err != nil {
		t.Fatalf("after: %q %v", b, err)
	}
}

func TestSendBatch(t *testing.T) {
	a, b := pipe(t, true)
	msgs := [][]byte{[]byte("one"), nil, make([]byte, concatLimit+1), []byte("two")}
	for range 5000 { // more than one batch write of small messages
		msgs = append(msgs, []byte("many"))
	}
	errc := make(chan error, 1)
	go func() { errc <- a.SendBatch(msgs) }()
	for i, m := range msgs {
		got, err := b.RecvBytes(Omitted)
		if err != nil || !bytes.Equal(got, m) {
			t.Fatalf("message %d: %d bytes, %v; want %d bytes", i, len(got), err, len(m))
		}
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	r, _ := pipe(t, false)
	wantErr[*pyexc.OSError](t, r.SendBatch(msgs), "connection is read-only")
}

func TestConcurrentSendersKeepFramesWhole(t *testing.T) {
	a, b := pipe(t, true)
	const senders, each = 8, 200
	var wg sync.WaitGroup
	for s := range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			msg := bytes.Repeat([]byte{byte('a' + s)}, 1000+s*5000) // some over concatLimit
			for range each {
				if err := a.SendBytes(msg, 0, Omitted); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	counts := map[byte]int{}
	for range senders * each {
		m, err := b.RecvBytes(Omitted)
		if err != nil {
			t.Fatal(err)
		}
		c := m[0]
		if len(m) != 1000+int(c-'a')*5000 || bytes.Count(m, []byte{c}) != len(m) {
			t.Fatalf("a frame of %d bytes mixes senders", len(m))
		}
		counts[c]++
	}
	wg.Wait()
	for s := range senders {
		if counts[byte('a'+s)] != each {
			t.Fatalf("sender %d: %d messages", s, counts[byte('a'+s)])
		}
	}
}

func TestCloseWakesBlockedSender(t *testing.T) {
	a, _ := pipe(t, true)
	errc := make(chan error, 1)
	go func() { errc <- a.SendBytes(make([]byte, 64<<20), 0, Omitted) }() // more than the socket holds
	time.Sleep(30 * time.Millisecond)
	a.Close()
	select {
	case err := <-errc:
		wantErr[*pyexc.OSError](t, err, "handle is closed")
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not wake a blocked SendBytes")
	}
}
