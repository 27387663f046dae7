package pool

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sync"

	"github.com/pypool/pypool/pool/wire"
)

// GoFunc is a Go function registered by name with Register. It is a Remote:
// process-backed pools run it in worker processes (which find it by name,
// because the worker binary registers it too), and thread-backed pools call
// it in-process.
//
// Arguments are converted from wire values to the function's parameter types
// (int, int64, …, float64, string, []byte, bool, slices, map[string]T, any, and
// the wire types themselves); a context.Context first parameter receives the
// call's context; an error last result is the task's error. Results are
// converted to wire values (integers to int64, slices to wire.List, maps with
// string keys to *wire.Dict in key order).
type GoFunc struct {
	name     string
	fn       reflect.Value
	typ      reflect.Type
	hasCtx   bool // first parameter is a context.Context
	hasErr   bool // last result is an error
	nResults int  // results other than the error: 0 or 1
	params   []reflect.Type
	variadic bool
	// fast, if set, calls common signatures without reflection; ok false
	// means the arguments need the general path (conversion or an error).
	fast func(args []wire.Value) (v wire.Value, err error, ok bool)
	// paramNames, if set (WithParamNames), name the parameters in errors
	// and bind keyword arguments.
	paramNames []string
}

var (
	goFuncsMu sync.RWMutex
	goFuncs   = map[string]*GoFunc{}
)

var (
	ctxType   = reflect.TypeOf((*context.Context)(nil)).Elem()
	errorType = reflect.TypeOf((*error)(nil)).Elem()
)

// Register makes fn callable by name in worker processes and returns it as a
// Remote. Call it from an init function (or a package-level var), so that the
// re-executed worker binary registers the same names. It panics if fn is not a
// function, if a parameter or result type cannot cross the wire, or if name is
// taken: these are programming errors found at start-up.
func Register(name string, fn any) *GoFunc {
	g, err := newGoFunc(name, fn)
	if err != nil {
		panic(err)
	}
	goFuncsMu.Lock()
	defer goFuncsMu.Unlock()
	if _, dup := goFuncs[name]; dup {
		panic(fmt.Sprintf("pool.Register: a function is already registered as %q", name))
	}
	goFuncs[name] = g
	return g
}

// LookupGoFunc returns the function registered as name.
func LookupGoFunc(name string) (*GoFunc, bool) {
	goFuncsMu.RLock()
	defer goFuncsMu.RUnlock()
	g, ok := goFuncs[name]
	return g, ok
}

func newGoFunc(name string, fn any) (*GoFunc, error) {
	v := reflect.ValueOf(fn)
	if !v.IsValid() || v.Kind() != reflect.Func || v.IsNil() {
		return nil, fmt.Errorf("pool.Register(%q): want a non-nil function, got %T", name, fn)
	}
	t := v.Type()
	g := &GoFunc{name: name, fn: v, typ: t, variadic: t.IsVariadic()}
	for i := 0; i < t.NumIn(); i++ {
		p := t.In(i)
		if i == 0 && p == ctxType {
			g.hasCtx = true
			continue
		}
		check := p
		if g.variadic && i == t.NumIn()-1 {
			check = p.Elem()
		}
		if err := checkParamType(check); err != nil {
			return nil, fmt.Errorf("pool.Register(%q): parameter %d: %v", name, i+1, err)
		}
		g.params = append(g.params, p)
	}
	nOut := t.NumOut()
	if nOut > 0 && t.Out(nOut-1) == errorType {
		g.hasErr = true
		nOut--
	}
	if nOut > 1 {
		return nil, fmt.Errorf("pool.Register(%q): want at most one result besides a final error, got %s", name, t)
	}
	g.nResults = nOut
	if nOut == 1 {
		if err := checkResultType(t.Out(0)); err != nil {
			return nil, fmt.Errorf("pool.Register(%q): result: %v", name, err)
		}
	}
	g.fast = fastCall(fn)
	return g, nil
}

// Name is the name fn was registered under.
func (g *GoFunc) Name() string { return g.name }

// String describes g for error messages.
func (g *GoFunc) String() string { return fmt.Sprintf("<Go function %s %s>", g.name, g.typ) }

// Definition implements Remote: the "go" runtime, with the registered name as
// the payload.
func (g *GoFunc) Definition() (string, wire.Value, error) { return goRuntimeKind, g.name, nil }

// Call implements Callable: it converts args, calls the function and converts
// its result to a wire value. Keyword arguments are refused: Go functions have
// no parameter names. A panic propagates (pools recover it).
func (g *GoFunc) Call(ctx context.Context, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	if len(kwargs) > 0 || g.paramNames != nil {
		var err error
		if args, err = g.bindNames(args, kwargs); err != nil {
			return nil, err
		}
	}
	if g.fast != nil {
		if v, err, ok := g.fast(args); ok {
			return v, err
		}
	}
	in, err := g.convertArgs(ctx, args)
	if err != nil {
		return nil, err
	}
	out := g.fn.Call(in)
	if g.hasErr {
		if e := out[len(out)-1]; !e.IsNil() {
			return nil, e.Interface().(error)
		}
	}
	if g.nResults == 0 {
		return nil, nil
	}
	return toWire(out[0], 0)
}

