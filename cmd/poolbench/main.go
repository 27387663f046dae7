// Command poolbench runs the benchmark scripts in pyscripts/bench under CPython and under pypool,
// alternating A B A B in one run, and prints a Markdown table of each figure's median for both,
// their ratio, and the peak RSS of the main process as the OS reports it.
//
//	go run ./cmd/poolbench                  # builds pypool, 3 rounds
//	go run ./cmd/poolbench -rounds 5 -python python3.11 -pypool /path/to/pypool
//	go run ./cmd/poolbench -run 'pool_map|startup'   # only the scripts whose name matches
//
// Each script prints its figure as a line "RESULT name value unit"; startup.py's figure is the
// whole process's wall time.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// A sample is one run of one script under one interpreter.
type sample struct {
	figures map[string]float64 // name → value printed by the script
	units   map[string]string
	wall    time.Duration
	rssKiB  int64
	ok      bool // the run exited 0
}

func main() {
	python := flag.String("python", "python3", "CPython to compare with (skipped when not found)")
	pypool := flag.String("pypool", "", "pypool binary (default: go build ./cmd/pypool into a temporary folder)")
	rounds := flag.Int("rounds", 3, "runs of each script under each interpreter, alternating")
	dir := flag.String("dir", "pyscripts/bench", "folder of benchmark scripts")
	only := flag.String("run", "", "run only the scripts whose file name matches this regular expression")
	flag.Parse()
	match, err := regexp.Compile(*only)
	if err != nil {
		fatal(fmt.Errorf("-run: %v", err))
	}

	bin := *pypool
	if bin == "" {
		tmp, err := os.MkdirTemp("", "poolbench")
		if err != nil {
			fatal(err)
		}
		defer os.RemoveAll(tmp)
		bin = filepath.Join(tmp, "pypool")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/pypool").CombinedOutput(); err != nil {
			fatal(fmt.Errorf("go build ./cmd/pypool: %v\n%s", err, out))
		}
	}
	py, err := realPython(*python)
	if err != nil {
		fmt.Fprintf(os.Stderr, "poolbench: %s: %v: pypool's figures only\n", *python, err)
		py = ""
	}
	all, _ := filepath.Glob(filepath.Join(*dir, "*.py"))
	var scripts []string
	for _, s := range all {
		if match.MatchString(filepath.Base(s)) {
			scripts = append(scripts, s)
		}
	}
	if len(scripts) == 0 {
		fatal(fmt.Errorf("no scripts in %s match %q", *dir, *only))
	}
	sort.Strings(scripts)

	fmt.Printf("poolbench: %s, %s/%s, %d CPUs, %s, %d rounds, load average %s\n\n", time.Now().UTC().Format("2006-01-02"),
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), version(py), *rounds, loadAverage())
	fmt.Println("| figure | CPython 3.11 | pypool | pypool / CPython | peak RSS CPython | peak RSS pypool |")
	fmt.Println("| --- | --- | --- | --- | --- | --- |")
	for _, s := range scripts {
		var cp, pp []sample
		for r := 0; r < *rounds; r++ {
			if py != "" {
				if x := run(py, s); x.ok {
					cp = append(cp, x)
				}
			}
			if x := run(bin, s); x.ok {
				pp = append(pp, x)
			}
		}
		for _, row := range rows(filepath.Base(s), cp, pp) {
			fmt.Println(row)
		}
	}
	fmt.Printf("\nload average at the end: %s\n", loadAverage())
}

// rows turns the samples of one script into table rows: one per figure it printed, plus the
// whole-process wall time for startup.py.
func rows(script string, cp, pp []sample) []string {
	names := map[string]bool{}
	for _, s := range append(append([]sample{}, cp...), pp...) {
		for n := range s.figures {
			names[n] = true
		}
	}
	var out []string
	if script == "startup.py" {
		wall := func(ss []sample) []float64 {
			var v []float64
			for _, s := range ss {
				v = append(v, s.wall.Seconds())
			}
			return v
		}
		out = append(out, row("startup: Pool(2) + one result, wall s", wall(cp), wall(pp), "s", cp, pp))
		return out
	}
	var sorted []string
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		get := func(ss []sample) ([]float64, string) {
			var v []float64
			unit := ""
			for _, s := range ss {
				if x, ok := s.figures[n]; ok {
					v = append(v, x)
					unit = s.units[n]
				}
			}
			return v, unit
		}
		cv, cu := get(cp)
		pv, pu := get(pp)
		unit := pu
		if unit == "" {
			unit = cu
		}
		out = append(out, row(n, cv, pv, unit, cp, pp))
	}
	return out
}

func row(name string, cv, pv []float64, unit string, cp, pp []sample) string {
	cell := func(v []float64) string {
		if len(v) == 0 {
			return "—"
		}
		return fmt.Sprintf("%s %s", fmtNum(median(v)), unit)
	}
	ratio := "—"
	if len(cv) > 0 && len(pv) > 0 && median(cv) != 0 {
		ratio = fmt.Sprintf("%.2fx", median(pv)/median(cv))
	}
	return fmt.Sprintf("| %s | %s | %s | %s | %s | %s |", name, cell(cv), cell(pv), ratio, rss(cp), rss(pp))
}

func rss(ss []sample) string {
	if len(ss) == 0 {
		return "—"
	}
	var v []float64
	for _, s := range ss {
		v = append(v, float64(s.rssKiB)/1024)
	}
	return fmt.Sprintf("%.1f MiB", median(v))
}

// run runs one script and collects its RESULT lines, wall time and peak RSS. A failed run is
// reported on stderr and yields no figures.
func run(bin, script string) sample {
	s := sample{figures: map[string]float64{}, units: map[string]string{}}
	cmd := exec.Command(bin, script)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0")
	t0 := time.Now()
	err := cmd.Run()
	s.wall = time.Since(t0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rssKiB = ru.Maxrss
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "poolbench: %s %s: %v\n%s", filepath.Base(bin), script, err, lastLines(stderr.String(), 5))
		return s
	}
	s.ok = true
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 || f[0] != "RESULT" {
			continue
		}
		if v, err := strconv.ParseFloat(f[2], 64); err == nil {
			s.figures[f[1]] = v
			if len(f) > 3 {
				s.units[f[1]] = f[3]
			}
		}
	}
	return s
}

// realPython resolves the interpreter to the binary it runs: a shim (pyenv's python3 is a shell
// script that takes seconds) would otherwise be timed along with CPython.
func realPython(name string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", err
	}
	out, err := exec.Command(path, "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

func median(v []float64) float64 {
	c := append([]float64(nil), v...)
	sort.Float64s(c)
	n := len(c)
	if n%2 == 1 {
		return c[n/2]
	}
	return (c[n/2-1] + c[n/2]) / 2
}

func fmtNum(x float64) string {
	if x >= 100 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}

func version(py string) string {
	if py == "" {
		return "no CPython"
	}
	out, err := exec.Command(py, "--version").CombinedOutput()
	if err != nil {
		return "CPython (version unknown)"
	}
	return strings.TrimSpace(string(out))
}

// loadAverage is the 1, 5 and 15 minute load averages (Linux), or "unknown": the figures
// are only comparable on a quiet machine.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n") + "\n"
}

func fatal(err error) {
	fmt.Fprintf(os.Stderr, "poolbench: %v\n", err)
	os.Exit(1)
}
