// Package json is Python's json module: dumps/dump and loads/load with
// CPython's output byte for byte (indent, sort_keys, separators,
// ensure_ascii, default), and json.JSONDecodeError.
//
// It registers the module with gpython from its init and its error class
// with pyobj.ReadyWithClasses; the facade (bridge) imports it for that
// effect. It imports gpython, bridge/pyrt (Sig) and bridge/internal/pyobj
// (dicts, bytes, repr, sorting) and nothing above them.
package json

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// decodeError is json.JSONDecodeError (a ValueError).
var decodeError = py.ValueError.NewType("JSONDecodeError", "Subclass of ValueError with the following additional properties", nil, nil)

type jsonEnc struct {
	indent      string
	hasIndent   bool
	itemSep     string
	keySep      string
	sortKeys    bool
	ensureASCII bool
	skipKeys    bool
	allowNaN    bool
	def         py.Object
	b           strings.Builder
	depth       int
	active      map[any]bool
}

func jsonQuote(b *strings.Builder, s string, ascii bool) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20:
				fmt.Fprintf(b, `\u%04x`, r)
			case r < 0x7f || !ascii:
				b.WriteRune(r)
			case r > 0xffff:
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
			default:
				fmt.Fprintf(b, `\u%04x`, r)
			}
		}
	}
	b.WriteByte('"')
}

func (e *jsonEnc) newline() {
	if e.hasIndent {
		e.b.WriteByte('\n')
		e.b.WriteString(strings.Repeat(e.indent, e.depth))
	}
}

func (e *jsonEnc) floatStr(f float64) (string, error) {
	switch {
	case math.IsNaN(f):
		if !e.allowNaN {
			return "", py.ExceptionNewf(py.ValueError, "Out of range float values are not JSON compliant")
		}
		return "NaN", nil
	case math.IsInf(f, 1):
		if !e.allowNaN {
			return "", py.ExceptionNewf(py.ValueError, "Out of range float values are not JSON compliant")
		}
		return "Infinity", nil
	case math.IsInf(f, -1):
		if !e.allowNaN {
			return "", py.ExceptionNewf(py.ValueError, "Out of range float values are not JSON compliant")
		}
		return "-Infinity", nil
	}
	return pyobj.FloatRepr(f), nil
}

