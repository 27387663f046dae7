package bridge_test

import (
	"math"
	"os"

	"github.com/pypool/pypool/bridge"
	"github.com/pypool/pypool/bridge/internal/pyobj"
)

// Exported at package level (a program does it from init): process-pool
// workers re-execute the binary and must export the same names.
var _ = bridge.Export("examplemath", "hypot", func(a, b float64) (float64, error) {
	if a < 0 || b < 0 {
		return 0, bridge.Raise("ValueError", "hypot() wants sides >= 0")
	}
	return math.Hypot(a, b), nil
}, "a", "b")

// A Go program exports Go functions as a Python module, then runs Python:
// a program runs pypool's main, os.Exit(bridge.Main(os.Args)), after
// pool.ServeWorkerIfChild(); here an interpreter runs a snippet.
func ExampleExport() {
	in := bridge.NewInterp(bridge.Options{Stdout: os.Stdout})
	defer in.Close()
	in.GIL.Acquire()
	defer in.GIL.Release()
	err := in.RunMain(`
from examplemath import hypot
print(hypot(3, 4), hypot(a=5, b=12))
try:
    hypot(-1, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    hypot("3", 4)
except TypeError as e:
    print("TypeError:", e)
`, "<example>", "")
	if err != nil {
		pyobj.PrintException(in, err)
	}
	// Output:
	// 5.0 13.0
	// ValueError: hypot() wants sides >= 0
	// TypeError: examplemath.hypot() argument 'a': want float64, got str
}
