package multiprocessing

import (
	"sort"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// processSourceNames must name every top-level binding of the source:
// a name left out would be missing until another one loads the source.
func TestProcessSourceNames(t *testing.T) {
	pyrt.Install()
	in := pyrt.NewInterp(pyrt.Options{})
	defer in.Close()
	in.GIL.Acquire()
	defer in.GIL.Release()
	code, err := py.Compile(processSource, "<multiprocessing>", py.ExecMode, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	m, err := in.Ctx.Store().NewModule(in.Ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "lazy_names_probe"}})
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]bool{}
	for k := range m.Globals {
		before[k] = true
	}
	if _, err := in.Ctx.RunCode(code, m.Globals, m.Globals, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range m.Globals {
		if !before[k] {
			got = append(got, k)
		}
	}
	want := append([]string(nil), processSourceNames...)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("processSource binds %v; processSourceNames = %v", got, want)
	}
}
