package bridge

import (
	"strings"
	"testing"
)

func TestLazySourceLoadsOnFirstLookup(t *testing.T) {
	out, errLine := runCompat(t, `
import multiprocessing as mp
import math
print('Process' in mp.__dict__ or 'Process' in dir(mp))
print(hasattr(math, 'Process'), hasattr(math, '_child_main'))
mp.Process = 'kept'
print(mp._child_main.__name__, mp.Process)
del mp.Process
print(hasattr(mp, 'Process'))
`)
	want := "True\nFalse False\n_child_main kept\nFalse\n"
	if errLine != "" || out != want {
		t.Fatalf("got %q (error %q), want %q", out, errLine, want)
	}
	out, errLine = runCompat(t, `
import multiprocessing
g = {}
exec('from multiprocessing import *', g)
print(g['Process'] is multiprocessing.Process)
class P(multiprocessing.Process):
    pass
print(P.__mro__[1].__name__, callable(P.start))
`)
	want = "True\nProcess True\n"
	if errLine != "" || out != want {
		t.Fatalf("got %q (error %q), want %q", out, errLine, want)
	}
}

// A module whose globals never saw the source answers a lookup by loading
// it; one that did not import it gets the ordinary AttributeError.
func TestLazySourceAttributeError(t *testing.T) {
	_, errLine := runCompat(t, "import math\nmath.Process\n")
	_, plain := runCompat(t, "import math\nmath.Processes\n")
	if want := strings.Replace(plain, "Processes", "Process", 1); errLine != want || !strings.HasPrefix(plain, "AttributeError: ") {
		t.Fatalf("got %q, want %q", errLine, want)
	}
	_, errLine = runCompat(t, "from math import _child_main\n")
	if !strings.HasPrefix(errLine, "ImportError: cannot import name") {
		t.Fatalf("got %q", errLine)
	}
}
