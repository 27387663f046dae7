package os

// os.environ as CPython's os._Environ: a mapping over a snapshot of the
// process environment whose changes go through to the process (os.Setenv,
// os.Unsetenv), so pool workers and programs started afterwards inherit
// them. As in CPython, os.getenv reads the mapping, and os.putenv and
// os.unsetenv change the process environment only. The snapshot is taken
// again each time an interpreter is made (a pool worker drops the engine's
// PYPOOL_WORKER… variables before that), and is shared by the process's
// interpreters, as the process environment is.

import (
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// environType is type(os.environ).
var environType = py.NewType("_Environ", "os.environ: the process environment as a mapping of str to str")

// environViewTypes are the types of os.environ.keys(), values() and items().
var environViewTypes = [...]*py.Type{
	py.NewType("KeysView", ""),
	py.NewType("ValuesView", ""),
	py.NewType("ItemsView", ""),
}

// environStore is the snapshot behind os.environ: keys in insertion order
// (the process environment's order at load time), as a dict keeps them.
type environStore struct {
	mu   sync.Mutex
	keys []string
	vals map[string]string
}

// environ is os.environ (one per process, as the environment is).
type environ struct {
	st environStore
}

var theEnviron = &environ{}

// Type returns _Environ.
func (e *environ) Type() *py.Type { return environType }

// loadEnviron makes the snapshot the process environment as it is now.
func loadEnviron() {
	st := &theEnviron.st
	vs := os.Environ()
	st.mu.Lock()
	defer st.mu.Unlock()
	st.keys = make([]string, 0, len(vs))
	st.vals = make(map[string]string, len(vs))
	for _, kv := range vs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		if _, dup := st.vals[k]; !dup {
			st.keys = append(st.keys, k)
		}
		st.vals[k] = v
	}
}

func (e *environ) lookup(k string) (string, bool) {
	e.st.mu.Lock()
	v, ok := e.st.vals[k]
	e.st.mu.Unlock()
	return v, ok
}

// snapshot returns the keys and values in order.
func (e *environ) snapshot() ([]string, []string) {
	e.st.mu.Lock()
	defer e.st.mu.Unlock()
	ks := append([]string(nil), e.st.keys...)
	vs := make([]string, len(ks))
	for i, k := range ks {
		vs[i] = e.st.vals[k]
	}
	return ks, vs
}

func (e *environ) length() int {
	e.st.mu.Lock()
	defer e.st.mu.Unlock()
	return len(e.st.keys)
}

// envStr is CPython's encodekey/encodevalue check.
func envStr(o py.Object) (string, error) {
	if s, ok := o.(py.String); ok {
		return string(s), nil
	}
	return "", py.ExceptionNewf(py.TypeError, "str expected, not %s", o.Type().Name)
}

// checkEnvName gives posix.putenv/unsetenv's errors for a bad name (and,
// with a value, a NUL in it).
func checkEnvName(k string, v *string) error {
	if strings.IndexByte(k, 0) >= 0 || (v != nil && strings.IndexByte(*v, 0) >= 0) {
		return py.ExceptionNewf(py.ValueError, "embedded null byte")
	}
	if k == "" || strings.IndexByte(k, '=') >= 0 {
		return py.ExceptionNewf(py.ValueError, "illegal environment variable name")
	}
	return nil
}

func processPutenv(k, v string) error {
	if err := checkEnvName(k, &v); err != nil {
		return err
	}
	if err := os.Setenv(k, v); err != nil {
		return pyobj.NewOSError(err, nil)
	}
	return nil
}

func processUnsetenv(k string) error {
	if err := checkEnvName(k, nil); err != nil {
		return err
	}
	if err := os.Unsetenv(k); err != nil {
		return pyobj.NewOSError(err, nil)
	}
	return nil
}

// set is os.environ[key] = value.
func (e *environ) set(key, value py.Object) error {
	k, err := envStr(key)
	if err != nil {
		return err
	}
	v, err := envStr(value)
	if err != nil {
		return err
	}
	if err := processPutenv(k, v); err != nil {
		return err
	}
	e.st.mu.Lock()
	if _, ok := e.st.vals[k]; !ok {
		e.st.keys = append(e.st.keys, k)
	}
	e.st.vals[k] = v
	e.st.mu.Unlock()
	return nil
}

// del is del os.environ[key]: the process loses it even when the mapping
// has no such key (KeyError then), as in CPython.
func (e *environ) del(key py.Object) error {
	k, err := envStr(key)
	if err != nil {
		return err
	}
	if err := processUnsetenv(k); err != nil {
		return err
	}
	e.st.mu.Lock()
	_, ok := e.st.vals[k]
	if ok {
		delete(e.st.vals, k)
		for i, x := range e.st.keys {
			if x == k {
				e.st.keys = append(e.st.keys[:i], e.st.keys[i+1:]...)
				break
			}
		}
	}
	e.st.mu.Unlock()
	if !ok {
		return pyrt.KeyError(key)
	}
	return nil
}

