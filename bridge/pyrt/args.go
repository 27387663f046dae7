package pyrt

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/go-python/gpython/py"
)

// A Sig declares the parameters of a Go-implemented Python callable, written
// as a Python parameter list:
//
//	var applyAsyncSig = bridge.MustSig("apply_async",
//		"func, args=(), kwds={}, callback=None, error_callback=None")
//
// Supported: plain names, defaults (None, True, False, ints, floats, quoted
// strings, (), [] and {} — the last two give a fresh list or dict on each
// call), "/" (the names before it are positional-only), "*" (the names after
// it are keyword-only), "*name" (extra positionals, in Args.Star) and
// "**name" (extra keywords, in Args.Kw). Parse binds a call's arguments with
// CPython's rules and words its errors as CPython words a Python function's:
//
//	apply_async() got an unexpected keyword argument 'x'
//	f() missing 1 required positional argument: 'x'
//	f() takes from 1 to 2 positional arguments but 3 were given
//	f() got multiple values for argument 'x'
//
// and the typed getters (Int, Float, Str, …) word type errors as
// "Pool() argument 'processes' must be int, not str".
//
// CPython's builtins written in C word their argument errors differently;
// a spec that starts with a wording tag takes theirs (the name is given
// qualified, "list.index", and the messages use it as CPython does):
//
//	[varargs] value, start=0, stop=None, /
//	    METH_NOARGS, METH_O and PyArg_UnpackTuple:
//	    list.copy() takes no arguments (1 given)
//	    set.add() takes exactly one argument (2 given)
//	    index expected at least 1 argument, got 0
//	    index expected at most 3 arguments, got 4
//	    isinstance expected 2 arguments, got 1
//	    dict.get() takes no keyword arguments
//	[clinic] sep=None, maxsplit=-1
//	    Argument Clinic and PyArg_ParseTupleAndKeywords:
//	    split() takes at most 2 arguments (3 given)
//	    translate() takes at least 1 positional argument (0 given)
//	    'x' is an invalid keyword argument for split()
//	    encode() missing required argument 'x' (pos 1)
//	    argument for split() given by name ('sep') and position (1)
type Sig struct {
	name      string
	short     string // name after its last '.' (C wordings)
	text      string // the parameter list, without its wording tag
	params    []param
	nPos      int // parameters that may be given by position
	nPosOnly  int // positional-only parameters
	nReqPos   int // required positional parameters (a prefix of params)
	nReqKw    int // required keyword-only parameters
	star      string
	starstar  string
	kwOnlyIdx int // index of the first keyword-only parameter (== len(params) if none)
	wording   wording
	simple    bool        // no *args, **kw, required keyword-only or fresh ([] {}) defaults
	busy      atomic.Bool // own is in use by a call (see Sig.call)
	own       Args
}

// wording selects how a Sig words argument errors.
type wording uint8

const (
	pythonWording  wording = iota // a Python function's
	varargsWording                // "[varargs]": METH_O / METH_NOARGS / PyArg_UnpackTuple
	clinicWording                 // "[clinic]": Argument Clinic
)

var wordingTags = map[string]wording{"[varargs]": varargsWording, "[clinic]": clinicWording}

type param struct {
	name   string
	def    py.Object // nil: required
	fresh  func() py.Object
	hasDef bool
}

// value returns the parameter's default.
func (p *param) value() py.Object {
	if p.fresh != nil {
		return p.fresh()
	}
	return p.def
}

// maxParams bounds a Sig's parameters (Args keeps which were given in a
// bit set).
const maxParams = 64

// MustSig is NewSig that panics on a bad spec (for package-level variables).
func MustSig(name, spec string) *Sig {
	s, err := NewSig(name, spec)
	if err != nil {
		panic(err)
	}
	return s
}

