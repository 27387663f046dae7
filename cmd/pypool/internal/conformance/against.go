package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Against runs script with args under the reference interpreter python and under pypool, and
// returns the case it built from python's run (the expectation) and what pypool gave. Options come
// from the script's "# pypool:" lines plus extra (e.g. "unordered").
func Against(python, pypool, script string, args, extra []string, timeout time.Duration) (*Case, Got, Got, error) {
	abs, err := filepath.Abs(script)
	if err != nil {
		return nil, Got{}, Got{}, err
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, Got{}, Got{}, err
	}
	c := &Case{Suite: "compare", Name: strings.TrimSuffix(filepath.Base(abs), ".py"), Script: abs, Timeout: timeout}
	if err := c.ApplyOptions(append(ScriptOptions(string(src)), extra...)); err != nil {
		return nil, Got{}, Got{}, err
	}
	dir := filepath.Dir(abs)
	ref := RunCommand(append([]string{python, abs}, args...), dir, c.Timeout)
	got := RunCommand(append([]string{pypool, abs}, args...), dir, c.Timeout)
	c.WantStdout = Normalize(ref.Stdout, dir)
	c.WantExit = ref.Exit
	c.WantStderrLast = Normalize(LastLine(ref.Stderr), dir)
	return c, ref, got, nil
}

// Report describes how pypool's run differs from the reference run of the case: "" when they
// agree, otherwise what differs followed by a unified diff of the normalised stdout.
func (c *Case) Report(ref, got Got, refLabel string) string {
	if ref.Problem != "" {
		return fmt.Sprintf("%s: %s\n", refLabel, ref.Problem)
	}
	summary := c.Check(got)
	if summary == "" {
		return ""
	}
	dir := filepath.Dir(c.Script)
	want, have := splitLines(c.WantStdout), splitLines(Normalize(got.Stdout, dir))
	if c.Unordered {
		sort.Strings(want)
		sort.Strings(have)
	}
	var b strings.Builder
	b.WriteString(summary)
	b.WriteString("\n")
	b.WriteString(UnifiedDiff(refLabel+" stdout", "pypool stdout", want, have))
	return b.String()
}
