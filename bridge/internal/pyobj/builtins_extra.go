package pyobj

// Builtins gpython lacks: reversed, hash, callable, id, vars.

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var reversedType = py.NewType("reversed", "")

// reversedIter walks a sequence backwards by index.
type reversedIter struct {
	seq py.Object
	i   int
}

func (r *reversedIter) Type() *py.Type { return reversedType }

func (r *reversedIter) M__iter__() (py.Object, error) { return r, nil }

func (r *reversedIter) M__next__() (py.Object, error) {
	if r.i < 0 {
		return nil, py.StopIteration
	}
	item, err := py.GetItem(r.seq, py.Int(r.i))
	r.i--
	if err != nil {
		if isExc(err, py.IndexError) {
			r.i = -1
			return nil, py.StopIteration
		}
		return nil, err
	}
	return item, nil
}

func builtinReversed(_ py.Object, a *pyrt.Args) (py.Object, error) {
	seq := a.Get("sequence")
	if r, ok := seq.(py.I__reversed__); ok {
		return r.M__reversed__()
	}
	if _, ok := AsInstance(seq); ok {
		if m := seq.Type().Lookup("__reversed__"); m != nil {
			return py.Call(m, py.Tuple{seq}, nil)
		}
	}
	switch seq.(type) {
	case *Dict, *DictView:
		l, err := py.SequenceList(seq)
		if err != nil {
			return nil, err
		}
		return &reversedIter{seq: l, i: len(l.Items) - 1}, nil
	case *Set, *FrozenSet:
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not reversible", seq.Type().Name)
	}
	n, err := py.Len(seq)
	if err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not reversible", seq.Type().Name)
	}
	ln, err := py.MakeGoInt(n)
	if err != nil {
		return nil, err
	}
	return &reversedIter{seq: seq, i: ln - 1}, nil
}

// Callable reports whether o can be called.
func Callable(o py.Object) bool {
	switch x := o.(type) {
	case *py.Type:
		if isPyClass(x) {
			return true
		}
		return x.Type().Lookup("__call__") != nil
	case *Instance:
		return false
	case py.I__call__:
		return true
	}
	return false
}

func objectID(o py.Object) int64 {
	v := reflect.ValueOf(o)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return int64(v.Pointer())
	}
	h, err := Hash(o)
	if err != nil {
		return 0
	}
	return h
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtins_extra", func() {
		SetBuiltin("reversed", pyrt.Func("reversed", "$module, sequence, /", builtinReversed))
		SetBuiltin("hash", pyrt.Func("hash", "$module, obj, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			h, err := Hash(a.Get("obj"))
			return py.Int(h), err
		}))
		SetBuiltin("callable", pyrt.Func("callable", "$module, obj, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			return py.NewBool(Callable(a.Get("obj"))), nil
		}))
		SetBuiltin("id", pyrt.Func("id", "$module, obj, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			return py.Int(objectID(a.Get("obj"))), nil
		}))
	})
}

// roundHalfEven is round(x, n) for floats as CPython: exact decimal
// rounding of the binary value, ties to even.
func roundFloat(f float64, ndigits int) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return f
	}
	s := strconv.FormatFloat(f, 'f', ndigits, 64) // correctly rounded, ties to even on the exact value
	r, _ := strconv.ParseFloat(s, 64)
	return r
}

func builtinRound(_ py.Object, a *pyrt.Args) (py.Object, error) {
	x := a.Get("number")
	if b, ok := x.(*BaseInstance); ok && userLookup(b.Type(), "__round__") == nil {
		x = b.Base // a float or int subclass
	}
	noDigits := a.IsNone("ndigits")
	nd := 0
	if !noDigits {
		n, err := py.IndexInt(a.Get("ndigits"))
		if err != nil {
			return nil, err
		}
		nd = n
	}
	switch v := x.(type) {
	case py.Float:
		f := float64(v)
		if noDigits {
			if math.IsInf(f, 0) {
				return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
			}
			if math.IsNaN(f) {
				return nil, py.ExceptionNewf(py.ValueError, "cannot convert float NaN to integer")
			}
			r := math.RoundToEven(f)
			if math.Abs(r) < 1<<62 {
				return py.Int(int64(r)), nil
			}
			b, _ := new(big.Float).SetFloat64(r).Int(nil)
			return BigToInt(b), nil
		}
		if nd < 0 {
			p := math.Pow(10, float64(-nd))
			return py.Float(math.RoundToEven(f/p) * p), nil
		}
		if nd > 300 {
			return v, nil
		}
		return py.Float(roundFloat(f, nd)), nil
	case py.Int, py.Bool, *py.BigInt:
		n := toBig(v)
		if noDigits || nd >= 0 {
			return BigToInt(n), nil
		}
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-nd)), nil)
		q, m := new(big.Int).DivMod(n, p, new(big.Int))
		twice := new(big.Int).Mul(m, big.NewInt(2))
		if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
		return BigToInt(q.Mul(q, p)), nil
	}
	if r := x.Type().Lookup("__round__"); r != nil {
		if a.Given("ndigits") {
			return py.Call(r, py.Tuple{x, a.Get("ndigits")}, nil)
		}
		return py.Call(r, py.Tuple{x}, nil)
	}
	return nil, py.ExceptionNewf(py.TypeError, "type %s doesn't define __round__ method", x.Type().Name)
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtins_extra#2", func() {
		SetBuiltin("round", pyrt.Func("round", "$module, number, ndigits=None", builtinRound))
		enumerate := py.EnumerateType
		if enumerate.New != nil {
			orig := enumerate.New
			enumerate.New = func(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
				if v, ok := kw["start"]; ok && len(kw) == 1 {
					return orig(t, append(append(py.Tuple{}, args...), v), nil)
				}
				if v, ok := kw["iterable"]; ok {
					rest := py.StringDict{}
					for k, x := range kw {
						if k != "iterable" {
							rest[k] = x
						}
					}
					if s, ok := rest["start"]; ok {
						return orig(t, py.Tuple{v, s}, nil)
					}
					return orig(t, py.Tuple{v}, nil)
				}
				return orig(t, args, kw)
			}
		}
		py.FunctionType.Dict["__doc__"] = &py.Property{
			Fget: func(self py.Object) (py.Object, error) {
				f := self.(*py.Function)
				if f.Doc == nil {
					return py.None, nil
				}
				return f.Doc, nil
			},
			Fset: func(self, value py.Object) error {
				self.(*py.Function).Doc = value
				return nil
			},
		}
		typeNew := py.TypeType.New
		py.TypeType.New = func(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
			if len(args) == 3 {
				if ns, ok := args[2].(py.StringDict); ok {
					if _, has := ns["__module__"]; !has {
						ns["__module__"] = py.String("__main__")
					}
				}
				if d, ok := args[2].(*Dict); ok {
					ns := py.NewStringDict()
					for _, it := range d.Items() {
						k, ok := it.Key.(py.String)
						if !ok {
							return nil, py.ExceptionNewf(py.TypeError, "type() namespace keys must be strings")
						}
						ns[string(k)] = it.Value
					}
					if _, has := ns["__module__"]; !has {
						ns["__module__"] = py.String("__main__")
					}
					args = py.Tuple{args[0], args[1], ns}
					obj, err := typeNew(t, args, kw)
					if cls, ok := obj.(*py.Type); ok && err == nil {
						FixClass(cls, nil)
					}
					return obj, err
				}
			}
			return typeNew(t, args, kw)
		}
	})
}

