package sharedmem_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/resourcetracker"
	"github.com/pypool/pypool/pool/sharedmem"
)

func TestMain(m *testing.M) {
	pool.ServeWorkerIfChild()
	before := psmFiles()
	code := m.Run()
	resourcetracker.Cleanup()
	for f := range psmFiles() {
		if !before[f] {
			fmt.Fprintln(os.Stderr, "leftover /dev/shm file:", f)
			code = 1
		}
	}
	os.Exit(code)
}

// psmFiles is the set of /dev/shm files these tests may make.
func psmFiles() map[string]bool {
	ents, _ := os.ReadDir("/dev/shm")
	out := map[string]bool{}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), "psm_") || strings.HasPrefix(e.Name(), "pypool_test") {
			out[e.Name()] = true
		}
	}
	return out
}

// pyError renders an error as CPython's recording does: type, errno, message.
func pyError(err error) string {
	var ve *pyexc.ValueError
	var pe *os.PathError
	switch {
	case err == nil:
		return "ok\t-\t-"
	case errors.As(err, &ve):
		return "ValueError\t-\t" + ve.Msg
	case errors.As(err, &pe):
		typ := "OSError"
		if errors.Is(err, os.ErrNotExist) {
			typ = "FileNotFoundError"
		} else if errors.Is(err, os.ErrExist) {
			typ = "FileExistsError"
		}
		n := pe.Err.(syscall.Errno)
		msg := n.Error()
		return fmt.Sprintf("%s\t%d\t[Errno %d] %s: '%s'", typ, int(n), int(n), strings.ToUpper(msg[:1])+msg[1:], pe.Path)
	}
	return "unexpected\t-\t" + err.Error()
}

// The recorded cases of testdata/errors.tsv, made here.
func TestErrorsAsCPython(t *testing.T) {
	want := map[string]string{}
	data, err := os.ReadFile("testdata/errors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.SplitN(line, "\t", 2)
		want[f[0]] = f[1]
	}
	check := func(c string, err error) {
		t.Helper()
		if got := pyError(err); got != want[c] {
			t.Errorf("%s:\n got %q\nwant %q", c, got, want[c])
		}
	}
	try := func(name string, create bool, size int) error {
		m, err := sharedmem.New(name, create, size)
		if err == nil {
			m.Close()
			m.Unlink()
		}
		return err
	}
	check("slash_inside", try("a/b", true, 10))
	// (CPython's name="" is EINVAL on "/"; here "" means None, so the
	// bridge rejects an empty Python name itself: "empty_name" is not run.)
	check("missing", try("pypool_record_missing", false, 0))
	check("name_none_attach", try("", false, 0))
	check("negative_size", try("pypool_record_x", true, -1))
	check("zero_size_create", try("pypool_record_x", true, 0))
	check("negative_size_attach", try("pypool_record_x", false, -1))
	m, err := sharedmem.New("pypool_record_taken", true, 10)
	if err != nil {
		t.Fatal(err)
	}
	check("taken", try("pypool_record_taken", true, 10))
	if err := m.Unlink(); err != nil {
		t.Fatal(err)
	}
	check("unlink_twice", m.Unlink())
	m.Close()
}

