package pyrt

import (
	"testing"

	"github.com/go-python/gpython/py"
)

func excText(err error) string {
	if e, ok := err.(*py.Exception); ok {
		if args, ok := e.Args.(py.Tuple); ok && len(args) > 0 {
			return e.Base.Name + ": " + string(args[0].(py.String))
		}
	}
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// A method of a type is found in its Dict and gets the instance both ways
// it can be called; through the type the instance is checked.
func TestMethodInstallsAndBindsSelf(t *testing.T) {
	typ := py.StringType
	defer delete(typ.Dict, "twice")
	m := Method(typ, "str.twice", "n=2, /", func(self py.Object, a *Args) (py.Object, error) {
		n, err := a.Int("n")
		if err != nil {
			return nil, err
		}
		return py.String(string(self.(py.String)) + "/" + string(rune('0'+n))), nil
	})
	if typ.Dict["twice"] != m || m.Name != "twice" {
		t.Fatalf("not installed under 'twice': %v", typ.Dict)
	}
	// bound: self is the instance
	if r, err := m.CallWithKeywords(py.String("a"), py.Tuple{py.Int(3)}, nil); err != nil || r != py.String("a/3") {
		t.Errorf("bound call: %v %v", r, err)
	}
	// through the type: gpython passes the method's nil module as self
	var nomod *py.Module
	if r, err := m.CallWithKeywords(nomod, py.Tuple{py.String("b")}, nil); err != nil || r != py.String("b/2") {
		t.Errorf("unbound call: %v %v", r, err)
	}
	_, err := m.CallWithKeywords(nomod, py.Tuple{py.Int(1)}, nil)
	if got := excText(err); got != "TypeError: descriptor 'twice' for 'str' objects doesn't apply to a 'int' object" {
		t.Errorf("descriptor check: %s", got)
	}
	_, err = m.CallWithKeywords(nomod, nil, nil)
	if got := excText(err); got != "TypeError: unbound method str.twice() needs an argument" {
		t.Errorf("no instance: %s", got)
	}
	_, err = m.CallWithKeywords(py.String("a"), py.Tuple{py.Int(1), py.Int(2)}, nil)
	if got := excText(err); got != "TypeError: str.twice() takes from 0 to 1 positional arguments but 2 were given" {
		t.Errorf("arity: %s", got)
	}
	// t == nil: made, not installed, no type check
	free := Method(nil, "free", "", func(self py.Object, a *Args) (py.Object, error) { return self, nil })
	if r, err := free.CallWithKeywords(nomod, py.Tuple{py.Int(7)}, nil); err != nil || r != py.Int(7) {
		t.Errorf("t == nil: %v %v", r, err)
	}
}

func TestClassMethodGetsClass(t *testing.T) {
	base := py.ObjectType.NewType("Base", "", nil, nil)
	MustReady(base)
	sub := base.NewType("Sub", "", nil, nil)
	sub.Bases = py.Tuple{base}
	MustReady(sub)
	m := ClassMethod(base, "Base.make", "x", func(cls *py.Type, a *Args) (py.Object, error) {
		return py.Tuple{py.String(cls.Name), a.Get("x")}, nil
	})
	if base.Dict["make"] != m {
		t.Fatal("not installed")
	}
	var nomod *py.Module
	for _, c := range []struct {
		self py.Object
		want string
	}{{nomod, "Base"}, {sub, "Sub"}, {base, "Base"}} {
		r, err := m.CallWithKeywords(c.self, nil, py.StringDict{"x": py.Int(1)})
		if err != nil || r.(py.Tuple)[0] != py.String(c.want) {
			t.Errorf("self %v: %v %v, want %s", c.self, r, err, c.want)
		}
	}
}

// Defaults, given-ness and fresh mutable defaults on the positional fast
// path and the keyword path agree.
func TestSigFastPathBinding(t *testing.T) {
	s := MustSig("f", "a, b=2, c=[], *, d=None")
	for _, kwargs := range []py.StringDict{nil, {"d": py.None}} {
		a, err := s.Parse(py.Tuple{py.Int(1)}, kwargs)
		if err != nil {
			t.Fatal(err)
		}
		if a.Get("a") != py.Int(1) || a.Get("b") != py.Int(2) || !a.Given("a") || a.Given("b") || a.Given("d") != (kwargs != nil) {
			t.Errorf("kwargs %v: bound wrong", kwargs)
		}
		a2, _ := s.Parse(py.Tuple{py.Int(1)}, kwargs)
		if a.Get("c") == a2.Get("c") {
			t.Error("[] default shared between calls")
		}
	}
}

// *args on the positional path: the extras, or an empty tuple.
func TestSigFastPathStar(t *testing.T) {
	s := MustSig("f", "x, y=2, *rest")
	a, err := s.Parse(py.Tuple{py.Int(1), py.Int(3), py.Int(4), py.Int(5)}, nil)
	if err != nil || a.Get("x") != py.Int(1) || a.Get("y") != py.Int(3) || len(a.Star) != 2 || a.Star[1] != py.Int(5) {
		t.Fatalf("bound %v %v", a, err)
	}
	a, err = s.Parse(py.Tuple{py.Int(1)}, nil)
	if err != nil || a.Get("y") != py.Int(2) || a.Star == nil || len(a.Star) != 0 || a.Given("y") {
		t.Fatalf("bound %v %v", a, err)
	}
	if _, err := s.Parse(nil, nil); excText(err) != "TypeError: f() missing 1 required positional argument: 'x'" {
		t.Errorf("no x: %s", excText(err))
	}
}

// A binder's *args survive the call (a callee may keep them) though the
// caller's tuple is a view of a value stack that is reused.
func TestFuncStarOutlivesCall(t *testing.T) {
	var kept py.Tuple
	f := Func("f", "x, *rest", func(_ py.Object, a *Args) (py.Object, error) {
		kept = a.Star
		return a.Get("x"), nil
	})
	args := py.Tuple{py.Int(1), py.Int(2), py.Int(3)}
	if r, err := f.CallWithKeywords(nil, args, nil); err != nil || r != py.Int(1) {
		t.Fatalf("f: %v %v", r, err)
	}
	args[1], args[2] = py.None, py.None // the caller's stack moves on
	if len(kept) != 2 || kept[0] != py.Int(2) || kept[1] != py.Int(3) {
		t.Errorf("kept *args %v", kept)
	}
}

func BenchmarkSigParsePositional(b *testing.B) {
	s := MustSig("dict.get", "$self, key, default=None, /")
	args := py.Tuple{py.String("k")}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.Parse(args, nil); err != nil {
			b.Fatal(err)
		}
	}
}