func keyString(k wire.Value) string {
	if s, ok := k.(string); ok {
		return "'" + s + "'"
	}
	return fmt.Sprint(k)
}

func (g *GoFunc) convertArgs(ctx context.Context, args []wire.Value) ([]reflect.Value, error) {
	n := len(g.params)
	if g.variadic {
		if len(args) < n-1 {
			return nil, typeError(fmt.Sprintf("%s() takes at least %d positional arguments but %d were given", g.name, n-1, len(args)))
		}
	} else if len(args) != n {
		return nil, typeError(fmt.Sprintf("%s() takes %d positional argument%s but %d %s given", g.name, n, plural(n), len(args), wereWas(len(args))))
	}
	in := make([]reflect.Value, 0, len(args)+1)
	if g.hasCtx {
		if ctx == nil {
			ctx = context.Background()
		}
		in = append(in, reflect.ValueOf(&ctx).Elem())
	}
	for i, a := range args {
		t := g.params[min(i, n-1)]
		if g.variadic && i >= n-1 {
			t = t.Elem()
		}
		v, err := fromWire(a, t)
		if err != nil {
			return nil, typeError(fmt.Sprintf("%s() argument %s: %v", g.name, g.argName(i), err))
		}
		in = append(in, v)
	}
	return in, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func wereWas(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

// typeError is a Python TypeError.
func typeError(msg string) *wire.Exception {
	return &wire.Exception{Module: "builtins", Type: "TypeError", Message: msg, Args: []wire.Value{msg}}
}

var wireTypes = map[reflect.Type]bool{
	reflect.TypeOf(wire.List(nil)):         true,
	reflect.TypeOf(wire.Tuple(nil)):        true,
	reflect.TypeOf(wire.Set(nil)):          true,
	reflect.TypeOf(wire.FrozenSet(nil)):    true,
	reflect.TypeOf((*wire.Dict)(nil)):      true,
	reflect.TypeOf((*wire.Exception)(nil)): true,
	reflect.TypeOf(wire.Ref{}):             true,
	reflect.TypeOf(wire.Ext{}):             true,
	reflect.TypeOf((*big.Int)(nil)):        true,
}

func checkParamType(t reflect.Type) error {
	if wireTypes[t] {
		return nil
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Complex128, reflect.String, reflect.Bool:
		return nil
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return nil
		}
	case reflect.Slice:
		return checkParamType(t.Elem())
	case reflect.Map:
		if mapKeyKindOK(t.Key().Kind()) {
			return checkParamType(t.Elem())
		}
	case reflect.Struct:
		return checkStructType(t, checkParamType)
	case reflect.Pointer:
		return checkPointerType(t, checkParamType)
	}
	return fmt.Errorf("type %s cannot be received from the wire", t)
}

func checkResultType(t reflect.Type) error {
	if wireTypes[t] {
		return nil
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128,
		reflect.String, reflect.Bool, reflect.Interface:
		return nil
	case reflect.Slice, reflect.Array:
		return checkResultType(t.Elem())
	case reflect.Map:
		if mapKeyKindOK(t.Key().Kind()) {
			return checkResultType(t.Elem())
		}
	case reflect.Struct:
		return checkStructType(t, checkResultType)
	case reflect.Pointer:
		return checkPointerType(t, checkResultType)
	}
	return fmt.Errorf("type %s cannot be sent on the wire", t)
}

// fromWire converts a wire value to a Go value of type t.
func fromWire(a wire.Value, t reflect.Type) (reflect.Value, error) {
	if a != nil {
		if at := reflect.TypeOf(a); at.AssignableTo(t) {
			v := reflect.New(t).Elem()
			v.Set(reflect.ValueOf(a))
			return v, nil
		}
	}
	mismatch := func() (reflect.Value, error) {
		return reflect.Value{}, fmt.Errorf("want %s, got %s", t, typeName(a))
	}
	switch t.Kind() {
	case reflect.Interface:
		if a == nil {
			return reflect.Zero(t), nil
		}
		return mismatch()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		var i int64
		switch x := a.(type) {
		case int64:
			i = x
		case int:
			i = int64(x)
		case bool:
			if x {
				i = 1
			}
		default:
			return mismatch()
		}
		v := reflect.New(t).Elem()
		if v.OverflowInt(i) {
			return reflect.Value{}, fmt.Errorf("%d overflows %s", i, t)
		}
		v.SetInt(i)
		return v, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		var u uint64
		switch x := a.(type) {
		case int64:
			if x < 0 {
				return reflect.Value{}, fmt.Errorf("%d is negative, want %s", x, t)
			}
			u = uint64(x)
		case *big.Int:
			if !x.IsUint64() {
				return reflect.Value{}, fmt.Errorf("%s overflows %s", x, t)
			}
			u = x.Uint64()
		default:
			return mismatch()
		}
		v := reflect.New(t).Elem()
		if v.OverflowUint(u) {
			return reflect.Value{}, fmt.Errorf("%d overflows %s", u, t)
		}
		v.SetUint(u)
		return v, nil
	case reflect.Float32, reflect.Float64:
		var f float64
		switch x := a.(type) {
		case float64:
			f = x
		case int64:
			f = float64(x)
		case *big.Int:
			f, _ = new(big.Float).SetInt(x).Float64()
		default:
			return mismatch()
		}
		v := reflect.New(t).Elem()
		v.SetFloat(f)
		return v, nil
	case reflect.Complex128:
		var c complex128
		switch x := a.(type) {
		case complex128:
			c = x
		case float64:
			c = complex(x, 0)
		case int64:
			c = complex(float64(x), 0)
		default:
			return mismatch()
		}
		return reflect.ValueOf(c).Convert(t), nil
	case reflect.String:
		if s, ok := a.(string); ok {
			return reflect.ValueOf(s).Convert(t), nil
		}
		return mismatch()
	case reflect.Bool:
		if b, ok := a.(bool); ok {
			return reflect.ValueOf(b).Convert(t), nil
		}
		return mismatch()
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			if b, ok := a.([]byte); ok {
				return reflect.ValueOf(b).Convert(t), nil
			}
		}
		var items []wire.Value
		switch x := a.(type) {
		case wire.List:
			items = x
		case wire.Tuple:
			items = x
		case wire.Set:
			items = x
		case wire.FrozenSet:
			items = x
		case []wire.Value:
			items = x
		default:
			return mismatch()
		}
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, it := range items {
			e, err := fromWire(it, t.Elem())
			if err != nil {
				return reflect.Value{}, fmt.Errorf("item %d: %v", i, err)
			}
			s.Index(i).Set(e)
		}
		return s, nil
	case reflect.Map:
		d, ok := a.(*wire.Dict)
		if !ok || d == nil {
			return mismatch()
		}
		m := reflect.MakeMapWithSize(t, len(d.Items))
		for _, kv := range d.Items {
			k, err := mapKeyFromWire(kv.Key, t)
			if err != nil {
				return reflect.Value{}, err
			}
			e, err := fromWire(kv.Value, t.Elem())
			if err != nil {
				return reflect.Value{}, fmt.Errorf("key %s: %v", keyString(kv.Key), err)
			}
			m.SetMapIndex(k, e)
		}
		return m, nil
	case reflect.Struct:
		return structFromWire(a, t)
	case reflect.Pointer:
		return pointerFromWire(a, t)
	}
	return mismatch()
}

