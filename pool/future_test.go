package pool

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// captureLog routes the engine's log to a buffer for the duration of a test.
func captureLog(t *testing.T) func() []string {
	t.Helper()
	var mu sync.Mutex
	var lines []string
	prev := SetLogger(func(msg string, err error) {
		mu.Lock()
		defer mu.Unlock()
		lines = append(lines, fmt.Sprintf("%s | %v", msg, err))
	})
	t.Cleanup(func() { SetLogger(prev) })
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), lines...)
	}
}

func TestFutureStatesAndResult(t *testing.T) {
	f := NewFuture[int]()
	if f.State() != Pending || f.Done() || f.Running() || f.Cancelled() {
		t.Fatalf("new future: state %v", f.State())
	}
	if _, err := f.ResultTimeout(0); !isTimeout(err) {
		t.Fatalf("ResultTimeout(0) on pending: %v, want *TimeoutError", err)
	}
	if _, err := f.ResultTimeout(-time.Second); !isTimeout(err) {
		t.Fatalf("negative timeout: %v, want *TimeoutError", err)
	}
	ok, err := f.SetRunningOrNotifyCancel()
	if !ok || err != nil || !f.Running() || f.State() != Running {
		t.Fatalf("SetRunningOrNotifyCancel: %v %v %v", ok, err, f.State())
	}
	if f.Cancel() {
		t.Fatal("Cancel succeeded on a running future")
	}
	logs := captureLog(t)
	if _, err := f.SetRunningOrNotifyCancel(); err == nil || err.Error() != "Future in unexpected state" {
		t.Fatalf("second SetRunningOrNotifyCancel: %v", err)
	}
	if l := logs(); len(l) != 1 || !regexp.MustCompile(`^Future 0x[0-9a-f]+ in unexpected state: RUNNING \| <nil>$`).MatchString(l[0]) {
		t.Fatalf("log %q", l)
	}
	go func() {
		time.Sleep(10 * time.Millisecond)
		f.SetResult(42)
	}()
	v, err := f.Result(context.Background())
	if v != 42 || err != nil {
		t.Fatalf("Result = %v, %v", v, err)
	}
	if !f.Done() || f.State() != Finished || f.Running() {
		t.Fatalf("after SetResult: %v", f.State())
	}
	callErr, err := f.ExceptionTimeout(NoTimeout)
	if callErr != nil || err != nil {
		t.Fatalf("Exception = %v, %v", callErr, err)
	}
	if f.Cancel() {
		t.Fatal("Cancel succeeded on a finished future")
	}
	err = f.SetResult(1)
	var ise *InvalidStateError
	if !errors.As(err, &ise) {
		t.Fatalf("second SetResult: %v, want InvalidStateError", err)
	}
	if !regexp.MustCompile(`^FINISHED: <Future at 0x[0-9a-f]+ state=finished returned int>$`).MatchString(err.Error()) {
		t.Fatalf("InvalidStateError text %q", err)
	}
	if err := f.SetException(errors.New("x")); !errors.As(err, &ise) {
		t.Fatalf("SetException after result: %v", err)
	}
}

func isTimeout(err error) bool {
	var te *TimeoutError
	return errors.As(err, &te) && !errors.Is(err, context.DeadlineExceeded)
}

func TestFutureException(t *testing.T) {
	f := NewFuture[string]()
	boom := &ValueError{Msg: "boom"}
	if err := f.SetException(boom); err != nil {
		t.Fatal(err)
	}
	v, err := f.ResultTimeout(NoTimeout)
	if v != "" || err != boom {
		t.Fatalf("Result = %q, %v", v, err)
	}
	callErr, err := f.Exception(context.Background())
	if callErr != boom || err != nil {
		t.Fatalf("Exception = %v, %v", callErr, err)
	}
	if !regexp.MustCompile(`^<Future at 0x[0-9a-f]+ state=finished raised ValueError>$`).MatchString(f.String()) {
		t.Fatalf("repr %q", f.String())
	}
	err = f.SetResult("late")
	if err == nil || !strings.HasPrefix(err.Error(), "FINISHED: <Future at 0x") || !strings.HasSuffix(err.Error(), "raised ValueError>") {
		t.Fatalf("SetResult after exception: %v", err)
	}
	if err := NewFuture[int]().SetException(nil); err == nil {
		t.Fatal("SetException(nil) accepted")
	}
}

