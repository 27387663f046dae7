package pyrt

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

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
// CPython's rules and words its errors as CPython does:
//
//	apply_async() got an unexpected keyword argument 'x'
//	f() missing 1 required positional argument: 'x'
//	f() takes from 1 to 2 positional arguments but 3 were given
//	f() got multiple values for argument 'x'
//
// and the typed getters (Int, Float, Str, …) word type errors as
// "Pool() argument 'processes' must be int, not str". A spec that opens
// with "$self", "$module" or "$type" (as CPython's __text_signature__ of a
// builtin) declares a function CPython implements in C: its errors are
// worded as C functions word them (args_builtin.go), e.g.
//
//	str.join() takes exactly one argument (0 given)
//	get expected at least 1 argument, got 0
//	split() takes at most 2 arguments (3 given)
//	'x' is an invalid keyword argument for acquire()
//
// A spec that opens with "self" declares a method CPython implements in
// Python (Method binds self apart): the counts in messages include self,
// "Event.wait() takes from 1 to 2 positional arguments but 3 were given".
type Sig struct {
	name      string
	params    []param
	nPos      int // parameters that may be given by position
	nPosOnly  int // positional-only parameters
	star      string
	starstar  string
	kwOnlyIdx int         // index of the first keyword-only parameter (== len(params) if none)
	builtin   bool        // spec opened with $self/$module/$type: C functions' wording (args_builtin.go)
	self      bool        // spec opened with self: counts in messages include it, as a Python method's
	noKw      bool        // builtin with no parameter a keyword can name
	nReqPos   int         // required positional parameters (a prefix of params)
	simple    bool        // no required keyword-only parameters or fresh ([] {}) defaults
	busy      atomic.Bool // own is in use by a call (see Sig.call)
	own       Args
}

// maxParams bounds a Sig's parameters (Args keeps which were given in a
// bit set).
const maxParams = 64

type param struct {
	name   string
	def    py.Object // nil: required
	fresh  func() py.Object
	hasDef bool
}

// MustSig is NewSig that panics on a bad spec (for package-level variables).
func MustSig(name, spec string) *Sig {
	s, err := NewSig(name, spec)
	if err != nil {
		panic(err)
	}
	return s
}

