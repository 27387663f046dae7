package pool_test

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

func ExampleNewThreadPoolExecutor() {
	ex, err := pool.NewThreadPoolExecutor(pool.Workers(4))
	if err != nil {
		panic(err)
	}
	defer ex.Shutdown(true, false)

	f, err := pool.Submit(ex, func(ctx context.Context) (string, error) {
		w, _ := pool.WorkerOf(ctx) // ThreadPoolExecutor-N_M, as CPython names its threads
		return fmt.Sprintf("hello from worker %d", w.Index), nil
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(f.Result(context.Background()))

	results, err := pool.Map(ex, func(_ context.Context, d time.Duration) (string, error) {
		time.Sleep(d)
		return d.String(), nil
	}, []time.Duration{30 * time.Millisecond, 10 * time.Millisecond}, pool.NoTimeout)
	if err != nil {
		panic(err)
	}
	for s, err := range results { // input order, as executor.map
		fmt.Println(s, err)
	}
	// Output:
	// hello from worker 0 <nil>
	// 30ms <nil>
	// 10ms <nil>
}

func ExampleWait() {
	ex, _ := pool.NewThreadPoolExecutor(pool.Workers(3))
	defer ex.Shutdown(true, false)
	release := make(chan struct{})
	quick, _ := pool.Submit(ex, func(context.Context) (int, error) { return 1, nil })
	slow, _ := pool.Submit(ex, func(context.Context) (int, error) { <-release; return 2, nil })

	r, _ := pool.Wait([]*pool.Future[int]{quick, slow}, pool.NoTimeout, pool.FirstCompleted)
	fmt.Println(len(r.Done), len(r.NotDone), r.Done[0] == quick)

	r, _ = pool.Wait([]*pool.Future[int]{quick, slow}, 10*time.Millisecond, pool.AllCompleted)
	fmt.Println(len(r.Done), len(r.NotDone))

	close(release)
	r, _ = pool.Wait([]*pool.Future[int]{quick, slow}, pool.NoTimeout, pool.AllCompleted)
	fmt.Println(len(r.Done), len(r.NotDone))
	// Output:
	// 1 1 true
	// 1 1
	// 2 0
}

func ExampleAsCompleted() {
	ex, _ := pool.NewThreadPoolExecutor(pool.Workers(3))
	defer ex.Shutdown(true, false)
	var fs []*pool.Future[string]
	for _, name := range []string{"a", "b", "c"} {
		f, _ := pool.Submit(ex, func(context.Context) (string, error) { return name, nil })
		fs = append(fs, f)
	}
	// The futures come as they finish (those already done first), so the
	// order varies from run to run.
	var got []string
	for f, err := range pool.AsCompleted(fs, pool.NoTimeout) {
		if err != nil {
			fmt.Println(err)
			break
		}
		v, _ := f.Result(context.Background())
		got = append(got, v)
	}
	slices.Sort(got)
	fmt.Println(got)

	// A timeout ends the iteration with CPython's message.
	never := pool.NewFuture[int]()
	for _, err := range pool.AsCompleted([]*pool.Future[int]{never}, 5*time.Millisecond) {
		fmt.Println(err)
	}
	// Output:
	// [a b c]
	// 1 (of 1) futures unfinished
}

func ExampleNewThreadPool() {
	p, err := pool.NewThreadPool(pool.Workers(2))
	if err != nil {
		panic(err)
	}
	defer func() {
		p.Close()
		p.Join()
	}()
	double := pool.CallableFunc(func(_ context.Context, args []wire.Value, _ []wire.KV) (wire.Value, error) {
		return args[0].(int) * 2, nil
	})

	// map: CPython's default chunksize, results in order.
	out, err := p.Map(double, []wire.Value{1, 2, 3, 4, 5}, 0)
	fmt.Println(out, err)

	// apply_async with a callback, which runs on the pool's result handler
	// before the result is ready.
	var got wire.Value
	r, _ := p.ApplyAsync(double, []wire.Value{21}, nil, func(v wire.Value) error { got = v; return nil }, nil)
	v, err := r.Get(pool.NoTimeout)
	fmt.Println(v, err, got)

	// imap_unordered: results as they complete.
	it, _ := p.ImapUnordered(double, pool.Values([]wire.Value{1, 2, 3}), 1)
	var all []int
	for v, err := range it.All() {
		if err == nil {
			all = append(all, v.(int))
		}
	}
	slices.Sort(all)
	fmt.Println(all)
	// Output:
	// [2 4 6 8 10] <nil>
	// 42 <nil> 42
	// [2 4 6]
}
