package pyobj

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestWalrusInFunctionComprehensionFailsLoudly(t *testing.T) {
	Install()
	_, err := py.Compile("def h(xs):\n    return [y for x in xs if (y := x) > 2]\n", "m.py", py.ExecMode, 0, true)
	if err == nil || !strings.Contains(err.Error(), "assignment expression inside a comprehension in a function") {
		t.Fatalf("got %v", err)
	}
}

// A pass's need test may skip it only when it would change nothing: the
// chain gives the same source with the tests as without them, on every
// Python file of the test data (and for the same errors).
func TestRewriteNeedsSkipOnlyNoOps(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../testdata/*/*.py", "../../../testdata/*/*.py", "pylib/*.py"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d test files found", len(files))
	}
	always := make([]rewritePass, len(rewritePasses))
	for i, p := range rewritePasses {
		p.need = nil
		always[i] = p
	}
	srcs := []string{MultiprocessingSrc, "x = rf'{a}' + Fr\"{b}\"\n", "match p:\n    case 1: pass\n", "raise E from None\n", "y = eval('1')\n"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	for i, src := range srcs {
		got, _, gotErr := runRewrites(rewritePasses, src, "f.py", 0)
		want, _, wantErr := runRewrites(always, src, "f.py", 0)
		if got != want || (gotErr == nil) != (wantErr == nil) {
			name := "built-in source " + strconv.Itoa(i)
			if i >= 5 {
				name = files[i-5]
			}
			t.Errorf("%s: skipping passes changed the rewrite (errors %v / %v)", name, gotErr, wantErr)
		}
	}
}
