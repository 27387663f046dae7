package sharedctypes_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/internal/shmtest"
	"github.com/pypool/pypool/pool/pyexc"
	"github.com/pypool/pypool/pool/sharedctypes"
	"github.com/pypool/pypool/pool/synchronize"
	"github.com/pypool/pypool/pool/wire"
)

var bg = context.Background()

func TestMain(m *testing.M) { shmtest.Main(m) }

func readTSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// Sizes, alignments and names as CPython's ctypes reports them
// (testdata/record.py).
func TestTypesAsCPython(t *testing.T) {
	for _, row := range readTSV(t, "testdata/types.tsv") {
		typ, err := sharedctypes.TypeOf(row[0])
		if err != nil {
			t.Errorf("%s: %v", row[0], err)
			continue
		}
		if got := fmt.Sprintf("%s\t%d\t%d", typ.Name, typ.Size, typ.Align); got != strings.Join(row[1:], "\t") {
			t.Errorf("%s: %q, CPython %q", row[0], got, strings.Join(row[1:], "\t"))
		}
	}
	var te *pyexc.TypeError
	if _, err := sharedctypes.RawValue("x"); !errors.As(err, &te) || te.Msg != "this type has no size" {
		t.Fatalf("unknown typecode: %v", err)
	}
	var ne *pyexc.NotImplementedError
	if _, err := sharedctypes.TypeOf("c_longdouble"); !errors.As(err, &ne) {
		t.Fatalf("c_longdouble: %v", err)
	}
}

// Stores keep the low bits, floats round to the slot, as ctypes.
func TestStoresAsCPython(t *testing.T) {
	for _, row := range readTSV(t, "testdata/stores.tsv") {
		v, err := sharedctypes.RawValue(row[0])
		if err != nil {
			t.Fatal(err)
		}
		var in any
		if row[0] == "f" || row[0] == "d" {
			f, _ := strconv.ParseFloat(row[1], 64)
			in = f
		} else {
			n, _ := strconv.ParseInt(row[1], 10, 64)
			in = n
		}
		if err := v.SetValue(in); err != nil {
			t.Fatal(err)
		}
		got, _ := v.Value()
		var want any
		switch g := got.(type) {
		case float64:
			f, _ := strconv.ParseFloat(row[2], 64)
			want = f
			if g != f {
				t.Errorf("%s(%s) = %v, CPython %s", row[0], row[1], got, row[2])
			}
			continue
		case uint64:
			want, _ = strconv.ParseUint(row[2], 10, 64)
		case int64:
			want, _ = strconv.ParseInt(row[2], 10, 64)
		}
		if got != want {
			t.Errorf("%s(%s) = %v, CPython %s", row[0], row[1], got, row[2])
		}
	}
}

func TestCharArrayAndKinds(t *testing.T) {
	a, err := sharedctypes.RawArray("c", 4)
	if err != nil {
		t.Fatal(err)
	}
	var ve *pyexc.ValueError
	if err := a.SetCharValue([]byte("abcde")); !errors.As(err, &ve) || ve.Msg != "byte string too long" {
		t.Fatalf("too long: %v", err)
	}
	a.SetRawBytes([]byte("wxyz"))
	a.SetCharValue([]byte("ab"))
	raw, _ := a.RawBytes()
	val, _ := a.CharValue()
	if string(raw) != "ab\x00z" || string(val) != "ab" {
		t.Fatalf("raw %q value %q (CPython: b'ab\\x00z' b'ab')", raw, val)
	}
	if c, _ := a.Get(-1); c != byte('z') {
		t.Fatalf("a[-1] = %v", c)
	}
	var ie *pyexc.IndexError
	if _, err := a.Get(4); !errors.As(err, &ie) || ie.Msg != "invalid index" {
		t.Fatalf("a[4]: %v", err)
	}
	b, _ := sharedctypes.RawValue("c_bool")
	b.SetValue(true)
	if v, _ := b.Value(); v != true || b.Bytes()[0] != 1 {
		t.Fatalf("c_bool: %v", v)
	}
	u, _ := sharedctypes.RawArray("u", 2)
	u.Set(0, "é")
	u.Set(1, 'x')
	if x, _ := u.Get(0); x != 'é' {
		t.Fatalf("c_wchar: %v", x)
	}
	var te *pyexc.TypeError
	if err := u.Set(0, 1.5); !errors.As(err, &te) {
		t.Fatalf("float into c_wchar: %v", err)
	}
	if _, err := sharedctypes.RawArray("i", -1); !errors.As(err, &ve) || ve.Msg != "Array length must be >= 0, not -1" {
		t.Fatalf("negative length: %v", err)
	}
	c, err := sharedctypes.Copy(a)
	if err != nil {
		t.Fatal(err)
	}
	a.SetRawBytes([]byte("zzzz"))
	if cv, _ := c.RawBytes(); string(cv) != "ab\x00z" || c.State().Name == a.State().Name {
		t.Fatalf("copy: %q", cv)
	}
	z, err := sharedctypes.RawArray("d", 0)
	if err != nil || z.Len() != 0 || len(z.Bytes()) != 0 {
		t.Fatalf("empty array: %v", err)
	}
}

