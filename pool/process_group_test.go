package pool

import (
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

type groupResult struct {
	v   wire.Value
	err error
}

func groupCall(t *testing.T, g *procGroup, fn Remote, args ...wire.Value) <-chan groupResult {
	t.Helper()
	ch := make(chan groupResult, 1)
	err := g.submit(&procTask{fn: fn, args: args, sink: chanSink(ch)})
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	return ch
}

func await(t *testing.T, ch <-chan groupResult) groupResult {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("no result after 20s")
		return groupResult{}
	}
}

func TestGroupRoundTrip(t *testing.T) {
	t.Parallel()
	g := newProcGroup(procGroupConfig{prefix: poolWorkerPrefix, workers: 2, eager: true, policy: replaceOnDeath})
	if err := g.start(); err != nil {
		t.Fatal(err)
	}
	var chs []<-chan groupResult
	for i := 0; i < 50; i++ {
		chs = append(chs, groupCall(t, g, tfSquare, int64(i)))
	}
	for i, ch := range chs {
		r := await(t, ch)
		if r.err != nil || r.v != int64(i*i) {
			t.Fatalf("square(%d) = %v, %v", i, r.v, r.err)
		}
	}
	g.close(false)
	g.join()
}

type chanSink chan groupResult

func (c chanSink) start() bool                  { return true }
func (c chanSink) cancel()                      { c <- groupResult{err: errCancelledForTest} }
func (c chanSink) done(v wire.Value, err error) { c <- groupResult{v, err} }

var errCancelledForTest = &RuntimeError{Msg: "cancelled"}
