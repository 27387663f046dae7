package bridge

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// syncBuf is a goroutine-safe buffer standing in for stdout/stderr.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// runPy runs src as the script main.py through the interpreter's main entry
// (exit work included), returning stdout, stderr (the script's directory
// shown as "main.py"'s bare name) and the exit status.
func runPy(t *testing.T, src string) (stdout, errout string, status int) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "main.py")
	if e := os.WriteFile(file, []byte(src), 0o644); e != nil {
		t.Fatal(e)
	}
	out, errb := &syncBuf{}, &syncBuf{}
	status = runMain([]string{"pypool", file}, mainConfig{stdout: out, stderr: errb})
	return out.String(), strings.ReplaceAll(errb.String(), file, "main.py"), status
}
