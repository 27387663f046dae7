package wire

import (
	"bytes"
	"reflect"
	"testing"
)

// TestTaskArgsRangeIsTheListOfItsInts: a task whose items are an IntRange
// is sent as the same bytes as one whose Args are the ints, and decodes
// into those Args.
func TestTaskArgsRangeIsTheListOfItsInts(t *testing.T) {
	r := IntRange{Start: -300, Step: 97, Len: 50}
	var ints []Value
	for i := range r.Len {
		ints = append(ints, r.At(i))
	}
	frame := func(task *Task) []byte {
		var b bytes.Buffer
		w := NewWriter(&b)
		if err := w.WriteMessage(&Message{Kind: KindTask, Task: task}); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	lazy := frame(&Task{ID: 7, Func: 3, Mode: ModeMap, ArgsRange: &r})
	made := frame(&Task{ID: 7, Func: 3, Mode: ModeMap, Args: ints})
	if !bytes.Equal(lazy, made) {
		t.Fatalf("ArgsRange frame % x\nArgs frame      % x", lazy, made)
	}
	m, err := NewReader(bytes.NewReader(lazy)).ReadMessage()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m.Task.Args, ints) || m.Task.ArgsRange != nil {
		t.Fatalf("decoded Args %v (range %v), want %v", m.Task.Args, m.Task.ArgsRange, ints)
	}
}
