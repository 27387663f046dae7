package queues

import "testing"

// BenchmarkQueueToChild: small items put in a Queue and got by a child
// process, which sends back their sum at the end (as
// pyscripts/bench/queue_items.py does under CPython); per item.
func BenchmarkQueueToChild(b *testing.B) {
	in, err := NewJoinableQueue(0)
	if err != nil {
		b.Fatal(err)
	}
	out, err := NewSimpleQueue()
	if err != nil {
		b.Fatal(err)
	}
	cmd := startChild(b, in, out, true)
	b.ResetTimer()
	want := int64(0)
	for i := range int64(b.N) {
		if err := in.Put(bg, i, true, NoTimeout); err != nil {
			b.Fatal(err)
		}
		want += i
	}
	in.Put(bg, "stop", true, NoTimeout)
	sum, err := out.Get(bg)
	if err != nil || sum != want {
		b.Fatalf("child's sum %v (%v), want %d", sum, err, want)
	}
	b.StopTimer()
	cmd.Wait()
	in.Close()
	in.JoinThread(bg)
	in.reader.Close()
	in.writer.Close()
	out.Close()
}

// BenchmarkQueuePutGet: one put and one get in the same process (the
// feeder between them), per item.
func BenchmarkQueuePutGet(b *testing.B) {
	q, err := NewQueue(0)
	if err != nil {
		b.Fatal(err)
	}
	for i := range int64(b.N) {
		q.Put(bg, i, true, NoTimeout)
		if _, err := q.Get(bg, true, NoTimeout); err != nil {
			b.Fatal(err)
		}
	}
	q.Close()
	q.JoinThread(bg)
}
