package pickle

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// A testHandle stands for an object attached by name in another process.
type testHandle struct {
	name   string
	interp *pyrt.Interp
}

var (
	testHandleType    = pyrt.NewClass("pickletest", "Handle", "", nil)
	testHandleSubType = testHandleType.NewType("SubHandle", "", nil, nil)
)

func (h *testHandle) Type() *py.Type { return testHandleType }

type testSubHandle struct{ testHandle }

func (h *testSubHandle) Type() *py.Type { return testHandleSubType }

func init() {
	pyrt.MustReady(testHandleSubType)
	RegisterHandle("pickletest.Handle", Handle{
		Reduce: func(obj py.Object) (py.Object, error) {
			var name string
			switch h := obj.(type) {
			case *testHandle:
				name = h.name
			case *testSubHandle:
				name = h.name
			}
			if name == "bad" {
				return nil, py.ExceptionNewf(py.RuntimeError, "cannot send bad")
			}
			return py.Tuple{py.String(name), py.Int(len(name))}, nil
		},
		Rebuild: func(interp *pyrt.Interp, st py.Object) (py.Object, error) {
			t := st.(py.Tuple)
			return &testHandle{name: string(t[0].(py.String)) + "'", interp: interp}, nil
		},
	}, testHandleType)
}

func TestHandleRoundTrip(t *testing.T) {
	interp, _ := parentWith(t, "x = 1\n")
	in := py.NewListFromItems([]py.Object{&testHandle{name: "lock1"}, py.Int(3), &testSubHandle{testHandle{name: "sub"}}})
	v, err := ToWire(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := FromWire(interp, v)
	if err != nil {
		t.Fatal(err)
	}
	items := out.(*py.List).Items
	h, ok := items[0].(*testHandle)
	if !ok || h.name != "lock1'" || h.interp != interp {
		t.Fatalf("rebuilt %#v, want lock1' in the receiving interpreter", items[0])
	}
	if s, ok := items[2].(*testHandle); !ok || s.name != "sub'" {
		t.Fatalf("subtype rebuilt as %#v, want the base type's handle", items[2])
	}
	if items[1] != py.Int(3) {
		t.Fatalf("neighbour item %v", items[1])
	}
}

func TestHandleReduceError(t *testing.T) {
	_, err := ToWire(py.Tuple{&testHandle{name: "bad"}})
	if err == nil || !strings.Contains(err.Error(), "cannot send bad") {
		t.Fatalf("error %v, want the Reduce error", err)
	}
}

func TestHandleUnknownKind(t *testing.T) {
	interp, _ := parentWith(t, "x = 1\n")
	_, err := FromWire(interp, tagged(tagHandle, "no.such.kind", nil))
	if err == nil || !strings.Contains(err.Error(), "unknown handle kind") {
		t.Fatalf("error %v, want unknown handle kind", err)
	}
}
