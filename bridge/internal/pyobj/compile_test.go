package pyobj

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/source"
	"github.com/pypool/pypool/bridge/pyrt"
)

func TestWalrusInFunctionComprehensionFailsLoudly(t *testing.T) {
	pyrt.Install()
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
	for _, pat := range []string{"../../testdata/*/*.py", "../../../testdata/*/*.py", "pylib/*.py", "../*/*.py"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d test files found", len(files))
	}
	always := make([]source.Pass, len(source.Passes))
	for i, p := range source.Passes {
		p.Need = nil
		always[i] = p
	}
	srcs := []string{"x = rf'{a}' + Fr\"{b}\"\n", "match p:\n    case 1: pass\n", "raise E from None\n", "y = eval('1')\n"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	for i, src := range srcs {
		got, _, gotErr := source.RunPasses(source.Passes, src, "f.py", 0)
		want, _, wantErr := source.RunPasses(always, src, "f.py", 0)
		if got != want || (gotErr == nil) != (wantErr == nil) {
			name := "built-in source " + strconv.Itoa(i)
			if i >= 4 {
				name = files[i-4]
			}
			t.Errorf("%s: skipping passes changed the rewrite (errors %v / %v)", name, gotErr, wantErr)
		}
	}
}

// The chain reaches f-string fields with every registered pass, the
// warn-sites pass included.
func TestChainReachesFStringFields(t *testing.T) {
	src := "x = f\"{ {1: 'a'}[1] } {n:_} {1_000} {'%d' % 3}\"\ny = f'''\n{warn('w')}'''\n"
	out, _, err := source.RewriteCtx(src, "m.py", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"__pp_dict__(1, 'a')", "1000", "__pp_mod__('%d', 3)", `_pypool_warn_site(warn, "m.py", 3, globals())('w')`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in:\n%s", want, out)
		}
	}
	if strings.Count(out, "\n") != strings.Count(src, "\n") {
		t.Errorf("line count changed:\n%s", out)
	}
}
