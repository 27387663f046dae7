package conformance

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// normalisers are compiled on first use: every pypool process links this
// package (pypool compare), and compiling them at init slowed its start-up.
var normalisers = sync.OnceValue(func() []normaliser {
	return []normaliser{
		// Worker names: CPython on Linux forks (ForkPoolWorker-N), pypool spawns (SpawnPoolWorker-N);
		// which worker runs which task is not defined either way.
		{regexp.MustCompile(`\b(?:Fork|Spawn|Forkserver)PoolWorker-\d+`), "<PoolWorker>"},
		{regexp.MustCompile(`\b(?:Fork|Spawn|Forkserver)Process-\d+(?::\d+)*`), "<Process>"},
		{regexp.MustCompile(`\bThreadPoolExecutor-\d+_\d+`), "<ThreadPoolExecutor>"},
		{regexp.MustCompile(`\b0x[0-9a-fA-F]{4,}\b`), "0x<addr>"},
		{regexp.MustCompile(`\bpid[= ]\d+`), "pid=<pid>"},
	}
})

type normaliser struct {
	re   *regexp.Regexp
	with string
}

// Normalize replaces what varies between runs and between CPython and pypool: the script's
// folder dir by <DIR>, worker names by <PoolWorker>, <Process> and <ThreadPoolExecutor>,
// addresses by 0x<addr> and "pid=N" by pid=<pid>.
func Normalize(s, dir string) string {
	if dir != "" {
		s = strings.ReplaceAll(s, dir, "<DIR>")
	}
	for _, n := range normalisers() {
		s = n.re.ReplaceAllString(s, n.with)
	}
	return s
}

// Got is what one run of a case produced.
type Got struct {
	Stdout, Stderr string
	Exit           int    // exit status; 128+N when killed by signal N
	Problem        string // a failure of the run itself: timeout, leftover processes
}

// Check compares a run with the case's expectation and returns what differs ("" when it passes).
// Both sides are normalised first.
func (c *Case) Check(g Got) string {
	dir := dirOf(c.Script)
	var probs []string
	if g.Problem != "" {
		probs = append(probs, g.Problem)
	}
	gotLast := Normalize(LastLine(g.Stderr), dir)
	wantLast := Normalize(c.WantStderrLast, "")
	if g.Exit != c.WantExit {
		if gotLast != "" && gotLast != wantLast {
			probs = append(probs, fmt.Sprintf("exit %d, want %d, stderr %q", g.Exit, c.WantExit, clip(gotLast)))
		} else {
			probs = append(probs, fmt.Sprintf("exit %d, want %d", g.Exit, c.WantExit))
		}
	}
	if gotLast != wantLast {
		probs = append(probs, fmt.Sprintf("last stderr line %q, want %q", clip(gotLast), clip(wantLast)))
	}
	if d := c.diffStdout(Normalize(g.Stdout, dir), Normalize(c.WantStdout, "")); d != "" {
		probs = append(probs, d)
	}
	return strings.Join(probs, "; ")
}

func dirOf(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[:i]
	}
	return ""
}

func (c *Case) diffStdout(got, want string) string {
	if got == want {
		return ""
	}
	gl, wl := splitLines(got), splitLines(want)
	switch {
	case c.Unordered:
		sort.Strings(gl)
		sort.Strings(wl)
		if d := diffLines(gl, wl); d != "" {
			return "stdout (as a multiset): " + d
		}
		return ""
	case len(c.UnorderedMatch) > 0:
		gm, go_ := c.partition(gl)
		wm, wo := c.partition(wl)
		sort.Strings(gm)
		sort.Strings(wm)
		if d := diffLines(gm, wm); d != "" {
			return "stdout (unordered lines): " + d
		}
		if d := diffLines(go_, wo); d != "" {
			return "stdout (ordered lines): " + d
		}
		return ""
	}
	if d := diffLines(gl, wl); d != "" {
		return "stdout: " + d
	}
	return "stdout: differs in the final newline"
}

func (c *Case) partition(lines []string) (matched, rest []string) {
	for _, l := range lines {
		m := false
		for _, re := range c.UnorderedMatch {
			if re.MatchString(l) {
				m = true
				break
			}
		}
		if m {
			matched = append(matched, l)
		} else {
			rest = append(rest, l)
		}
	}
	return matched, rest
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// diffLines describes the first difference between two line lists ("" when equal).
func diffLines(got, want []string) string {
	n := min(len(got), len(want))
	for i := 0; i < n; i++ {
		if got[i] != want[i] {
			return fmt.Sprintf("line %d is %q, want %q (%d lines, want %d)", i+1, clip(got[i]), clip(want[i]), len(got), len(want))
		}
	}
	switch {
	case len(got) > len(want):
		return fmt.Sprintf("extra line %d %q (%d lines, want %d)", n+1, clip(got[n]), len(got), len(want))
	case len(got) < len(want):
		return fmt.Sprintf("missing line %d %q (%d lines, want %d)", n+1, clip(want[n]), len(got), len(want))
	}
	return ""
}

func clip(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}
