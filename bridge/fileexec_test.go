package bridge

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

func newTasksExecutor(t *testing.T, file string, workers int) *FileExecutor {
	t.Helper()
	ex, err := NewFileExecutor("testdata/fileexec/"+file, pool.Workers(workers))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ex.Shutdown(true) })
	return ex
}

func submitWait(t *testing.T, ex *FileExecutor, name string, args ...any) (wire.Value, error) {
	t.Helper()
	f, err := ex.Submit(context.Background(), name, args...)
	if err != nil {
		t.Fatalf("Submit(%s): %v", name, err)
	}
	return f.Result(context.Background())
}

func TestFileExecutorModule(t *testing.T) {
	ex := newTasksExecutor(t, "tasks.py", 1)
	v, err := submitWait(t, ex, "whoami")
	if err != nil || !reflect.DeepEqual(v, wire.Tuple{"tasks", true}) {
		t.Fatalf("whoami() = %#v, %v; want ('tasks', True): loaded as module tasks", v, err)
	}
	// One worker loads the file once: module state persists across calls.
	for i := 0; i < 3; i++ {
		if _, err := submitWait(t, ex, "score", i, 1); err != nil {
			t.Fatal(err)
		}
	}
	if v, err := submitWait(t, ex, "calls_so_far"); err != nil || v != int64(3) {
		t.Fatalf("calls_so_far() = %v, %v; want 3", v, err)
	}
	v, err = submitWait(t, ex, "stats", []int{1, 2, 3})
	want := &wire.Dict{Items: []wire.KV{{Key: "n", Value: int64(3)}, {Key: "total", Value: int64(6)}, {Key: "mean", Value: 2.0}}}
	if err != nil || !reflect.DeepEqual(v, want) {
		t.Fatalf("stats = %#v, %v", v, err)
	}
}

func TestFileExecutorErrors(t *testing.T) {
	ex := newTasksExecutor(t, "tasks.py", 1)
	_, err := submitWait(t, ex, "fail", "bad input")
	var exc *wire.Exception
	if !errors.As(err, &exc) || exc.Type != "ValueError" || exc.Message != "bad input" {
		t.Fatalf("fail(): err = %#v, want a ValueError", err)
	}
	for _, want := range []string{"Traceback (most recent call last):", "tasks.py\", line 26, in fail", "ValueError: bad input"} {
		if !strings.Contains(exc.Traceback, want) {
			t.Errorf("traceback lacks %q:\n%s", want, exc.Traceback)
		}
	}
	_, err = submitWait(t, ex, "nope")
	if !errors.As(err, &exc) || exc.Type != "AttributeError" || exc.Message != "module 'tasks' has no attribute 'nope'" {
		t.Fatalf("nope(): err = %v", err)
	}
	_, err = submitWait(t, ex, "not_callable")
	if !errors.As(err, &exc) || exc.Type != "TypeError" || !strings.Contains(exc.Message, "not callable") {
		t.Fatalf("not_callable(): err = %v", err)
	}
	_, err = submitWait(t, ex, "score", 1)
	if !errors.As(err, &exc) || exc.Type != "TypeError" || !strings.Contains(exc.Message, "missing 1 required positional argument") {
		t.Fatalf("score(1): err = %v", err)
	}
	// The pool still works after the failures.
	if v, err := submitWait(t, ex, "score", 1, 1); err != nil || v != int64(2) {
		t.Fatalf("score(1, 1) = %v, %v", v, err)
	}
	if _, err := ex.Submit(context.Background(), "score", make(chan int)); err == nil || !strings.Contains(err.Error(), "argument 1") {
		t.Fatalf("Submit(chan): err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ex.Submit(ctx, "score", 1, 2); !errors.Is(err, context.Canceled) {
		t.Fatalf("Submit(cancelled ctx): err = %v", err)
	}
}

func TestFileExecutorBrokenFile(t *testing.T) {
	ex := newTasksExecutor(t, "broken.py", 1)
	for i := 0; i < 2; i++ { // the failure is reported to every call
		_, err := submitWait(t, ex, "ok")
		var exc *wire.Exception
		if !errors.As(err, &exc) || exc.Type != "RuntimeError" || exc.Message != "broken at import" ||
			!strings.Contains(exc.Traceback, "broken.py\", line 4, in <module>") {
			t.Fatalf("call %d: err = %#v", i, err)
		}
	}
	if _, err := NewFileExecutor("testdata/fileexec/missing.py"); err == nil || !strings.Contains(err.Error(), "missing.py") {
		t.Fatalf("missing file: err = %v", err)
	}
}

func TestFileFuncInProcess(t *testing.T) {
	f, err := PyFileFunc("testdata/fileexec/tasks.py", "score")
	if err != nil {
		t.Fatal(err)
	}
	if f2, _ := PyFileFunc("testdata/fileexec/../fileexec/tasks.py", "score"); f2 != f {
		t.Fatal("PyFileFunc gave two FileFuncs for one function")
	}
	v, err := f.Call(context.Background(), []wire.Value{int64(2), int64(3)}, nil)
	if err != nil || v != int64(13) {
		t.Fatalf("in-process score(2, 3) = %v, %v", v, err)
	}
	// On a thread pool it runs in-process too.
	tp, err := pool.NewThreadPoolExecutor(pool.Workers(2))
	if err != nil {
		t.Fatal(err)
	}
	defer tp.Shutdown(true, false)
	fut, err := tp.SubmitCall(f, []wire.Value{int64(1), int64(1)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := fut.Result(context.Background()); err != nil || v != int64(2) {
		t.Fatalf("thread pool score(1, 1) = %v, %v", v, err)
	}
	g, _ := PyFileFunc("testdata/fileexec/tasks.py", "nope")
	if _, err := g.Call(context.Background(), nil, nil); err == nil || !strings.Contains(err.Error(), "no attribute 'nope'") {
		t.Fatalf("in-process nope(): err = %v", err)
	}
}
