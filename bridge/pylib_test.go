package bridge

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// pylib modules are registered with a stand-in source; the compile of the
// stand-in reads the real file, and nothing else is taken for one.
func TestPylibLazySource(t *testing.T) {
	Install()
	impl := py.GetModuleImpl("functools")
	if impl == nil || !strings.HasPrefix(impl.CodeSrc, pylibMarker) && impl.Code == nil {
		t.Fatalf("functools registered as %+v", impl)
	}
	want, err := pylibFS.ReadFile("pylib/functools.py")
	if err != nil {
		t.Fatal(err)
	}
	if got := pylibSource(pylibMarker+"functools.py", "<functools>"); got != string(want) {
		t.Fatalf("pylibSource gave %d bytes, want functools.py (%d)", len(got), len(want))
	}
	for _, src := range []string{pylibMarker + "functools.py", "x = 1\n"} {
		if got := pylibSource(src, "main.py"); got != src {
			t.Errorf("pylibSource(%q, main.py) = %q: only a module's own compile reads its file", src, got)
		}
	}
	out, errLine := runCompat(t, "import functools\nprint(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))\n")
	if out != "24\n" || errLine != "" {
		t.Fatalf("got %q, %q", out, errLine)
	}
}
