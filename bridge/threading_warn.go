package bridge

// CPython's warnings for deprecated threading names: printed once per
// calling location, on stderr, as `file:line: DeprecationWarning: msg`
// followed by the source line.

import (
	"fmt"
	"os"
	"strings"
)

// callerLocation reports the Python file and line that called the running
// Go builtin; nil or !ok when unknown.
var callerLocation func(it *Interp) (file string, line int, ok bool)

// deprecationWarning prints msg once per calling location of fn.
func (it *Interp) deprecationWarning(msg, fn string) {
	file, line, ok := "", 0, false
	if callerLocation != nil {
		file, line, ok = callerLocation(it)
	}
	key := fmt.Sprintf("%s:%d:%s", file, line, fn)
	th := it.threads()
	th.mu.Lock()
	seen := th.warned[key]
	th.warned[key] = true
	th.mu.Unlock()
	if seen {
		return
	}
	if !ok {
		fmt.Fprintf(stderr, "sys:1: DeprecationWarning: %s\n", msg)
		return
	}
	fmt.Fprintf(stderr, "%s:%d: DeprecationWarning: %s\n", file, line, msg)
	if src := sourceLine(file, line); src != "" {
		fmt.Fprintf(stderr, "  %s\n", src)
	}
}

// sourceLine returns line n of file without its indentation, or "".
func sourceLine(file string, n int) string {
	b, err := os.ReadFile(file)
	if err != nil || n < 1 {
		return ""
	}
	lines := strings.Split(string(b), "\n")
	if n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}
