package pyrt

// The wording of argument errors for functions CPython implements in C (a
// Sig whose spec opens with $self, $module or $type). CPython 3.11 words
// them by calling convention:
//   - positional-only (METH_NOARGS, METH_O, _PyArg_CheckPositional):
//     "lock.release() takes no arguments (1 given)",
//     "str.join() takes exactly one argument (0 given)",
//     "get expected at least 1 argument, got 0", "insert expected 2
//     arguments, got 3", "list.append() takes no keyword arguments";
//   - with keywords (PyArg_ParseTupleAndKeywords, Argument Clinic):
//     "split() takes at most 2 arguments (3 given)", "from_bytes() missing
//     required argument 'bytes' (pos 1)", "argument for split() given by
//     name ('sep') and position (1)", "'x' is an invalid keyword argument
//     for split()".
// The full name (str.join, math.gcd) shows in the first two forms and
// "takes no keyword arguments", the short one (join) in the others, as in
// CPython.

import "github.com/go-python/gpython/py"

// shortName is the name after the last '.'.
func (s *Sig) shortName() string { return methodName(s.name) }

// argName names the callable in "f() argument 'x' must be …": a C
// function's short name ("to_bytes() argument 'byteorder' must be str, not
// int"), as _PyArg_BadArgument.
func (s *Sig) argName() string {
	if s.builtin {
		return s.shortName()
	}
	return s.name
}

// checkPositional checks a call of a positional-only builtin: no keywords,
// and a count within the parameters (CPython's METH_NOARGS, METH_O and
// _PyArg_CheckPositional).
func (s *Sig) checkPositional(n int, kwargs py.StringDict) error {
	if len(kwargs) > 0 {
		return py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", s.name)
	}
	min, max := s.required(), s.nPos
	if s.star != "" {
		max = -1
	}
	switch {
	case n >= min && (max < 0 || n <= max):
		return nil
	case min == max && min == 0:
		return py.ExceptionNewf(py.TypeError, "%s() takes no arguments (%d given)", s.name, n)
	case min == max && min == 1:
		return py.ExceptionNewf(py.TypeError, "%s() takes exactly one argument (%d given)", s.name, n)
	case min == max:
		return py.ExceptionNewf(py.TypeError, "%s expected %d arguments, got %d", s.shortName(), min, n)
	case n < min:
		return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument%s, got %d", s.shortName(), min, plural(min), n)
	}
	return py.ExceptionNewf(py.TypeError, "%s expected at most %d argument%s, got %d", s.shortName(), max, plural(max), n)
}

// unpackPositional checks the positional count of a builtin whose named
// parameters are positional-only and that takes **kwargs, as
// PyArg_UnpackTuple words it ("sorted expected 1 argument, got 2",
// "update expected at most 1 argument, got 2").
func (s *Sig) unpackPositional(n int) error {
	min, max := s.nReqPos, s.nPos
	if s.star != "" {
		max = -1
	}
	switch {
	case n >= min && (max < 0 || n <= max):
		return nil
	case min == max:
		return py.ExceptionNewf(py.TypeError, "%s expected %d argument%s, got %d", s.shortName(), min, plural(min), n)
	case n < min:
		return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument%s, got %d", s.shortName(), min, plural(min), n)
	}
	return py.ExceptionNewf(py.TypeError, "%s expected at most %d argument%s, got %d", s.shortName(), max, plural(max), n)
}

// tooManyC is the error for more positional arguments than the
// parameters take: "split() takes at most 2 arguments (3 given)" when the
// call has more arguments than there are parameters (keywords counted, as
// CPython's), else "isclose() takes exactly 2 positional arguments (3
// given)".
func (s *Sig) tooManyC(nargs, nkw int) error {
	if n := len(s.params); nargs+nkw > n {
		kw := ""
		if nargs == 0 {
			kw = "keyword "
		}
		return py.ExceptionNewf(py.TypeError, "%s() takes at most %d %sargument%s (%d given)", s.shortName(), n, kw, plural(n), nargs+nkw)
	}
	if s.nPos == 0 {
		return py.ExceptionNewf(py.TypeError, "%s() takes no positional arguments", s.shortName())
	}
	how := "exactly"
	if s.required() < s.nPos {
		how = "at most"
	}
	return py.ExceptionNewf(py.TypeError, "%s() takes %s %d positional argument%s (%d given)", s.shortName(), how, s.nPos, plural(s.nPos), nargs)
}

// missingC is the error for a required parameter not given: "prod() takes
// exactly 1 positional argument (0 given)" for a positional-only one,
// "from_bytes() missing required argument 'bytes' (pos 1)" otherwise.
func (s *Sig) missingC(name string, nargs int) error {
	i := s.index(name)
	if i < s.nPosOnly {
		how := "exactly"
		if s.required() < s.nPos {
			how = "at least"
		}
		req := s.required()
		return py.ExceptionNewf(py.TypeError, "%s() takes %s %d positional argument%s (%d given)", s.shortName(), how, req, plural(req), nargs)
	}
	return py.ExceptionNewf(py.TypeError, "%s() missing required argument '%s' (pos %d)", s.shortName(), name, i+1)
}

// required is the number of leading positional parameters without a default.
func (s *Sig) required() int {
	n := 0
	for n < s.nPos && !s.params[n].hasDef {
		n++
	}
	return n
}

// unexpected is the error for keyword k that names no parameter.
func (s *Sig) unexpected(k string) error {
	if s.builtin {
		return py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for %s()", k, s.shortName())
	}
	return py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", s.name, k)
}

// multiple is the error for parameter k (index j) given twice.
func (s *Sig) multiple(k string, j int) error {
	if s.builtin {
		return py.ExceptionNewf(py.TypeError, "argument for %s() given by name ('%s') and position (%d)", s.shortName(), k, j+1)
	}
	return py.ExceptionNewf(py.TypeError, "%s() got multiple values for argument '%s'", s.name, k)
}