// NewSig parses spec (a Python parameter list, optionally led by a wording
// tag) for the callable called name (used in error messages: give "Pool"
// for "Pool() …").
func NewSig(name, spec string) (*Sig, error) {
	s := &Sig{name: name, short: methodName(name)}
	s.own.sig = s
	spec = strings.TrimSpace(spec)
	if strings.HasPrefix(spec, "[") {
		end := strings.IndexByte(spec, ']') + 1
		w, ok := wordingTags[spec[:end]]
		if !ok {
			return nil, fmt.Errorf("bridge: signature of %s: unknown wording tag in %q", name, spec)
		}
		s.wording = w
		spec = strings.TrimSpace(spec[end:])
	}
	s.text = spec
	kwOnly := false
	s.kwOnlyIdx = -1
	for _, raw := range splitParams(spec) {
		p := strings.TrimSpace(raw)
		switch {
		case p == "":
			continue
		case p == "/":
			s.nPosOnly = len(s.params)
			continue
		case p == "*":
			kwOnly = true
			s.kwOnlyIdx = len(s.params)
			continue
		case strings.HasPrefix(p, "**"):
			s.starstar = strings.TrimSpace(p[2:])
			continue
		case strings.HasPrefix(p, "*"):
			s.star = strings.TrimSpace(p[1:])
			kwOnly = true
			s.kwOnlyIdx = len(s.params)
			continue
		}
		var pr param
		if i := strings.IndexByte(p, '='); i >= 0 {
			pr.name = strings.TrimSpace(p[:i])
			lit := strings.TrimSpace(p[i+1:])
			switch lit {
			case "[]":
				pr.fresh = func() py.Object { return py.NewList() }
			case "{}":
				pr.fresh = func() py.Object { return py.NewStringDict() }
			default:
				v, err := parseLiteral(lit)
				if err != nil {
					return nil, fmt.Errorf("bridge: signature of %s: parameter %s: %v", name, pr.name, err)
				}
				pr.def = v
			}
			pr.hasDef = true
		} else {
			pr.name = p
			if !kwOnly && len(s.params) > 0 && s.params[len(s.params)-1].hasDef {
				return nil, fmt.Errorf("bridge: signature of %s: non-default parameter %s follows a default one", name, p)
			}
			if kwOnly {
				s.nReqKw++
			} else {
				s.nReqPos++
			}
		}
		s.params = append(s.params, pr)
		if !kwOnly {
			s.nPos++
		}
	}
	if len(s.params) > maxParams {
		return nil, fmt.Errorf("bridge: signature of %s: more than %d parameters", name, maxParams)
	}
	if s.kwOnlyIdx < 0 {
		s.kwOnlyIdx = len(s.params)
	}
	s.simple = s.star == "" && s.starstar == "" && s.nReqKw == 0
	for _, p := range s.params {
		if p.fresh != nil {
			s.simple = false
		}
	}
	return s, nil
}

func splitParams(spec string) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(spec); i++ {
		c := spec[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			out = append(out, spec[start:i])
			start = i + 1
		}
	}
	return append(out, spec[start:])
}

func parseLiteral(lit string) (py.Object, error) {
	switch lit {
	case "None":
		return py.None, nil
	case "True":
		return py.True, nil
	case "False":
		return py.False, nil
	case "()":
		return py.Tuple{}, nil
	}
	if len(lit) >= 2 && (lit[0] == '\'' || lit[0] == '"') && lit[len(lit)-1] == lit[0] {
		return py.String(lit[1 : len(lit)-1]), nil
	}
	if i, err := strconv.ParseInt(lit, 10, 64); err == nil {
		return py.Int(i), nil
	}
	if f, err := strconv.ParseFloat(lit, 64); err == nil {
		return py.Float(f), nil
	}
	return nil, fmt.Errorf("unsupported default %q", lit)
}

// Name returns the callable's name as used in messages.
func (s *Sig) Name() string { return s.name }

func (s *Sig) spec() string { return s.text }

// Args are a call's arguments bound to a Sig. The Args that Func, Method
// and ClassMethod pass to their fn is recycled when fn returns (a method
// call allocates nothing for its arguments), so fn reads what it needs
// during the call and never keeps the *Args: not in a goroutine, a stored
// closure or a data structure (keep the values instead). TestArgsNotKept
// checks this over the module's sources. Parse's Args are the caller's.
type Args struct {
	sig *Sig
	// pos: a call of positional arguments only holds the caller's tuple
	// (the other parameters take their defaults); otherwise vals holds
	// every parameter's value.
	pos   py.Tuple
	vals  []py.Object
	given uint64 // bit i: parameter i was passed
	// Star holds the extra positional arguments of a "*name" parameter.
	Star py.Tuple
	// Kw holds the extra keyword arguments of a "**name" parameter.
	Kw  py.StringDict
	buf [4]py.Object // vals of a small Sig
}

