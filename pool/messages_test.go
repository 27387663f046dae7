package pool

import (
	"context"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// pyException is how the bridge sees an engine error: the Python class and
// its message.
func pyException(err error) (string, string) {
	var (
		te  *TimeoutError
		ce  *CancelledError
		ise *InvalidStateError
		btp *BrokenThreadPool
		bpp *BrokenProcessPool
		ve  *ValueError
		re  *RuntimeError
		tye *TypeError
	)
	switch {
	case errors.As(err, &te):
		return "TimeoutError", te.Msg
	case errors.As(err, &ce):
		return "CancelledError", ""
	case errors.As(err, &ise):
		return "InvalidStateError", ise.Msg
	case errors.As(err, &btp):
		return "BrokenThreadPool", btp.Msg
	case errors.As(err, &bpp):
		return "BrokenProcessPool", bpp.Msg
	case errors.As(err, &ve):
		return "ValueError", ve.Msg
	case errors.As(err, &re):
		return "RuntimeError", re.Msg
	case errors.As(err, &tye):
		return "TypeError", tye.Msg
	}
	return "?", err.Error()
}

// TestMessagesMatchCPython produces each error of testdata/messages.tsv
// (recorded from CPython 3.11 by record_messages.py) and compares the
// Python class and message.
func TestMessagesMatchCPython(t *testing.T) {
	captureLog(t)
	slowCall := CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		time.Sleep(200 * time.Millisecond)
		return nil, nil
	})
	failingInit := Initializer(CallableFunc(func(context.Context, []wire.Value, []wire.KV) (wire.Value, error) {
		return nil, &ValueError{Msg: "init"}
	}))
	threadPool := func(t *testing.T) *Pool {
		p, err := NewThreadPool(Workers(1))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(p.Terminate)
		return p
	}
	cases := map[string]func(t *testing.T) error{
		"future_set_result_twice": func(*testing.T) error {
			f := NewFuture[wire.Value]()
			f.SetResult(int64(3))
			return f.SetResult(int64(4))
		},
		"future_set_result_after_exception": func(*testing.T) error {
			f := NewFuture[wire.Value]()
			f.SetException(&wire.Exception{Type: "ValueError", Message: "x"})
			return f.SetResult(int64(1))
		},
		"future_set_result_cancelled": func(*testing.T) error {
			f := NewFuture[wire.Value]()
			f.Cancel()
			return f.SetResult(int64(1))
		},
		"future_running_twice": func(*testing.T) error {
			f := NewFuture[wire.Value]()
			f.SetRunningOrNotifyCancel()
			_, err := f.SetRunningOrNotifyCancel()
			return err
		},
		"future_result_timeout": func(*testing.T) error {
			_, err := NewFuture[wire.Value]().ResultTimeout(0)
			return err
		},
		"future_result_cancelled": func(*testing.T) error {
			f := NewFuture[wire.Value]()
			f.Cancel()
			_, err := f.ResultTimeout(NoTimeout)
			return err
		},
		"wait_invalid": func(*testing.T) error {
			_, err := Wait([]*Future[int]{NewFuture[int]()}, 0, "SOMETIMES")
			return err
		},
		"as_completed_timeout": func(*testing.T) error {
			for _, err := range AsCompleted([]*Future[int]{NewFuture[int](), NewFuture[int]()}, 0) {
				return err
			}
			return nil
		},
		"executor_max_workers": func(*testing.T) error {
			_, err := NewThreadPoolExecutor(Workers(0))
			return err
		},
		"executor_shutdown": func(*testing.T) error {
			ex, _ := NewThreadPoolExecutor(Workers(1))
			ex.Shutdown(true, false)
			_, err := ex.SubmitCall(slowCall, nil, nil)
			return err
		},
		"executor_broken_pending": func(t *testing.T) error {
			ex, _ := NewThreadPoolExecutor(Workers(1), failingInit)
			t.Cleanup(func() { ex.Shutdown(true, false) })
			f, _ := ex.SubmitCall(slowCall, nil, nil)
			_, err := f.ResultTimeout(NoTimeout)
			return err
		},
		"executor_broken_submit": func(t *testing.T) error {
			ex, _ := NewThreadPoolExecutor(Workers(1), failingInit)
			t.Cleanup(func() { ex.Shutdown(true, false) })
			f, _ := ex.SubmitCall(slowCall, nil, nil)
			f.ResultTimeout(NoTimeout)
			_, err := ex.SubmitCall(slowCall, nil, nil)
			return err
		},
		"pool_processes": func(*testing.T) error {
			_, err := NewThreadPool(Workers(0))
			return err
		},
		"pool_maxtasks": func(*testing.T) error {
			_, err := newPool("Pool", []Option{Workers(1), MaxTasksPerChild(0)}, newThreadBackend)
			return err
		},
		"pool_not_running": func(t *testing.T) error {
			p := threadPool(t)
			p.Close()
			_, err := p.ApplyAsync(slowCall, nil, nil, nil, nil)
			return err
		},
		"pool_still_running": func(t *testing.T) error {
			return threadPool(t).Join()
		},
		"pool_apply_not_ready": func(t *testing.T) error {
			r, _ := threadPool(t).ApplyAsync(slowCall, nil, nil, nil, nil)
			_, err := r.Successful()
			return err
		},
		"pool_get_timeout": func(t *testing.T) error {
			r, _ := threadPool(t).ApplyAsync(slowCall, nil, nil, nil, nil)
			_, err := r.Get(10 * time.Millisecond)
			return err
		},
		"pool_imap_chunksize": func(t *testing.T) error {
			_, err := threadPool(t).Imap(slowCall, Values([]wire.Value{int64(1)}), 0)
			return err
		},
		"pool_imap_timeout": func(t *testing.T) error {
			it, _ := threadPool(t).Imap(slowCall, Values([]wire.Value{0.2}), 1)
			_, err := it.Next(10 * time.Millisecond)
			return err
		},
	}
	data, err := os.ReadFile("testdata/messages.tsv")
	if err != nil {
		t.Fatal(err)
	}
	addr := regexp.MustCompile(`0x[0-9a-f]+`)
	seen := 0
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.SplitN(line, "\t", 3)
		key, wantType, wantMsg := f[0], f[1], f[2]
		run, ok := cases[key]
		if !ok {
			t.Errorf("no Go case for %s", key)
			continue
		}
		seen++
		t.Run(key, func(t *testing.T) {
			err := run(t)
			if err == nil {
				t.Fatalf("no error; CPython raises %s(%q)", wantType, wantMsg)
			}
			typ, msg := pyException(err)
			msg = addr.ReplaceAllString(msg, "0xADDR")
			if typ != wantType || msg != wantMsg {
				t.Errorf("got %s(%q), CPython %s(%q)", typ, msg, wantType, wantMsg)
			}
		})
	}
	if seen != len(cases) {
		t.Errorf("%d cases, %d recorded", len(cases), seen)
	}
}
