package pyobj

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestTokenizeRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/core/*.py")
	if len(files) == 0 {
		t.Fatal("no scripts under ../../testdata/core")
	}
	srcs := []string{"x = '''a\n'b'\n''' + r'\\' # c\nif x:\\\n  pass\n", "0xE+1, 1e-5j, f'{a}' b\"x\""}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		srcs = append(srcs, string(b))
	}
	for _, s := range srcs {
		if got := Untokenize(Tokenize(s)); got != s {
			t.Errorf("round trip changed the source:\n%s\n---\n%s", s, got)
		}
	}
}

func TestFStringRewriteKeepsLines(t *testing.T) {
	src := "a = f'''x\n{b}\ny''' + f\"{c!r:>{w}}\"\nz = 1\n"
	out, err := RewriteSource(src)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "\n") != strings.Count(src, "\n") {
		t.Errorf("line count changed:\n%s", out)
	}
	if strings.Contains(out, "f'") || strings.Contains(out, "f\"") {
		t.Errorf("f-string left: %s", out)
	}
}

func TestFStringErrors(t *testing.T) {
	for src, want := range map[string]string{
		`f"{}"`:     "f-string: empty expression not allowed",
		`f"{x!z}"`:  "f-string: invalid conversion character: expected 's', 'r', or 'a'",
		`f"a}b"`:    "f-string: single '}' is not allowed",
		`f"{x"`:     "f-string: expecting '}'",
		`f"{"a"}"`:  "f-string: expecting '}'",
		`f"{a\\b}"`: "f-string expression part cannot include a backslash",
		`f"{a#b}"`:  "f-string expression part cannot include '#'",
	} {
		_, err := RewriteSource(src)
		if err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", src, err, want)
		}
	}
}

func TestChainReachesFStringFields(t *testing.T) {
	src := "x = f\"{ {1: 'a'}[1] } {n:_} {1_000} {'%d' % 3}\"\ny = f'''\n{currentThread()}'''\n"
	out, err := rewriteSource(src, "m.py", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"__pp_dict__(1, 'a')", "1000", "__pp_mod__('%d', 3)", `currentThread(_pypool_at=("m.py", 3))`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in:\n%s", want, out)
		}
	}
	if strings.Count(out, "\n") != strings.Count(src, "\n") {
		t.Errorf("line count changed:\n%s", out)
	}
}

func TestTokenizeStructure(t *testing.T) {
	toks := Tokenize("if a:\n    f(x,\n      y)\n")
	var starts []string
	for _, tk := range toks {
		if tk.LineStart && tk.Kind != TkEOF {
			starts = append(starts, tk.Text)
		}
	}
	if strings.Join(starts, " ") != "if f" {
		t.Errorf("logical line starts: %v", starts)
	}
	if toks[4].Text != "(" || toks[toks[4].Match].Text != ")" || toks[7].Line != 3 || toks[6].Indent != 4 {
		t.Errorf("structure wrong: %+v", toks)
	}
}

func TestWalrusAndRaiseFromRewrite(t *testing.T) {
	for src, want := range map[string]string{
		"if (n := len(a)) > 3: pass\n":        "if ((  len(a)).__pp_wal__n) > 3: pass\n",
		"f(x := 1, y)\n":                      "f((  1).__pp_wal__x, y)\n",
		"raise A('x') from e\n":               "raise __pp_raise_from__( A('x') , e)\n",
		"raise A from None; y = 1\n":          "raise __pp_raise_from__( A , None); y = 1\n",
		"from a import b\nraise X\n":          "from a import b\nraise X\n",
		"while (line := next(it)):\n  pass\n": "while ((  next(it)).__pp_wal__line):\n  pass\n",
	} {
		out, err := RewriteSource(src)
		if err != nil || out != want {
			t.Errorf("%q: got %q, %v; want %q", src, out, err, want)
		}
	}
}

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
	for _, pat := range []string{"../../testdata/*/*.py", "../../../testdata/*/*.py", "pylib/*.py", "../*/*.py"} {
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
	srcs := []string{"x = rf'{a}' + Fr\"{b}\"\n", "match p:\n    case 1: pass\n", "raise E from None\n", "y = eval('1')\n"}
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
