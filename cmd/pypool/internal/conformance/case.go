// Package conformance runs Python scripts through the pypool binary and compares what they print
// with what CPython 3.11 printed for them (recorded into the repository's testdata/ by
// testdata/record.py).
//
// A case is a .py file and its expectation: NAME.stdout, NAME.exit and NAME.stderr (only the last
// non-empty stderr line is compared). Options come from lines "# pypool: OPTION" in the script and
// from the lines of an optional NAME.opts file next to the expectation:
//
//	unordered               stdout is compared as a sorted multiset of lines
//	unordered-match REGEXP  lines matching REGEXP are compared as a multiset, the others in order
//	superset                CPython cannot run the case (pickle limits, a hanging Pool): its
//	                        expectation is written by hand and record.py leaves it alone
//	timeout SECONDS         the per-case limit (default 60 s)
//	interrupt-on TEXT       once stdout holds TEXT, SIGINT goes to the whole process group, as
//	                        Ctrl-C in a terminal does (skipped when SIGINT is ignored here)
//	slow                    skipped under -short
//
// Before comparing, both sides are normalised (see Normalize): worker names, addresses, pids and
// the script's folder become placeholders.
package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DefaultTimeout is how long a case may run before its process group is killed.
const DefaultTimeout = 60 * time.Second

// A Case is one script and what CPython printed for it.
type Case struct {
	Suite  string // seed, cases, compat
	Name   string // file name without .py
	Script string // absolute path of the .py
	Expect string // absolute path of the expectation files, without extension

	Unordered      bool             // compare stdout as a sorted multiset
	UnorderedMatch []*regexp.Regexp // lines matching any of these form a multiset
	Superset       bool             // hand-written expectation: CPython cannot run it
	Slow           bool             // skipped under -short
	InterruptOn    string           // send SIGINT to the process group once stdout holds this
	Timeout        time.Duration    // kill after this long

	WantStdout     string // recorded stdout
	WantExit       int    // recorded exit status
	WantStderrLast string // last non-empty line of the recorded stderr
}

// ID is "suite/name", the key used in xfail lists and on the command line.
func (c *Case) ID() string { return c.Suite + "/" + c.Name }

// LoadSuite reads every script in scriptDir whose name starts with prefix and ends in .py, with
// expectations in expectDir; names starting with _ are helper modules the cases import. A script without a recorded .stdout is an error: record it first.
func LoadSuite(suite, scriptDir, prefix, expectDir string) ([]*Case, error) {
	entries, err := os.ReadDir(scriptDir)
	if err != nil {
		return nil, err
	}
	var cases []*Case
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, ".py") || strings.HasPrefix(n, "_") {
			continue
		}
		script, err := filepath.Abs(filepath.Join(scriptDir, n))
		if err != nil {
			return nil, err
		}
		expect, err := filepath.Abs(filepath.Join(expectDir, strings.TrimSuffix(n, ".py")))
		if err != nil {
			return nil, err
		}
		c, err := loadCase(suite, script, expect)
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Name < cases[j].Name })
	return cases, nil
}

func loadCase(suite, script, expect string) (*Case, error) {
	c := &Case{
		Suite:   suite,
		Name:    strings.TrimSuffix(filepath.Base(script), ".py"),
		Script:  script,
		Expect:  expect,
		Timeout: DefaultTimeout,
	}
	src, err := os.ReadFile(script)
	if err != nil {
		return nil, err
	}
	opts := ScriptOptions(string(src))
	if b, err := os.ReadFile(expect + ".opts"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				opts = append(opts, line)
			}
		}
	}
	if err := c.ApplyOptions(opts); err != nil {
		return nil, err
	}
	out, err := os.ReadFile(expect + ".stdout")
	if err != nil {
		return nil, fmt.Errorf("%s: no recorded stdout (run python3 testdata/record.py %s): %v", c.ID(), c.ID(), err)
	}
	c.WantStdout = string(out)
	ex, err := os.ReadFile(expect + ".exit")
	if err != nil {
		return nil, fmt.Errorf("%s: no recorded exit status: %v", c.ID(), err)
	}
	if c.WantExit, err = strconv.Atoi(strings.TrimSpace(string(ex))); err != nil {
		return nil, fmt.Errorf("%s: bad exit file: %v", c.ID(), err)
	}
	if se, err := os.ReadFile(expect + ".stderr"); err == nil {
		c.WantStderrLast = LastLine(string(se))
	}
	return c, nil
}

// LastLine returns the last non-blank line of s, without trailing spaces.
func LastLine(s string) string {
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimRight(lines[i], " \t\r"); strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

// ScriptOptions returns the options a script gives in lines "# pypool: OPTION".
func ScriptOptions(src string) []string {
	var opts []string
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "# pypool:"); ok {
			opts = append(opts, strings.TrimSpace(rest))
		}
	}
	return opts
}

// ApplyOptions sets the case's options (see the package doc) from their text.
func (c *Case) ApplyOptions(opts []string) error {
	for _, o := range opts {
		key, arg, _ := strings.Cut(o, " ")
		arg = strings.TrimSpace(arg)
		switch key {
		case "unordered":
			c.Unordered = true
		case "unordered-match":
			re, err := regexp.Compile(arg)
			if err != nil {
				return fmt.Errorf("%s: unordered-match: %v", c.ID(), err)
			}
			c.UnorderedMatch = append(c.UnorderedMatch, re)
		case "superset":
			c.Superset = true
		case "slow":
			c.Slow = true
		case "interrupt-on":
			if arg == "" {
				return fmt.Errorf("%s: interrupt-on needs the text to wait for", c.ID())
			}
			c.InterruptOn = arg
		case "timeout":
			secs, err := strconv.ParseFloat(arg, 64)
			if err != nil || secs <= 0 {
				return fmt.Errorf("%s: bad timeout %q", c.ID(), arg)
			}
			c.Timeout = time.Duration(secs * float64(time.Second))
		default:
			return fmt.Errorf("%s: unknown option %q", c.ID(), o)
		}
	}
	return nil
}
