package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pypool/pypool/cmd/pypool/internal/conformance"
)

const compareUsage = `usage: pypool compare [--python PATH] [--unordered] [--timeout DURATION] script.py [args...]
       pypool compare [--python PATH] [--unordered] [--timeout DURATION] DIR

Runs the script under python3 (or PATH) and under pypool and reports whether stdout, the exit
status and the last line of stderr agree, after normalising worker names, addresses and pids
(and, with --unordered, the order of stdout's lines). On a difference it prints a unified diff
and exits 1. Given a directory, it compares every .py in it and prints a table.
`

// compareMain is `pypool compare`: it returns the exit status (0 agree, 1 differ, 2 usage or no
// reference interpreter).
func compareMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pypool compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, compareUsage) }
	python := fs.String("python", "", "reference interpreter (default: python3 on PATH)")
	unordered := fs.Bool("unordered", false, "compare stdout as a multiset of lines")
	timeout := fs.Duration("timeout", conformance.DefaultTimeout, "per-run time limit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	ref := *python
	if ref == "" {
		ref = "python3"
	}
	refPath, err := exec.LookPath(ref)
	if err != nil {
		fmt.Fprintf(stderr, "pypool compare: no reference interpreter: %s not found (install python3 or pass --python PATH)\n", ref)
		return 2
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "pypool compare: cannot find the pypool binary: %v\n", err)
		return 2
	}
	var extra []string
	if *unordered {
		extra = append(extra, "unordered")
	}
	target := fs.Arg(0)
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		if fs.NArg() > 1 {
			fmt.Fprintln(stderr, "pypool compare: a directory takes no script arguments")
			return 2
		}
		return compareDir(refPath, self, target, extra, *timeout, stdout, stderr)
	}
	c, refRun, got, err := conformance.Against(refPath, self, target, fs.Args()[1:], extra, *timeout)
	if err != nil {
		fmt.Fprintf(stderr, "pypool compare: %v\n", err)
		return 2
	}
	if rep := c.Report(refRun, got, filepath.Base(ref)); rep != "" {
		fmt.Fprintf(stdout, "%s: differs from %s\n%s", target, filepath.Base(ref), rep)
		return 1
	}
	fmt.Fprintf(stdout, "%s: agrees with %s (stdout, exit status %d, last stderr line)\n", target, filepath.Base(ref), got.Exit)
	return 0
}

// compareDir compares every .py in dir and prints a table, the diffs of the failures, and a
// "N passed, M failed" line.
func compareDir(ref, self, dir string, extra []string, timeout time.Duration, stdout, stderr io.Writer) int {
	scripts, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil || len(scripts) == 0 {
		fmt.Fprintf(stderr, "pypool compare: no .py files in %s\n", dir)
		return 2
	}
	sort.Strings(scripts)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "script\tresult\twhat differs")
	var diffs []string
	passed, failed := 0, 0
	for _, s := range scripts {
		c, refRun, got, err := conformance.Against(ref, self, s, nil, extra, timeout)
		var rep string
		if err != nil {
			rep = err.Error()
		} else {
			rep = c.Report(refRun, got, filepath.Base(ref))
		}
		if rep == "" {
			passed++
			fmt.Fprintf(tw, "%s\tok\t\n", filepath.Base(s))
			continue
		}
		failed++
		first, _, _ := strings.Cut(rep, "\n")
		if len(first) > 100 {
			first = first[:100] + "…"
		}
		fmt.Fprintf(tw, "%s\tFAIL\t%s\n", filepath.Base(s), first)
		diffs = append(diffs, fmt.Sprintf("== %s\n%s", filepath.Base(s), rep))
	}
	tw.Flush()
	for _, d := range diffs {
		fmt.Fprintf(stdout, "\n%s", d)
	}
	fmt.Fprintf(stdout, "\n%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}
