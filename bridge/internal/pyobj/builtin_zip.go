package pyobj

// zip(*iterables, strict=False): gpython's zip has no strict mode, never
// ends when given no iterables, and is replaced by this one. Errors of the
// zipped iterators reach `for` loops (IterFailed).

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// zipIter is a zip object.
type zipIter struct {
	its    []py.Object
	strict bool
	done   bool
}

func (z *zipIter) Type() *py.Type { return py.ZipType }

func (z *zipIter) M__iter__() (py.Object, error) { return z, nil }

func (z *zipIter) M__next__() (py.Object, error) {
	if z.done || len(z.its) == 0 {
		return nil, py.StopIteration
	}
	out := make(py.Tuple, len(z.its))
	for i, it := range z.its {
		v, err := py.Next(it)
		if err == nil {
			out[i] = v
			continue
		}
		z.done = true
		if !py.IsException(py.StopIteration, err) {
			return nil, IterFailed(z, err)
		}
		if !z.strict {
			return nil, err
		}
		if i > 0 {
			return nil, IterFailed(z, py.ExceptionNewf(py.ValueError, "zip() argument %d is shorter than argument%s", i+1, zipArgRange(i)))
		}
		// The first is exhausted: every other one must be too.
		for j := 1; j < len(z.its); j++ {
			_, err := py.Next(z.its[j])
			if err == nil {
				return nil, IterFailed(z, py.ExceptionNewf(py.ValueError, "zip() argument %d is longer than argument%s", j+1, zipArgRange(j)))
			}
			if !py.IsException(py.StopIteration, err) {
				return nil, IterFailed(z, err)
			}
		}
		return nil, py.StopIteration
	}
	return out, nil
}

// zipArgRange words "arguments 1-n" / "argument 1" for the first n.
func zipArgRange(n int) string {
	if n == 1 {
		return " 1"
	}
	return "s 1-" + itoaInt(n)
}

func zipNew(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
	z := &zipIter{its: make([]py.Object, len(args))}
	for k, v := range kw {
		if k != "strict" {
			return nil, py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for zip()", k)
		}
		b, err := py.MakeBool(v)
		if err != nil {
			return nil, err
		}
		z.strict = b == py.True
	}
	for i, a := range args {
		it, err := py.Iter(a)
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not iterable", pyrt.TypeName(a))
		}
		z.its[i] = it
	}
	return z, nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_zip", func() {
		py.ZipType.New = zipNew
	})
}