func builtinLen(_ py.Object, a *pyrt.Args) (py.Object, error) {
	obj := a.Get("obj")
	switch x := obj.(type) {
	case py.Bytes:
		return py.Int(len(x)), nil
	case py.String:
		return py.Int(strLen(string(x))), nil
	case *py.List:
		return py.Int(len(x.Items)), nil
	case py.Tuple:
		return py.Int(len(x)), nil
	}
	n, err := py.Len(obj)
	if err != nil && isExc(err, py.TypeError) {
		return nil, py.ExceptionNewf(py.TypeError, "object of type '%s' has no len()", obj.Type().Name)
	}
	return n, err
}

func builtinASCII(_ py.Object, a *pyrt.Args) (py.Object, error) {
	r, err := Repr(a.Get("obj"))
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, c := range r {
		switch {
		case c < 0x80:
			b.WriteRune(c)
		case c <= 0xff:
			fmt.Fprintf(&b, "\\x%02x", c)
		case c <= 0xffff:
			fmt.Fprintf(&b, "\\u%04x", c)
		default:
			fmt.Fprintf(&b, "\\U%08x", c)
		}
	}
	return py.String(b.String()), nil
}

// dirNames is dir(obj): the sorted attribute names of obj, its class and
// the class's bases.
func dirNames(o py.Object) []string {
	seen := map[string]bool{}
	add := func(d py.StringDict) {
		for k := range d {
			seen[k] = true
		}
	}
	switch x := o.(type) {
	case *py.Module:
		_ = loadLazySource(x) // a failed load shows the names there are
		add(x.Globals)
	case *py.Type:
		add(x.Dict)
		if isPyClass(x) {
			for _, b := range mroOf(x) {
				add(b.(*py.Type).Dict)
			}
		} else {
			for _, b := range mroOf(x.Type()) {
				add(b.(*py.Type).Dict)
			}
		}
	default:
		if g, ok := o.(py.IGetDict); ok {
			add(g.GetDict())
		}
		for _, b := range mroOf(o.Type()) {
			add(b.(*py.Type).Dict)
		}
	}
	names := make([]string, 0, len(seen))
	for k := range seen {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtins_extra#3", func() {
		SetBuiltin("len", pyrt.Func("len", "$module, obj, /", builtinLen))
		SetBuiltin("ascii", pyrt.Func("ascii", "$module, obj, /", builtinASCII))
		SetBuiltin("dir", pyrt.Func("dir", "$module, object=None, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
			if !a.Given("object") {
				return nil, py.ExceptionNewf(py.NotImplementedError, "dir() without an argument is not supported by pypool")
			}
			names := dirNames(a.Get("object"))
			out := make([]py.Object, len(names))
			for i, n := range names {
				out[i] = py.String(n)
			}
			return py.NewListFromItems(out), nil
		}))
	})
}

// builtinVars is vars(obj).
func builtinVars(_ py.Object, a *pyrt.Args) (py.Object, error) {
	obj := a.Get("object")
	if err := loadLazySource(obj); err != nil {
		return nil, err
	}
	if g, ok := obj.(py.IGetDict); ok {
		if d := g.GetDict(); d != nil {
			return d, nil
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "vars() argument must have __dict__ attribute")
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "mod_extra#vars", func() {
		SetBuiltin("vars", pyrt.Func("vars", "$module, object, /", builtinVars))
	})
}
