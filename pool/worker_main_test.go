package pool

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// The test binary is also the worker binary: TestMain serves when re-executed
// as a worker.
func TestMain(m *testing.M) {
	if os.Getenv(envNoServe) != "" && os.Getenv(envWorker) != "" {
		forgetfulMain()
	}
	ServeWorkerIfChild()
	if os.Getenv(envOrphanHelper) != "" {
		orphanHelper()
		return
	}
	os.Exit(m.Run())
}

// Test functions, registered in init so that workers have them too.
var (
	tfSquare = Register("test.square", func(x int) int { return x * x })
	tfAdd    = Register("test.add", func(a, b int64) int64 { return a + b })
	tfPID    = Register("test.pid", func() int { return os.Getpid() })
	tfName   = Register("test.name", func() string {
		w, ok := CurrentWorker()
		if !ok {
			return "MainProcess"
		}
		return w.Name
	})
	tfSleep = Register("test.sleep", func(ms int) int {
		time.Sleep(time.Duration(ms) * time.Millisecond)
		return os.Getpid()
	})
	tfFail  = Register("test.fail", func(msg string) error { return errors.New(msg) })
	tfPanic = Register("test.panic", func() int { panic("kaboom") })
	tfExit  = Register("test.exit", func(code int) { os.Exit(code) })
	// tfGarbage writes bytes that are no frame to the result pipe, then waits.
	tfGarbage = Register("test.garbage", func() {
		os.NewFile(workerOutFD, "out").Write([]byte{0x00, 0x00, 0x00, 0x05, 0xde, 0xad, 0xbe, 0xef, 0x00})
		time.Sleep(30 * time.Second)
	})
	// tfRaw writes the given bytes to the result pipe, then waits.
	tfRaw = Register("test.raw", func(b []byte) {
		os.NewFile(workerOutFD, "out").Write(b)
		time.Sleep(30 * time.Second)
	})
	tfLen      = Register("test.len", func(s string) int { return len(s) })
	tfRepeat   = Register("test.repeat", func(n int) string { return strings.Repeat("x", n) })
	tfPrint    = Register("test.print", func(s string) { fmt.Println(s) })
	tfInitFail = Register("test.initfail", func(msg string) error { return fmt.Errorf("initializer refused: %s", msg) })
	tfInitSet  = Register("test.initset", func(v string) { initValue = v })
	tfInitGet  = Register("test.initget", func() string { return initValue })
)

var initValue = "unset"

// envNoServe makes workers act as a program whose main forgot to call
// ServeWorkerIfChild: it goes on to make a pool of its own.
const envNoServe = "PYPOOL_TEST_NO_SERVE"

func forgetfulMain() {
	_, err := NewPool(Workers(1))
	fmt.Fprintln(os.Stderr, "forgetful main:", err)
	os.Exit(1)
}
