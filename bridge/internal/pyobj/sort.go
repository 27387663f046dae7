package pyobj

// Ordering as CPython: tuples and lists compare item by item, numbers across
// int/bool/float, strings by code point. sorted(), min(), max() and
// list.sort() use it (gpython's own `<` refuses tuples; a bare `a < b` on
// tuples in Python code still goes to gpython).

import (
	"math/big"
	"slices"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Less is Python's a < b.
func Less(a, b py.Object) (bool, error) {
	switch x := a.(type) {
	case py.Int:
		if y, ok := b.(py.Int); ok {
			return x < y, nil
		}
	case py.String:
		if y, ok := b.(py.String); ok {
			return x < y, nil
		}
	case py.Float:
		if y, ok := b.(py.Float); ok {
			return x < y, nil
		}
	case py.Tuple:
		if y, ok := b.(py.Tuple); ok {
			return seqLess(x, y)
		}
	case *py.List:
		if y, ok := b.(*py.List); ok {
			return seqLess(x.Items, y.Items)
		}
	case *Set:
		if _, ok := b.(SetLike); ok {
			r, err := x.M__lt__(b)
			return r == py.True, err
		}
	case *FrozenSet:
		if _, ok := b.(SetLike); ok {
			r, err := x.M__lt__(b)
			return r == py.True, err
		}
	}
	if bothNumbers(a, b) {
		return numLess(a, b), nil
	}
	if ut, ok := a.(*py.Type); ok && !isPyClass(ut) {
		if m := ut.Type().Lookup("__lt__"); m != nil {
			res, err := py.Call(m, py.Tuple{a, b}, nil)
			if err != nil {
				return false, err
			}
			if res != py.NotImplemented {
				t, err := py.MakeBool(res)
				return t == py.True, err
			}
		}
	}
	if ut, ok := b.(*py.Type); ok && !isPyClass(ut) {
		if m := ut.Type().Lookup("__gt__"); m != nil {
			res, err := py.Call(m, py.Tuple{b, a}, nil)
			if err != nil {
				return false, err
			}
			if res != py.NotImplemented {
				t, err := py.MakeBool(res)
				return t == py.True, err
			}
		}
	}
	res, err := py.Lt(a, b)
	if err != nil {
		if isExc(err, py.TypeError) {
			return false, py.ExceptionNewf(py.TypeError, "'<' not supported between instances of '%s' and '%s'", a.Type().Name, b.Type().Name)
		}
		return false, err
	}
	t, err := py.MakeBool(res)
	return t == py.True, err
}

func bothNumbers(a, b py.Object) bool {
	return isNumber(a) && isNumber(b)
}

func isNumber(o py.Object) bool {
	switch o.(type) {
	case py.Int, py.Bool, py.Float, *py.BigInt:
		return true
	}
	return false
}

func toBigFloat(o py.Object) *big.Float {
	switch x := o.(type) {
	case py.Int:
		return new(big.Float).SetInt64(int64(x))
	case py.Bool:
		return new(big.Float).SetInt64(int64(BoolInt(x)))
	case py.Float:
		return big.NewFloat(float64(x))
	case *py.BigInt:
		return new(big.Float).SetInt((*big.Int)(x))
	}
	return nil
}

func numLess(a, b py.Object) bool {
	if fa, ok := a.(py.Float); ok && fa != fa {
		return false
	}
	if fb, ok := b.(py.Float); ok && fb != fb {
		return false
	}
	return toBigFloat(a).Cmp(toBigFloat(b)) < 0
}

func seqLess(x, y []py.Object) (bool, error) {
	n := min(len(x), len(y))
	for i := 0; i < n; i++ {
		if isIdentical(x[i], y[i]) {
			continue
		}
		eq, err := Equal(x[i], y[i])
		if err != nil {
			return false, err
		}
		if !eq {
			return Less(x[i], y[i])
		}
	}
	return len(x) < len(y), nil
}

// SortObjects sorts items in place, stably, by key (or the items) with
// Python's <; reverse keeps equal items in their original order as CPython.
func SortObjects(items []py.Object, key py.Object, reverse bool) error {
	keys := items
	if key != nil && key != py.None {
		keys = make([]py.Object, len(items))
		for i, it := range items {
			k, err := py.Call(key, py.Tuple{it}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var cmpErr error
	slices.SortStableFunc(idx, func(i, j int) int {
		if cmpErr != nil {
			return 0
		}
		a, b := keys[i], keys[j]
		if reverse {
			a, b = b, a
		}
		lt, err := Less(a, b)
		if err != nil {
			cmpErr = err
			return 0
		}
		if lt {
			return -1
		}
		gt, err := Less(b, a)
		if err != nil {
			cmpErr = err
			return 0
		}
		if gt {
			return 1
		}
		return 0
	})
	if cmpErr != nil {
		return cmpErr
	}
	out := make([]py.Object, len(items))
	for n, i := range idx {
		out[n] = items[i]
	}
	copy(items, out)
	return nil
}

// sortKeyReverse reads the key= and reverse= of sorted() and list.sort().
func sortKeyReverse(a *pyrt.Args) (key py.Object, reverse bool, err error) {
	reverse, err = a.Bool("reverse")
	return a.Get("key"), reverse, err
}

// builtinSorted is sorted(iterable, /, **kwargs): as CPython's, a new list
// sorted by list.sort, which reads the keywords ("'x' is an invalid
// keyword argument for sort()").
func builtinSorted(_ py.Object, a *pyrt.Args) (py.Object, error) {
	l, err := py.SequenceList(a.Get("iterable"))
	if err != nil {
		return nil, err
	}
	out := &py.List{Items: append([]py.Object(nil), l.Items...)}
	if _, err := listSort.CallWithKeywords(out, nil, a.Kw); err != nil {
		return nil, err
	}
	return out, nil
}

// listSort is list.sort.
var listSort *py.Method

// minMaxSpec is the parameter list of min() and max().
const minMaxSpec = "$module, *args, key=None, default=None"

// minMax is min() / max(): one iterable or several arguments, key=, default=.
func minMax(name string, a *pyrt.Args) (py.Object, error) {
	args, key := a.Star, a.Get("key")
	var def py.Object
	if a.Given("default") {
		def = a.Get("default")
	}
	if key == py.None {
		key = nil
	}
	var items []py.Object
	switch len(args) {
	case 0:
		return nil, py.ExceptionNewf(py.TypeError, "%s expected at least 1 argument, got 0", name)
	case 1:
		var ierr error
		err := py.Iterate(args[0], func(o py.Object) bool {
			items = append(items, o)
			return false
		})
		if err != nil {
			return nil, err
		}
		if ierr != nil {
			return nil, ierr
		}
		if len(items) == 0 {
			if def != nil {
				return def, nil
			}
			return nil, py.ExceptionNewf(py.ValueError, "%s() arg is an empty sequence", name)
		}
	default:
		if def != nil {
			return nil, py.ExceptionNewf(py.TypeError, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = args
	}
	best := items[0]
	bestKey := best
	if key != nil {
		k, err := py.Call(key, py.Tuple{best}, nil)
		if err != nil {
			return nil, err
		}
		bestKey = k
	}
	for _, it := range items[1:] {
		k := it
		if key != nil {
			var err error
			if k, err = py.Call(key, py.Tuple{it}, nil); err != nil {
				return nil, err
			}
		}
		var better bool
		var err error
		if name == "min" {
			better, err = Less(k, bestKey)
		} else {
			better, err = Less(bestKey, k)
		}
		if err != nil {
			return nil, err
		}
		if better {
			best, bestKey = it, k
		}
	}
	return best, nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "sort", func() {
		SetBuiltin("sorted", pyrt.Func("sorted", "$module, iterable, /, **kwargs", builtinSorted))
		SetBuiltin("min", pyrt.Func("min", minMaxSpec, func(_ py.Object, a *pyrt.Args) (py.Object, error) { return minMax("min", a) }))
		SetBuiltin("max", pyrt.Func("max", minMaxSpec, func(_ py.Object, a *pyrt.Args) (py.Object, error) { return minMax("max", a) }))
		listSort = pyrt.Method(py.ListType, "list.sort", "$self, *, key=None, reverse=False", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			key, reverse, err := sortKeyReverse(a)
			if err != nil {
				return nil, err
			}
			l := self.(*py.List)
			items := append([]py.Object(nil), l.Items...)
			if err := SortObjects(items, key, reverse); err != nil {
				return nil, err
			}
			copy(l.Items, items)
			return py.None, nil
		})
	})
}
