package pickle

// Functions by value, as cloudpickle ships them: a function defined in
// __main__ (lambdas, nested functions and closures too) travels as its code
// object's fields, its defaults, keyword defaults, closure cell contents,
// qualified name, __dict__, and the globals its code reaches (names that
// LOAD_GLOBAL / LOAD_NAME / STORE_GLOBAL name and that exist in its globals,
// following nested code objects; functions and classes found there travel
// the same way; modules travel by name).
//
// The receiver rebuilds the function with py.NewFunction in its own
// __main__ namespace. In a worker, shipped globals fill names __main__ does
// not hold yet and never overwrite one it holds, so state set by an
// initializer or by earlier tasks persists (as under fork).

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/pool/wire"
)

// globalNames adds to names every global name code (and the code objects
// nested in its constants) refers to.
func globalNames(code *py.Code, names map[string]bool) {
	ops := code.Code
	ext := 0
	for i := 0; i < len(ops); {
		op := ops[i]
		i++
		if op < bytecode.HAVE_ARGUMENT {
			continue
		}
		if i+2 > len(ops) {
			break
		}
		arg := int(ops[i]) | int(ops[i+1])<<8 | ext<<16
		i += 2
		ext = 0
		switch op {
		case bytecode.EXTENDED_ARG:
			ext = arg
		case bytecode.STORE_NAME, bytecode.DELETE_NAME, bytecode.STORE_GLOBAL, bytecode.DELETE_GLOBAL, bytecode.LOAD_NAME, bytecode.LOAD_GLOBAL:
			if arg >= 0 && arg < len(code.Names) {
				names[code.Names[arg]] = true
			}
		}
	}
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			globalNames(sub, names)
		}
	}
}

// functionModule is the __name__ of the module a function was defined in.
func functionModule(f *py.Function) string {
	if s, ok := f.Globals["__name__"].(py.String); ok {
		return string(s)
	}
	return "__main__"
}

// importableByName tells whether module.qualname names obj itself in obj's
// own interpreter, so that a reference can replace the value.
func importableByName(ctx py.Context, module, qualname string, obj py.Object) bool {
	if ctx == nil || module == "" || module == "__main__" || strings.Contains(qualname, "<") {
		return false
	}
	m, err := ctx.GetModule(module)
	if err != nil {
		return false
	}
	var cur py.Object = m
	for _, part := range strings.Split(qualname, ".") {
		next, err := py.GetAttrString(cur, part)
		if err != nil {
			return false
		}
		cur = next
	}
	return sameObject(cur, obj)
}

// sameObject is Python's `is` for the objects the bridge compares (pointers);
// it never panics on uncomparable dynamic types.
func sameObject(a, b py.Object) bool {
	switch x := a.(type) {
	case *py.Function:
		y, ok := b.(*py.Function)
		return ok && x == y
	case *py.Type:
		y, ok := b.(*py.Type)
		return ok && x == y
	case *pyobj.Instance, *pyobj.CallableInstance:
		return a == b
	case *py.Method:
		y, ok := b.(*py.Method)
		return ok && x == y
	}
	return false
}

func (e *encoder) encodeFunction(f *py.Function) (wire.Value, error) {
	if id, ok := e.memo[f]; ok {
		return tagged(tagBackref, id), nil
	}
	module := functionModule(f)
	if importableByName(f.Context, module, f.Qualname, f) {
		return wire.Ref{Module: module, Name: f.Qualname}, nil
	}
	id := e.remember(f)
	if err := e.enter(0, "function"); err != nil {
		return nil, err
	}
	defer e.leave(0)

	code, err := e.encodeCode(f.Code)
	if err != nil {
		return nil, err
	}
	var defaults, kwdefaults, closure, dict wire.Value
	if f.Defaults != nil {
		items, err := e.encodeItems(f.Defaults)
		if err != nil {
			return nil, err
		}
		defaults = wire.Tuple(items)
	}
	if f.KwDefaults != nil {
		if kwdefaults, err = e.encodeStringDict(f.KwDefaults); err != nil {
			return nil, err
		}
	}
	if len(f.Closure) > 0 {
		cells := make(wire.List, len(f.Closure))
		for i, c := range f.Closure {
			cell, ok := c.(*py.Cell)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "cannot pickle function %s: closure item is %s, not a cell", f.Qualname, c.Type().Name)
			}
			content := cell.Get()
			if content == nil {
				cells[i] = tagged(tagEmptyCell)
				continue
			}
			if cells[i], err = e.encode(content); err != nil {
				return nil, err
			}
		}
		closure = cells
	}
	if len(f.Dict) > 0 {
		if dict, err = e.encodeStringDict(f.Dict); err != nil {
			return nil, err
		}
	}
	globals, err := e.encodeGlobals(f.Code, f.Globals)
	if err != nil {
		return nil, err
	}
	return tagged(tagFunction, id, module, f.Qualname, f.Name, code, defaults, kwdefaults, closure, globals, dict), nil
}

