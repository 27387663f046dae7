package conformance

import (
	"regexp"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	in := "进程 ForkPoolWorker-12 / SpawnPoolWorker-3 ForkProcess-2 SpawnProcess-1:4 ThreadPoolExecutor-0_2\n" +
		"<Future at 0x7f3a9c0d1e50 state=finished> pid=4242 File \"/home/x/cases/a.py\", line 3"
	want := "进程 <PoolWorker> / <PoolWorker> <Process> <Process> <ThreadPoolExecutor>\n" +
		"<Future at 0x<addr> state=finished> pid=<pid> File \"<DIR>/a.py\", line 3"
	if got := Normalize(in, "/home/x/cases"); got != want {
		t.Errorf("Normalize:\n got %q\nwant %q", got, want)
	}
	// Names that only look alike stay.
	for _, s := range []string{"Process-1", "MainProcess", "Thread-1 (f)", "0x1f", "ThreadPoolExecutor-0"} {
		if got := Normalize(s, ""); got != s {
			t.Errorf("Normalize(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestCheck(t *testing.T) {
	base := Case{Script: "/d/x.py", WantStdout: "a\nb\nc\n", WantExit: 1, WantStderrLast: "ValueError: boom"}
	ok := Got{Stdout: "a\nb\nc\n", Stderr: "Traceback (most recent call last):\nValueError: boom\n\n", Exit: 1}
	for _, tc := range []struct {
		name  string
		mod   func(c *Case, g *Got)
		wants string // substring of the problem; "" = passes
	}{
		{"equal", func(c *Case, g *Got) {}, ""},
		{"exit", func(c *Case, g *Got) { g.Exit = 0 }, "exit 0, want 1"},
		{"stderr", func(c *Case, g *Got) { g.Stderr = "ValueError: 'boom'" }, "last stderr line"},
		{"order", func(c *Case, g *Got) { g.Stdout = "b\na\nc\n" }, "stdout: line 1"},
		{"order ok when unordered", func(c *Case, g *Got) { c.Unordered = true; g.Stdout = "c\nb\na\n" }, ""},
		{"multiset counts", func(c *Case, g *Got) { c.Unordered = true; g.Stdout = "a\na\nb\nc\n" }, "as a multiset"},
		{"missing newline", func(c *Case, g *Got) { g.Stdout = "a\nb\nc" }, "final newline"},
		{"missing line", func(c *Case, g *Got) { g.Stdout = "a\nb\n" }, "missing line 3"},
		{"problem", func(c *Case, g *Got) { g.Problem = "timed out" }, "timed out"},
		{"partial order ok", func(c *Case, g *Got) {
			c.UnorderedMatch = []*regexp.Regexp{regexp.MustCompile(`^[ab]$`)}
			g.Stdout = "b\na\nc\n"
		}, ""},
		{"partial order broken", func(c *Case, g *Got) {
			c.UnorderedMatch = []*regexp.Regexp{regexp.MustCompile(`^[bc]$`)}
			c.WantStdout = "a\nb\nc\nd\n"
			g.Stdout = "d\nc\nb\na\n"
		}, "ordered lines"},
		{"path normalised", func(c *Case, g *Got) {
			c.WantStderrLast = `<DIR>/x.py:3: DeprecationWarning: old`
			g.Stderr = "/d/x.py:3: DeprecationWarning: old\n"
		}, ""},
	} {
		c, g := base, ok
		tc.mod(&c, &g)
		p := c.Check(g)
		if (tc.wants == "") != (p == "") || !strings.Contains(p, tc.wants) {
			t.Errorf("%s: Check = %q, want it to mention %q", tc.name, p, tc.wants)
		}
	}
}

func TestLastLine(t *testing.T) {
	for in, want := range map[string]string{"": "", "a\nb\n\n  \n": "b", "x  \r\n": "x", "  indented\n": "  indented"} {
		if got := LastLine(in); got != want {
			t.Errorf("LastLine(%q) = %q, want %q", in, got, want)
		}
	}
}
