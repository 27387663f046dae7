package wire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"reflect"
	"strings"
	"testing"
)

func bigInt(s string) *big.Int {
	x, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("bad big int " + s)
	}
	return x
}

// valueCases pairs values with what they decode to (nil want: the value itself).
var valueCases = []struct {
	name string
	in   Value
	want Value
}{
	{"nil", nil, nil},
	{"true", true, nil},
	{"false", false, nil},
	{"zero", int64(0), nil},
	{"fixint", int64(127), nil},
	{"negfixint", int64(-32), nil},
	{"uint8", int64(200), nil},
	{"int8", int64(-100), nil},
	{"uint16", int64(60000), nil},
	{"int16", int64(-30000), nil},
	{"uint32", int64(4000000000), nil},
	{"int32", int64(-2000000000), nil},
	{"maxint64", int64(math.MaxInt64), nil},
	{"minint64", int64(math.MinInt64), nil},
	{"go int", 42, int64(42)},
	{"go int8", int8(-5), int64(-5)},
	{"go uint16", uint16(65535), int64(65535)},
	{"go uint64 small", uint64(7), int64(7)},
	{"go uint64 huge", uint64(math.MaxUint64), bigInt("18446744073709551615")},
	{"big positive", bigInt("123456789012345678901234567890"), nil},
	{"big negative", bigInt("-123456789012345678901234567890"), nil},
	{"big just above int64", bigInt("9223372036854775808"), nil},
	{"big just below int64", bigInt("-9223372036854775809"), nil},
	{"big fits int64", big.NewInt(-12345), int64(-12345)},
	{"big 2**64", bigInt("18446744073709551616"), nil},
	{"big -2**64", bigInt("-18446744073709551616"), nil},
	{"float", 3.5, nil},
	{"float inf", math.Inf(-1), nil},
	{"float32", float32(1.5), 1.5},
	{"complex", complex(1.5, -2), nil},
	{"complex64", complex64(complex(0.5, 4)), complex(0.5, 4)},
	{"empty string", "", nil},
	{"string", "héllo", nil},
	{"long string", strings.Repeat("x", 70000), nil},
	{"not utf8", "\xff\xfe", nil},
	{"bytes", []byte{0, 1, 255}, nil},
	{"nil bytes", []byte(nil), []byte{}},
	{"big bytes", bytes.Repeat([]byte{7}, 300), nil},
	{"empty list", List{}, nil},
	{"nil list", List(nil), List{}},
	{"list", List{int64(1), "two", 3.0, nil, true}, nil},
	{"[]any", []any{int64(1), "x"}, List{int64(1), "x"}},
	{"tuple", Tuple{int64(1), Tuple{}, List{int64(2)}}, nil},
	{"empty tuple", Tuple{}, nil},
	{"long tuple", Tuple(make([]Value, 300)), nil},
	{"set", Set{int64(1), "a"}, nil},
	{"frozenset", FrozenSet{int64(3)}, nil},
	{"dict", &Dict{Items: []KV{{"b", int64(1)}, {int64(2), List{}}, {Tuple{int64(1), nil}, "t"}, {nil, 1.5}}}, nil},
	{"empty dict", &Dict{}, &Dict{Items: []KV{}}},
	{"nil dict", (*Dict)(nil), nil},
	{"ref", Ref{Module: "builtins", Name: "abs"}, nil},
	{"ext", Ext{Code: 32, Data: []byte("abc")}, nil},
	{"ext empty", Ext{Code: 127, Data: []byte{}}, nil},
	{"ext 16", Ext{Code: 40, Data: bytes.Repeat([]byte{1}, 16)}, nil},
	{"ext large", Ext{Code: 50, Data: bytes.Repeat([]byte{1}, 70000)}, nil},
	{"exception", &Exception{Module: "builtins", Type: "ValueError", Args: []Value{"bad", int64(3)},
		Message: "('bad', 3)", Traceback: "Traceback (most recent call last):\n  ...\nValueError: ('bad', 3)\n",
		Class: Ext{Code: 33, Data: []byte{1}}}, nil},
	{"exception bare", &Exception{Type: "KeyError"}, nil},
	{"nested", List{List{List{Tuple{&Dict{Items: []KV{{"k", Set{FrozenSet{int64(1)}}}}}}}}}, nil},
	{"big list", func() Value {
		l := make(List, 1000)
		for i := range l {
			l[i] = int64(i * 1000)
		}
		return l
	}(), nil},
}