// encodeGlobals sends the globals that code reaches, sorted by name.
func (e *encoder) encodeGlobals(code *py.Code, globals py.StringDict) (*wire.Dict, error) {
	names := map[string]bool{}
	globalNames(code, names)
	keys := make([]string, 0, len(names))
	for n := range names {
		if _, ok := globals[n]; ok && n != "__builtins__" {
			keys = append(keys, n)
		}
	}
	sort.Strings(keys)
	out := &wire.Dict{Items: make([]wire.KV, 0, len(keys))}
	for _, k := range keys {
		v, err := e.encode(globals[k])
		if err != nil {
			ctor, ok := freshGlobal(globals[k])
			if !ok {
				return nil, err
			}
			v = tagged(tagFresh, ctor)
		}
		out.Items = append(out.Items, wire.KV{Key: k, Value: v})
	}
	return out, nil
}

// encodeCode sends a code object's fields (gpython has no marshal.dumps).
func (e *encoder) encodeCode(c *py.Code) (wire.Value, error) {
	if err := e.enter(0, "code"); err != nil {
		return nil, err
	}
	defer e.leave(0)
	consts, err := e.encodeItems(c.Consts)
	if err != nil {
		return nil, err
	}
	return tagged(tagCode,
		int64(c.Argcount), int64(c.Kwonlyargcount), int64(c.Nlocals), int64(c.Stacksize), int64(c.Flags),
		[]byte(c.Code), wire.Tuple(consts),
		stringList(c.Names), stringList(c.Varnames), stringList(c.Freevars), stringList(c.Cellvars),
		append([]byte{}, c.Cell2arg...), c.Filename, c.Name, int64(c.Firstlineno), []byte(c.Lnotab),
	), nil
}

func stringList(ss []string) wire.List {
	out := make(wire.List, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// fields checks a tagged value's field count.
func fields(what string, f []wire.Value, n int) error {
	if len(f) != n {
		return errBadValue(fmt.Sprintf("%s with %d fields, want %d", what, len(f), n))
	}
	return nil
}

func wantInt(v wire.Value) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case uint64:
		return int64(x), true
	}
	return 0, false
}

func wantStrings(v wire.Value) ([]string, bool) {
	var items []wire.Value
	switch x := v.(type) {
	case wire.List:
		items = x
	case wire.Tuple:
		items = x
	case nil:
		return nil, true
	default:
		return nil, false
	}
	out := make([]string, len(items))
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}

func wantBytes(v wire.Value) ([]byte, bool) {
	switch x := v.(type) {
	case []byte:
		return x, true
	case string:
		return []byte(x), true
	case nil:
		return nil, true
	}
	return nil, false
}