// NewSig parses spec (a Python parameter list) for the callable called name
// (used in error messages: give "Pool" for "Pool() …").
func NewSig(name, spec string) (*Sig, error) {
	s := &Sig{name: name}
	s.own.sig = s
	kwOnly := false
	s.kwOnlyIdx = -1
	for i, raw := range splitParams(spec) {
		p := strings.TrimSpace(raw)
		switch {
		case p == "":
			continue
		case i == 0 && strings.HasPrefix(p, "$"):
			s.builtin = true
			continue
		case i == 0 && p == "self":
			s.self = true
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
		}
		s.params = append(s.params, pr)
		if !kwOnly {
			s.nPos++
		}
	}
	if s.kwOnlyIdx < 0 {
		s.kwOnlyIdx = len(s.params)
	}
	s.noKw = s.builtin && s.nPosOnly == len(s.params) && s.starstar == ""
	if len(s.params) > maxParams {
		return nil, fmt.Errorf("bridge: signature of %s: more than %d parameters", name, maxParams)
	}
	s.simple = true
	for i, p := range s.params {
		if !p.hasDef && i < s.nPos {
			s.nReqPos++
		}
		if p.fresh != nil || !p.hasDef && i >= s.kwOnlyIdx {
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
	// Kw holds the extra keyword arguments of a "**name" parameter (nil
	// when there are none: read it, never write to it).
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
	if err := s.bind(a, args, kwargs, false); err != nil {
		return nil, err
	}
	return a, nil
}

// call binds a call's arguments into the Sig's own Args (a fresh one when
// that is in use by a concurrent or nested call), runs fn and recycles the
// Args: fn must not keep it (see the Args doc).
func (s *Sig) call(self py.Object, args py.Tuple, kwargs py.StringDict, fn func(self py.Object, a *Args) (py.Object, error)) (py.Object, error) {
	a := &s.own
	if !s.busy.CompareAndSwap(false, true) {
		a = &Args{sig: s}
	}
	var r py.Object
	err := s.bind(a, args, kwargs, true)
	if err == nil {
		r, err = fn(self, a)
	}
	a.release()
	return r, err
}

// bind binds a call's arguments into a. With borrow (the binders' calls),
// a call of positional arguments only keeps the caller's tuple: gpython's
// is a view of the calling frame's value stack, valid during the call only
// (so *args, which a callee may keep, is copied).
func (s *Sig) bind(a *Args, args py.Tuple, kwargs py.StringDict, borrow bool) error {
	n := len(args)
	if borrow && len(kwargs) == 0 && s.simple && n >= s.nReqPos && (n <= s.nPos || s.star != "") {
		// the common call: positional arguments only, no error possible
		if s.star != "" {
			a.Star = py.Tuple{}
			if n > s.nPos {
				a.Star = append(py.Tuple(nil), args[s.nPos:]...)
				args, n = args[:s.nPos], s.nPos
			}
		}
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

// parse is bind's general case, into a.vals.
func (s *Sig) parse(a *Args, args py.Tuple, kwargs py.StringDict) error {
	switch {
	case s.noKw:
		if err := s.checkPositional(len(args), kwargs); err != nil {
			return err
		}
	case s.builtin && s.nPosOnly == len(s.params) && s.starstar != "" && s.nPos > 0:
		// positional-only names and **kwargs (sorted, dict.update): CPython
		// unpacks the positionals alone (PyArg_UnpackTuple)
		if err := s.unpackPositional(len(args)); err != nil {
			return err
		}
	}
	n := len(args)
	if n > s.nPos {
		if s.star == "" {
			return s.tooMany(n, len(kwargs))
		}
		a.Star = append(py.Tuple{}, args[s.nPos:]...)
		n = s.nPos
	} else if s.star != "" {
		a.Star = py.Tuple{}
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
				return s.unexpected(k)
			}
			if a.Kw == nil {
				a.Kw = py.NewStringDict()
			}
			a.Kw[k] = v
			continue
		}
		if a.given&(1<<uint(j)) != 0 {
			return s.multiple(k, j)
		}
		a.vals[j] = v
		a.given |= 1 << uint(j)
	}
	if len(posOnlyKw) > 0 {
		if s.builtin {
			return s.unexpected(posOnlyKw[0])
		}
		return py.ExceptionNewf(py.TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", s.name, strings.Join(posOnlyKw, ", "))
	}
	var missingPos, missingKw []string
	for i, p := range s.params {
		if a.given&(1<<uint(i)) != 0 {
			continue
		}
		switch {
		case p.fresh != nil:
			a.vals[i] = p.fresh()
		case p.hasDef:
			a.vals[i] = p.def
		case i < s.kwOnlyIdx:
			missingPos = append(missingPos, p.name)
		default:
			missingKw = append(missingKw, p.name)
		}
	}
	if len(missingPos) > 0 {
		return s.missing("positional", missingPos, len(args))
	}
	if len(missingKw) > 0 {
		return s.missing("keyword-only", missingKw, len(args))
	}
	return nil
}

func (s *Sig) index(name string) int {
	for i, p := range s.params {
		if p.name == name {
			return i
		}
	}
	return -1
}

func (s *Sig) missing(kind string, names []string, nargs int) error {
	if s.builtin {
		return s.missingC(names[0], nargs)
	}
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

func (s *Sig) tooMany(given, nkw int) error {
	if s.builtin {
		return s.tooManyC(given, nkw)
	}
	required, nPos := 0, s.nPos
	for i := 0; i < s.nPos; i++ {
		if !s.params[i].hasDef {
			required++
		}
	}
	if s.self {
		required, nPos, given = required+1, nPos+1, given+1
	}
	var takes string
	if required < nPos {
		takes = fmt.Sprintf("from %d to %d positional arguments", required, nPos)
	} else {
		takes = fmt.Sprintf("%d positional argument%s", nPos, plural(nPos))
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	return py.ExceptionNewf(py.TypeError, "%s() takes %s but %d %s given", s.name, takes, given, was)
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
	return py.ExceptionNewf(py.TypeError, "%s() argument '%s' must be %s, not %s", a.sig.argName(), name, want, TypeName(a.Get(name)))
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

// OptIndex is name as a Go int through __index__ (CPython's operator.index:
// "'str' object cannot be interpreted as an integer"), where None gives
// ok == false (max_workers=None, chunksize=None).
func (a *Args) OptIndex(name string) (v int, ok bool, err error) {
	if a.IsNone(name) {
		return 0, false, nil
	}
	v, err = py.IndexInt(a.Get(name))
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
	return 0, py.ExceptionNewf(py.TypeError, "%s() argument '%s' must be a real number, not %s", a.sig.argName(), name, TypeName(a.Get(name)))
}

// OptFloat is Float where None gives ok == false (e.g. timeout=None).
func (a *Args) OptFloat(name string) (v float64, ok bool, err error) {
	if a.IsNone(name) {
		return 0, false, nil
	}
	v, err = a.Float(name)
	return v, err == nil, err
}

// Timeout reads name as a timeout in seconds (see TimeoutArg): None gives
// ok == false (wait forever), a negative number zero.
func (a *Args) Timeout(name string) (d time.Duration, ok bool, err error) {
	return TimeoutArg(a.Get(name))
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
	return py.MustNewMethod(methodName(name), func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return sig.call(self, args, kwargs, fn)
	}, 0, name+"("+spec+")")
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
	}, 0, name+"("+spec+")")
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
	}, 0, name+"("+spec+")")
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

// isInstanceOf reports whether o's type is t or a subtype of it.
func isInstanceOf(o py.Object, t *py.Type) bool {
	ot := o.Type()
	return ot == t || ot.IsSubtype(t)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