const maxConvertDepth = 100

// toWire converts a Go result to a wire value.
func toWire(v reflect.Value, depth int) (wire.Value, error) {
	if depth > maxConvertDepth {
		return nil, fmt.Errorf("result nested deeper than %d levels", maxConvertDepth)
	}
	if !v.IsValid() {
		return nil, nil
	}
	if wireTypes[v.Type()] {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return nil, nil
		}
		return v.Interface(), nil
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return nil, nil
		}
		return toWire(v.Elem(), depth+1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := v.Uint()
		if u > math.MaxInt64 {
			return new(big.Int).SetUint64(u), nil
		}
		return int64(u), nil
	case reflect.Float32, reflect.Float64:
		return v.Float(), nil
	case reflect.Complex64, reflect.Complex128:
		return v.Complex(), nil
	case reflect.String:
		return v.String(), nil
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			if v.IsNil() {
				return []byte(nil), nil
			}
			return v.Bytes(), nil
		}
		if v.Kind() == reflect.Slice && v.IsNil() {
			return wire.List{}, nil
		}
		l := make(wire.List, v.Len())
		for i := range l {
			e, err := toWire(v.Index(i), depth+1)
			if err != nil {
				return nil, err
			}
			l[i] = e
		}
		return l, nil
	case reflect.Map:
		return mapToWire(v, depth)
	case reflect.Struct:
		return structToWire(v, depth)
	case reflect.Pointer:
		return pointerToWire(v, depth)
	}
	return nil, fmt.Errorf("type %s cannot be sent on the wire", v.Type())
}

// goRuntimeKind is the runtime that serves GoFuncs in workers.
const goRuntimeKind = "go"

func init() {
	RegisterRuntime(goRuntimeKind, func() (Runtime, error) {
		return &goRuntime{defs: map[uint64]*GoFunc{}}, nil
	})
}

// goRuntime runs registered Go functions in a worker.
type goRuntime struct {
	defs map[uint64]*GoFunc
}

func (r *goRuntime) Define(id uint64, payload wire.Value) error {
	name, ok := payload.(string)
	if !ok {
		return fmt.Errorf("pool: the \"go\" runtime wants a function name, got %s", typeName(payload))
	}
	g, ok := LookupGoFunc(name)
	if !ok {
		return fmt.Errorf("pool: no Go function is registered as %q in the worker process (call pool.Register from an init function, so that the worker binary registers it too)", name)
	}
	r.defs[id] = g
	return nil
}

func (r *goRuntime) Call(fn uint64, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	g, ok := r.defs[fn]
	if !ok {
		return nil, fmt.Errorf("pool: function id %d is not defined in this worker", fn)
	}
	return g.Call(workerContext(), args, kwargs)
}
