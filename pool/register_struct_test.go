package pool

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/pypool/pypool/pool/wire"
)

type testPoint struct {
	X, Y  float64
	Label string `py:"label"`
	note  string // unexported: never crosses the wire
	Skip  int    `py:"-"`
}

type testNode struct {
	Value int
	Next  *testNode
}

func dict(kv ...wire.Value) *wire.Dict {
	d := &wire.Dict{}
	for i := 0; i < len(kv); i += 2 {
		d.Items = append(d.Items, wire.KV{Key: kv[i], Value: kv[i+1]})
	}
	return d
}

func TestGoFuncStructs(t *testing.T) {
	g, err := newGoFunc("t.move", func(p testPoint, dx float64) testPoint {
		p.X += dx
		p.Label += "!"
		return p
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := g.Call(context.Background(), []wire.Value{dict("x", 1.5, "Y", int64(2), "label", "a"), int64(1)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := dict("X", 2.5, "Y", 2.0, "label", "a!")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v, want %#v", got, want)
	}

	_, err = g.Call(context.Background(), []wire.Value{dict("Z", 1.0), int64(1)}, nil)
	if err == nil || !strings.Contains(err.Error(), `has no field "Z"`) || !strings.Contains(err.Error(), "argument 1") {
		t.Fatalf("unknown field: err = %v", err)
	}
	_, err = g.Call(context.Background(), []wire.Value{dict("X", "one"), int64(1)}, nil)
	if err == nil || !strings.Contains(err.Error(), `key "X": want float64, got str`) {
		t.Fatalf("bad field type: err = %v", err)
	}
	_, err = g.Call(context.Background(), []wire.Value{wire.List{}, int64(1)}, nil)
	if err == nil || !strings.Contains(err.Error(), "got list") {
		t.Fatalf("list for a struct: err = %v", err)
	}
}

func TestGoFuncPointerStructs(t *testing.T) {
	g, err := newGoFunc("t.list", func(n *testNode) []int {
		var out []int
		for ; n != nil; n = n.Next {
			out = append(out, n.Value)
		}
		return out
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := g.Call(context.Background(), []wire.Value{dict("Value", int64(1), "Next", dict("value", int64(2), "Next", nil))}, nil)
	if err != nil || !reflect.DeepEqual(got, wire.List{int64(1), int64(2)}) {
		t.Fatalf("got %#v, %v", got, err)
	}
	got, err = g.Call(context.Background(), []wire.Value{nil}, nil)
	if err != nil || !reflect.DeepEqual(got, wire.List{}) {
		t.Fatalf("None: got %#v, %v", got, err)
	}

	h, err := newGoFunc("t.chain", func(n int) *testNode {
		var head *testNode
		for i := n; i > 0; i-- {
			head = &testNode{Value: i, Next: head}
		}
		return head
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err = h.Call(context.Background(), []wire.Value{int64(2)}, nil)
	want := dict("Value", int64(1), "Next", dict("Value", int64(2), "Next", nil))
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v, %v", got, err)
	}
	got, err = h.Call(context.Background(), []wire.Value{int64(0)}, nil)
	if err != nil || got != nil {
		t.Fatalf("nil pointer: got %#v, %v", got, err)
	}
}

func TestGoFuncIntKeyMaps(t *testing.T) {
	g, err := newGoFunc("t.inv", func(m map[int]string) map[string]int {
		out := map[string]int{}
		for k, v := range m {
			out[v] = k
		}
		return out
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := g.Call(context.Background(), []wire.Value{dict(int64(2), "b", int64(1), "a")}, nil)
	if err != nil || !reflect.DeepEqual(got, dict("a", int64(1), "b", int64(2))) {
		t.Fatalf("got %#v, %v", got, err)
	}
	_, err = g.Call(context.Background(), []wire.Value{dict("x", "b")}, nil)
	if err == nil || !strings.Contains(err.Error(), "want map[int]string, got a dict with a str key") {
		t.Fatalf("str key for map[int]: err = %v", err)
	}
	h, err := newGoFunc("t.sq", func(n int) map[int]int {
		out := map[int]int{}
		for i := n; i > 0; i-- {
			out[i] = i * i
		}
		return out
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err = h.Call(context.Background(), []wire.Value{int64(3)}, nil)
	if err != nil || !reflect.DeepEqual(got, dict(int64(1), int64(1), int64(2), int64(4), int64(3), int64(9))) {
		t.Fatalf("got %#v, %v", got, err)
	}
}

func TestRegisterRejectsBadStructs(t *testing.T) {
	type bad struct{ C chan int }
	if _, err := newGoFunc("t.bad", func(b bad) {}); err == nil || !strings.Contains(err.Error(), "field C") {
		t.Fatalf("chan field: err = %v", err)
	}
	if _, err := newGoFunc("t.badp", func(p *int) {}); err == nil || !strings.Contains(err.Error(), "only pointers to structs") {
		t.Fatalf("*int: err = %v", err)
	}
	if _, err := newGoFunc("t.badk", func() map[[2]int]int { return nil }); err == nil {
		t.Fatal("array-keyed map accepted")
	}
}

func TestEncodeDecode(t *testing.T) {
	v, err := Encode(map[string]testPoint{"a": {X: 1, Label: "l"}})
	if err != nil {
		t.Fatal(err)
	}
	want := dict("a", dict("X", 1.0, "Y", 0.0, "label", "l"))
	if !reflect.DeepEqual(v, want) {
		t.Fatalf("Encode = %#v", v)
	}
	var back map[string]testPoint
	if err := Decode(v, &back); err != nil || back["a"].X != 1 || back["a"].Label != "l" {
		t.Fatalf("Decode = %#v, %v", back, err)
	}
	var n int
	if err := Decode("x", &n); err == nil || !strings.Contains(err.Error(), "want int, got str") {
		t.Fatalf("Decode(str into int) = %v", err)
	}
	if err := Decode(int64(1), n); err == nil {
		t.Fatal("Decode into a non-pointer succeeded")
	}
	var ch chan int
	if err := Decode(nil, &ch); err == nil {
		t.Fatal("Decode into a chan succeeded")
	}
	if v, err := Encode(nil); v != nil || err != nil {
		t.Fatalf("Encode(nil) = %v, %v", v, err)
	}
	if _, err := Encode(make(chan int)); err == nil {
		t.Fatal("Encode(chan) succeeded")
	}
}
