package pyobj

// Function and code object attributes gpython lacks: code objects' co_*
// attributes, function annotations in CPython's order, and positional-only
// parameters (`/`) refused by keyword.
//
// The compat pass removes annotations and `/` from a def (gpython's
// compiler mishandles the former and cannot parse the latter) and records
// them, with the def's name and line (defInfo). After compiling, noteDefs
// finds each def's code object and keeps its record. __annotations__
// evaluates the recorded expressions on first access, in the function's
// globals (CPython evaluates them when the def runs, in the enclosing
// scope: an annotation naming a local of an enclosing function or class
// differs).

import (
	"strings"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/source"
	"github.com/pypool/pypool/bridge/pyrt"
)

// codeDefs maps a def's *py.Code to its *defInfo.
var codeDefs sync.Map

// noteDefs attaches the defs' records to their code objects in code. A
// def's code object is the one of its name whose first instruction is on
// the nearest line at or after the def's (gpython's co_firstlineno is not
// the def's line).
func noteDefs(code *py.Code, defs []source.DefInfo) {
	byName := map[string][]*source.DefInfo{}
	for i := range defs {
		if len(defs[i].Anns) > 0 || len(defs[i].Posonly) > 0 {
			byName[defs[i].Name] = append(byName[defs[i].Name], &defs[i])
		}
	}
	if len(byName) == 0 {
		return
	}
	var walk func(c *py.Code)
	walk = func(c *py.Code) {
		if cands := byName[c.Name]; len(cands) > 0 && c.Flags&py.CO_OPTIMIZED != 0 {
			first := int(c.Addr2Line(0))
			var best *source.DefInfo
			for _, d := range cands {
				if d.Line <= first && (best == nil || d.Line > best.Line) {
					best = d
				}
			}
			if best != nil {
				codeDefs.Store(c, best)
			}
		}
		for _, k := range c.Consts {
			if sub, ok := k.(*py.Code); ok {
				walk(sub)
			}
		}
	}
	walk(code)
}

func defOf(code *py.Code) *source.DefInfo {
	if v, ok := codeDefs.Load(code); ok {
		return v.(*source.DefInfo)
	}
	return nil
}

// checkPosonly refuses positional-only parameters passed by keyword.
func CheckPosonly(code *py.Code, kws py.StringDict) error {
	d := defOf(code)
	if d == nil || len(d.Posonly) == 0 || code.Flags&py.CO_VARKEYWORDS != 0 {
		return nil
	}
	var bad []string
	for _, p := range d.Posonly {
		if _, ok := kws[p]; ok {
			bad = append(bad, p)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return py.ExceptionNewf(py.TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", d.Qualname, strings.Join(bad, ", "))
}

const annotationsKey = "__annotations__"

// funcAnnotations is function.__annotations__: evaluated once, then kept
// in the function's __dict__.
func funcAnnotations(self py.Object) (py.Object, error) {
	f, ok := self.(*py.Function)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "descriptor '__annotations__' requires a 'function' object")
	}
	if v, ok := f.Dict[annotationsKey]; ok {
		return v, nil
	}
	out := NewDict()
	if d := defOf(f.Code); d != nil {
		for _, a := range d.Anns {
			code, err := py.Compile(a.Src, f.Code.Filename, py.EvalMode, 0, true)
			if err != nil {
				return nil, err
			}
			v, err := py.VmEvalCode(f.Context, code, f.Globals, py.NewStringDict(), nil, nil, nil, nil, nil)
			if err != nil {
				return nil, err
			}
			if err := out.Set(py.String(a.Name), v); err != nil {
				return nil, err
			}
		}
	}
	if f.Dict == nil {
		f.Dict = py.NewStringDict()
	}
	f.Dict[annotationsKey] = out
	return out, nil
}

// codeAttr makes a read-only co_* property.
func codeAttr(get func(c *py.Code) py.Object) *py.Property {
	return &py.Property{Fget: func(self py.Object) (py.Object, error) {
		c, ok := self.(*py.Code)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'code' object")
		}
		return get(c), nil
	}}
}

func StrTuple(ss []string) py.Tuple {
	t := make(py.Tuple, len(ss))
	for i, s := range ss {
		t[i] = py.String(s)
	}
	return t
}

func installFuncAttrs() {
	py.FunctionType.Dict[annotationsKey] = &py.Property{
		Fget: funcAnnotations,
		Fset: func(self, value py.Object) error {
			f := self.(*py.Function)
			if f.Dict == nil {
				f.Dict = py.NewStringDict()
			}
			f.Dict[annotationsKey] = value
			return nil
		},
		Fdel: func(self py.Object) error {
			delete(self.(*py.Function).Dict, annotationsKey)
			return nil
		},
	}
	d := py.CodeType.Dict
	d["co_argcount"] = codeAttr(func(c *py.Code) py.Object { return py.Int(c.Argcount) })
	d["co_posonlyargcount"] = codeAttr(func(c *py.Code) py.Object {
		if def := defOf(c); def != nil {
			return py.Int(len(def.Posonly))
		}
		return py.Int(0)
	})
	d["co_kwonlyargcount"] = codeAttr(func(c *py.Code) py.Object { return py.Int(c.Kwonlyargcount) })
	d["co_nlocals"] = codeAttr(func(c *py.Code) py.Object { return py.Int(c.Nlocals) })
	d["co_stacksize"] = codeAttr(func(c *py.Code) py.Object { return py.Int(c.Stacksize) })
	d["co_flags"] = codeAttr(func(c *py.Code) py.Object { return py.Int(c.Flags) })
	d["co_varnames"] = codeAttr(func(c *py.Code) py.Object { return StrTuple(c.Varnames) })
	d["co_cellvars"] = codeAttr(func(c *py.Code) py.Object { return StrTuple(c.Cellvars) })
	d["co_freevars"] = codeAttr(func(c *py.Code) py.Object { return StrTuple(c.Freevars) })
	d["co_names"] = codeAttr(func(c *py.Code) py.Object {
		var names []string
		for _, n := range c.Names {
			if !strings.HasPrefix(n, "__pypool_") && !strings.HasPrefix(n, "__pp_") {
				names = append(names, n)
			}
		}
		return StrTuple(names)
	})
	d["co_consts"] = codeAttr(func(c *py.Code) py.Object { return c.Consts })
	d["co_filename"] = codeAttr(func(c *py.Code) py.Object { return py.String(c.Filename) })
	d["co_name"] = codeAttr(func(c *py.Code) py.Object { return py.String(c.Name) })
	d["co_firstlineno"] = codeAttr(func(c *py.Code) py.Object { return py.Int(c.Firstlineno) })
	d["co_code"] = codeAttr(func(c *py.Code) py.Object { return py.Bytes(c.Code) })
}

func init() { pyrt.OnInstall(pyrt.InstallExtras, "func_attrs", installFuncAttrs) }

func init() {
	pyrt.OnCompile("10-defs", func(code *py.Code, rc *source.Ctx) error { noteDefs(code, rc.Defs); return nil })
}
