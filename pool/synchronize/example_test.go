package synchronize_test

import (
	"context"
	"fmt"
	"time"

	"github.com/pypool/pypool/pool/synchronize"
)

// A Lock shared by name: another process would call synchronize.Open with
// the same name and block on the same futex word.
func ExampleNewLock() {
	ctx := context.Background()
	l, err := synchronize.NewLock()
	if err != nil {
		panic(err)
	}
	defer l.Unlink()

	other, err := synchronize.Open(l.Name()) // what a child process does
	if err != nil {
		panic(err)
	}
	fmt.Println(l.Acquire(ctx, true, synchronize.NoTimeout))
	fmt.Println(other.Acquire(ctx, true, 10*time.Millisecond)) // held: times out
	fmt.Println(other.Release(ctx), l.GetValue())              // any process may release a Lock
	fmt.Println(l.Release(ctx))
	// Output:
	// true <nil>
	// false <nil>
	// <nil> 1
	// semaphore or lock released too many times
}

// An RLock belongs to a thread: the caller names it in the context.
func ExampleNewRLock() {
	alice := synchronize.WithThread(context.Background(), 1)
	bob := synchronize.WithThread(context.Background(), 2)
	r, err := synchronize.NewRLock()
	if err != nil {
		panic(err)
	}
	defer r.Unlink()
	r.Acquire(alice, true, synchronize.NoTimeout)
	r.Acquire(alice, true, synchronize.NoTimeout)
	fmt.Println(r.Count(), r.IsMine(alice), r.IsMine(bob))
	fmt.Println(r.Release(bob))
	// Output:
	// 2 true false
	// attempt to release recursive lock not owned by thread
}

// An Event: Wait blocks until Set, a timeout, or the context's end.
func ExampleNewEvent() {
	ctx := context.Background()
	e, err := synchronize.NewEvent()
	if err != nil {
		panic(err)
	}
	go func() {
		time.Sleep(10 * time.Millisecond)
		e.Set(ctx)
	}()
	fmt.Println(e.Wait(ctx, 10*time.Second))
	// Output: true <nil>
}
