package bridge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stdinScript reads sys.stdin by readline, iteration, input() and read();
// stdinWant is what CPython 3.11 printed for it with stdinInput as input.
const stdinScript = `import sys
print(sys.stdin.name, sys.stdin.readable(), sys.stdin.writable())
first = sys.stdin.readline()
print(repr(first))
for line in sys.stdin:
    print('line', line.rstrip())
    if line.startswith('c'):
        break
print(repr(input()))
print(repr(sys.stdin.read()))
try:
    input()
except EOFError as e:
    print('EOFError', e)
`

const stdinInput = "a\nb\nc\nd\ne\nf\n"

const stdinWant = `<stdin> True False
'a\n'
line b
line c
'd'
'e\nf\n'
EOFError EOF when reading a line
`

func TestSysStdinFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stdin.py")
	if err := os.WriteFile(path, []byte(stdinScript), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr syncBuf
	status := runMain([]string{"pypool", path}, mainConfig{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(stdinInput)})
	if status != 0 || stdout.String() != stdinWant {
		t.Errorf("status %d, stdout:\n%s\nwant:\n%s\nstderr:\n%s", status, stdout.String(), stdinWant, stderr.String())
	}
}
