package wire

import (
	"math"
	"reflect"
	"runtime"
	"testing"
)

// TestBoxedNumbersSurviveGC decodes many numbers (boxed into shared slabs),
// drops everything but a few of them, collects garbage, churns the heap and
// checks the survivors still hold their values.
func TestBoxedNumbersSurviveGC(t *testing.T) {
	in := make(List, 3000)
	for i := range in {
		switch i % 4 {
		case 0:
			in[i] = int64(i) * -1000003
		case 1:
			in[i] = float64(i) / 7
		case 2:
			in[i] = int64(i%64) - 32 // the static small ints
		default:
			in[i] = math.MaxInt64 - int64(i)
		}
	}
	b, err := EncodeValue(in)
	if err != nil {
		t.Fatal(err)
	}
	v, err := DecodeValue(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(v, in) {
		t.Fatal("numbers differ after a round trip")
	}
	l := v.(List)
	keep := []Value{l[0], l[1001], l[2998], l[2999], l[1500]}
	want := []Value{in[0], in[1001], in[2998], in[2999], in[1500]}
	l, v = nil, nil
	for i := 0; i < 3; i++ {
		runtime.GC()
		junk := make([][]int64, 1000)
		for j := range junk {
			junk[j] = make([]int64, 64)
			for k := range junk[j] {
				junk[j][k] = -1
			}
		}
		runtime.KeepAlive(junk)
	}
	if !reflect.DeepEqual(keep, want) {
		t.Fatalf("kept %v, want %v", keep, want)
	}
	if x, ok := keep[1].(float64); !ok || x != 1001.0/7 {
		t.Fatalf("float: %#v", keep[1])
	}
}
