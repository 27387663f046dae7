package pool

import (
	"context"
	"strings"
	"testing"

	"github.com/pypool/pypool/pool/wire"
)

func TestGoFuncParamNames(t *testing.T) {
	g, err := newGoFunc("t.area", func(ctx context.Context, w, h int, unit string) string {
		return strings.Repeat("#", w*h) + unit
	})
	if err != nil {
		t.Fatal(err)
	}
	g.WithParamNames("w", "h", "unit")
	call := func(args []wire.Value, kw ...wire.KV) (wire.Value, error) {
		return g.Call(context.Background(), args, kw)
	}
	if v, err := call([]wire.Value{int64(2)}, wire.KV{Key: "unit", Value: "m"}, wire.KV{Key: "h", Value: int64(2)}); v != "####m" || err != nil {
		t.Fatalf("area(2, unit='m', h=2) = %v, %v", v, err)
	}
	if v, err := call([]wire.Value{int64(1), int64(1), "x"}); v != "#x" || err != nil {
		t.Fatalf("area(1, 1, 'x') = %v, %v", v, err)
	}
	for _, c := range []struct {
		args []wire.Value
		kw   []wire.KV
		want string
	}{
		{[]wire.Value{int64(1), "2", "m"}, nil, "TypeError: t.area() argument 'h': want int, got str"},
		{[]wire.Value{int64(1)}, []wire.KV{{Key: "w", Value: int64(1)}}, "TypeError: t.area() got multiple values for argument 'w'"},
		{nil, []wire.KV{{Key: "x", Value: int64(1)}}, "TypeError: t.area() got an unexpected keyword argument 'x'"},
		{[]wire.Value{int64(1)}, nil, "TypeError: t.area() missing 2 required positional arguments: 'h' and 'unit'"},
		{nil, nil, "TypeError: t.area() missing 3 required positional arguments: 'w', 'h', and 'unit'"},
		{[]wire.Value{int64(1), int64(1)}, nil, "TypeError: t.area() missing 1 required positional argument: 'unit'"},
		{[]wire.Value{int64(1), int64(1), "", nil}, nil, "TypeError: t.area() takes 3 positional arguments but 4 were given"},
	} {
		if _, err := call(c.args, c.kw...); err == nil || err.Error() != c.want {
			t.Errorf("%v %v: err = %v, want %s", c.args, c.kw, err, c.want)
		}
	}
	if got := g.ParamNames(); strings.Join(got, ",") != "w,h,unit" {
		t.Fatalf("ParamNames = %v", got)
	}
	mustPanic := func(f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Error("no panic")
			}
		}()
		f()
	}
	mustPanic(func() { g.WithParamNames("w", "h") })
	mustPanic(func() { g.WithParamNames("w", "w", "u") })
	v, _ := newGoFunc("t.v", func(xs ...int) {})
	mustPanic(func() { v.WithParamNames("xs") })
}