func (d *decoder) decodeCode(f []wire.Value) (*py.Code, error) {
	if err := fields("code", f, 16); err != nil {
		return nil, err
	}
	var ints [5]int64
	for i := range ints {
		n, ok := wantInt(f[i])
		if !ok || n < 0 || n > 1<<30 {
			return nil, errBadValue("code object counts")
		}
		ints[i] = n
	}
	ops, ok1 := wantBytes(f[5])
	constsV, ok2 := f[6].(wire.Tuple)
	names, ok3 := wantStrings(f[7])
	varnames, ok4 := wantStrings(f[8])
	freevars, ok5 := wantStrings(f[9])
	cellvars, ok6 := wantStrings(f[10])
	cell2arg, ok7 := wantBytes(f[11])
	filename, ok8 := f[12].(string)
	name, ok9 := f[13].(string)
	first, ok10 := wantInt(f[14])
	lnotab, ok11 := wantBytes(f[15])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7 && ok8 && ok9 && ok10 && ok11) {
		return nil, errBadValue("code object fields")
	}
	nargs := ints[0] + ints[1]
	if ints[4]&py.CO_VARARGS != 0 {
		nargs++
	}
	if ints[4]&py.CO_VARKEYWORDS != 0 {
		nargs++
	}
	if nargs > int64(len(varnames)) || (len(cell2arg) != 0 && len(cell2arg) != len(cellvars)) {
		return nil, errBadValue("code object argument counts")
	}
	if len(cell2arg) == 0 {
		// gpython's VM indexes a non-nil Cell2arg for every cell.
		cell2arg = nil
	}
	for _, c := range cell2arg {
		if c != py.CO_CELL_NOT_AN_ARG && int64(c) >= nargs {
			return nil, errBadValue("code object cell2arg")
		}
	}
	consts, err := d.decodeItems(constsV)
	if err != nil {
		return nil, err
	}
	return &py.Code{
		Argcount: int32(ints[0]), Kwonlyargcount: int32(ints[1]), Nlocals: int32(ints[2]),
		Stacksize: int32(ints[3]), Flags: int32(ints[4]),
		Code: string(ops), Consts: py.Tuple(consts),
		Names: names, Varnames: varnames, Freevars: freevars, Cellvars: cellvars,
		Cell2arg: cell2arg, Filename: filename, Name: name, Firstlineno: int32(first), Lnotab: string(lnotab),
	}, nil
}

func (d *decoder) decodeFunction(f []wire.Value) (py.Object, error) {
	if err := fields("function", f, 10); err != nil {
		return nil, err
	}
	id, ok1 := wantInt(f[0])
	module, ok2 := f[1].(string)
	qualname, ok3 := f[2].(string)
	name, ok4 := f[3].(string)
	codeT, ok5 := f[4].(wire.Tuple)
	if !(ok1 && ok2 && ok3 && ok4 && ok5) {
		return nil, errBadValue("function fields")
	}
	if tag, ok := tagOf(codeT); !ok || tag != tagCode {
		return nil, errBadValue("function without code")
	}
	code, err := d.decodeCode(codeT[1:])
	if err != nil {
		return nil, err
	}
	ns, writable, err := d.namespace(module)
	if err != nil {
		return nil, err
	}
	fn := py.NewFunction(d.ctx, code, ns, qualname)
	fn.Name = name
	d.remember(id, fn)

	if f[5] != nil {
		defs, ok := f[5].(wire.Tuple)
		if !ok {
			return nil, errBadValue("function defaults")
		}
		items, err := d.decodeItems(defs)
		if err != nil {
			return nil, err
		}
		fn.Defaults = py.Tuple(items)
	}
	if fn.KwDefaults, err = d.decodeStringDict(f[6]); err != nil {
		return nil, err
	}
	if f[7] != nil {
		cells, ok := f[7].(wire.List)
		if !ok || len(cells) != len(code.Freevars) {
			return nil, errBadValue("function closure")
		}
		closure := make(py.Tuple, len(cells))
		for i, c := range cells {
			if t, ok := c.(wire.Tuple); ok {
				if tag, ok := tagOf(t); ok && tag == tagEmptyCell {
					closure[i] = &py.Cell{}
					continue
				}
			}
			o, err := d.decode(c)
			if err != nil {
				return nil, err
			}
			closure[i] = py.NewCell(o)
		}
		fn.Closure = closure
	} else if len(code.Freevars) != 0 {
		return nil, errBadValue("function closure missing")
	}
	globals, err := d.decodeStringDict(f[8])
	if err != nil {
		return nil, err
	}
	for k, v := range globals {
		if _, has := ns[k]; !has && writable {
			ns[k] = v
		}
	}
	if f[9] != nil {
		dict, err := d.decodeStringDict(f[9])
		if err != nil {
			return nil, err
		}
		for k, v := range dict {
			fn.Dict[k] = v
		}
	}
	return fn, nil
}

// namespace is the globals a function or class of module gets in the
// receiving interpreter, and whether shipped globals may fill it.
func (d *decoder) namespace(module string) (py.StringDict, bool, error) {
	if module == "__main__" || module == "" {
		if d.main == nil {
			d.main = py.StringDict{"__name__": py.String("__main__")}
			return d.main, true, nil
		}
		return d.main, d.fill, nil
	}
	if d.ctx == nil {
		return nil, false, py.ExceptionNewf(py.SystemError, "no interpreter to import %s into", module)
	}
	m, err := importModule(d.ctx, module)
	if err != nil {
		return nil, false, err
	}
	return m.Globals, d.fill, nil
}
