package pool

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/pypool/pypool/pool/wire"
)

// callRuntime is a Runtime without CallChunk: fn 1 doubles its argument,
// fn 2 adds its arguments, fn 3 fails on 3 and panics on 4.
type callRuntime struct{ calls int }

func (r *callRuntime) Define(uint64, wire.Value) error { return nil }

func (r *callRuntime) Call(fn uint64, args []wire.Value, _ []wire.KV) (wire.Value, error) {
	r.calls++
	switch fn {
	case 1:
		return args[0].(int64) * 2, nil
	case 2:
		var s int64
		for _, a := range args {
			s += a.(int64)
		}
		return s, nil
	}
	switch args[0] {
	case int64(3):
		return nil, errors.New("three")
	case int64(4):
		panic("four")
	}
	return args[0], nil
}

// chunkRuntime has CallChunk, built on callRuntime's calls.
type chunkRuntime struct {
	callRuntime
	chunks int
}

func (r *chunkRuntime) CallChunk(fn uint64, n int, args func(int) ([]wire.Value, error)) (wire.List, error) {
	r.chunks++
	out := make(wire.List, n)
	for i := range out {
		a, err := args(i)
		if err != nil {
			return nil, err
		}
		if out[i], err = r.Call(fn, a, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// TestWorkerChunks runs map and starmap chunks through a runtime with and
// without CallChunk: the same results, the first error ends the chunk, a
// panic becomes a RuntimeError, a starmap item that is not a tuple fails.
func TestWorkerChunks(t *testing.T) {
	for _, tc := range []struct {
		name string
		rt   Runtime
	}{{"per call", &callRuntime{}}, {"chunk", &chunkRuntime{}}} {
		t.Run(tc.name, func(t *testing.T) {
			w := &worker{defs: map[uint64]workerDef{1: {rt: tc.rt}, 2: {rt: tc.rt}, 3: {rt: tc.rt}}}
			res := w.run(&wire.Task{ID: 7, Func: 1, Mode: wire.ModeMap, Args: []wire.Value{int64(1), int64(2), int64(3)}})
			if res.ID != 7 || res.Err != nil || !reflect.DeepEqual(res.Value, wire.List{int64(2), int64(4), int64(6)}) {
				t.Fatalf("map: %#v", res)
			}
			res = w.run(&wire.Task{ID: 8, Func: 2, Mode: wire.ModeStarmap, Args: []wire.Value{wire.Tuple{int64(1), int64(2)}, wire.List{int64(5)}, wire.Tuple{}}})
			if res.Err != nil || !reflect.DeepEqual(res.Value, wire.List{int64(3), int64(5), int64(0)}) {
				t.Fatalf("starmap: %#v", res)
			}
			res = w.run(&wire.Task{ID: 9, Func: 2, Mode: wire.ModeStarmap, Args: []wire.Value{wire.Tuple{int64(1)}, int64(5)}})
			if res.Err == nil || res.Err.Type != "TypeError" || !strings.Contains(res.Err.Message, "each item must be a tuple") {
				t.Fatalf("starmap of a non-tuple: %#v", res.Err)
			}
			var calls *int
			switch r := tc.rt.(type) {
			case *callRuntime:
				calls = &r.calls
			case *chunkRuntime:
				calls = &r.calls
			}
			before := *calls
			res = w.run(&wire.Task{ID: 10, Func: 3, Mode: wire.ModeMap, Args: []wire.Value{int64(1), int64(3), int64(5)}})
			if res.Err == nil || res.Err.Message != "three" || *calls-before != 2 {
				t.Fatalf("failing item: %#v after %d calls, want the error after 2", res.Err, *calls-before)
			}
			res = w.run(&wire.Task{ID: 11, Func: 3, Mode: wire.ModeMap, Args: []wire.Value{int64(4)}})
			if res.Err == nil || res.Err.Type != "RuntimeError" || !strings.Contains(res.Err.Message, "Go panic: four") {
				t.Fatalf("panicking item: %#v", res.Err)
			}
		})
	}
	r := &chunkRuntime{}
	w := &worker{defs: map[uint64]workerDef{1: {rt: r}}}
	w.run(&wire.Task{ID: 1, Func: 1, Mode: wire.ModeMap, Args: []wire.Value{int64(1), int64(2)}})
	if r.chunks != 1 || r.calls != 2 {
		t.Fatalf("a ChunkRuntime got %d chunk calls for %d items, want 1 for 2", r.chunks, r.calls)
	}
}