func TestValueRoundTrip(t *testing.T) {
	for _, c := range valueCases {
		t.Run(c.name, func(t *testing.T) {
			want := c.want
			if want == nil {
				want = c.in
			}
			if c.name == "nil dict" {
				want = nil
			}
			b, err := EncodeValue(c.in)
			if err != nil {
				t.Fatalf("EncodeValue: %v", err)
			}
			got, err := DecodeValue(b)
			if err != nil {
				t.Fatalf("DecodeValue(% x): %v", b, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round trip: got %#v, want %#v", got, want)
			}
			// Inside a result frame, through a Writer and a Reader.
			m := roundTrip(t, &Message{Kind: KindResult, Result: &Result{ID: 9, Value: c.in}})
			if !reflect.DeepEqual(m.Result.Value, want) {
				t.Fatalf("result frame: got %#v, want %#v", m.Result.Value, want)
			}
		})
	}
}

// roundTrip writes m as a frame and reads it back.
func roundTrip(t *testing.T, m *Message) *Message {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.WriteMessage(m); err != nil {
		t.Fatalf("WriteMessage: %v", err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	r := NewReader(&buf)
	got, err := r.ReadMessage()
	if err != nil {
		t.Fatalf("ReadMessage: %v", err)
	}
	if _, err := r.ReadMessage(); err != io.EOF {
		t.Fatalf("second ReadMessage: %v, want io.EOF", err)
	}
	return got
}

var messageCases = []struct {
	name string
	m    *Message
}{
	{"hello", &Message{Kind: KindHello, Hello: &Hello{PID: 12345, Name: "SpawnPoolWorker-3"}}},
	{"define go", &Message{Kind: KindDefine, Define: &Define{ID: 1, Runtime: "go", Payload: "square"}}},
	{"define py", &Message{Kind: KindDefine, Define: &Define{ID: 1 << 40, Runtime: "py",
		Payload: Tuple{Ext{Code: 32, Data: []byte("code")}, &Dict{Items: []KV{{"x", int64(1)}}}}}}},
	{"task call", &Message{Kind: KindTask, Task: &Task{ID: 7, Func: 1, Mode: ModeCall, Args: []Value{int64(5)}}}},
	{"task call kwargs", &Message{Kind: KindTask, Task: &Task{ID: 8, Func: 2, Mode: ModeCall,
		Args: []Value{"a", 2.5}, Kwargs: []KV{{"sep", "-"}, {"end", nil}, {"n", int64(3)}}}}},
	{"task call no args", &Message{Kind: KindTask, Task: &Task{ID: 9, Func: 2, Mode: ModeCall}}},
	{"task map", &Message{Kind: KindTask, Task: &Task{ID: math.MaxUint64, Func: 3, Mode: ModeMap,
		Args: []Value{int64(1), int64(2), int64(3)}}}},
	{"task starmap", &Message{Kind: KindTask, Task: &Task{ID: 10, Func: 3, Mode: ModeStarmap,
		Args: []Value{Tuple{int64(1), int64(2)}, Tuple{int64(3), int64(4)}}}}},
	{"init", &Message{Kind: KindInit, Init: &Init{Func: 4, Args: []Value{"cfg", int64(1)}}}},
	{"init no args", &Message{Kind: KindInit, Init: &Init{Func: 4}}},
	{"result value", &Message{Kind: KindResult, Result: &Result{ID: 7, Value: int64(25)}}},
	{"result list", &Message{Kind: KindResult, Result: &Result{ID: 10, Value: List{int64(2), int64(12)}}}},
	{"result error", &Message{Kind: KindResult, Result: &Result{ID: 11, Err: &Exception{
		Module: "builtins", Type: "ZeroDivisionError", Args: []Value{"division by zero"},
		Message:   "division by zero",
		Traceback: "Traceback (most recent call last):\n  File \"x.py\", line 3, in f\n    return 1/0\nZeroDivisionError: division by zero\n"}}}},
	{"result init error", &Message{Kind: KindResult, Result: &Result{ID: 0, Err: &Exception{Module: "__main__", Type: "Boom"}}}},
	{"shutdown", &Message{Kind: KindShutdown}},
}

func TestMessageRoundTrip(t *testing.T) {
	for _, c := range messageCases {
		t.Run(c.name, func(t *testing.T) {
			got := roundTrip(t, c.m)
			if !reflect.DeepEqual(got, c.m) {
				t.Fatalf("got %s, want %s", dump(got), dump(c.m))
			}
			body, err := EncodeMessage(c.m)
			if err != nil {
				t.Fatal(err)
			}
			got2, err := DecodeMessage(body)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got2, c.m) {
				t.Fatalf("DecodeMessage: got %s, want %s", dump(got2), dump(c.m))
			}
		})
	}
}

func dump(m *Message) string {
	s := m.Kind.String()
	for _, p := range []any{m.Hello, m.Define, m.Task, m.Result, m.Init} {
		if v := reflect.ValueOf(p); !v.IsNil() {
			s += fmt.Sprintf(" %+v", v.Elem().Interface())
		}
	}
	return s
}

// TestManyFrames checks that frames batched in one buffer come apart again,
// including frames too big for the Reader's I/O buffer.
func TestManyFrames(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	var sent []*Message
	for i := 0; i < 200; i++ {
		m := &Message{Kind: KindTask, Task: &Task{ID: uint64(i), Func: 1, Args: []Value{int64(i)}}}
		if i%50 == 0 {
			m.Task.Args = []Value{strings.Repeat("y", 100000+i)}
		}
		sent = append(sent, m)
		if err := w.WriteMessage(m); err != nil {
			t.Fatal(err)
		}
	}
	if w.Buffered() == 0 {
		t.Fatal("nothing buffered before Flush")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	r := NewReader(&buf)
	for i, want := range sent {
		got, err := r.ReadMessage()
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("frame %d differs", i)
		}
	}
	if _, err := r.ReadMessage(); err != io.EOF {
		t.Fatalf("after the last frame: %v, want io.EOF", err)
	}
}

// TestDecodedDataIsCopied checks that decoded values do not alias the
// frame's bytes (the Reader reuses its buffers).
func TestDecodedDataIsCopied(t *testing.T) {
	body, err := EncodeMessage(&Message{Kind: KindResult, Result: &Result{ID: 1,
		Value: List{[]byte("bytes"), "str", Ext{Code: 40, Data: []byte("ext")}}}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := DecodeMessage(body)
	if err != nil {
		t.Fatal(err)
	}
	for i := range body {
		body[i] = 'Z'
	}
	want := List{[]byte("bytes"), "str", Ext{Code: 40, Data: []byte("ext")}}
	if !reflect.DeepEqual(m.Result.Value, want) {
		t.Fatalf("decoded value changed with its input: %#v", m.Result.Value)
	}
}

func TestDepthLimit(t *testing.T) {
	nest := func(n int) Value {
		var v Value = int64(1)
		for i := 0; i < n; i++ {
			v = List{v}
		}
		return v
	}
	b, err := EncodeValue(nest(MaxDepth))
	if err != nil {
		t.Fatalf("%d levels: %v", MaxDepth, err)
	}
	if _, err := DecodeValue(b); err != nil {
		t.Fatalf("decoding %d levels: %v", MaxDepth, err)
	}
	_, err = EncodeValue(nest(MaxDepth + 1))
	var ee *EncodeError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), fmt.Sprintf("nested deeper than %d levels", MaxDepth)) {
		t.Fatalf("%d levels: got %v, want a depth error", MaxDepth+1, err)
	}
	// Hand-made: one more level than the encoder allows.
	deep := append(bytes.Repeat([]byte{0x91}, MaxDepth+1), 0x01)
	if _, err := DecodeValue(deep); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Fatalf("decoding %d levels: got %v, want a depth error", MaxDepth+1, err)
	}
	// Inside a task frame: the args array is a level too, on both sides.
	m := &Message{Kind: KindTask, Task: &Task{ID: 1, Func: 1, Args: []Value{nest(MaxDepth - 1)}}}
	if got := roundTrip(t, m); !reflect.DeepEqual(got, m) {
		t.Fatal("deepest task differs after a round trip")
	}
	m.Task.Args[0] = nest(MaxDepth)
	if _, err := EncodeMessage(m); err == nil {
		t.Fatal("task one level too deep encoded")
	}
	// Python's default recursion limit: an argument and a result nested
	// 1000 levels cross (issue 14, item 7: 250 was the limit).
	m.Task.Args[0] = nest(1000)
	if got := roundTrip(t, m); !reflect.DeepEqual(got, m) {
		t.Fatal("a task argument nested 1000 levels differs after a round trip")
	}
	r := &Message{Kind: KindResult, Result: &Result{ID: 1, Value: Tuple{nest(1000)}}}
	if got := roundTrip(t, r); !reflect.DeepEqual(got, r) {
		t.Fatal("a result nested 1001 levels differs after a round trip")
	}
}

func TestCycles(t *testing.T) {
	l := List{nil}
	l[0] = l
	d := &Dict{}
	d.Items = []KV{{"self", d}}
	tup := Tuple{int64(1), nil}
	tup[1] = List{tup}
	ex := &Exception{Type: "E"}
	ex.Args = []Value{ex}
	ex2 := &Exception{Type: "E"}
	ex2.Class = List{ex2}
	shared := List{int64(1)}
	notCycle := List{shared, shared, Tuple(shared)} // shared, but no cycle
	sub := List{int64(1), nil}
	sub[1] = Tuple(sub[:1]) // same backing array, not a cycle
	for name, v := range map[string]Value{"list": l, "dict": d, "tuple": tup, "exception args": ex, "exception class": ex2} {
		_, err := EncodeValue(v)
		var ee *EncodeError
		if !errors.As(err, &ee) || !strings.Contains(err.Error(), "contains itself") {
			t.Errorf("%s: got %v, want a cycle error", name, err)
		}
		var buf bytes.Buffer
		w := NewWriter(&buf)
		err = w.WriteMessage(&Message{Kind: KindResult, Result: &Result{ID: 1, Value: v}})
		if err == nil || w.Buffered() != 0 {
			t.Errorf("%s: WriteMessage: err %v, %d bytes buffered", name, err, w.Buffered())
		}
	}
	for name, v := range map[string]Value{"shared": notCycle, "subslice": sub} {
		b, err := EncodeValue(v)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		got, err := DecodeValue(b)
		if err != nil || !reflect.DeepEqual(got, v) {
			t.Errorf("%s: got %#v, %v", name, got, err)
		}
	}
}

func TestUnsupportedTypes(t *testing.T) {
	for _, c := range []struct {
		v    Value
		want string
	}{
		{make(chan int), "wire: cannot encode value of type chan int"},
		{map[string]any{}, "wire: cannot encode value of type map[string]interface {}"},
		{List{struct{}{}}, "wire: cannot encode value of type struct {}"},
		{Ext{Code: 5}, "wire: cannot encode wire.Ext with code 5: codes below 32 are reserved"},
		{Ext{Code: -1}, "wire: cannot encode wire.Ext with code -1: codes below 32 are reserved"},
	} {
		_, err := EncodeValue(c.v)
		var ee *EncodeError
		if !errors.As(err, &ee) || err.Error() != c.want {
			t.Errorf("%T: got %v, want %q", c.v, err, c.want)
		}
	}
	_, err := EncodeMessage(&Message{Kind: KindTask, Task: &Task{Kwargs: []KV{{int64(1), nil}}}})
	if err == nil || !strings.Contains(err.Error(), "keyword argument names must be strings") {
		t.Errorf("int kwarg key: %v", err)
	}
	for _, m := range []*Message{{Kind: 0}, {Kind: 99}, {Kind: KindTask}, {Kind: KindTask, Task: &Task{Mode: 3}}} {
		if _, err := EncodeMessage(m); err == nil {
			t.Errorf("%v encoded", m)
		}
	}
}

func TestOversize(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.SetMaxFrame(1000)
	big := &Message{Kind: KindResult, Result: &Result{ID: 1, Value: List{strings.Repeat("x", 2000), bigInt("1" + strings.Repeat("0", 3000))}}}
	err := w.WriteMessage(big)
	var ee *EncodeError
	var fe *FrameTooLargeError
	if !errors.As(err, &ee) || !errors.As(err, &fe) {
		t.Fatalf("got %v, want an EncodeError wrapping a FrameTooLargeError", err)
	}
	body, _ := EncodeMessage(big)
	if fe.Size != int64(len(body)) || fe.Limit != 1000 {
		t.Fatalf("size %d limit %d, want %d and 1000", fe.Size, fe.Limit, len(body))
	}
	want := "wire: frame of " + FormatSize(int64(len(body))) + " exceeds the frame limit of 1000 bytes"
	if err.Error() != want {
		t.Fatalf("error %q, want %q", err, want)
	}
	if w.Buffered() != 0 || buf.Len() != 0 {
		t.Fatal("an oversized frame wrote bytes")
	}
	// The Writer goes on.
	small := &Message{Kind: KindResult, Result: &Result{ID: 2, Value: "ok"}}
	if err := w.WriteMessage(small); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	r := NewReader(&buf)
	r.SetMaxFrame(1000)
	got, err := r.ReadMessage()
	if err != nil || !reflect.DeepEqual(got, small) {
		t.Fatalf("after an oversized frame: %v %v", got, err)
	}

	// A frame exactly at the limit passes; one byte more does not.
	m := &Message{Kind: KindResult, Result: &Result{ID: 1, Value: ""}}
	body, _ = EncodeMessage(m)
	pad := 1000 - len(body)
	m.Result.Value = strings.Repeat("z", pad-2) // str8 header grows by 1 over fixstr
	if b, _ := EncodeMessage(m); len(b) != 1000 {
		t.Fatalf("test setup: frame of %d bytes", len(b))
	}
	if err := w.WriteMessage(m); err != nil {
		t.Fatalf("frame at the limit: %v", err)
	}
	m.Result.Value = strings.Repeat("z", pad-1)
	if err := w.WriteMessage(m); err == nil {
		t.Fatal("frame one byte over the limit was written")
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1: "1 byte", 1023: "1023 bytes", 1024: "1 KiB",
		1536: "1.5 KiB", 1 << 30: "1 GiB", 1288490189: "1.2 GiB", 5 << 40: "5 TiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
	e := &FrameTooLargeError{Size: 1288490189, Limit: 1 << 30}
	if e.Error() != "wire: frame of 1.2 GiB exceeds the frame limit of 1 GiB" {
		t.Errorf("got %q", e.Error())
	}
}

func TestNames(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{KindHello.String(), "hello"}, {KindInit.String(), "init"}, {KindShutdown.String(), "shutdown"},
		{Kind(0).String(), "kind(0)"}, {Kind(200).String(), "kind(200)"},
		{ModeCall.String(), "call"}, {ModeStarmap.String(), "starmap"}, {Mode(9).String(), "mode(9)"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