// Worker functions: a child attaches to the parent's Value by name.
var (
	xIncrement = pool.Register("sharedctypes.increment", func(st wire.List, lockName string, n int) error {
		obj, err := sharedctypes.Open(sharedctypes.State{Name: st[0].(string), Type: st[1].(string), Length: int(st[2].(int64))})
		if err != nil {
			return err
		}
		lock, err := synchronize.Open(lockName)
		if err != nil {
			return err
		}
		v, _ := sharedctypes.Synchronize(obj, lock)
		return increments(v, n)
	})
	xFill = pool.Register("sharedctypes.fill", func(st wire.List) error {
		a, err := sharedctypes.Open(sharedctypes.State{Name: st[0].(string), Type: st[1].(string), Length: int(st[2].(int64))})
		if err != nil {
			return err
		}
		for i := range a.Len() {
			if err := a.Set(i, float64(i)/2); err != nil {
				return err
			}
		}
		return nil
	})
)

func stateList(st sharedctypes.State) wire.List { return wire.List{st.Name, st.Type, st.Length} }

// increments does `with v.get_lock(): v.value += 1` n times.
func increments(v *sharedctypes.Synchronized, n int) error {
	for range n {
		err := v.Update(bg, 0, func(x any) (any, error) { return x.(int64) + 1, nil })
		if err != nil {
			return err
		}
	}
	return nil
}

// The parent and two children increment one Value under its lock: no
// increment is lost.
func TestValueAcrossProcesses(t *testing.T) {
	p, err := pool.NewPool(pool.Workers(2))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Join()
	defer p.Terminate()
	v, err := sharedctypes.Value("i", nil)
	if err != nil {
		t.Fatal(err)
	}
	lock := v.GetLock().(*synchronize.SemLock)
	if lock.Kind() != synchronize.KindRecursiveMutex {
		t.Fatal("Value's default lock is not an RLock")
	}
	const n = 2000
	var rs []*pool.AsyncResult
	for range 2 {
		r, err := p.ApplyAsync(xIncrement, []wire.Value{stateList(v.GetObj().State()), lock.Name(), n}, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	if err := increments(v, n); err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if _, err := r.Get(30 * time.Second); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := v.Get(bg, 0); got != int64(3*n) {
		t.Fatalf("value %v, want %d", got, 3*n)
	}

	a, _ := sharedctypes.RawArray("d", 5)
	if _, err := p.Apply(xFill, []wire.Value{stateList(a.State())}, nil); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if x, _ := a.Get(i); x != float64(i)/2 {
			t.Fatalf("a[%d] = %v after the child's write", i, x)
		}
	}
}

// A Value may share an existing lock; the lock's cancellation reaches
// Get.
func TestValueWithExistingLock(t *testing.T) {
	l, _ := synchronize.NewLock()
	v, err := sharedctypes.Value("d", l.SemLock)
	if err != nil {
		t.Fatal(err)
	}
	if v.GetLock() != sharedctypes.Locker(l.SemLock) {
		t.Fatal("get_lock() is not the lock given")
	}
	v.Set(bg, 0, 2.5)
	l.Acquire(bg, true, synchronize.NoTimeout)
	ctx, cancel := context.WithTimeout(bg, 30*time.Millisecond)
	defer cancel()
	if _, err := v.Get(ctx, 0); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Get while the lock is held elsewhere: %v", err)
	}
	l.Release(bg)
	if x, err := v.Get(bg, 0); x != 2.5 || err != nil {
		t.Fatalf("Get: %v %v", x, err)
	}
}

// A Structure's layout is ctypes' (testdata/struct.tsv), and a second
// handle opened from its state sees the fields written through the first.
func TestStructLayout(t *testing.T) {
	fields := []sharedctypes.Field{{"a", "c_char", 0}, {"b", "c_int", 0}, {"c", "c_double", 0}, {"d", "c_short", 3}, {"e", "c_bool", 0}, {"f", "c_float", 0}}
	s, err := sharedctypes.RawStruct(fields)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range readTSV(t, "testdata/struct.tsv") {
		want, _ := strconv.Atoi(row[1])
		got := s.Size()
		if row[0] != "sizeof" {
			got = s.Offset(i)
		}
		if got != want {
			t.Errorf("%s: %d, CPython %d", row[0], got, want)
		}
	}
	b, _ := s.Field("b")
	d, _ := s.Field("d")
	b.SetValue(-7)
	d.Set(2, int64(9))
	o, err := sharedctypes.OpenStruct(s.State())
	if err != nil {
		t.Fatal(err)
	}
	ob, _ := o.Field("b")
	od, _ := o.Field("d")
	if v, _ := ob.Value(); v != int64(-7) {
		t.Fatalf("b = %v", v)
	}
	if v, _ := od.Get(2); v != int64(9) || s.Bytes()[20] != 9 {
		t.Fatalf("d[2] = %v", v)
	}
	var ae *pyexc.AttributeError
	if _, err := o.Field("zz"); !errors.As(err, &ae) {
		t.Fatalf("unknown field: %v", err)
	}
}
