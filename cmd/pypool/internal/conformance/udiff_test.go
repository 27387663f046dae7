package conformance

import (
	"strings"
	"testing"
)

func TestUnifiedDiff(t *testing.T) {
	// The same hunks as GNU diff -u gives for these inputs.
	want := strings.Split("a b c d e f g h i j l m", " ")
	got := strings.Split("a b c X e f g h i j l m k", " ")
	d := UnifiedDiff("python3", "pypool", want, got)
	wantDiff := `--- python3
+++ pypool
@@ -1,7 +1,7 @@
 a
 b
 c
-d
+X
 e
 f
 g
@@ -10,3 +10,4 @@
 j
 l
 m
+k
`
	if d != wantDiff {
		t.Fatalf("diff:\n%s\nwant:\n%s", d, wantDiff)
	}
	if d := UnifiedDiff("a", "b", want, want); d != "" {
		t.Fatalf("equal inputs gave a diff:\n%s", d)
	}
	if d := UnifiedDiff("a", "b", nil, []string{"x"}); d != "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n" {
		t.Fatalf("diff from empty:\n%q", d)
	}
}