func TestSharedMemoryBasics(t *testing.T) {
	m, err := sharedmem.New("", true, 100)
	if err != nil {
		t.Fatal(err)
	}
	name := m.Name()
	if len(name) != 12 || !strings.HasPrefix(name, "psm_") {
		t.Fatalf("generated name %q", name)
	}
	st, err := os.Stat("/dev/shm/" + name)
	if err != nil || st.Size() != 100 || st.Mode().Perm() != 0o600 {
		t.Fatalf("file: %v %v", st, err)
	}
	copy(m.Buf(), "hello")
	other, err := sharedmem.New(name, false, 5000) // size is ignored on attach
	if err != nil {
		t.Fatal(err)
	}
	if other.Size() != 100 || string(other.Buf()[:5]) != "hello" {
		t.Fatalf("attached: size %d, %q", other.Size(), other.Buf()[:5])
	}
	other.Buf()[0] = 'j'
	if string(m.Buf()[:5]) != "jello" {
		t.Fatal("write through the other mapping not seen")
	}
	if got := m.String(); got != "SharedMemory('"+name+"', size=100)" {
		t.Fatalf("repr %s", got)
	}
	other.Close()
	other.Close()
	if other.Buf() != nil {
		t.Fatal("buf after close")
	}
	if err := m.Unlink(); err != nil {
		t.Fatal(err)
	}
	if _, err := sharedmem.New(name, false, 0); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("attach after unlink: %v", err)
	}
	m.Close()

	// A leading slash is kept in the reported name, as CPython does.
	s, err := sharedmem.New("/pypool_test_slash", true, 8)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name() != "/pypool_test_slash" {
		t.Fatalf("name %q", s.Name())
	}
	if _, err := os.Stat("/dev/shm/pypool_test_slash"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Left for the tracker: Cleanup in TestMain must remove it.
}

