package bridge

import (
	"os"
	"testing"

	"github.com/pypool/pypool/bridge/pyrt"
)

// porttest.interps counts this process's interpreters: a worker that
// serves only exported Go functions has none.
var _ = Export("porttest", "interps", func() int {
	n := 0
	pyrt.Interps.Range(func(_, _ any) bool { n++; return true })
	return n
})

var _ = Export("porttest", "pid", os.Getpid)

// TestExportedFunctionsOnProcessPool runs a script whose process pool gets
// exported Go functions: they run as Go in the workers (no interpreter
// there), with their conversions, errors and panics; called from a Python
// function shipped by value, they run in that worker's interpreter.
func TestExportedFunctionsOnProcessPool(t *testing.T) {
	got := runExportScript(t, `
import os
from concurrent.futures import ProcessPoolExecutor
from porttest import square, interps, pid, check, boom, move, area

def via_python(x):
    return square(x) + interps()

with ProcessPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(square, [1, 2, 3, 4])))
    print(ex.submit(square, 12).result())
    print(ex.submit(area, 2, unit="m2", h=5).result())
    print(ex.submit(move, {"x": 1, "y": 2}, 0.5).result())
    print("worker interpreters:", ex.submit(interps).result())
    print("other process:", ex.submit(pid).result() != os.getpid())
    for args in [(check, "value"), (check, "plain"), (boom, 3), (square, "x")]:
        try:
            ex.submit(*args).result()
        except Exception as e:
            print(type(e).__name__ + ":", e)
    print(ex.submit(check, "fine").result())

with ProcessPoolExecutor(max_workers=1) as ex:
    print("via Python:", ex.submit(via_python, 5).result())

from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=3) as ex:
    print("threads:", list(ex.map(square, range(6))), ex.submit(area, 1, h=2, unit="x").result())
    try:
        ex.submit(boom, 9).result()
    except RuntimeError as e:
        print("threads:", e)
`)
	want := `[1, 4, 9, 16]
144
10m2
{'x': 1.5, 'y': 2.0, 'Tag': "'"}
worker interpreters: 0
other process: True
ValueError: bad value "value"
RuntimeError: plain Go error
RuntimeError: Go panic: runtime error: index out of range [3] with length 1
TypeError: porttest.square() argument 1: want int, got str
4
via Python: 26
threads: [0, 1, 4, 9, 16, 25] 2x
threads: Go panic: runtime error: index out of range [9] with length 1
`
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}
