package pyobj

// The project's bytes representation. gpython's py.Bytes cannot be indexed,
// sliced, repeated or searched with `in` (the VM dispatches those on Go
// methods py.Bytes lacks), so every bytes object the project makes is a
// Bytes: literals (compiled constants are swapped by patchBytesConsts),
// bytes(), str.encode, int.to_bytes, the bytes methods' results, binary file
// reads and values arriving from other processes. Its Python type is still
// gpython's BytesType, so type(b), isinstance and the bytes methods are
// shared; those methods get gpython bytes in and their results converted.
// A py.Bytes made inside gpython itself (os, binascii, …) still lacks the
// operations above.

import (
	"bytes"
	"hash/maphash"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
	"github.com/pypool/pypool/bridge/pyrt"
)

// Bytes is the project's bytes object (gpython's py.Bytes is swapped for it).
type Bytes []byte

func newBytes(b []byte) py.Object { return Bytes(b) }

func (b Bytes) Type() *py.Type { return py.BytesType }

func (b Bytes) M__getitem__(key py.Object) (py.Object, error) {
	return getBytesItem(b, key, "byte", newBytes)
}

func (b Bytes) M__contains__(x py.Object) (py.Object, error) { return containsBytes(b, x) }

func (b Bytes) M__len__() (py.Object, error) { return py.Int(len(b)), nil }

func (b Bytes) M__bool__() (py.Object, error) { return py.NewBool(len(b) > 0), nil }

func (b Bytes) M__iter__() (py.Object, error) {
	return &byteIter{get: func() []byte { return b }}, nil
}

func (b Bytes) M__mul__(n py.Object) (py.Object, error)  { return repeatBytes(b, n, newBytes) }
func (b Bytes) M__rmul__(n py.Object) (py.Object, error) { return repeatBytes(b, n, newBytes) }

func (b Bytes) M__add__(other py.Object) (py.Object, error) {
	return concatBytes(b, other, "bytes", newBytes)
}

func (b Bytes) M__radd__(other py.Object) (py.Object, error) {
	a, ok := BytesLike(other)
	if !ok {
		return py.NotImplemented, nil
	}
	return concatBytes(a, b, "bytes", newBytes)
}

func (b Bytes) M__hash__() (py.Object, error) {
	return py.Int(fixHash(int64(maphash.Bytes(strSeed, b)))), nil
}

func (b Bytes) M__repr__() (py.Object, error) { return py.String(BytesRepr(b)), nil }
func (b Bytes) M__str__() (py.Object, error)  { return py.String(BytesRepr(b)), nil }

func (b Bytes) cmp(other py.Object, ok func(int) bool) (py.Object, error) {
	c, isBytes := compareBytes(b, other)
	if !isBytes {
		return py.NotImplemented, nil
	}
	return py.NewBool(ok(c)), nil
}

func (b Bytes) M__eq__(o py.Object) (py.Object, error) {
	return b.cmp(o, func(c int) bool { return c == 0 })
}
func (b Bytes) M__ne__(o py.Object) (py.Object, error) {
	return b.cmp(o, func(c int) bool { return c != 0 })
}
func (b Bytes) M__lt__(o py.Object) (py.Object, error) {
	return b.cmp(o, func(c int) bool { return c < 0 })
}
func (b Bytes) M__le__(o py.Object) (py.Object, error) {
	return b.cmp(o, func(c int) bool { return c <= 0 })
}
func (b Bytes) M__gt__(o py.Object) (py.Object, error) {
	return b.cmp(o, func(c int) bool { return c > 0 })
}
func (b Bytes) M__ge__(o py.Object) (py.Object, error) {
	return b.cmp(o, func(c int) bool { return c >= 0 })
}

// bytesFromIterable collects the ints of an iterable as bytes.
func bytesFromIterable(x py.Object) ([]byte, error) {
	if _, err := py.Iter(x); err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "cannot convert '%s' object to bytes", pyrt.TypeName(x))
	}
	var out []byte
	var ierr error
	err := py.Iterate(x, func(o py.Object) bool {
		v, err := byteValue(o)
		if err != nil {
			if isExc(err, py.ValueError) {
				err = py.ExceptionNewf(py.ValueError, "bytes must be in range(0, 256)")
			}
			ierr = err
			return true
		}
		out = append(out, v)
		return false
	})
	if ierr != nil {
		return nil, ierr
	}
	return out, err
}

