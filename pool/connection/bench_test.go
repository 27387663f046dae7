package connection

import (
	"os"
	"testing"
)

// The benchmarks run against a child process, as
// pyscripts/bench/pipe_roundtrip.py does under CPython.

func benchChild(b *testing.B, mode string) *Conn {
	b.Helper()
	parent, childEnd, err := Pipe(true)
	if err != nil {
		b.Fatal(err)
	}
	f, err := childEnd.File()
	if err != nil {
		b.Fatal(err)
	}
	childEnd.Close()
	cmd := child(b, mode, []*os.File{f}, "R=1", "W=1")
	b.Cleanup(func() { parent.Close(); cmd.Wait() })
	return parent
}

// BenchmarkPipeRoundTrip: Send an int, Recv the child's answer (CPython:
// conn.send(i); conn.recv()).
func BenchmarkPipeRoundTrip(b *testing.B) {
	c := benchChild(b, "extrafile")
	c.Send(int64(1))
	c.Recv()
	b.ResetTimer()
	for i := range b.N {
		c.Send(int64(i))
		if _, err := c.Recv(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipeBytesRoundTrip: 64 bytes there and back.
func BenchmarkPipeBytesRoundTrip(b *testing.B) {
	c := benchChild(b, "echo-bytes")
	msg := make([]byte, 64)
	b.SetBytes(64)
	b.ResetTimer()
	for range b.N {
		c.SendBytes(msg, 0, Omitted)
		if _, err := c.RecvBytes(Omitted); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipeBytesThroughput: 1 MiB messages one way.
func BenchmarkPipeBytesThroughput(b *testing.B) {
	c := benchChild(b, "sink")
	msg := make([]byte, 1<<20)
	b.SetBytes(int64(len(msg)))
	b.ResetTimer()
	for range b.N {
		if err := c.SendBytes(msg, 0, Omitted); err != nil {
			b.Fatal(err)
		}
	}
	c.SendBytes(nil, 0, Omitted)
	if v, err := c.Recv(); err != nil || v != int64(b.N)<<20 {
		b.Fatalf("the child got %v bytes (%v), want %d", v, err, b.N<<20)
	}
}
