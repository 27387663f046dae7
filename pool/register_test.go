package pool

import (
	"context"
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/pypool/pypool/pool/wire"
)

type ctxKey struct{}

var (
	tfSum = Register("test.sum", func(xs []int) int {
		t := 0
		for _, x := range xs {
			t += x
		}
		return t
	})
	tfScale = Register("test.scale", func(m map[string]float64, k float64) map[string]float64 {
		out := map[string]float64{}
		for key, v := range m {
			out[key] = v * k
		}
		return out
	})
	tfCtx = Register("test.ctx", func(ctx context.Context, s string) (string, error) {
		v, _ := ctx.Value(ctxKey{}).(string)
		return v + s, nil
	})
	tfVariadic = Register("test.variadic", func(sep string, parts ...string) string { return strings.Join(parts, sep) })
	tfBytes    = Register("test.bytes", func(b []byte, flag bool) []any { return []any{len(b), flag, nil, uint64(1) << 63} })
	tfNothing  = Register("test.nothing", func() {})
	tfAnyErr   = Register("test.anyerr", func(v any) (any, error) {
		if v == nil {
			return nil, errors.New("nil given")
		}
		return []int{1, 2}, nil
	})
)

func TestRegisteredCallConversions(t *testing.T) {
	ctx := context.WithValue(context.Background(), ctxKey{}, "ctx:")
	cases := []struct {
		fn   *GoFunc
		args []wire.Value
		want wire.Value
	}{
		{tfSum, []wire.Value{wire.List{int64(1), int64(2), int64(3)}}, int64(6)},
		{tfSum, []wire.Value{wire.Tuple{int64(4)}}, int64(4)},
		{tfScale, []wire.Value{&wire.Dict{Items: []wire.KV{{Key: "b", Value: 2.0}, {Key: "a", Value: int64(1)}}}, int64(3)},
			&wire.Dict{Items: []wire.KV{{Key: "a", Value: 3.0}, {Key: "b", Value: 6.0}}}},
		{tfCtx, []wire.Value{"x"}, "ctx:x"},
		{tfVariadic, []wire.Value{"-", "a", "b", "c"}, "a-b-c"},
		{tfVariadic, []wire.Value{"-"}, ""},
		{tfBytes, []wire.Value{[]byte("abc"), true}, wire.List{int64(3), true, nil, new(big.Int).Lsh(big.NewInt(1), 63)}},
		{tfNothing, nil, nil},
		{tfAnyErr, []wire.Value{"x"}, wire.List{int64(1), int64(2)}},
		{tfSquare, []wire.Value{int64(12)}, int64(144)},
		{tfSquare, []wire.Value{true}, int64(1)}, // bool is an int, as in Python
	}
	for _, c := range cases {
		got, err := c.fn.Call(ctx, c.args, nil)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s%v = %#v, %v; want %#v", c.fn.Name(), c.args, got, err, c.want)
		}
	}
}

func TestRegisteredCallErrors(t *testing.T) {
	cases := []struct {
		fn   *GoFunc
		args []wire.Value
		kw   []wire.KV
		want string
	}{
		{tfSquare, []wire.Value{"7"}, nil, "test.square() argument 1: want int, got str"},
		{tfSquare, nil, nil, "test.square() takes 1 positional argument but 0 were given"},
		{tfAdd, []wire.Value{int64(1)}, nil, "test.add() takes 2 positional arguments but 1 was given"},
		{tfSum, []wire.Value{wire.List{int64(1), "x"}}, nil, "test.sum() argument 1: item 1: want int, got str"},
		{tfScale, []wire.Value{&wire.Dict{Items: []wire.KV{{Key: int64(1), Value: 1.0}}}, 1.0}, nil, "want map[string]float64, got a dict with a int key"},
		{tfVariadic, nil, nil, "test.variadic() takes at least 1 positional arguments but 0 were given"},
		{tfSquare, []wire.Value{int64(1)}, []wire.KV{{Key: "x", Value: int64(1)}}, "test.square() got an unexpected keyword argument 'x'"},
		{tfAnyErr, []wire.Value{nil}, nil, "nil given"},
		{tfFail, []wire.Value{"boom"}, nil, "boom"},
	}
	for _, c := range cases {
		_, err := c.fn.Call(context.Background(), c.args, c.kw)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s%v: err = %v; want one containing %q", c.fn.Name(), c.args, err, c.want)
		}
	}
	var exc *wire.Exception
	_, err := tfSquare.Call(context.Background(), []wire.Value{"7"}, nil)
	if !errors.As(err, &exc) || exc.Type != "TypeError" {
		t.Errorf("a mismatched argument is %#v, want a TypeError", err)
	}
}

func TestRegisterRejects(t *testing.T) {
	for _, c := range []struct {
		fn   any
		want string
	}{
		{42, "want a non-nil function"},
		{func(chan int) {}, "parameter 1: type chan int cannot be received"},
		{func() (int, int) { return 0, 0 }, "at most one result"},
		{func() chan int { return nil }, "result: type chan int cannot be sent"},
	} {
		func() {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(fmtAny(r), c.want) {
					t.Errorf("Register(%T): panic %v; want one containing %q", c.fn, r, c.want)
				}
			}()
			Register("test.rejected", c.fn)
		}()
	}
	func() {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(fmtAny(r), "already registered") {
				t.Errorf("duplicate name: panic %v", r)
			}
		}()
		Register("test.square", func() {})
	}()
}

func fmtAny(v any) string {
	if err, ok := v.(error); ok {
		return err.Error()
	}
	s, _ := v.(string)
	return s
}

// Registered functions run in thread pools too, in-process.
func TestRegisteredInThreadPool(t *testing.T) {
	p, err := NewThreadPool(Workers(2))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { p.Close(); p.Join() }()
	got, err := p.Map(tfSquare, []wire.Value{1, int64(2), 3}, 0) // Go ints pass as they are
	if err != nil || !reflect.DeepEqual(got, wire.List{int64(1), int64(4), int64(9)}) {
		t.Fatalf("thread pool map of a registered function: %v, %v", got, err)
	}
	if v, err := p.Apply(tfName, nil, nil); err != nil || v != "MainProcess" {
		t.Fatalf("CurrentWorker in a thread pool: %v, %v", v, err)
	}
}