// value returns parameter i's value.
func (a *Args) value(i int) py.Object {
	if a.vals != nil {
		return a.vals[i]
	}
	if i < len(a.pos) {
		return a.pos[i]
	}
	return a.sig.params[i].def
}

// release gives a binder's Args back to its Sig, dropping its references
// (only the fields set: each write costs a GC write barrier).
func (a *Args) release() {
	if a.vals != nil {
		clear(a.vals)
		a.vals = nil
	}
	if a.pos != nil {
		a.pos = nil
	}
	if a.Star != nil || a.Kw != nil {
		a.Star, a.Kw = nil, nil
	}
	if s := a.sig; a == &s.own {
		s.busy.Store(false)
	}
}

// Parse binds args and kwargs to the signature's parameters.
func (s *Sig) Parse(args py.Tuple, kwargs py.StringDict) (*Args, error) {
	a := &Args{sig: s}
	if err := s.bind(a, args, kwargs); err != nil {
		return nil, err
	}
	return a, nil
}

// call binds a call's arguments into a pooled Args, runs fn and recycles
// the Args: fn must not keep it (see the Args doc).
func (s *Sig) call(self py.Object, args py.Tuple, kwargs py.StringDict, fn func(self py.Object, a *Args) (py.Object, error)) (py.Object, error) {
	a := &s.own
	if !s.busy.CompareAndSwap(false, true) {
		a = &Args{sig: s} // a concurrent or nested call
	}
	var r py.Object
	err := s.bind(a, args, kwargs)
	if err == nil {
		r, err = fn(self, a)
	}
	a.release()
	return r, err
}

func (s *Sig) bind(a *Args, args py.Tuple, kwargs py.StringDict) error {
	n := len(args)
	if len(kwargs) == 0 && s.simple && n <= s.nPos && n >= s.nReqPos {
		// the common call: positional arguments only, no error possible
		if n > 0 {
			a.pos = args
		}
		a.given = 1<<uint(n) - 1
		return nil
	}
	if len(s.params) <= len(a.buf) {
		a.vals = a.buf[:len(s.params)]
	} else {
		a.vals = make([]py.Object, len(s.params))
	}
	return s.parse(a, args, kwargs)
}