// get is os.environ[key] without the KeyError: ok is false when missing.
func (e *environ) get(key py.Object) (py.Object, bool, error) {
	k, err := envStr(key)
	if err != nil {
		return nil, false, err
	}
	v, ok := e.lookup(k)
	if !ok {
		return nil, false, nil
	}
	return py.String(v), true, nil
}

// M__getitem__ is os.environ[key].
func (e *environ) M__getitem__(key py.Object) (py.Object, error) {
	v, ok, err := e.get(key)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, pyrt.KeyError(key)
	}
	return v, nil
}

// M__setitem__ is os.environ[key] = value.
func (e *environ) M__setitem__(key, value py.Object) (py.Object, error) {
	return py.None, e.set(key, value)
}

// M__delitem__ is del os.environ[key].
func (e *environ) M__delitem__(key py.Object) (py.Object, error) {
	return py.None, e.del(key)
}

// M__contains__ is key in os.environ (a non-str key is a TypeError).
func (e *environ) M__contains__(key py.Object) (py.Object, error) {
	_, ok, err := e.get(key)
	if err != nil {
		return nil, err
	}
	return py.NewBool(ok), nil
}

// M__len__ is len(os.environ).
func (e *environ) M__len__() (py.Object, error) { return py.Int(e.length()), nil }

// M__bool__ is bool(os.environ).
func (e *environ) M__bool__() (py.Object, error) { return py.NewBool(e.length() > 0), nil }

// M__iter__ iterates over the keys as they are when it starts.
func (e *environ) M__iter__() (py.Object, error) {
	ks, _ := e.snapshot()
	return py.NewIterator(pyobj.StrTuple(ks)), nil
}

// M__repr__ is environ({'K': 'V', …}).
func (e *environ) M__repr__() (py.Object, error) {
	d := e.toDict()
	s, err := d.Repr()
	if err != nil {
		return nil, err
	}
	return py.String("environ(" + s + ")"), nil
}

// M__str__ is repr(os.environ).
func (e *environ) M__str__() (py.Object, error) { return e.M__repr__() }

// toDict is dict(os.environ).
func (e *environ) toDict() *pyobj.Dict {
	ks, vs := e.snapshot()
	d := pyobj.NewDictSized(len(ks))
	for i, k := range ks {
		_ = d.Set(py.String(k), py.String(vs[i]))
	}
	return d
}

// asMapping converts a mapping operand (dict, StringDict, os.environ) to a
// Dict; ok is false for anything else.
func asMapping(o py.Object) (*pyobj.Dict, bool, error) {
	switch x := o.(type) {
	case *environ:
		return x.toDict(), true, nil
	case pyobj.DictLike:
		return x.AsDict(), true, nil
	case py.StringDict:
		d := pyobj.NewDict()
		return d, true, d.Update(x)
	}
	return nil, false, nil
}

// M__eq__ compares the contents with another mapping's.
func (e *environ) M__eq__(other py.Object) (py.Object, error) {
	o, ok, err := asMapping(other)
	if err != nil || !ok {
		return py.NotImplemented, err
	}
	return e.toDict().M__eq__(o)
}

// M__ne__ is the negation of M__eq__.
func (e *environ) M__ne__(other py.Object) (py.Object, error) {
	return pyobj.NegateEq(e.M__eq__(other))
}

// M__or__ is os.environ | mapping: a new dict.
func (e *environ) M__or__(other py.Object) (py.Object, error) {
	if _, ok, err := asMapping(other); err != nil || !ok {
		return py.NotImplemented, err
	}
	d := e.toDict()
	return d, d.Update(other)
}

// M__ror__ is mapping | os.environ: a new dict.
func (e *environ) M__ror__(other py.Object) (py.Object, error) {
	o, ok, err := asMapping(other)
	if err != nil || !ok {
		return py.NotImplemented, err
	}
	d := o.Copy()
	d.Typ = nil
	return d, d.Update(e.toDict())
}

// M__ior__ is os.environ |= other.
func (e *environ) M__ior__(other py.Object) (py.Object, error) {
	return e, e.update(other)
}

