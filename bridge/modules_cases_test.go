package bridge

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestModuleCases runs testdata/modules/*.py and compares stdout (and the
// last stderr line, when recorded) with what CPython 3.11 printed
// (record.sh re-records). A case with a .unordered file is compared as a
// sorted multiset of lines (worker prints interleave).
func TestModuleCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/modules/*.py")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, f := range files {
		base := strings.TrimSuffix(f, ".py")
		t.Run(filepath.Base(base), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(base + ".out")
			if err != nil {
				t.Fatal(err)
			}
			out, errout, _ := runPy(t, string(src))
			got, exp := normaliseNames(out), normaliseNames(string(want))
			if _, err := os.Stat(base + ".unordered"); err == nil {
				got, exp = sortedLines(got), sortedLines(exp)
			}
			if got != exp {
				t.Errorf("stdout:\n%s\nwant:\n%s\nstderr:\n%s", out, want, errout)
			}
			wantErr, err := os.ReadFile(base + ".err")
			lastErr := lastLine(errout)
			if err == nil {
				if lastErr != strings.TrimSpace(string(wantErr)) {
					t.Errorf("last stderr line %q, want %q\nstderr:\n%s", lastErr, strings.TrimSpace(string(wantErr)), errout)
				}
			} else if errout != "" {
				t.Errorf("unexpected stderr:\n%s", errout)
			}
		})
	}
}

// normaliseNames hides the executor numbers, which count per process (the
// tests run many scripts in one process).
func normaliseNames(s string) string {
	return executorName.ReplaceAllString(s, "ThreadPoolExecutor-N_$1")
}

var executorName = regexp.MustCompile(`ThreadPoolExecutor-\d+_(\d+)`)

func sortedLines(s string) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	sort.Strings(l)
	return strings.Join(l, "\n")
}

func lastLine(s string) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.TrimSpace(l[len(l)-1])
}
