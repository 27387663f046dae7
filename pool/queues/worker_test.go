package queues

import (
	"testing"
	"time"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/connection"
)

// The route the bridge takes to give a queue to a multiprocessing.Process
// that runs in an already-started pool worker: the pipe's ends go through a
// connection.Sharer, the lock names as they are.
var xSumQueue = pool.Register("queues.test.sum", func(rAddr string, rKey uint64, wAddr string, wKey uint64, authkey []byte, rlock, wlock, sem string, maxsize, n int) (int64, error) {
	ends := make([]*connection.Conn, 2)
	for i, sh := range []connection.Shared{{Address: rAddr, Key: rKey}, {Address: wAddr, Key: wKey}} {
		fd, err := sh.Detach(authkey)
		if err != nil {
			return 0, err
		}
		if ends[i], err = connection.NewConn(fd, i == 0, i == 1); err != nil {
			return 0, err
		}
	}
	q, err := OpenQueue(QueueState{Maxsize: maxsize, Reader: ends[0], Writer: ends[1], RLock: rlock, WLock: wlock, Sem: sem})
	if err != nil {
		return 0, err
	}
	defer ends[0].Close()
	defer ends[1].Close()
	sum := int64(0)
	for range n {
		v, err := q.Get(bg, true, 30*time.Second)
		if err != nil {
			return 0, err
		}
		sum += v.(int64)
	}
	return sum, nil
})

func TestQueueToRunningPoolWorker(t *testing.T) {
	ex, err := pool.NewProcessPoolExecutor(pool.Workers(1))
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Shutdown(true, false)
	authkey := []byte("worker authkey")
	s, err := connection.NewSharer(authkey)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := newQueue(t, 5)
	st := q.State()
	shared := make([]connection.Shared, 2)
	for i, c := range []*connection.Conn{st.Reader, st.Writer} {
		fd, _ := c.Fileno()
		if shared[i], err = s.Share(fd); err != nil {
			t.Fatal(err)
		}
	}
	const n = 50
	f, err := ex.SubmitCall(xSumQueue, []any{shared[0].Address, shared[0].Key, shared[1].Address, shared[1].Key, authkey, st.RLock, st.WLock, st.Sem, st.Maxsize, n}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range int64(n) {
		if err := q.Put(bg, i, true, 30*time.Second); err != nil { // maxsize 5: waits for the worker
			t.Fatal(err)
		}
	}
	v, err := f.ResultTimeout(60 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if v != int64(n*(n-1)/2) {
		t.Fatalf("the worker summed %v", v)
	}
}