// update is MutableMapping.update's positional argument.
func (e *environ) update(other py.Object) error {
	if m, ok, err := asMapping(other); err != nil {
		return err
	} else if ok {
		for _, it := range m.Items() {
			if err := e.set(it.Key, it.Value); err != nil {
				return err
			}
		}
		return nil
	}
	if keys, err := py.GetAttrString(other, "keys"); err == nil {
		ks, err := py.Call(keys, nil, nil)
		if err != nil {
			return err
		}
		var ierr error
		err = py.Iterate(ks, func(k py.Object) bool {
			var v py.Object
			if v, ierr = py.GetItem(other, k); ierr == nil {
				ierr = e.set(k, v)
			}
			return ierr != nil
		})
		if ierr != nil {
			return ierr
		}
		return err
	}
	var ierr error
	err := py.Iterate(other, func(item py.Object) bool {
		var pair py.Tuple
		if pair, ierr = unpackPair(item); ierr == nil {
			ierr = e.set(pair[0], pair[1])
		}
		return ierr != nil
	})
	if ierr != nil {
		return ierr
	}
	return err
}

// unpackPair is `key, value = item` with CPython's unpacking errors.
func unpackPair(item py.Object) (py.Tuple, error) {
	if _, err := py.Iter(item); err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "cannot unpack non-iterable %s object", item.Type().Name)
	}
	t, err := py.SequenceTuple(item)
	if err != nil {
		return nil, err
	}
	switch {
	case len(t) > 2:
		return nil, py.ExceptionNewf(py.ValueError, "too many values to unpack (expected 2)")
	case len(t) < 2:
		return nil, py.ExceptionNewf(py.ValueError, "not enough values to unpack (expected 2, got %d)", len(t))
	}
	return t, nil
}

// environView is os.environ.keys(), values() or items(): a live view.
type environView struct {
	e    *environ
	kind pyobj.IterKind
}

// Type returns KeysView, ValuesView or ItemsView.
func (v *environView) Type() *py.Type { return environViewTypes[v.kind] }

func (v *environView) items() py.Tuple {
	ks, vs := v.e.snapshot()
	out := make(py.Tuple, len(ks))
	for i, k := range ks {
		switch v.kind {
		case pyobj.IterKeys:
			out[i] = py.String(k)
		case pyobj.IterValues:
			out[i] = py.String(vs[i])
		default:
			out[i] = py.Tuple{py.String(k), py.String(vs[i])}
		}
	}
	return out
}

// M__len__ is len(view).
func (v *environView) M__len__() (py.Object, error) { return py.Int(v.e.length()), nil }

// M__iter__ iterates over the view as it is when it starts.
func (v *environView) M__iter__() (py.Object, error) { return py.NewIterator(v.items()), nil }

// M__contains__ is x in view.
func (v *environView) M__contains__(x py.Object) (py.Object, error) {
	switch v.kind {
	case pyobj.IterKeys:
		return v.e.M__contains__(x)
	case pyobj.IterItems:
		t, err := unpackPair(x)
		if err != nil {
			return nil, err
		}
		got, ok, err := v.e.get(t[0])
		if err != nil || !ok {
			return py.False, err
		}
		eq, err := pyobj.Equal(got, t[1])
		return py.NewBool(eq), err
	}
	for _, o := range v.items() {
		if eq, err := pyobj.Equal(o, x); err != nil || eq {
			return py.NewBool(eq), err
		}
	}
	return py.False, nil
}

// M__repr__ is KeysView(environ({…})) and the like.
func (v *environView) M__repr__() (py.Object, error) {
	r, err := v.e.M__repr__()
	if err != nil {
		return nil, err
	}
	return py.String(v.Type().Name + "(" + string(r.(py.String)) + ")"), nil
}

// setOp is view & other, view | other or view - other (keys and items
// views, as collections.abc.Set gives them): a new set.
func (v *environView) setOp(op byte, other py.Object) (py.Object, error) {
	if v.kind == pyobj.IterValues {
		return py.NotImplemented, nil
	}
	if _, err := py.Iter(other); err != nil {
		return py.NotImplemented, nil
	}
	out := pyobj.NewSet()
	var ierr error
	switch op {
	case '&':
		err := py.Iterate(other, func(o py.Object) bool {
			var in py.Object
			if in, ierr = v.M__contains__(o); ierr == nil && in == py.True {
				ierr = out.Add(o)
			}
			return ierr != nil
		})
		if ierr == nil {
			ierr = err
		}
	case '-':
		theirs, err := pyobj.NewSetFromIterable(other)
		if err != nil {
			return nil, err
		}
		for _, o := range v.items() {
			in, err := theirs.M__contains__(o)
			if err != nil {
				return nil, err
			}
			if in == py.False {
				if err := out.Add(o); err != nil {
					return nil, err
				}
			}
		}
	default:
		for _, o := range v.items() {
			if err := out.Add(o); err != nil {
				return nil, err
			}
		}
		err := py.Iterate(other, func(o py.Object) bool {
			ierr = out.Add(o)
			return ierr != nil
		})
		if ierr == nil {
			ierr = err
		}
	}
	return out, ierr
}

