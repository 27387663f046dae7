package bridge

import (
	"sort"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
)

// multiprocessingSrcNames must name every top-level binding of the source:
// a name left out would be missing until another one loads the source.
func TestMultiprocessingSrcNames(t *testing.T) {
	pyobj.Install()
	in := pyobj.NewInterp(pyobj.Options{})
	defer in.Close()
	in.GIL.Acquire()
	defer in.GIL.Release()
	code, err := py.Compile(pyobj.MultiprocessingSrc, "<multiprocessing>", py.ExecMode, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	m, err := in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "lazy_names_probe"}})
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]bool{}
	for k := range m.Globals {
		before[k] = true
	}
	if _, err := in.Ctx.RunCode(code, m.Globals, m.Globals, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range m.Globals {
		if !before[k] {
			got = append(got, k)
		}
	}
	want := append([]string(nil), pyobj.MultiprocessingSrcNames...)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("multiprocessingSrc binds %v; multiprocessingSrcNames = %v", got, want)
	}
}

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
