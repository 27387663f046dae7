package conformance

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
)

var (
	updateXfail = flag.Bool("update-xfail", false, "rewrite each suite's xfail.txt to list the cases that fail now (keeping reasons written by hand)")
	caseFilter  = flag.String("case", "", "run only the cases whose suite/name matches this regexp")
	binFlag     = flag.String("bin", "", "run this binary instead of building ./cmd/pypool (e.g. testdata/cpython.sh to check the recordings are stable)")
	jobs        = flag.Int("jobs", 3*runtime.GOMAXPROCS(0), "cases run at once")
)

// root is the repository root, seen from this package's folder.
const root = "../../../.."

type suite struct {
	name                string
	scriptDir, prefix   string
	expectDir           string
	xfailPath           string
	cases               []*Case
	xfail               map[string]string // name → reason
	xfailOrder          []string
	results             map[string]string // name → problem ("" = pass)
	skipped             map[string]bool
	ran, passed, supers int
}

func suites() []*suite {
	td := filepath.Join(root, "testdata")
	return []*suite{
		{name: "seed", scriptDir: filepath.Join(root, "pyscripts"), prefix: "seed_", expectDir: filepath.Join(td, "seed")},
		{name: "cases", scriptDir: filepath.Join(td, "cases"), expectDir: filepath.Join(td, "cases")},
		{name: "compat", scriptDir: filepath.Join(td, "compat"), expectDir: filepath.Join(td, "compat")},
		{name: "closures", scriptDir: filepath.Join(td, "closures"), expectDir: filepath.Join(td, "closures")},
	}
}

// buildPypool builds ./cmd/pypool once into a temporary folder.
func buildPypool(t *testing.T) string {
	t.Helper()
	if *binFlag != "" {
		bin, err := filepath.Abs(*binFlag)
		if err != nil {
			t.Fatal(err)
		}
		return bin
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "pypool")
	cmd := exec.Command(goBin, "build", "-o", bin, "github.com/pypool/pypool/cmd/pypool")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/pypool: %v\n%s", err, out)
	}
	return bin
}

// TestConformance runs every seed example, case and compat case through pypool and compares it
// with CPython 3.11's recording. Cases listed in a suite's xfail.txt may fail; one that passes
// fails the test until it is removed from the list (go test -run Conformance -update-xfail).
func TestConformance(t *testing.T) {
	var filter *regexp.Regexp
	if *caseFilter != "" {
		filter = regexp.MustCompile(*caseFilter)
	}
	ss := suites()
	for _, s := range ss {
		cases, err := LoadSuite(s.name, s.scriptDir, s.prefix, s.expectDir)
		if err != nil {
			t.Fatal(err)
		}
		s.cases = cases
		s.xfailPath = filepath.Join(s.expectDir, "xfail.txt")
		s.xfail, s.xfailOrder, err = readXfail(s.xfailPath)
		if err != nil {
			t.Fatal(err)
		}
		known := map[string]bool{}
		for _, c := range cases {
			known[c.Name] = true
		}
		for _, n := range s.xfailOrder {
			if !known[n] && !*updateXfail {
				t.Errorf("%s: xfail lists %q, which is not a case", s.xfailPath, n)
			}
		}
		s.results = map[string]string{}
		s.skipped = map[string]bool{}
	}
	bin := buildPypool(t)

	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, *jobs))
	for _, s := range ss {
		for _, c := range s.cases {
			if (filter != nil && !filter.MatchString(c.ID())) || (c.Slow && testing.Short()) || (c.InterruptOn != "" && signal.Ignored(os.Interrupt)) {
				s.skipped[c.Name] = true
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				g := Run(bin, c)
				<-sem
				p := c.Check(g)
				mu.Lock()
				s.results[c.Name] = p
				mu.Unlock()
			}()
		}
	}
	wg.Wait()

	for _, s := range ss {
		t.Run(s.name, func(t *testing.T) {
			for _, c := range s.cases {
				if s.skipped[c.Name] {
					continue
				}
				s.ran++
				if c.Superset {
					s.supers++
				}
				p := s.results[c.Name]
				reason, xf := s.xfail[c.Name]
				switch {
				case xf && strings.HasPrefix(reason, flakyReason):
					t.Logf("%s: flaky (%s): %s", c.ID(), reason, orPass(p))
					if p == "" {
						s.passed++
					}
				case p == "" && xf:
					if !*updateXfail {
						t.Errorf("%s: now passes: remove it from xfail (%s)", c.ID(), s.xfailPath)
					}
					s.passed++
				case p == "":
					s.passed++
				case xf:
					t.Logf("%s: expected failure (%s): %s", c.ID(), reason, p)
				case *updateXfail:
					t.Logf("%s: FAILS, added to xfail: %s", c.ID(), p)
				default:
					t.Errorf("%s: %s", c.ID(), p)
				}
			}
			t.Logf("%s: %d/%d passed (%d superset cases; %d expected failures listed)", s.name, s.passed, s.ran, s.supers, len(s.xfail))
		})
		if *updateXfail {
			if filter != nil || testing.Short() {
				t.Fatalf("-update-xfail needs every case: drop -case and -short")
			}
			if err := writeXfail(s); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// readXfail reads "name reason…" lines; blank lines and lines starting with # are ignored.
func readXfail(path string) (map[string]string, []string, error) {
	m := map[string]string{}
	var order []string
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return m, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		m[name] = strings.TrimSpace(reason)
		order = append(order, name)
	}
	return m, order, nil
}

const xfailHeader = `# Cases of this suite that pypool is known to fail, one per line: NAME REASON.
# The conformance test fails when a case listed here passes, or one not listed fails.
# Regenerate from the current results: reasons written by hand are kept; those starting with
# "auto:" are the first difference seen, refreshed each time. A reason starting with "flaky:"
# (by hand) lets the case pass or fail:
#   go test ./cmd/pypool/internal/conformance -run Conformance -update-xfail
`

// flakyReason starts the reason of a case that may pass or fail (written by hand; kept by
// -update-xfail).
const flakyReason = "flaky:"

func orPass(p string) string {
	if p == "" {
		return "passed"
	}
	return p
}

// autoReason starts the reasons -update-xfail writes; other reasons were written by hand.
const autoReason = "auto: "

// writeXfail lists the suite's failing cases, keeping reasons written by hand; other entries' reason
// is the first difference seen.
func writeXfail(s *suite) error {
	var names []string
	for _, c := range s.cases {
		_, listed := s.xfail[c.Name]
		if s.results[c.Name] != "" || strings.HasPrefix(s.xfail[c.Name], flakyReason) || (s.skipped[c.Name] && listed) {
			names = append(names, c.Name)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(xfailHeader)
	for _, n := range names {
		reason, ok := s.xfail[n]
		if !ok || reason == "" || strings.HasPrefix(reason, autoReason) {
			first, _, _ := strings.Cut(s.results[n], "; ")
			if r := []rune(first); len(r) > 100 {
				first = string(r[:100]) + "…"
			}
			reason = autoReason + strings.ReplaceAll(first, "\n", " ")
		}
		fmt.Fprintf(&b, "%s %s\n", n, reason)
	}
	if len(names) == 0 {
		if err := os.Remove(s.xfailPath); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	return os.WriteFile(s.xfailPath, []byte(b.String()), 0o644)
}
