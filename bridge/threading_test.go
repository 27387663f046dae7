package bridge

import (
	"strings"
	"testing"
)

func TestThreadingBasics(t *testing.T) {
	out, errout, status := runPy(t, `
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
	if status != 0 {
		t.Fatalf("exit status %d\n%s", status, errout)
	}
	want := "Thread-1 (boom) None False False\nFalse\nrun Thread-2\nMainThread True\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if !strings.HasPrefix(errout, "Exception in thread Thread-1 (boom):\nTraceback (most recent call last):\n") || !strings.HasSuffix(errout, "ValueError: bad 3\n") {
		t.Errorf("stderr %q", errout)
	}
}

func TestCurrentThreadDeprecation(t *testing.T) {
	out, errout, status := runPy(t, `
from threading import currentThread
import threading
def f(i):
    print("%s %d" % (currentThread().name, i))  # currentThread() in a comment
for i in range(3):
    f(i)
s = "currentThread()"
print(s, threading.currentThread().name)
`)
	if status != 0 {
		t.Fatalf("exit status %d\n%s", status, errout)
	}
	if want := "MainThread 0\nMainThread 1\nMainThread 2\ncurrentThread() MainThread\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	want := `main.py:5: DeprecationWarning: currentThread() is deprecated, use current_thread() instead
  print("%s %d" % (currentThread().name, i))  # currentThread() in a comment
main.py:9: DeprecationWarning: currentThread() is deprecated, use current_thread() instead
  print(s, threading.currentThread().name)
`
	if errout != want {
		t.Errorf("stderr %q\nwant %q", errout, want)
	}
}
