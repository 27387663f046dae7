package queues_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/pypool/pypool/pool/queues"
)

// A Queue within one process: put is asynchronous (the feeder writes the
// items), get blocks or fails with Empty, and Close plus JoinThread flush
// the feeder. Across processes, hand State() to the child (see
// pool/connection for its pipe) and OpenQueue it there.
func ExampleNewQueue() {
	ctx := context.Background()
	q, err := queues.NewQueue(0)
	if err != nil {
		panic(err)
	}
	for _, v := range []any{"a", int64(1), []any{"list", 2.5}} {
		q.Put(ctx, v, true, queues.NoTimeout)
	}
	for range 3 {
		v, err := q.Get(ctx, true, queues.NoTimeout)
		fmt.Println(v, err)
	}
	_, err = q.Get(ctx, false, 0) // get_nowait
	var empty *queues.Empty
	fmt.Println(errors.As(err, &empty))

	q.Close()
	fmt.Println(q.JoinThread(ctx))
	// Output:
	// a <nil>
	// 1 <nil>
	// [list 2.5] <nil>
	// true
	// <nil>
}

// A JoinableQueue: Join returns once every item put was marked done.
func ExampleNewJoinableQueue() {
	ctx := context.Background()
	q, err := queues.NewJoinableQueue(0)
	if err != nil {
		panic(err)
	}
	defer func() { q.Close(); q.JoinThread(ctx) }()
	q.Put(ctx, "task", true, queues.NoTimeout)
	go func() {
		v, _ := q.Get(ctx, true, queues.NoTimeout)
		fmt.Println("done with", v)
		q.TaskDone(ctx)
	}()
	fmt.Println(q.Join(ctx))
	fmt.Println(q.TaskDone(ctx))
	// Output:
	// done with task
	// <nil>
	// task_done() called too many times
}