func (e *jsonEnc) key(k py.Object) (string, bool, error) {
	switch x := k.(type) {
	case py.String:
		return string(x), true, nil
	case py.Float:
		s, err := e.floatStr(float64(x))
		return s, true, err
	case py.Bool:
		if x {
			return "true", true, nil
		}
		return "false", true, nil
	case py.Int, *py.BigInt:
		s, err := pyobj.Repr(x)
		return s, true, err
	case py.NoneType:
		return "null", true, nil
	}
	if e.skipKeys {
		return "", false, nil
	}
	return "", false, py.ExceptionNewf(py.TypeError, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
}

func (e *jsonEnc) enc(o py.Object) error {
	switch x := o.(type) {
	case py.NoneType:
		e.b.WriteString("null")
		return nil
	case py.Bool:
		if x {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
		return nil
	case py.String:
		jsonQuote(&e.b, string(x), e.ensureASCII)
		return nil
	case py.Int:
		e.b.WriteString(strconv.FormatInt(int64(x), 10))
		return nil
	case *py.BigInt:
		e.b.WriteString((*big.Int)(x).String())
		return nil
	case py.Float:
		s, err := e.floatStr(float64(x))
		if err != nil {
			return err
		}
		e.b.WriteString(s)
		return nil
	case *py.List:
		return e.seq(x, x.Items)
	case py.Tuple:
		return e.seq(nil, x)
	case pyobj.DictLike:
		return e.dict(x, x.AsDict().Items())
	case py.StringDict:
		items := make([]pyobj.DictItem, 0, len(x))
		for _, k := range pyobj.SortedKeys(x) {
			items = append(items, pyobj.DictItem{Key: py.String(k), Value: x[k]})
		}
		return e.dict(nil, items)
	}
	if e.def != nil && e.def != py.None {
		if e.active[o] {
			return py.ExceptionNewf(py.ValueError, "Circular reference detected")
		}
		v, err := py.Call(e.def, py.Tuple{o}, nil)
		if err != nil {
			return err
		}
		return e.enc(v)
	}
	return py.ExceptionNewf(py.TypeError, "Object of type %s is not JSON serializable", o.Type().Name)
}

func (e *jsonEnc) enter(p any) error {
	if p == nil {
		return nil
	}
	if e.active[p] {
		return py.ExceptionNewf(py.ValueError, "Circular reference detected")
	}
	e.active[p] = true
	return nil
}

func (e *jsonEnc) seq(p any, items []py.Object) error {
	if len(items) == 0 {
		e.b.WriteString("[]")
		return nil
	}
	if err := e.enter(p); err != nil {
		return err
	}
	e.b.WriteByte('[')
	e.depth++
	e.newline()
	for i, it := range items {
		if i > 0 {
			e.b.WriteString(e.itemSep)
			e.newline()
		}
		if err := e.enc(it); err != nil {
			return err
		}
	}
	e.depth--
	e.newline()
	e.b.WriteByte(']')
	if p != nil {
		delete(e.active, p)
	}
	return nil
}

func (e *jsonEnc) dict(p any, items []pyobj.DictItem) error {
	if len(items) == 0 {
		e.b.WriteString("{}")
		return nil
	}
	if err := e.enter(p); err != nil {
		return err
	}
	type kv struct {
		k string
		v py.Object
	}
	var list []kv
	for _, it := range items {
		k, ok, err := e.key(it.Key)
		if err != nil {
			return err
		}
		if ok {
			list = append(list, kv{k, it.Value})
		}
	}
	if e.sortKeys {
		keys := make([]py.Object, len(items))
		for i, it := range items {
			keys[i] = it.Key
		}
		idx := make([]py.Object, len(list))
		for i := range list {
			idx[i] = py.Tuple{py.String(list[i].k), py.Int(i)}
		}
		for _, it := range items {
			if _, ok := it.Key.(py.String); !ok {
				return py.ExceptionNewf(py.TypeError, "'<' not supported between instances of '%s' and 'str'", it.Key.Type().Name)
			}
		}
		if err := pyobj.SortObjects(idx, nil, false); err != nil {
			return err
		}
		sorted := make([]kv, len(list))
		for i, o := range idx {
			sorted[i] = list[o.(py.Tuple)[1].(py.Int)]
		}
		list = sorted
	}
	e.b.WriteByte('{')
	e.depth++
	e.newline()
	for i, it := range list {
		if i > 0 {
			e.b.WriteString(e.itemSep)
			e.newline()
		}
		jsonQuote(&e.b, it.k, e.ensureASCII)
		e.b.WriteString(e.keySep)
		if err := e.enc(it.v); err != nil {
			return err
		}
	}
	e.depth--
	e.newline()
	e.b.WriteByte('}')
	if p != nil {
		delete(e.active, p)
	}
	return nil
}

// The keyword parameters of dumps and dump, and of loads and load (the
// decoder hooks are not implemented: given, they are an error).
const (
	dumpsKw = "*, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False"
	loadsKw = "*, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None"
)

// jsonDumps is dumps(obj, …) with a bound by dumpsKw.
func jsonDumps(a *pyrt.Args) (string, error) {
	e := &jsonEnc{itemSep: ", ", keySep: ": ", active: map[any]bool{}, def: a.Get("default")}
	e.ensureASCII = pyrt.Truth(a.Get("ensure_ascii"))
	e.sortKeys = pyrt.Truth(a.Get("sort_keys"))
	e.skipKeys = pyrt.Truth(a.Get("skipkeys"))
	e.allowNaN = pyrt.Truth(a.Get("allow_nan"))
	switch ind := a.Get("indent").(type) {
	case py.NoneType:
	case py.String:
		e.indent, e.hasIndent = string(ind), true
	default:
		n, err := py.IndexInt(ind)
		if err != nil {
			return "", err
		}
		e.indent, e.hasIndent = strings.Repeat(" ", max(n, 0)), true
	}
	if e.hasIndent {
		e.itemSep = ","
	}
	if sep := a.Get("separators"); sep != py.None {
		t, err := py.SequenceTuple(sep)
		if err != nil || len(t) != 2 {
			return "", py.ExceptionNewf(py.ValueError, "separators must be an (item_separator, key_separator) pair")
		}
		is, ok1 := t[0].(py.String)
		ks, ok2 := t[1].(py.String)
		if !ok1 || !ok2 {
			return "", py.ExceptionNewf(py.TypeError, "separators must be strings")
		}
		e.itemSep, e.keySep = string(is), string(ks)
	}
	if err := e.enc(a.Get("obj")); err != nil {
		return "", err
	}
	return e.b.String(), nil
}

// jsonDec is a JSON parser producing Python objects as CPython's json does.
type jsonDec struct {
	s   string
	i   int
	src string
}

func (d *jsonDec) fail(msg string) error {
	line := strings.Count(d.s[:min(d.i, len(d.s))], "\n") + 1
	col := d.i - strings.LastIndex(d.s[:min(d.i, len(d.s))], "\n")
	return py.ExceptionNewf(decodeError, "%s: line %d column %d (char %d)", msg, line, col, d.i)
}

func (d *jsonDec) ws() {
	for d.i < len(d.s) && strings.IndexByte(" \t\n\r", d.s[d.i]) >= 0 {
		d.i++
	}
}

func (d *jsonDec) value() (py.Object, error) {
	d.ws()
	if d.i >= len(d.s) {
		return nil, d.fail("Expecting value")
	}
	switch c := d.s[d.i]; {
	case c == '{':
		d.i++
		obj := pyobj.NewDict()
		d.ws()
		if d.i < len(d.s) && d.s[d.i] == '}' {
			d.i++
			return obj, nil
		}
		for {
			d.ws()
			if d.i >= len(d.s) || d.s[d.i] != '"' {
				return nil, d.fail("Expecting property name enclosed in double quotes")
			}
			k, err := d.str()
			if err != nil {
				return nil, err
			}
			d.ws()
			if d.i >= len(d.s) || d.s[d.i] != ':' {
				return nil, d.fail("Expecting ':' delimiter")
			}
			d.i++
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			_ = obj.Set(k, v)
			d.ws()
			if d.i < len(d.s) && d.s[d.i] == ',' {
				d.i++
				continue
			}
			if d.i < len(d.s) && d.s[d.i] == '}' {
				d.i++
				return obj, nil
			}
			return nil, d.fail("Expecting ',' delimiter")
		}
	case c == '[':
		d.i++
		var items []py.Object
		d.ws()
		if d.i < len(d.s) && d.s[d.i] == ']' {
			d.i++
			return py.NewList(), nil
		}
		for {
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			items = append(items, v)
			d.ws()
			if d.i < len(d.s) && d.s[d.i] == ',' {
				d.i++
				continue
			}
			if d.i < len(d.s) && d.s[d.i] == ']' {
				d.i++
				return py.NewListFromItems(items), nil
			}
			return nil, d.fail("Expecting ',' delimiter")
		}
	case c == '"':
		return d.str()
	case strings.HasPrefix(d.s[d.i:], "true"):
		d.i += 4
		return py.True, nil
	case strings.HasPrefix(d.s[d.i:], "false"):
		d.i += 5
		return py.False, nil
	case strings.HasPrefix(d.s[d.i:], "null"):
		d.i += 4
		return py.None, nil
	case strings.HasPrefix(d.s[d.i:], "NaN"):
		d.i += 3
		return py.Float(math.NaN()), nil
	case strings.HasPrefix(d.s[d.i:], "Infinity"):
		d.i += 8
		return py.Float(math.Inf(1)), nil
	case strings.HasPrefix(d.s[d.i:], "-Infinity"):
		d.i += 9
		return py.Float(math.Inf(-1)), nil
	case c == '-' || c >= '0' && c <= '9':
		start := d.i
		if c == '-' {
			d.i++
		}
		for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
			d.i++
		}
		isFloat := false
		if d.i < len(d.s) && d.s[d.i] == '.' {
			isFloat = true
			d.i++
			for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
				d.i++
			}
		}
		if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
			isFloat = true
			d.i++
			if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
				d.i++
			}
			for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
				d.i++
			}
		}
		num := d.s[start:d.i]
		if num == "-" {
			d.i = start
			return nil, d.fail("Expecting value")
		}
		if isFloat {
			f, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return nil, d.fail("Expecting value")
			}
			return py.Float(f), nil
		}
		n, ok := new(big.Int).SetString(num, 10)
		if !ok {
			return nil, d.fail("Expecting value")
		}
		return pyobj.BigToInt(n), nil
	}
	return nil, d.fail("Expecting value")
}

