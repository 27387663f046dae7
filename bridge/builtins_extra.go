package bridge

// Builtins gpython lacks: reversed, hash, callable, id.

import (
	"reflect"

	"github.com/go-python/gpython/py"
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

func builtinReversed(args py.Tuple, kw py.StringDict) (py.Object, error) {
	if err := nArgs("reversed", args, kw, 1, 1); err != nil {
		return nil, err
	}
	seq := args[0]
	if r, ok := seq.(py.I__reversed__); ok {
		return r.M__reversed__()
	}
	if t, ok := seq.(*py.Type); ok && !isPyClass(t) {
		if m := t.Type().Lookup("__reversed__"); m != nil {
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
	compatInstallers = append(compatInstallers, func() {
		setBuiltin("reversed", builtinFunc("reversed", builtinReversed))
		setBuiltin("hash", builtinFunc("hash", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
			if err := nArgs("hash", args, kw, 1, 1); err != nil {
				return nil, err
			}
			h, err := Hash(args[0])
			return py.Int(h), err
		}))
		setBuiltin("callable", builtinFunc("callable", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
			if err := nArgs("callable", args, kw, 1, 1); err != nil {
				return nil, err
			}
			return py.NewBool(Callable(args[0])), nil
		}))
		setBuiltin("id", builtinFunc("id", func(args py.Tuple, kw py.StringDict) (py.Object, error) {
			if err := nArgs("id", args, kw, 1, 1); err != nil {
				return nil, err
			}
			return py.Int(objectID(args[0])), nil
		}))
	})
}
