package bridge

// The layering of the module's packages (bridge/README.md draws it): each
// package may import only the project packages its rule allows, so imports
// run one way. A new package needs a rule here; a forbidden import fails
// the test with the rule it breaks.

import (
	"os/exec"
	"path"
	"strings"
	"testing"
)

const module = "github.com/pypool/pypool"

// layerRules lists, for each package pattern (a path, or a path ending in
// "/..." for a folder's packages), the project packages it may import
// (same pattern syntax; the first matching rule applies). gpython is allowed
// everywhere in bridge and nowhere in pool.
var layerRules = []struct {
	pkg   string
	allow []string
}{
	// The engine: no interpreter, no bridge.
	{"pool/...", []string{"pool", "pool/..."}},
	{"pool", []string{"pool/..."}},
	// The bridge, bottom to top.
	{"bridge/internal/source", nil},
	{"bridge/internal/bytecode", nil},
	{"bridge/pyrt", []string{"bridge/internal/source", "bridge/internal/bytecode"}},
	{"bridge/internal/pyobj", []string{"bridge/pyrt", "bridge/internal/source", "bridge/internal/bytecode"}},
	{"bridge/internal/eval", []string{"bridge/internal/pyobj", "bridge/pyrt", "bridge/internal/bytecode"}},
	{"bridge/internal/pickle", []string{"bridge/internal/pyobj", "bridge/pyrt", "bridge/internal/bytecode", "pool", "pool/..."}},
	// A standard module stands on the object model; it never imports another
	// standard module's package (Python imports between modules go through
	// the interpreter), nor the pool modules.
	{"bridge/internal/stdlib/...", []string{"bridge/internal/pickle", "bridge/internal/pyobj", "bridge/pyrt", "bridge/internal/source", "bridge/internal/bytecode", "pool", "pool/..."}},
	{"bridge/internal/threading", []string{"bridge/internal/pickle", "bridge/internal/pyobj", "bridge/pyrt", "bridge/internal/source", "bridge/internal/bytecode", "pool", "pool/..."}},
	{"bridge/internal/futures", []string{"bridge/internal/threading", "bridge/internal/pickle", "bridge/internal/pyobj", "bridge/pyrt", "bridge/internal/source", "bridge/internal/bytecode", "pool", "pool/..."}},
	{"bridge/internal/multiprocessing", []string{"bridge/internal/futures", "bridge/internal/threading", "bridge/internal/pickle", "bridge/internal/pyobj", "bridge/pyrt", "bridge/internal/source", "bridge/internal/bytecode", "pool", "pool/..."}},
	// The facade wires everything up; the commands use the facade and the engine.
	{"bridge", []string{"bridge/...", "pool", "pool/..."}},
	{"cmd/...", []string{"bridge", "bridge/pyrt", "pool", "pool/...", "cmd/..."}},
}

func matches(pattern, pkg string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

// checkLayering returns one line per import that breaks a rule, and per
// package no rule covers. imports maps a package (relative to the module)
// to the packages it imports (full paths).
func checkLayering(imports map[string][]string) []string {
	var bad []string
	for pkg, imps := range imports {
		rule := -1
		for i, r := range layerRules {
			if matches(r.pkg, pkg) {
				rule = i
				break
			}
		}
		if rule < 0 {
			bad = append(bad, pkg+": no layering rule (add one to layerRules)")
			continue
		}
		for _, imp := range imps {
			if strings.HasPrefix(imp, "github.com/go-python/gpython") {
				if strings.HasPrefix(pkg, "pool") {
					bad = append(bad, pkg+" imports "+imp+": the engine runs without an interpreter")
				}
				continue
			}
			rel, ok := strings.CutPrefix(imp, module+"/")
			if !ok {
				continue // the standard library or another module
			}
			allowed := false
			for _, a := range layerRules[rule].allow {
				if matches(a, rel) {
					allowed = true
					break
				}
			}
			if !allowed {
				bad = append(bad, pkg+" imports "+rel+": not allowed by the rule for "+layerRules[rule].pkg)
			}
		}
	}
	return bad
}

func TestLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		rel, ok := strings.CutPrefix(f[0], module+"/")
		if !ok {
			continue
		}
		imports[path.Clean(rel)] = f[1:]
	}
	if len(imports) < 20 {
		t.Fatalf("go list found %d packages: %s", len(imports), out)
	}
	for _, b := range checkLayering(imports) {
		t.Error(b)
	}
}

// The rules catch what they must: each line is a forbidden import.
func TestLayeringRejects(t *testing.T) {
	for pkg, imp := range map[string]string{
		"bridge/internal/source":          module + "/bridge/pyrt",
		"bridge/internal/bytecode":        module + "/bridge/internal/source",
		"bridge/pyrt":                     module + "/bridge/internal/pyobj",
		"bridge/internal/pyobj":           module + "/bridge/internal/pickle",
		"bridge/internal/stdlib/json":     module + "/bridge/internal/stdlib/re",
		"bridge/internal/threading":       module + "/bridge/internal/futures",
		"bridge/internal/futures":         module + "/bridge/internal/multiprocessing",
		"pool":                            "github.com/go-python/gpython/py",
		"pool/wire":                       module + "/bridge",
		"bridge/internal/multiprocessing": module + "/bridge",
	} {
		if bad := checkLayering(map[string][]string{pkg: {imp}}); len(bad) != 1 {
			t.Errorf("%s importing %s: got %q, want one complaint", pkg, imp, bad)
		}
	}
	if bad := checkLayering(map[string][]string{"bridge/internal/newthing": nil}); len(bad) != 1 {
		t.Errorf("a package without a rule: got %q", bad)
	}
}