// bytesSource is bytes(source, encoding, errors) / bytearray(…) without the
// result type: the contents.
func bytesSource(name string, a *pyrt.Args) ([]byte, error) {
	src := a.Get("source")
	enc, hasEnc := a.Get("encoding"), a.Given("encoding")
	if !a.Given("source") {
		if hasEnc || a.Given("errors") {
			return nil, py.ExceptionNewf(py.TypeError, "encoding or errors without sequence argument")
		}
		return []byte{}, nil
	}
	if s, ok := src.(py.String); ok {
		if !hasEnc {
			return nil, py.ExceptionNewf(py.TypeError, "string argument without an encoding")
		}
		e, ok := enc.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "%s() argument 'encoding' must be str, not %s", name, pyrt.TypeName(enc))
		}
		r, err := encodeString(string(s), string(e))
		if err != nil {
			return nil, err
		}
		b, _ := BytesLike(r)
		return b, nil
	}
	if hasEnc || a.Given("errors") {
		return nil, py.ExceptionNewf(py.TypeError, "encoding or errors without a string argument")
	}
	if b, ok := BytesLike(src); ok {
		return append([]byte{}, b...), nil
	}
	if m, ok, _ := pyrt.TypeLookup(src, "__bytes__"); ok && name == "bytes" {
		r, err := py.Call(m, py.Tuple{src}, nil)
		if err != nil {
			return nil, err
		}
		b, ok := BytesLike(r)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "__bytes__ returned non-bytes (type %s)", pyrt.TypeName(r))
		}
		return append([]byte{}, b...), nil
	}
	switch src.(type) {
	case py.Int, py.Bool, *py.BigInt:
		n, err := py.IndexInt(src)
		if err != nil {
			return nil, py.ExceptionNewf(py.OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		if n < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "negative count")
		}
		return make([]byte, n), nil
	}
	return bytesFromIterable(src)
}

var bytesSig = pyrt.MustSig("bytes", "source=None, encoding=None, errors=None")

func bytesNew(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
	a, err := bytesSig.Parse(args, kw)
	if err != nil {
		return nil, err
	}
	b, err := bytesSource("bytes", a)
	if err != nil {
		return nil, err
	}
	return Bytes(b), nil
}

// bytesJoin is bytes.join(iterable_of_bytes).
func bytesJoin(self py.Object, a *pyrt.Args) (py.Object, error) {
	sep, _ := BytesLike(self)
	var out []byte
	n := 0
	var ierr error
	err := py.Iterate(a.Get("iterable_of_bytes"), func(o py.Object) bool {
		b, ok := BytesLike(o)
		if !ok {
			ierr = py.ExceptionNewf(py.TypeError, "sequence item %d: expected a bytes-like object, %s found", n, pyrt.TypeName(o))
			return true
		}
		if n > 0 {
			out = append(out, sep...)
		}
		out = append(out, b...)
		n++
		return false
	})
	if ierr != nil {
		return nil, ierr
	}
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []byte{}
	}
	return py.Bytes(out), nil
}

// bytesAffix is bytes.startswith/endswith(affix, start=None, end=None),
// affix a bytes-like object or a tuple of them.
func bytesAffix(name string, has func(b, affix []byte) bool) bytesMethod {
	return func(self py.Object, a *pyrt.Args) (py.Object, error) {
		affix := a.Get("prefix")
		b, _ := BytesLike(self)
		n := len(b)
		lo, hi := 0, n
		bound := func(o py.Object, def int) (int, error) {
			if o == py.None {
				return def, nil
			}
			i, err := py.IndexInt(o)
			if err != nil {
				return 0, py.ExceptionNewf(py.TypeError, "slice indices must be integers or None or have an __index__ method")
			}
			if i < 0 {
				i += n
				if i < 0 {
					i = 0
				}
			}
			if i > n {
				i = n
			}
			return i, nil
		}
		var err error
		if lo, err = bound(a.Get("start"), 0); err != nil {
			return nil, err
		}
		if i, err := py.IndexInt(a.Get("start")); err == nil && i > n {
			return py.False, nil // CPython: a start past the end matches nothing
		}
		if hi, err = bound(a.Get("end"), n); err != nil {
			return nil, err
		}
		var part []byte
		if lo <= hi {
			part = b[lo:hi]
		} else if a.Given("start") {
			return py.False, nil
		}
		var cands py.Tuple
		if t, ok := affix.(py.Tuple); ok {
			cands = t
		} else {
			cands = py.Tuple{affix}
		}
		for _, c := range cands {
			x, ok := BytesLike(c)
			if !ok {
				if _, isTuple := affix.(py.Tuple); isTuple {
					return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyrt.TypeName(c))
				}
				return nil, py.ExceptionNewf(py.TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, pyrt.TypeName(c))
			}
			if has(part, x) {
				return py.True, nil
			}
		}
		return py.False, nil
	}
}

