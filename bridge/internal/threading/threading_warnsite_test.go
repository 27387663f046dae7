package threading

import (
	"strings"
	"testing"

	"github.com/pypool/pypool/bridge/internal/source"
)

// The chain gives the deprecated aliases' calls their site, inside f-string
// fields too, and leaves other calls and line numbers alone.
func TestDeprecatedAliasSites(t *testing.T) {
	src := "a = currentThread()\nb = f'''\n{activeCount()}'''\nc = currentThread(1)\nd = current_thread()\n"
	out, _, err := source.RewriteCtx(src, "m.py", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`a = currentThread(_pypool_at=("m.py", 1))`, `activeCount(_pypool_at=("m.py", 3))`, "c = currentThread(1)", "d = current_thread()"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in:\n%s", want, out)
		}
	}
	if strings.Count(out, "\n") != strings.Count(src, "\n") {
		t.Errorf("line count changed:\n%s", out)
	}
}
