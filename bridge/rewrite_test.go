package bridge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTokenizeRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/core/*.py")
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