// patchBytesConsts swaps bytes constants of compiled code for Bytes.
func patchBytesConsts(code *py.Code) {
	for i, c := range code.Consts {
		if b, ok := c.(py.Bytes); ok {
			code.Consts[i] = Bytes(b)
		}
	}
}

// wrapForBytes makes a type-dict method take gpython bytes (self and
// arguments) and return the project's.
func wrapForBytes(orig *py.Method, mk func([]byte) py.Object) *py.Method {
	return py.MustNewMethod(orig.Name, func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		switch x := self.(type) {
		case Bytes:
			self = py.Bytes(x)
		case *ByteArray:
			self = py.Bytes(append([]byte{}, x.B...))
		}
		r, err := orig.CallWithKeywords(self, toGoBytesArgs(args), kw)
		if err != nil {
			return nil, err
		}
		return fromGoBytes(r, mk), nil
	}, 0, orig.Doc)
}

// wrapResultsForBytes wraps every Go method of t's dict (wrapForBytes).
func wrapResultsForBytes(t *py.Type, names ...string) {
	for k, v := range t.Dict {
		m, ok := v.(*py.Method)
		if !ok || m.Internal() != py.InternalMethodNone {
			continue
		}
		if len(names) > 0 && !containsName(names, k) {
			continue
		}
		t.Dict[k] = wrapForBytes(m, newBytes)
	}
}

func containsName(names []string, n string) bool {
	for _, x := range names {
		if x == n {
			return true
		}
	}
	return false
}

// bytesAwareNew makes a type's constructor see gpython bytes in place of
// the project's (int(b'12'), float(b'1.5')).
func bytesAwareNew(t *py.Type) {
	orig := t.New
	t.New = func(tt *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return orig(tt, toGoBytesArgs(args), kw)
	}
}

// strFromBytes is str(b, encoding, errors): the bytes decoded.
func installStrFromBytes() {
	orig := py.StringType.New
	py.StringType.New = func(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if len(args) >= 1 && (len(args) > 1 || len(kw) > 0) {
			if _, ok := BytesLike(args[0]); ok {
				dec, err := py.GetAttrString(args[0], "decode")
				if err != nil {
					return nil, err
				}
				return py.Call(dec, args[1:], kw)
			}
		}
		return orig(t, args, kw)
	}
}

// bytesAwareBuiltin makes a gpython builtin function see gpython bytes in
// place of the project's (ord(b'a')).
func bytesAwareBuiltin(name string) {
	impl := py.GetModuleImpl("builtins")
	for _, m := range impl.Methods {
		if m.Name == name {
			orig := m
			SetBuiltin(name, py.MustNewMethod(name, func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
				return orig.CallWithKeywords(self, toGoBytesArgs(args), kw)
			}, 0, orig.Doc))
			return
		}
	}
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_bytes", func() {
		py.BytesType.New = bytesNew
		bytesAwareNew(py.FloatType)
		bytesAwareBuiltin("ord")
	})
	pyrt.OnInstall(pyrt.InstallLate, "builtin_bytes", func() {
		installBytesMethods()
		pyrt.Method(py.BytesType, "bytes.join", "$self, iterable_of_bytes, /", bytesJoin)
		pyrt.Method(py.BytesType, "bytes.startswith", "$self, prefix, start=None, end=None, /", bytesAffix("startswith", bytes.HasPrefix))
		pyrt.Method(py.BytesType, "bytes.endswith", "$self, prefix, start=None, end=None, /", bytesAffix("endswith", bytes.HasSuffix))
		wrapResultsForBytes(py.BytesType)
		delegateBytesMethods()
		wrapResultsForBytes(py.StringType, "encode")
		wrapResultsForBytes(py.IntType, "to_bytes", "from_bytes")
		wrapResultsForBytes(py.FileType, "read", "write")
		bytesAwareNew(py.IntType)
		installStrFromBytes()
	})
}

func init() {
	pyrt.OnCodePatch("20-bytes-consts", func(code *py.Code, _ *bytecode.Insns) { patchBytesConsts(code) })
}
