package wire_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pypool/pypool/pool/wire"
)

// A parent sends a task frame; the worker reads it and answers with a result.
func Example() {
	var pipe bytes.Buffer // stands for the pipe between parent and worker

	w := wire.NewWriter(&pipe)
	w.WriteMessage(&wire.Message{Kind: wire.KindDefine, Define: &wire.Define{ID: 1, Runtime: "go", Payload: "square"}})
	w.WriteMessage(&wire.Message{Kind: wire.KindTask, Task: &wire.Task{ID: 7, Func: 1, Args: []wire.Value{int64(12)}}})
	w.Flush() // both frames go out in one write

	r := wire.NewReader(&pipe)
	for {
		m, err := r.ReadMessage()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		switch m.Kind {
		case wire.KindDefine:
			fmt.Printf("define %d: %s %v\n", m.Define.ID, m.Define.Runtime, m.Define.Payload)
		case wire.KindTask:
			x := m.Task.Args[0].(int64)
			fmt.Printf("task %d: func %d(%d) = %d\n", m.Task.ID, m.Task.Func, x, x*x)
		}
	}
	// Output:
	// define 1: go square
	// task 7: func 1(12) = 144
}

// A value over the frame limit fails that one message; the Writer goes on.
func ExampleWriter_WriteMessage_tooLarge() {
	w := wire.NewWriter(io.Discard)
	w.SetMaxFrame(1 << 20)
	err := w.WriteMessage(&wire.Message{Kind: wire.KindResult,
		Result: &wire.Result{ID: 3, Value: strings.Repeat("x", 3<<20)}})
	var ee *wire.EncodeError
	var fe *wire.FrameTooLargeError
	fmt.Println(errors.As(err, &ee), errors.As(err, &fe), fe.Size > fe.Limit)
	fmt.Println(err)
	// Output:
	// true true true
	// wire: frame of 3 MiB exceeds the frame limit of 1 MiB
}
