// Command fastpool is pypool with a Go module: `fastmath.fib` is Go, exported
// with bridge.Export, so a script ported a function at a time runs its hot
// function as Go, in-process or in process-pool workers:
//
//	fastpool script.py [args…]      as pypool script.py [args…]
//
// In the script:
//
//	from fastmath import fib
//	with ProcessPoolExecutor(2) as ex:
//	    print(list(ex.map(fib, [30] * 8)))
//
// Building your own: export your functions from init (so that worker
// processes, which re-execute this binary, export them too), then run the
// same main as cmd/pypool.
package main

import (
	"os"

	"github.com/pypool/pypool/bridge"
	"github.com/pypool/pypool/pool"
)

func init() {
	bridge.Export("fastmath", "fib", fib, "n")
	bridge.Export("fastmath", "fib_all", fibAll, "ns")
}

// fib is the n-th Fibonacci number, computed the slow (recursive) way on
// purpose: it is the CPU-bound hot function of pyscripts/port.
func fib(n int) (int, error) {
	if n < 0 {
		return 0, bridge.Raise("ValueError", "fib() wants n >= 0, got %d", n)
	}
	if n > 92 {
		return 0, bridge.Raise("OverflowError", "fib(%d) does not fit in 64 bits", n)
	}
	return fibRec(n), nil
}

func fibRec(n int) int {
	if n < 2 {
		return n
	}
	return fibRec(n-1) + fibRec(n-2)
}

// fibAll maps fib over ns: one call for a whole batch.
func fibAll(ns []int) ([]int, error) {
	out := make([]int, len(ns))
	for i, n := range ns {
		v, err := fib(n)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func main() {
	pool.ServeWorkerIfChild()
	os.Exit(bridge.Main(os.Args))
}
