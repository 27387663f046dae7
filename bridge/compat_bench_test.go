package bridge

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/source"
	"github.com/pypool/pypool/bridge/pyrt"
)

// bench1000 is a 1,000-line script in the style of pool scripts.
func bench1000() string {
	var b strings.Builder
	for i := 0; b.Len() == 0 || strings.Count(b.String(), "\n") < 1000; i++ {
		fmt.Fprintf(&b, "def f%d(x, y=1, *args, **kw):\n", i)
		fmt.Fprintf(&b, "    d = {x: [y, %d], (1, 2): {'k': x}}\n", i)
		fmt.Fprintf(&b, "    s = {a for a in range(x)}\n")
		fmt.Fprintf(&b, "    return '%%s-%%d' %% (x, len(d)), sorted(d.items(), key=str), s\n")
		fmt.Fprintf(&b, "r%d = f%d(%d, **{'z': 1_000})\n", i, i, i)
	}
	return b.String()
}

func benchCompile(b *testing.B, src string, compile func(src, desc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error)) {
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := NewInterp(Options{})
		if _, err := compile(src, "bench.py", py.ExecMode, 0, true); err != nil {
			b.Fatal(err)
		}
		in.Close()
	}
}

// BenchmarkStartCompile1000WithLayer is interpreter start-up plus compiling a
// 1,000-line script through the project's compile (every rewrite pass).
func BenchmarkStartCompile1000WithLayer(b *testing.B) {
	pyrt.Install()
	benchCompile(b, bench1000(), py.Compile)
}

// BenchmarkStartCompile1000Bare is the same script, already rewritten,
// compiled by gpython's own compiler: the difference is the layer's cost.
func BenchmarkStartCompile1000Bare(b *testing.B) {
	pyrt.Install()
	src, err := source.RewriteSource(bench1000())
	if err != nil {
		b.Fatal(err)
	}
	benchCompile(b, src, pyrt.OrigCompile)
}
