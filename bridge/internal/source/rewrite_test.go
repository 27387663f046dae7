package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
