package pool_test

import (
	"fmt"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// square is registered at package level, so the re-executed worker binary
// registers it too. (A program's main calls pool.ServeWorkerIfChild() first;
// this package's TestMain does.)
var square = pool.Register("example.square", func(x int) int { return x * x })

func ExampleProcessPoolExecutor() {
	ex, err := pool.NewProcessPoolExecutor(pool.Workers(2))
	if err != nil {
		panic(err)
	}
	defer ex.Shutdown(true, false)

	f, err := ex.SubmitCall(square, []wire.Value{7}, nil)
	if err != nil {
		panic(err)
	}
	v, err := f.ResultTimeout(pool.NoTimeout)
	fmt.Println(v, err)

	results, err := ex.MapCall(square, [][]wire.Value{{1}, {2}, {3}, {4}}, pool.NoTimeout, 2)
	if err != nil {
		panic(err)
	}
	for v, err := range results {
		fmt.Println(v, err)
	}
	// Output:
	// 49 <nil>
	// 1 <nil>
	// 4 <nil>
	// 9 <nil>
	// 16 <nil>
}

func ExampleNewPool() {
	p, err := pool.NewPool(pool.Workers(2))
	if err != nil {
		panic(err)
	}
	defer p.Join()
	defer p.Close()

	squares, err := p.Map(square, []wire.Value{1, 2, 3, 4, 5}, 0)
	fmt.Println(squares, err)

	r, err := p.ApplyAsync(square, []wire.Value{12}, nil, nil, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Get(pool.NoTimeout))
	// Output:
	// [1 4 9 16 25] <nil>
	// 144 <nil>
}