func (d *jsonDec) str() (py.Object, error) {
	start := d.i
	d.i++
	var b strings.Builder
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return py.String(b.String()), nil
		case c == '\\':
			d.i++
			if d.i >= len(d.s) {
				break
			}
			esc := d.s[d.i]
			d.i++
			switch esc {
			case '"', '\\', '/':
				b.WriteByte(esc)
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'u':
				if d.i+4 > len(d.s) {
					return nil, d.fail("Invalid \\uXXXX escape")
				}
				n, err := strconv.ParseUint(d.s[d.i:d.i+4], 16, 32)
				if err != nil {
					return nil, d.fail("Invalid \\uXXXX escape")
				}
				d.i += 4
				r := rune(n)
				if utf16.IsSurrogate(r) && strings.HasPrefix(d.s[d.i:], `\u`) && d.i+6 <= len(d.s) {
					if n2, err := strconv.ParseUint(d.s[d.i+2:d.i+6], 16, 32); err == nil {
						if r2 := utf16.DecodeRune(r, rune(n2)); r2 != utf8.RuneError {
							r = r2
							d.i += 6
						}
					}
				}
				b.WriteRune(r)
			default:
				d.i -= 2
				return nil, d.fail("Invalid \\escape")
			}
		case c < 0x20:
			return nil, d.fail("Invalid control character at")
		default:
			b.WriteByte(c)
			d.i++
		}
	}
	d.i = start
	return nil, d.fail("Unterminated string starting at")
}

