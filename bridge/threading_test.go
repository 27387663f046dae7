package bridge

import (
	"strings"
	"testing"
)

func TestThreadingBasics(t *testing.T) {
	out, errout, err := runPy(t, `
import threading
def boom(x):
    raise ValueError("bad %d" % x)
t = threading.Thread(target=boom, args=(3,))
print(t.name, t.ident, t.is_alive(), t.daemon)
t.start(); t.join()
print(t.is_alive())
class T(threading.Thread):
    def run(self):
        print("run", self.name)
T().start()
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
`)
	if err != nil {
		t.Fatalf("error: %v\n%s", err, errout)
	}
	want := "Thread-1 (boom) None False False\nFalse\nrun Thread-2\nMainThread True\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if !strings.HasPrefix(errout, "Exception in thread Thread-1 (boom):\nTraceback (most recent call last):\n") || !strings.HasSuffix(errout, "ValueError: bad 3\n") {
		t.Errorf("stderr %q", errout)
	}
}