// M__and__ is view & iterable.
func (v *environView) M__and__(other py.Object) (py.Object, error) { return v.setOp('&', other) }

// M__or__ is view | iterable.
func (v *environView) M__or__(other py.Object) (py.Object, error) { return v.setOp('|', other) }

// M__sub__ is view - iterable.
func (v *environView) M__sub__(other py.Object) (py.Object, error) { return v.setOp('-', other) }

func init() {
	environType.Dict["__module__"] = py.String("os")
	t := environType
	view := func(name string, kind pyobj.IterKind) {
		pyrt.Method(t, "Mapping."+name, "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return &environView{e: self.(*environ), kind: kind}, nil
		})
	}
	view("keys", pyobj.IterKeys)
	view("values", pyobj.IterValues)
	view("items", pyobj.IterItems)
	pyrt.Method(t, "Mapping.get", "key, default=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		v, ok, err := self.(*environ).get(a.Get("key"))
		if err != nil || ok {
			return v, err
		}
		return a.Get("default"), nil
	})
	pyrt.Method(t, "MutableMapping.pop", "key, default=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := self.(*environ)
		v, ok, err := e.get(a.Get("key"))
		if err != nil {
			return nil, err
		}
		if !ok {
			if a.Given("default") {
				return a.Get("default"), nil
			}
			return nil, pyrt.KeyError(a.Get("key"))
		}
		return v, e.del(a.Get("key"))
	})
	pyrt.Method(t, "MutableMapping.popitem", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := self.(*environ)
		ks, vs := e.snapshot()
		if len(ks) == 0 {
			return nil, &py.Exception{Base: py.KeyError, Args: py.Tuple{}, Dict: py.NewStringDict()}
		}
		k := py.String(ks[0])
		return py.Tuple{k, py.String(vs[0])}, e.del(k)
	})
	pyrt.Method(t, "_Environ.setdefault", "key, value", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := self.(*environ)
		if _, ok, err := e.get(a.Get("key")); err != nil {
			return nil, err
		} else if !ok {
			if err := e.set(a.Get("key"), a.Get("value")); err != nil {
				return nil, err
			}
		}
		return e.M__getitem__(a.Get("key"))
	})
	pyrt.Method(t, "MutableMapping.update", "other=(), /, **kwds", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := self.(*environ)
		if err := e.update(a.Get("other")); err != nil {
			return nil, err
		}
		names := make([]string, 0, len(a.Kw))
		for k := range a.Kw {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if err := e.set(py.String(k), a.Kw[k]); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	})
	pyrt.Method(t, "MutableMapping.clear", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		e := self.(*environ)
		ks, _ := e.snapshot()
		for _, k := range ks {
			if err := e.del(py.String(k)); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	})
	pyrt.Method(t, "_Environ.copy", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return self.(*environ).toDict(), nil
	})

	pyrt.OnInstall(pyrt.InstallExtras, "os_environ", installEnviron)
}

// installEnviron puts os.environ, getenv, putenv and unsetenv in the os
// module.
func installEnviron() {
	impl := py.GetModuleImpl("os")
	if impl == nil {
		return
	}
	impl.Globals["environ"] = theEnviron
	replaceModuleFunc(impl, pyrt.Func("getenv", "key, default=None", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		v, ok, err := theEnviron.get(a.Get("key"))
		if err != nil || ok {
			return v, err
		}
		return a.Get("default"), nil
	}))
	pathArg := func(o py.Object) (string, error) {
		switch x := o.(type) {
		case py.String:
			return string(x), nil
		case py.Bytes:
			return string(x), nil
		}
		return "", py.ExceptionNewf(py.TypeError, "expected str, bytes or os.PathLike object, not %s", o.Type().Name)
	}
	replaceModuleFunc(impl, pyrt.Func("posix.putenv", "$module, name, value, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		k, err := pathArg(a.Get("name"))
		if err != nil {
			return nil, err
		}
		v, err := pathArg(a.Get("value"))
		if err != nil {
			return nil, err
		}
		return py.None, processPutenv(k, v)
	}))
	replaceModuleFunc(impl, pyrt.Func("posix.unsetenv", "$module, name, /", func(_ py.Object, a *pyrt.Args) (py.Object, error) {
		k, err := pathArg(a.Get("name"))
		if err != nil {
			return nil, err
		}
		return py.None, processUnsetenv(k)
	}))
}

// replaceModuleFunc puts m in impl's methods in place of the one of its name.
func replaceModuleFunc(impl *py.ModuleImpl, m *py.Method) {
	for i, x := range impl.Methods {
		if x.Name == m.Name {
			impl.Methods[i] = m
			return
		}
	}
	impl.Methods = append(impl.Methods, m)
}

func init() { pyrt.OnNewInterp(loadEnviron, nil) }
