package pickle

import (
	"math/big"
	"reflect"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// TestReboxedInts: ints cross between wire values and Python objects with
// their values, whatever their size, and other values are not taken for
// ints.
func TestReboxedInts(t *testing.T) {
	interp := pyrt.NewInterp(pyrt.Options{})
	for _, n := range []int64{0, 1, 255, 256, -1, -33, 1 << 40, -(1 << 62), 1<<63 - 1} {
		o, err := FromWire(interp, n)
		if err != nil || o != py.Int(n) {
			t.Fatalf("FromWire(%d) = %#v, %v", n, o, err)
		}
		v, err := ToWire(py.Int(n))
		if err != nil || v != n {
			t.Fatalf("ToWire(%d) = %#v, %v", n, v, err)
		}
		back, err := ToWire(o)
		if err != nil || back != n {
			t.Fatalf("ToWire(FromWire(%d)) = %#v, %v", n, back, err)
		}
	}
	for _, v := range []wire.Value{nil, true, 1.5, "7", uint64(7), big.NewInt(7)} {
		if _, ok := pyIntOf(v); ok {
			t.Fatalf("pyIntOf(%#v) took it for an int", v)
		}
	}
	for _, o := range []py.Object{nil, py.None, py.True, py.Float(1), py.String("7"), (*py.BigInt)(big.NewInt(7))} {
		if _, ok := wireIntOf(o); ok {
			t.Fatalf("wireIntOf(%#v) took it for an int", o)
		}
	}
	l, err := FromWire(interp, wire.List{int64(1), int64(1 << 40), "x", wire.List{int64(-5)}})
	if err != nil {
		t.Fatal(err)
	}
	want := []py.Object{py.Int(1), py.Int(1 << 40), py.String("x"), &py.List{Items: []py.Object{py.Int(-5)}}}
	if !reflect.DeepEqual(l.(*py.List).Items, want) {
		t.Fatalf("list: %#v", l)
	}
}

// TestRangeValues: a range's items as wire values, as iterating it gives.
func TestRangeValues(t *testing.T) {
	for _, r := range [][3]int64{{0, 0, 1}, {0, 5, 1}, {-3, 10, 4}, {10, -700, -97}, {1 << 40, 1<<40 + 3, 1}, {300, 256, -1}, {5, 0, 1}} {
		o, err := py.RangeNew(py.RangeType, py.Tuple{py.Int(r[0]), py.Int(r[1]), py.Int(r[2])}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var want []wire.Value
		for x := r[0]; (r[2] > 0 && x < r[1]) || (r[2] < 0 && x > r[1]); x += r[2] {
			want = append(want, x)
		}
		got := RangeValues(o.(*py.Range))
		if len(got) != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
			t.Fatalf("range%v: got %v, want %v", r, got, want)
		}
	}
}