func (s *Sig) parse(a *Args, args py.Tuple, kwargs py.StringDict) error {
	if s.wording != pythonWording && len(kwargs) > 0 && !s.takesKeywords() {
		return py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", s.name)
	}
	n := len(args)
	if s.wording == clinicWording && s.star == "" && s.starstar == "" && n+len(kwargs) > len(s.params) {
		kw := ""
		if n == 0 {
			kw = "keyword "
		}
		return py.ExceptionNewf(py.TypeError, "%s() takes at most %d %sargument%s (%d given)", s.short, len(s.params), kw, plural(len(s.params)), n+len(kwargs))
	}
	if n > s.nPos {
		if s.star == "" {
			return s.tooMany(n)
		}
		a.Star = append(py.Tuple{}, args[s.nPos:]...)
		n = s.nPos
	} else if s.star != "" {
		a.Star = py.Tuple{}
	}
	if s.wording != pythonWording && n < s.nReqPos && (s.wording == varargsWording || n < s.nPosOnly) {
		return s.tooFew(n)
	}
	copy(a.vals, args[:n])
	a.given = 1<<uint(n) - 1
	var posOnlyKw []string
	for k, v := range kwargs {
		j := s.index(k)
		if j >= 0 && j < s.nPosOnly {
			if s.starstar == "" {
				posOnlyKw = append(posOnlyKw, k)
				continue
			}
			j = -1
		}
		if j < 0 {
			if s.starstar == "" {
				if s.wording == clinicWording {
					return py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for %s()", k, s.short)
				}
				return py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", s.name, k)
			}
			if a.Kw == nil {
				a.Kw = py.NewStringDict()
			}
			a.Kw[k] = v
			continue
		}
		if a.given&(1<<uint(j)) != 0 {
			if s.wording == clinicWording {
				return py.ExceptionNewf(py.TypeError, "argument for %s() given by name ('%s') and position (%d)", s.short, k, j+1)
			}
			return py.ExceptionNewf(py.TypeError, "%s() got multiple values for argument '%s'", s.name, k)
		}
		a.vals[j] = v
		a.given |= 1 << uint(j)
	}
	if len(posOnlyKw) > 0 {
		if s.wording == clinicWording {
			sort.Strings(posOnlyKw)
			return py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for %s()", posOnlyKw[0], s.short)
		}
		return py.ExceptionNewf(py.TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", s.name, strings.Join(posOnlyKw, ", "))
	}
	if s.starstar != "" && a.Kw == nil {
		a.Kw = py.NewStringDict()
	}
	var missingPos, missingKw []string
	for i := range s.params {
		p := &s.params[i]
		if a.given&(1<<uint(i)) != 0 {
			continue
		}
		switch {
		case p.hasDef:
			a.vals[i] = p.value()
		case s.wording == clinicWording && i < s.kwOnlyIdx:
			return py.ExceptionNewf(py.TypeError, "%s() missing required argument '%s' (pos %d)", s.short, p.name, i+1)
		case s.wording == clinicWording:
			return py.ExceptionNewf(py.TypeError, "%s() missing required keyword-only argument '%s'", s.short, p.name)
		case i < s.kwOnlyIdx:
			missingPos = append(missingPos, p.name)
		default:
			missingKw = append(missingKw, p.name)
		}
	}
	if len(missingPos) > 0 {
		if s.wording == varargsWording {
			return s.tooFew(len(args))
		}
		return s.missing("positional", missingPos)
	}
	if len(missingKw) > 0 {
		return s.missing("keyword-only", missingKw)
	}
	return nil
}

// takesKeywords reports whether some argument may be passed by keyword.
func (s *Sig) takesKeywords() bool {
	return s.starstar != "" || s.nPosOnly < len(s.params)
}

func (s *Sig) index(name string) int {
	for i := range s.params {
		if s.params[i].name == name {
			return i
		}
	}
	return -1
}

func (s *Sig) missing(kind string, names []string) error {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	var list string
	switch len(q) {
	case 1:
		list = q[0]
	case 2:
		list = q[0] + " and " + q[1]
	default:
		list = strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
	}
	plural := "s"
	if len(q) == 1 {
		plural = ""
	}
	return py.ExceptionNewf(py.TypeError, "%s() missing %d required %s argument%s: %s", s.name, len(q), kind, plural, list)
}

func (s *Sig) tooMany(given int) error {
	switch s.wording {
	case varargsWording:
		return s.varargsCount(given)
	case clinicWording:
		if s.nPos == 0 {
			return py.ExceptionNewf(py.TypeError, "%s() takes no positional arguments", s.short)
		}
		return py.ExceptionNewf(py.TypeError, "%s() takes %s %d positional argument%s (%d given)", s.short, atMostOrExactly(s.nReqPos < s.nPos), s.nPos, plural(s.nPos), given)
	}
	var takes string
	if s.nReqPos < s.nPos {
		takes = fmt.Sprintf("from %d to %d positional arguments", s.nReqPos, s.nPos)
	} else {
		takes = fmt.Sprintf("%d positional argument%s", s.nPos, plural(s.nPos))
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	return py.ExceptionNewf(py.TypeError, "%s() takes %s but %d %s given", s.name, takes, given, was)
}

// tooFew words a call with fewer positional arguments than the required
// ones (C wordings only).
func (s *Sig) tooFew(given int) error {
	if s.wording == varargsWording {
		return s.varargsCount(given)
	}
	least := "at least"
	if s.nReqPos == s.nPos {
		least = "exactly"
	}
	return py.ExceptionNewf(py.TypeError, "%s() takes %s %d positional argument%s (%d given)", s.short, least, s.nReqPos, plural(s.nReqPos), given)
}

func atMostOrExactly(most bool) string {
	if most {
		return "at most"
	}
	return "exactly"
}

// varargsCount words a wrong number of positional arguments as METH_NOARGS,
// METH_O and PyArg_UnpackTuple do.
func (s *Sig) varargsCount(given int) error {
	min, max := s.nReqPos, s.nPos
	if s.star != "" {
		max = -1
	}
	switch {
	case min == max && min == 0:
		return py.ExceptionNewf(py.TypeError, "%s() takes no arguments (%d given)", s.name, given)
	case min == max && min == 1:
		return py.ExceptionNewf(py.TypeError, "%s() takes exactly one argument (%d given)", s.name, given)
	case min == max:
		return py.ExceptionNewf(py.TypeError, "%s expected %d arguments, got %d", s.short, min, given)
	case given < min:
		return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument%s, got %d", s.short, min, plural(min), given)
	}
	return py.ExceptionNewf(py.TypeError, "%s expected at most %d argument%s, got %d", s.short, max, plural(max), given)
}

func (a *Args) idx(name string) int {
	i := a.sig.index(name)
	if i < 0 {
		panic("bridge: " + a.sig.name + "() has no parameter " + name)
	}
	return i
}

// Get returns the bound value of parameter name (its default when not given).
func (a *Args) Get(name string) py.Object { return a.value(a.idx(name)) }

// Given reports whether the caller passed name explicitly.
func (a *Args) Given(name string) bool { return a.given&(1<<uint(a.idx(name))) != 0 }

// IsNone reports whether name is None.
func (a *Args) IsNone(name string) bool { return a.Get(name) == py.None }

// TypeError returns CPython's "f() argument 'x' must be T, not U" error.
func (a *Args) TypeError(name, want string) error {
	return py.ExceptionNewf(py.TypeError, "%s() argument '%s' must be %s, not %s", a.sig.name, name, want, TypeName(a.Get(name)))
}

// Int returns name as a Go int; bools count as ints, as in CPython.
func (a *Args) Int(name string) (int, error) {
	v := a.Get(name)
	switch x := v.(type) {
	case py.Int:
		return int(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		b := (*big.Int)(x)
		if b.IsInt64() {
			return int(b.Int64()), nil
		}
		return 0, py.ExceptionNewf(py.OverflowError, "Python int too large to convert to C ssize_t")
	}
	return 0, a.TypeError(name, "int")
}

// OptInt is Int where None gives ok == false.
func (a *Args) OptInt(name string) (v int, ok bool, err error) {
	if a.IsNone(name) {
		return 0, false, nil
	}
	v, err = a.Int(name)
	return v, err == nil, err
}

// Float returns name as a float64, accepting ints (a timeout, say).
func (a *Args) Float(name string) (float64, error) {
	switch x := a.Get(name).(type) {
	case py.Float:
		return float64(x), nil
	case py.Int:
		return float64(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		f, _ := new(big.Float).SetInt((*big.Int)(x)).Float64()
		return f, nil
	}
	return 0, py.ExceptionNewf(py.TypeError, "%s() argument '%s' must be a real number, not %s", a.sig.name, name, TypeName(a.Get(name)))
}

// OptFloat is Float where None gives ok == false (e.g. timeout=None).
func (a *Args) OptFloat(name string) (v float64, ok bool, err error) {
	if a.IsNone(name) {
		return 0, false, nil
	}
	v, err = a.Float(name)
	return v, err == nil, err
}

// Str returns name as a Go string.
func (a *Args) Str(name string) (string, error) {
	if s, ok := a.Get(name).(py.String); ok {
		return string(s), nil
	}
	return "", a.TypeError(name, "str")
}

// OptStr is Str where None gives ok == false.
func (a *Args) OptStr(name string) (v string, ok bool, err error) {
	if a.IsNone(name) {
		return "", false, nil
	}
	v, err = a.Str(name)
	return v, err == nil, err
}

// Bool returns the truth value of name (any object, as CPython's "p" format).
func (a *Args) Bool(name string) (bool, error) {
	b, err := py.MakeBool(a.Get(name))
	if err != nil {
		return false, err
	}
	return b == py.True, nil
}

// Callable returns name if it can be called, else CPython's
// "'int' object is not callable" TypeError.
func (a *Args) Callable(name string) (py.Object, error) {
	v := a.Get(name)
	if IsCallable(v) {
		return v, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", TypeName(v))
}

// OptCallable is Callable where None gives nil.
func (a *Args) OptCallable(name string) (py.Object, error) {
	if a.IsNone(name) {
		return nil, nil
	}
	return a.Callable(name)
}

// Tuple returns name as a tuple: tuples and lists are accepted (as the
// args= of Pool.apply), anything else is a TypeError naming the parameter.
func (a *Args) Tuple(name string) (py.Tuple, error) {
	switch x := a.Get(name).(type) {
	case py.Tuple:
		return x, nil
	case *py.List:
		return append(py.Tuple{}, x.Items...), nil
	}
	return nil, a.TypeError(name, "a tuple")
}

// IsCallable reports whether o can be called from Python.
func IsCallable(o py.Object) bool {
	if _, ok := o.(py.I__call__); ok {
		return true
	}
	if _, ok, _ := TypeLookup(o, "__call__"); ok {
		return true
	}
	return false
}

func TypeLookup(o py.Object, name string) (py.Object, bool, error) {
	t := o.Type()
	if t == nil {
		return nil, false, nil
	}
	if v := t.Lookup(name); v != nil {
		return v, true, nil
	}
	return nil, false, nil
}

// TypeName returns the Python type name of o as CPython's messages show it
// (str, int, NoneType, …).
func TypeName(o py.Object) string {
	switch o.(type) {
	case nil:
		return "NULL"
	case py.NoneType:
		return "NoneType"
	case py.String:
		return "str"
	case *py.BigInt:
		return "int"
	case py.Float:
		return "float"
	case py.Complex:
		return "complex"
	case *py.Function:
		return "function"
	case *py.Method:
		return "builtin_function_or_method"
	}
	return o.Type().Name
}

// Func makes a Python builtin function named name whose arguments are bound
// by the signature spec before fn runs. self (first argument of fn) is the
// module holding the function (see CtxOf), or nil.
func Func(name, spec string, fn func(self py.Object, a *Args) (py.Object, error)) *py.Method {
	sig := MustSig(name, spec)
	return py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return sig.call(self, args, kwargs, fn)
	}, 0, name+"("+sig.spec()+")")
}

// Method makes a Go method of type t and installs it in t.Dict under the
// part of errName after its last '.' (errName, e.g. "str.split", names the
// method in messages). fn gets the instance as self whether the method is
// called on an instance (obj.m(x)) or through the type (T.m(obj, x)); called
// through the type, the instance must be a t, as CPython's method
// descriptors check ("descriptor 'join' for 'str' objects doesn't apply to
// a 'int' object"). The arguments are bound by the Sig of spec. The method
// is returned too; with t == nil it is only made, for callers that put it
// somewhere else (and then no type check is made).
func Method(t *py.Type, errName, spec string, fn func(self py.Object, a *Args) (py.Object, error)) *py.Method {
	sig := MustSig(errName, spec)
	name := methodName(errName)
	m := py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if unbound(self, t) {
			var err error
			if self, args, err = selfFromArgs(t, errName, name, args); err != nil {
				return nil, err
			}
		}
		return sig.call(self, args, kwargs, fn)
	}, 0, name+"("+sig.spec()+")")
	if t != nil {
		t.Dict[name] = m
	}
	return m
}

// ClassMethod makes a class method of type t and installs it in t.Dict as
// Method does: fn gets the class (a subclass when called through one, the
// instance's type when called through an instance).
func ClassMethod(t *py.Type, errName, spec string, fn func(cls *py.Type, a *Args) (py.Object, error)) *py.Method {
	sig := MustSig(errName, spec)
	name := methodName(errName)
	m := py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		cls := t
		if c, ok := self.(*py.Type); ok && (t == nil || c.IsSubtype(t)) {
			cls = c
		} else if self != nil {
			if _, ok := self.(*py.Module); !ok {
				cls = self.Type()
			}
		}
		a, err := sig.Parse(args, kwargs)
		if err != nil {
			return nil, err
		}
		return fn(cls, a)
	}, 0, name+"("+sig.spec()+")")
	if t != nil {
		t.Dict[name] = m
	}
	return m
}

func methodName(errName string) string {
	if i := strings.LastIndexByte(errName, '.'); i >= 0 {
		return errName[i+1:]
	}
	return errName
}

// unbound reports whether a Go method found in a type's dict was called
// through the type: gpython then passes the method's module (nil) as self
// and the instance as the first argument.
func unbound(self py.Object, t *py.Type) bool {
	if self == nil {
		return true
	}
	m, ok := self.(*py.Module)
	return ok && (m == nil || t != nil)
}

// selfFromArgs takes the instance from the arguments of a method called
// through its type, checking it is a t.
func selfFromArgs(t *py.Type, errName, name string, args py.Tuple) (py.Object, py.Tuple, error) {
	if len(args) == 0 {
		if t == nil {
			return nil, nil, py.ExceptionNewf(py.TypeError, "%s() needs an argument", errName)
		}
		return nil, nil, py.ExceptionNewf(py.TypeError, "unbound method %s.%s() needs an argument", t.Name, name)
	}
	self := args[0]
	if t != nil && !isInstanceOf(self, t) {
		return nil, nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, t.Name, self.Type().Name)
	}
	return self, args[1:], nil
}
