package bytecode

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestProbeSource(t *testing.T) {
	src := "def f(n, m):\n    def g():\n        nonlocal m\n        m = [n + i for i in (n,)]\n    return g\n"
	got, prefix, err := probeSource(src, "t.py", py.ExecMode)
	if err != nil || prefix != probePrefix {
		t.Fatal(err, prefix)
	}
	want := strings.NewReplacer("nonlocal m", "global P_m", "m = [n", "P_m = [P_n", "(n,)", "(P_n,)").Replace(src)
	want = strings.ReplaceAll(want, "P_", probePrefix)
	if got != want {
		t.Errorf("probe\n%s\nwant\n%s", got, want)
	}
}
