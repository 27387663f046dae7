package bridge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// compatCapture is a Python file-like object collecting what is written.
type compatCapture struct{ b strings.Builder }

var compatCaptureType = py.NewType("capture", "")

func (c *compatCapture) Type() *py.Type { return compatCaptureType }

func init() {
	compatCaptureType.Dict["write"] = py.MustNewMethod("write", func(self py.Object, arg py.Object) (py.Object, error) {
		s, ok := arg.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "write() argument must be str")
		}
		self.(*compatCapture).b.WriteString(string(s))
		return py.Int(len(s)), nil
	}, 0, "")
	compatCaptureType.Dict["flush"] = py.MustNewMethod("flush", func(self py.Object) (py.Object, error) { return py.None, nil }, 0, "")
}

// runCompat runs src in a fresh context with the compat layer installed and
// returns what it printed, plus the Python error (formatted as
// "Type: message") if it failed.
func runCompat(t testing.TB, src string) (string, string) {
	t.Helper()
	installCompat()
	ctx := py.NewContext(py.ContextOpts{SysPaths: []string{}})
	defer ctx.Close()
	out := &compatCapture{}
	sys, err := ctx.GetModule("sys")
	if err != nil {
		t.Fatal(err)
	}
	sys.Globals["stdout"] = out
	code, err := py.Compile(src, "<test>", py.ExecMode, 0, true)
	if err != nil {
		return out.b.String(), errText(err)
	}
	_, err = py.RunCode(ctx, code, "<test>", nil)
	if err != nil {
		return out.b.String(), errText(err)
	}
	return out.b.String(), ""
}

func errText(err error) string {
	var e *py.Exception
	switch x := err.(type) {
	case *py.Exception:
		e = x
	case py.ExceptionInfo:
		if ex, ok := x.Value.(*py.Exception); ok {
			e = ex
		}
	}
	if e == nil {
		return err.Error()
	}
	msg, serr := ExceptionStr(e)
	if serr != nil {
		msg = "<str failed>"
	}
	if msg == "" {
		return e.Base.Name
	}
	return e.Base.Name + ": " + msg
}

// runCases runs every testdata/<dir>/*.py and compares its stdout with the
// .out file next to it, recorded from CPython 3.11. A case whose CPython run
// ended in an exception records its last traceback line in a .err file.
func runCases(t *testing.T, dir string) {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/%s", dir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			wantErr := ""
			if b, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".err"); err == nil {
				wantErr = strings.TrimSpace(string(b))
			}
			got, gotErr := runCompat(t, string(src))
			if got != string(want) {
				t.Errorf("stdout differs\n--- got\n%s\n--- want\n%s", got, want)
			}
			if gotErr != wantErr {
				t.Errorf("error: got %q, want %q", gotErr, wantErr)
			}
		})
	}
}

func TestCompatDict(t *testing.T) { runCases(t, "compat_dict") }