func TestFutureCancel(t *testing.T) {
	captureLog(t)
	f := NewFuture[int]()
	if !regexp.MustCompile(`^<Future at 0x[0-9a-f]+ state=pending>$`).MatchString(f.String()) {
		t.Fatalf("repr %q", f.String())
	}
	var calls []string
	f.AddDoneCallback(func(g *Future[int]) error {
		if g != f {
			t.Error("callback got another future")
		}
		calls = append(calls, "cb1")
		return nil
	})
	waited := make(chan error, 1)
	go func() { _, err := f.ResultTimeout(NoTimeout); waited <- err }()
	if !f.Cancel() || !f.Cancelled() || !f.Done() || f.State() != Cancelled {
		t.Fatalf("Cancel: state %v", f.State())
	}
	if err := <-waited; !errors.As(err, new(*CancelledError)) {
		t.Fatalf("waiting Result after cancel: %v", err)
	}
	if !f.Cancel() {
		t.Fatal("second Cancel returned false")
	}
	if len(calls) != 1 {
		t.Fatalf("callbacks ran %d times", len(calls))
	}
	if !regexp.MustCompile(`state=cancelled>$`).MatchString(f.String()) {
		t.Fatalf("repr %q", f.String())
	}
	_, err := f.Result(context.Background())
	if !errors.As(err, new(*CancelledError)) {
		t.Fatalf("Result: %v", err)
	}
	if _, err := f.Exception(context.Background()); !errors.As(err, new(*CancelledError)) {
		t.Fatalf("Exception: %v", err)
	}
	if err := f.SetResult(1); err == nil || !strings.HasPrefix(err.Error(), "CANCELLED: <Future") {
		t.Fatalf("SetResult on cancelled: %v", err)
	}
	ok, err := f.SetRunningOrNotifyCancel()
	if ok || err != nil || f.State() != CancelledAndNotified || !f.Cancelled() {
		t.Fatalf("SetRunningOrNotifyCancel on cancelled: %v %v %v", ok, err, f.State())
	}
	if !f.Cancel() {
		t.Fatal("Cancel on cancelled-and-notified returned false")
	}
	if _, err := f.SetRunningOrNotifyCancel(); err == nil {
		t.Fatal("SetRunningOrNotifyCancel twice accepted")
	}
	if err := f.SetException(errors.New("x")); err == nil || !strings.HasPrefix(err.Error(), "CANCELLED_AND_NOTIFIED: ") {
		t.Fatalf("SetException on cancelled-and-notified: %v", err)
	}
}

func TestFutureResultContext(t *testing.T) {
	f := NewFuture[int]()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	if _, err := f.Result(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Result(ctx) = %v", err)
	}
	if _, err := f.Exception(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Exception(ctx) = %v", err)
	}
	if _, err := f.ResultTimeout(5 * time.Millisecond); !isTimeout(err) || err.Error() != "timed out" {
		t.Fatalf("ResultTimeout = %v", err)
	}
	if _, err := f.ExceptionTimeout(time.Millisecond); !isTimeout(err) {
		t.Fatalf("ExceptionTimeout = %v", err)
	}
}

func TestFutureCallbacks(t *testing.T) {
	logs := captureLog(t)
	f := NewFuture[int]()
	var order []int
	f.AddDoneCallback(func(*Future[int]) error { order = append(order, 1); return nil })
	f.AddDoneCallback(func(*Future[int]) error { panic("callback panicked") })
	f.AddDoneCallback(func(*Future[int]) error { order = append(order, 3); return errors.New("callback failed") })
	f.AddDoneCallback(func(*Future[int]) error { order = append(order, 4); return nil })
	if len(order) != 0 {
		t.Fatal("callback ran before completion")
	}
	if err := f.SetResult(7); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(order) != "[1 3 4]" {
		t.Fatalf("order %v", order)
	}
	// Added after completion: runs at once, in this goroutine.
	ran := false
	f.AddDoneCallback(func(*Future[int]) error { ran = true; return errors.New("late failure") })
	if !ran {
		t.Fatal("callback on a done future did not run at once")
	}
	l := logs()
	if len(l) != 3 {
		t.Fatalf("logged %d reports: %q", len(l), l)
	}
	re := regexp.MustCompile(`^exception calling callback for <Future at 0x[0-9a-f]+ state=finished returned int> \| `)
	for i, want := range []string{"panic: callback panicked", "callback failed", "late failure"} {
		if !re.MatchString(l[i]) || !strings.HasSuffix(l[i], want) {
			t.Errorf("log %d = %q, want suffix %q", i, l[i], want)
		}
	}
	// The future is unharmed.
	if v, err := f.ResultTimeout(0); v != 7 || err != nil {
		t.Fatalf("Result after failing callbacks: %v %v", v, err)
	}
}