// The list CPython built in testdata/record.py, built here: the same bytes.
func TestShareableListLayout(t *testing.T) {
	want, err := os.ReadFile("testdata/shareable_list.bin")
	if err != nil {
		t.Fatal(err)
	}
	l, err := sharedmem.NewShareableList([]any{7, -2.5, true, nil, "héllo wörld", []byte("by"), "", "12345678", false}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer l.SHM().Unlink()
	defer l.SHM().Close()
	if err := l.Set(0, "ab"); err != nil {
		t.Fatal(err)
	}
	if err := l.Set(2, int64(3)); err != nil {
		t.Fatal(err)
	}
	var ve *pyexc.ValueError
	if err := l.Set(1, strings.Repeat("x", 9)); !errors.As(err, &ve) || ve.Msg != "bytes/str item exceeds available storage" {
		t.Fatalf("too long: %v", err)
	}
	if got := l.SHM().Buf(); !bytes.Equal(got, want) {
		t.Fatalf("layout differs from CPython's:\n got %x\nwant %x", got, want)
	}
	if f := l.Format(); f != "8sdqxxxxxx?x16s8s8s16sxxxxxxx?" {
		t.Fatalf("format %q", f)
	}

	// Read back CPython's bytes through a fresh block.
	c, err := sharedmem.New("", true, len(want))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Unlink()
	defer c.Close()
	copy(c.Buf(), want)
	r, err := sharedmem.OpenShareableList(c.Name())
	if err != nil {
		t.Fatal(err)
	}
	defer r.SHM().Close()
	var got []any
	for i := range r.Len() {
		v, err := r.Get(i)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	wantItems := []any{"ab", -2.5, int64(3), nil, "héllo wörld", []byte("by"), "", "12345678", false}
	if !reflect.DeepEqual(got, wantItems) {
		t.Fatalf("items %#v", got)
	}
	var ie *pyexc.IndexError
	if _, err := r.Get(9); !errors.As(err, &ie) || ie.Msg != "index out of range" {
		t.Fatalf("Get(9): %v", err)
	}
	if v, _ := r.Get(-1); v != false {
		t.Fatalf("Get(-1) = %v", v)
	}
	if err := r.Set(-10, 1); !errors.As(err, &ie) || ie.Msg != "assignment index out of range" {
		t.Fatalf("Set(-10): %v", err)
	}
	var te *pyexc.TypeError
	if _, err := sharedmem.NewShareableList([]any{[]int{1}}, ""); !errors.As(err, &te) {
		t.Fatalf("unsupported item: %v", err)
	}
}

// python3 attaches to a block made here and the other way round (skipped
// without python3).
func TestCPythonInterop(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	m, err := sharedmem.New("", true, 64)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Unlink()
	defer m.Close()
	copy(m.Buf(), "from go")
	l, err := sharedmem.NewShareableList([]any{int64(1), "two", 3.5}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer l.SHM().Unlink()
	defer l.SHM().Close()
	// The child unregisters what it merely attached to, or CPython 3.11's
	// resource tracker would unlink our blocks when it exits (gh-82300).
	script := `
import sys
from multiprocessing import shared_memory as sm, resource_tracker as rt
m = sm.SharedMemory(sys.argv[1]); rt.unregister(m._name, "shared_memory")
print(bytes(m.buf[:7]).decode()); m.buf[:7] = b"from py"; m.close()
l = sm.ShareableList(name=sys.argv[2]); rt.unregister(l.shm._name, "shared_memory")
print(list(l)); l[1] = "zwei"; l.shm.close()
n = sm.ShareableList([10, "elf", None, True])
print(n.shm.name, flush=True)
sys.stdin.readline()
print(list(n)); n.shm.close(); n.shm.unlink()
`
	cmd := exec.Command(py, "-c", script, m.Name(), l.SHM().Name())
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	out := bufio.NewScanner(stdout)
	line := func() string {
		if !out.Scan() {
			t.Fatalf("python3 stopped: %v", out.Err())
		}
		return out.Text()
	}
	if got := line(); got != "from go" {
		t.Fatalf("python3 read %q", got)
	}
	if got := line(); got != "[1, 'two', 3.5]" {
		t.Fatalf("python3 read the list as %s", got)
	}
	pyName := line()
	if string(m.Buf()[:7]) != "from py" {
		t.Fatalf("python3's write not seen: %q", m.Buf()[:7])
	}
	if v, _ := l.Get(1); v != "zwei" {
		t.Fatalf("python3's list write not seen: %v", v)
	}
	n, err := sharedmem.OpenShareableList(pyName)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range n.Len() {
		v, _ := n.Get(i)
		got = append(got, fmt.Sprint(v))
	}
	if strings.Join(got, ",") != "10,elf,<nil>,true" {
		t.Fatalf("python3's list read as %v", got)
	}
	n.Set(0, int64(-5))
	n.Set(1, []byte("b"))
	n.SHM().Close()
	// CPython 3.11 registers attachments too; this block is python3's to unlink.
	resourcetracker.Unregister("/"+pyName, resourcetracker.SharedMemory)
	stdin.Write([]byte("\n"))
	if got := line(); got != "[-5, b'b', None, True]" {
		t.Fatalf("python3 read back %s", got)
	}
}

// xCreateBlock makes a block in a worker and leaves it (no Unlink).
var xCreateBlock = pool.Register("sharedmem.create", func() (string, error) {
	m, err := sharedmem.New("", true, 16)
	if err != nil {
		return "", err
	}
	return m.Name(), nil
})

// A block a worker made and left outlives the worker, as under CPython's
// tree-wide resource tracker, and the top process's Cleanup unlinks it.
// (Last in this file: its Cleanup unlinks every block still registered.)
func TestWorkerBlockCleanedByTop(t *testing.T) {
	p, err := pool.NewPool(pool.Workers(1))
	if err != nil {
		t.Fatal(err)
	}
	v, err := p.Apply(xCreateBlock, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	p.Join()
	name := v.(string)
	if _, err := os.Stat("/dev/shm/" + name); err != nil {
		t.Fatalf("the worker's block is gone with the worker: %v", err)
	}
	var cleaned []string
	for _, l := range resourcetracker.Cleanup() {
		if l.Rtype == resourcetracker.SharedMemory {
			cleaned = l.Names
		}
	}
	if _, err := os.Stat("/dev/shm/" + name); !os.IsNotExist(err) {
		t.Fatalf("the top's Cleanup left the worker's block: %v", err)
	}
	if !slices.Contains(cleaned, "/"+name) {
		t.Fatalf("Cleanup reported %v, not /%s", cleaned, name)
	}
}
