package bridge_test

import (
	"context"
	"fmt"

	"github.com/pypool/pypool/bridge"
	"github.com/pypool/pypool/pool"
)

// A Go program runs the functions of a Python file in worker processes. (Its
// main calls pool.ServeWorkerIfChild() first; this test binary's TestMain
// does.)
func ExampleNewFileExecutor() {
	ex, err := bridge.NewFileExecutor("testdata/fileexec/tasks.py", pool.Workers(2))
	if err != nil {
		panic(err)
	}
	defer ex.Shutdown(true)
	ctx := context.Background()

	fut, err := ex.Submit(ctx, "score", 3, 4)
	if err != nil {
		panic(err)
	}
	v, err := fut.Result(ctx)
	fmt.Printf("%v %T %v\n", v, v, err)

	results, err := ex.Map("score", []any{1, 2}, []any{2, 3})
	if err != nil {
		panic(err)
	}
	for v, err := range results {
		fmt.Println(v, err)
	}

	fut, _ = ex.Submit(ctx, "stats", []float64{1, 2, 6})
	v, _ = fut.Result(ctx)
	var st struct {
		N           int
		Total, Mean float64
	}
	err = pool.Decode(v, &st)
	fmt.Printf("%+v %v\n", st, err)

	fut, _ = ex.Submit(ctx, "fail", "no score")
	_, err = fut.Result(ctx)
	fmt.Println(err)
	// Output:
	// 25 int64 <nil>
	// 5 <nil>
	// 13 <nil>
	// {N:3 Total:9 Mean:3} <nil>
	// ValueError: no score
}