func TestStateString(t *testing.T) {
	want := []string{"PENDING", "RUNNING", "CANCELLED", "CANCELLED_AND_NOTIFIED", "FINISHED", "State(9)"}
	for i, s := range []State{Pending, Running, Cancelled, CancelledAndNotified, Finished, 9} {
		if s.String() != want[i] {
			t.Errorf("%d: %q", i, s.String())
		}
	}
}

func TestTypeNames(t *testing.T) {
	cases := map[any]string{nil: "NoneType", 1: "int", 1.5: "float", "s": "str", true: "bool", &ValueError{}: "ValueError"}
	for v, want := range cases {
		if got := typeName(v); got != want {
			t.Errorf("typeName(%#v) = %q, want %q", v, got, want)
		}
	}
	SetTypeNamer(func(v any) (string, bool) {
		if v == "py" {
			return "PyThing", true
		}
		return "", false
	})
	defer SetTypeNamer(nil)
	if typeName("py") != "PyThing" || typeName("other") != "str" {
		t.Fatal("SetTypeNamer not used")
	}
}

func TestBrokenErrors(t *testing.T) {
	cause := errors.New("init failed")
	var err error = &BrokenThreadPool{BrokenExecutor{Msg: MsgInitializerFailedThread, Cause: cause}}
	var be *BrokenExecutor
	if !errors.As(err, &be) || be.Msg != MsgInitializerFailedThread {
		t.Fatalf("BrokenThreadPool does not unwrap to BrokenExecutor")
	}
	if !errors.Is(err, cause) {
		t.Fatal("cause lost")
	}
	if err.Error() != "A thread initializer failed, the thread pool is not usable anymore" {
		t.Fatal(err)
	}
	err = &BrokenProcessPool{BrokenExecutor{Msg: MsgProcessTerminated}}
	if !errors.As(err, &be) || errors.As(err, new(*BrokenThreadPool)) {
		t.Fatal("BrokenProcessPool unwrapping")
	}
	if ErrShutdown.Error() != "cannot schedule new futures after shutdown" ||
		ErrInterpreterShutdown.Error() != "cannot schedule new futures after interpreter shutdown" {
		t.Fatal("shutdown messages")
	}
	pe := newPanicError(cause)
	if !errors.Is(pe, cause) || pe.Error() != "panic: init failed" || len(pe.Stack) == 0 {
		t.Fatalf("PanicError %v", pe)
	}
}

func TestFutureExceptionOutcomes(t *testing.T) {
	ok := finished(1)
	if callErr, err := ok.Exception(context.Background()); callErr != nil || err != nil {
		t.Fatal(callErr, err)
	}
	bad := failed("x")
	if callErr, err := bad.ExceptionTimeout(0); callErr == nil || callErr.Error() != "x" || err != nil {
		t.Fatal(callErr, err)
	}
	c := cancelledNotified()
	if callErr, err := c.ExceptionTimeout(0); callErr != nil || !errors.As(err, new(*CancelledError)) {
		t.Fatal(callErr, err)
	}
	// Waiting, then woken by the result.
	f := NewFuture[int]()
	go func() { time.Sleep(2 * time.Millisecond); f.SetException(errors.New("late")) }()
	if callErr, err := f.Exception(context.Background()); callErr == nil || callErr.Error() != "late" || err != nil {
		t.Fatal(callErr, err)
	}
	if goid() == 0 {
		t.Fatal("goid")
	}
}

func TestFutureDoneChan(t *testing.T) {
	f := NewFuture[int]()
	ch := f.DoneChan()
	select {
	case <-ch:
		t.Fatal("closed while pending")
	default:
	}
	go f.SetResult(1)
	<-ch
	if f.DoneChan() != ch {
		t.Fatal("a second channel")
	}
	g := finished(2) // done before anyone asked: closed at once
	<-g.DoneChan()
	c := NewFuture[int]()
	cc := c.DoneChan()
	c.Cancel()
	<-cc
}
