package bytecode

import (
	"os"
	"strings"
	"testing"

	"github.com/go-python/gpython/compile"
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

// BenchmarkCompileDerefs measures what fixDerefs adds to compiling a source
// full of ambiguous closure indexes (a generated closures/ case): gpython's
// compile alone, and compile plus fixDerefs (whose probe parses, renames
// and compiles the source once more).
func BenchmarkCompileDerefs(b *testing.B) {
	raw, err := os.ReadFile("../../../testdata/closures/gen_00.py")
	if err != nil {
		b.Fatal(err)
	}
	src := string(raw)
	b.Run("gpython", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := compile.Compile(src, "gen_00.py", py.ExecMode, 0, true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fixDerefs", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			code, err := compile.Compile(src, "gen_00.py", py.ExecMode, 0, true)
			if err != nil {
				b.Fatal(err)
			}
			if err := FixDerefs(code, compile.Compile, src, "gen_00.py", py.ExecMode, 0, true); err != nil {
				b.Fatal(err)
			}
		}
	})
}
