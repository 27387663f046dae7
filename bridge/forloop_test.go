package bridge

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
)

var failingIterType = py.NewType("failing_iter", "yields 1, 2 then fails")

// failingIter is a Go-implemented iterator that fails on its third step,
// as a pool's imap does when a task raised.
type failingIter struct{ n int }

func (it *failingIter) Type() *py.Type                { return failingIterType }
func (it *failingIter) M__iter__() (py.Object, error) { return it, nil }
func (it *failingIter) M__next__() (py.Object, error) {
	it.n++
	if it.n > 2 {
		return nil, pyobj.IterFailed(it, py.ExceptionNewf(py.ZeroDivisionError, "task failed"))
	}
	return py.Int(it.n), nil
}

func init() {
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_core_test"},
		Methods: []*py.Method{py.MustNewMethod("failing", func(self py.Object, args py.Tuple) (py.Object, error) {
			return &failingIter{}, nil
		}, 0, "")},
	})
}

func TestForLoopGoIteratorError(t *testing.T) {
	src := `import _core_test
got = []
try:
    for r in _core_test.failing():
        got.append(r)
except ZeroDivisionError as e:
    print("raised", e, got)
print([r for r in [1, 2]])
try:
    print([r for r in _core_test.failing()])
except ZeroDivisionError as e:
    print("comprehension raised", e)
for r in _core_test.failing():
    pass
`
	f := filepath.Join(t.TempDir(), "loop.py")
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, status := runScript(t, "pypool", f)
	want := "raised task failed [1, 2]\n[1, 2]\ncomprehension raised task failed\n"
	if stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	wantErr := "Traceback (most recent call last):\n  File \"" + f + "\", line 13, in <module>\n    for r in _core_test.failing():\nZeroDivisionError: task failed\n"
	if stderr != wantErr || status != 1 {
		t.Errorf("stderr %q status %d, want %q", stderr, status, wantErr)
	}
}
