package pyrt

import (
	"testing"

	"github.com/go-python/gpython/py"
)

// A spec opening with $self words argument errors as CPython 3.11's C
// functions do (the expected texts were printed by python3.11 for the
// builtin named in each case).
func TestSigBuiltinWording(t *testing.T) {
	kw := func(k string) py.StringDict { return py.StringDict{k: py.Int(1)} }
	cases := []struct {
		name, spec string
		args       py.Tuple
		kwargs     py.StringDict
		want       string
	}{
		{"lock.release", "$self", py.Tuple{py.Int(1)}, nil, "lock.release() takes no arguments (1 given)"},
		{"list.clear", "$self, /", py.Tuple{py.Int(1)}, nil, "list.clear() takes no arguments (1 given)"},
		{"str.join", "$self, iterable, /", nil, nil, "str.join() takes exactly one argument (0 given)"},
		{"list.append", "$self, object, /", nil, kw("x"), "list.append() takes no keyword arguments"},
		{"dict.get", "$self, key, default=None, /", nil, nil, "get expected at least 1 argument, got 0"},
		{"dict.get", "$self, key, default=None, /", py.Tuple{py.Int(1)}, kw("x"), "dict.get() takes no keyword arguments"},
		{"list.insert", "$self, index, object, /", nil, nil, "insert expected 2 arguments, got 0"},
		{"list.insert", "$self, index, object, /", py.Tuple{py.Int(1), py.Int(2), py.Int(3)}, nil, "insert expected 2 arguments, got 3"},
		{"dict.pop", "$self, key, default=None, /", py.Tuple{py.Int(1), py.Int(2), py.Int(3)}, nil, "pop expected at most 2 arguments, got 3"},
		{"min", "$module, arg, /, *args", nil, nil, "min expected at least 1 argument, got 0"},
		{"dict.update", "$self, other=None, /, **kwargs", py.Tuple{py.Int(1), py.Int(2)}, kw("x"), "update expected at most 1 argument, got 2"},
		{"sorted", "$module, iterable, /, **kwargs", py.Tuple{py.Int(1), py.Int(2)}, nil, "sorted expected 1 argument, got 2"},
		{"sorted", "$module, iterable, /, **kwargs", nil, kw("key"), "sorted expected 1 argument, got 0"},
		{"str.split", "$self, sep=None, maxsplit=-1", py.Tuple{py.Int(1), py.Int(2), py.Int(3)}, nil, "split() takes at most 2 arguments (3 given)"},
		{"str.split", "$self, sep=None, maxsplit=-1", nil, kw("x"), "'x' is an invalid keyword argument for split()"},
		{"str.split", "$self, sep=None, maxsplit=-1", py.Tuple{py.Int(1)}, kw("sep"), "argument for split() given by name ('sep') and position (1)"},
		{"int.from_bytes", "$type, bytes, byteorder='big', *, signed=False", nil, nil, "from_bytes() missing required argument 'bytes' (pos 1)"},
		{"list.sort", "$self, *, key=None, reverse=False", py.Tuple{py.Int(1)}, nil, "sort() takes no positional arguments"},
		{"math.gcd", "$module, *integers", nil, kw("x"), "math.gcd() takes no keyword arguments"},
		{"math.isqrt", "$module, n, /", nil, nil, "math.isqrt() takes exactly one argument (0 given)"},
		{"math.perm", "$module, n, k=None, /", nil, nil, "perm expected at least 1 argument, got 0"},
		{"math.prod", "$module, iterable, /, *, start=1", nil, nil, "prod() takes exactly 1 positional argument (0 given)"},
		{"math.prod", "$module, iterable, /, *, start=1", py.Tuple{py.Int(1), py.Int(2)}, nil, "prod() takes exactly 1 positional argument (2 given)"},
		{"math.isclose", "$module, a, b, *, rel_tol=1e-09, abs_tol=0.0", py.Tuple{py.Int(1)}, nil, "isclose() missing required argument 'b' (pos 2)"},
		{"math.isclose", "$module, a, b, *, rel_tol=1e-09, abs_tol=0.0", py.Tuple{py.Int(1), py.Int(2), py.Int(3)}, nil, "isclose() takes exactly 2 positional arguments (3 given)"},
	}
	for _, c := range cases {
		_, err := MustSig(c.name, c.spec).Parse(c.args, c.kwargs)
		if got := excText(err); got != "TypeError: "+c.want {
			t.Errorf("%s(%s) called with %v %v: got %q, want %q", c.name, c.spec, c.args, c.kwargs, got, c.want)
		}
	}
	// a type error names a C function by its short name
	a, err := MustSig("int.to_bytes", "$self, length=1, byteorder='big', *, signed=False").Parse(py.Tuple{py.Int(1), py.Int(7)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Str("byteorder"); excText(err) != "TypeError: to_bytes() argument 'byteorder' must be str, not int" {
		t.Errorf("to_bytes(1, 7): %s", excText(err))
	}
	// in range, the positional-only check lets the call through
	a, err = MustSig("dict.get", "$self, key, default=None, /").Parse(py.Tuple{py.Int(1)}, nil)
	if err != nil || a.Get("key") != py.Int(1) || a.Get("default") != py.None || a.Given("default") {
		t.Errorf("dict.get(1): %v %v", a, err)
	}
}

// A spec opening with self counts self in messages, as CPython's Python
// methods do (texts printed by python3.11 for threading.Event and Pool).
func TestSigSelfCounted(t *testing.T) {
	_, err := MustSig("Event.wait", "self, timeout=None").Parse(py.Tuple{py.Int(1), py.Int(2)}, nil)
	if got, want := excText(err), "TypeError: Event.wait() takes from 1 to 2 positional arguments but 3 were given"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = MustSig("Pool.close", "self").Parse(py.Tuple{py.Int(1)}, nil)
	if got, want := excText(err), "TypeError: Pool.close() takes 1 positional argument but 2 were given"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	a, err := MustSig("Pool.map", "self, func, iterable, chunksize=None").Parse(py.Tuple{py.Int(1), py.Int(2)}, nil)
	if err != nil || a.Get("func") != py.Int(1) || a.Get("iterable") != py.Int(2) {
		t.Errorf("Pool.map(1, 2): %v", err)
	}
}