func jsonLoads(s string) (py.Object, error) {
	d := &jsonDec{s: s}
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	d.ws()
	if d.i != len(d.s) {
		return nil, d.fail("Extra data")
	}
	return v, nil
}

func loadsArg(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.String:
		return string(x), nil
	case py.Bytes:
		return string(x), nil
	case pyobj.Bytes:
		return string(x), nil
	case *pyobj.ByteArray:
		return string(x.B), nil
	}
	return "", py.ExceptionNewf(py.TypeError, "the JSON object must be str, bytes or bytearray, not %s", o.Type().Name)
}

// noDecoderHooks refuses the decoder hooks of loads and load, which are not
// implemented (ignoring them would decode differently from CPython).
func noDecoderHooks(a *pyrt.Args) error {
	for _, k := range []string{"cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook"} {
		if !a.IsNone(k) {
			return py.ExceptionNewf(py.NotImplementedError, "pypool: json %s= is not supported", k)
		}
	}
	return nil
}

func init() {
	pyobj.ReadyWithClasses(decodeError)
	decodeError.Dict["__module__"] = py.String("json.decoder")
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "json", FileDesc: "<json>"},
		Methods: []*py.Method{
			pyrt.Func("dumps", "obj, "+dumpsKw, func(_ py.Object, a *pyrt.Args) (py.Object, error) {
				s, err := jsonDumps(a)
				return py.String(s), err
			}),
			pyrt.Func("dump", "obj, fp, "+dumpsKw, func(_ py.Object, a *pyrt.Args) (py.Object, error) {
				s, err := jsonDumps(a)
				if err != nil {
					return nil, err
				}
				w, err := py.GetAttrString(a.Get("fp"), "write")
				if err != nil {
					return nil, err
				}
				_, err = py.Call(w, py.Tuple{py.String(s)}, nil)
				return py.None, err
			}),
			pyrt.Func("loads", "s, "+loadsKw, func(_ py.Object, a *pyrt.Args) (py.Object, error) {
				if err := noDecoderHooks(a); err != nil {
					return nil, err
				}
				s, err := loadsArg(a.Get("s"))
				if err != nil {
					return nil, err
				}
				return jsonLoads(s)
			}),
			pyrt.Func("load", "fp, "+loadsKw, func(_ py.Object, a *pyrt.Args) (py.Object, error) {
				if err := noDecoderHooks(a); err != nil {
					return nil, err
				}
				r, err := py.GetAttrString(a.Get("fp"), "read")
				if err != nil {
					return nil, err
				}
				data, err := py.Call(r, nil, nil)
				if err != nil {
					return nil, err
				}
				s, err := loadsArg(data)
				if err != nil {
					return nil, err
				}
				return jsonLoads(s)
			}),
		},
		Globals: py.StringDict{"JSONDecodeError": decodeError},
	})
}
