package bridge

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// pylib modules are registered with a stand-in source; the compile of the
// stand-in reads the real file, and nothing else is taken for one.
func TestPylibLazySource(t *testing.T) {
	pyrt.Install()
	impl := py.GetModuleImpl("functools")
	if impl == nil || !strings.HasPrefix(impl.CodeSrc, pyobj.PylibMarker) && impl.Code == nil {
		t.Fatalf("functools registered as %+v", impl)
	}
	want, err := pyobj.PylibFS.ReadFile("pylib/functools.py")
	if err != nil {
		t.Fatal(err)
	}
	if got := pyobj.PylibSource(pyobj.PylibMarker+"functools.py", "<functools>"); got != string(want) {
		t.Fatalf("pylibSource gave %d bytes, want functools.py (%d)", len(got), len(want))
	}
	for _, src := range []string{pyobj.PylibMarker + "functools.py", "x = 1\n"} {
		if got := pyobj.PylibSource(src, "main.py"); got != src {
			t.Errorf("pylibSource(%q, main.py) = %q: only a module's own compile reads its file", src, got)
		}
	}
	out, errLine := runCompat(t, "import functools\nprint(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))\n")
	if out != "24\n" || errLine != "" {
		t.Fatalf("got %q, %q", out, errLine)
	}
}
