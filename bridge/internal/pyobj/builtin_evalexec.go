package pyobj

// eval/exec with the project's dict. gpython's eval/exec take only its own
// StringDict as globals/locals, but `{}` is the project's *Dict. They are
// "internal" builtins that the VM runs with the calling frame (for the
// default globals/locals), so they cannot simply be replaced: a rewrite pass
// turns each direct call `eval(` / `exec(` into
// `__pp_evalexec__(eval, globals(), locals())(`, which hands the caller's
// namespaces to the project's eval/exec (or returns the name's value
// unchanged when the program rebound eval/exec).
//
// A *Dict namespace is mirrored by a StringDict (kept per dict, so functions
// an exec defines keep seeing later changes made by another exec into the
// same dict): synced from the dict before the code runs, and copied back
// after it (new names in the order the code first uses them).

import (
	"sort"
	"strings"
	"sync"
	"weak"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/source"
	"github.com/pypool/pypool/bridge/pyrt"
)

const evalExecHelper = "__pp_evalexec__"

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_evalexec", func() {
		SetBuiltin(evalExecHelper, py.MustNewMethod(evalExecHelper, ppEvalExec, 0, ""))
	})
}

// rewriteEvalExec marks direct calls of eval and exec (see the file comment).
func rewriteEvalExec(_ *source.Ctx, toks []source.Token) ([]source.Token, error) {
	for i := range toks {
		t := &toks[i]
		if t.Kind != source.TkName || t.Text != "eval" && t.Text != "exec" {
			continue
		}
		if i+1 >= len(toks) || toks[i+1].Kind != source.TkOp || toks[i+1].Text != "(" {
			continue
		}
		if i > 0 {
			p := toks[i-1]
			if p.Kind == source.TkOp && p.Text == "." || p.Kind == source.TkName && (p.Text == "def" || p.Text == "class") {
				continue
			}
		}
		t.Text = evalExecHelper + "(" + t.Text + ", globals(), locals())"
	}
	return toks, nil
}

// ppEvalExec is __pp_evalexec__(fn, globals, locals).
func ppEvalExec(self py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 3 {
		return nil, py.ExceptionNewf(py.SystemError, "%s: bad arguments", evalExecHelper)
	}
	m, ok := args[0].(*py.Method)
	if !ok {
		return args[0], nil
	}
	var mode py.CompileMode
	switch m.Internal() {
	case py.InternalMethodEval:
		mode = py.EvalMode
	case py.InternalMethodExec:
		mode = py.ExecMode
	default:
		return args[0], nil
	}
	ctx := pyrt.CtxOf(self)
	curG, _ := args[1].(py.StringDict)
	curL, _ := args[2].(py.StringDict)
	if ctx == nil || curG == nil {
		return args[0], nil
	}
	return py.MustNewMethod(string(mode), func(_ py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return evalOrExec(ctx, mode, args, kw, curG, curL)
	}, 0, ""), nil
}

var (
	evalSig = pyrt.MustSig("eval", "source, globals=None, locals=None, /")
	execSig = pyrt.MustSig("exec", "source, globals=None, locals=None, /, *, closure=None")
)

func evalOrExec(ctx py.Context, mode py.CompileMode, args py.Tuple, kw py.StringDict, curG, curL py.StringDict) (py.Object, error) {
	sig := evalSig
	if mode == py.ExecMode {
		sig = execSig
	}
	a, err := sig.Parse(args, kw)
	if err != nil {
		return nil, err
	}
	if mode == py.ExecMode && a.Get("closure") != py.None {
		return nil, py.ExceptionNewf(py.NotImplementedError, "exec(closure=...) is not supported by pypool")
	}
	gObj, lObj := a.Get("globals"), a.Get("locals")
	var g, l py.StringDict
	var gDict, lDict *Dict
	switch x := gObj.(type) {
	case py.NoneType:
		g = curG
		if lObj == py.None {
			l = curL
			if l == nil {
				l = g
			}
		}
	case py.StringDict:
		g = x
	case *Dict:
		gDict = x
		g = mirrorOf(x)
	default:
		if mode == py.ExecMode {
			return nil, py.ExceptionNewf(py.TypeError, "exec() globals must be a dict, not %s", pyrt.TypeName(x))
		}
		_, isMap := x.(py.I__getitem__)
		if _, ok, _ := pyrt.TypeLookup(x, "__getitem__"); ok || isMap {
			return nil, py.ExceptionNewf(py.TypeError, "globals must be a real dict; try eval(expr, {}, mapping)")
		}
		return nil, py.ExceptionNewf(py.TypeError, "globals must be a dict")
	}
	switch x := lObj.(type) {
	case py.NoneType:
		if l == nil {
			l, lDict = g, gDict
		}
	case py.StringDict:
		l = x
	case *Dict:
		lDict = x
		if x == gDict {
			l = g
		} else {
			l = mirrorOf(x)
		}
	default:
		return nil, py.ExceptionNewf(py.TypeError, "locals must be a mapping")
	}
	if _, ok := g["__builtins__"]; !ok {
		g["__builtins__"] = ctx.Store().Builtins.Globals
	}
	var code *py.Code
	switch x := a.Get("source").(type) {
	case *py.Code:
		code = x
	case py.String, py.Bytes, Bytes, *ByteArray:
		src := ""
		if s, ok := x.(py.String); ok {
			src = string(s)
		} else {
			b, _ := BytesLike(x)
			src = string(b)
		}
		if mode == py.EvalMode {
			src = strings.TrimLeft(src, " \t")
		}
		code, err = py.Compile(src, "<string>", mode, 0, true)
		if err != nil {
			return nil, err
		}
	default:
		return nil, py.ExceptionNewf(py.TypeError, "%s() arg 1 must be a string, bytes or code object", mode)
	}
	if code.GetNumFree() > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "code object passed to %s() may not contain free variables", mode)
	}
	res, err := ctx.RunCode(code, g, l, nil)
	if gDict != nil {
		if cerr := copyBack(gDict, g, code); cerr != nil && err == nil {
			err = cerr
		}
	}
	if lDict != nil && lDict != gDict {
		if cerr := copyBack(lDict, l, code); cerr != nil && err == nil {
			err = cerr
		}
	}
	if err != nil {
		return nil, err
	}
	if mode == py.ExecMode {
		return py.None, nil
	}
	return res, nil
}

var (
	mirrorMu   sync.Mutex
	mirrors    = map[weak.Pointer[Dict]]py.StringDict{}
	mirrorsMax = 64
)

// mirrorOf returns the StringDict that stands for d while code runs in it,
// synced with d's string keys.
func mirrorOf(d *Dict) py.StringDict {
	key := weak.Make(d)
	mirrorMu.Lock()
	sd, ok := mirrors[key]
	if !ok {
		sd = py.NewStringDict()
		if len(mirrors) >= mirrorsMax {
			for k := range mirrors {
				if k.Value() == nil {
					delete(mirrors, k)
				}
			}
			mirrorsMax = 2*len(mirrors) + 64
		}
		mirrors[key] = sd
	}
	mirrorMu.Unlock()
	keep := make(map[string]bool, d.Len())
	d.Range(func(k, v py.Object) bool {
		if s, ok := k.(py.String); ok {
			sd[string(s)] = v
			keep[string(s)] = true
		}
		return true
	})
	for k := range sd {
		if !keep[k] {
			delete(sd, k)
		}
	}
	return sd
}

// copyBack makes d hold sd's names after code ran: values updated in place,
// deleted names removed, new names appended (__builtins__ first, then in
// the order code first names them, then alphabetically).
func copyBack(d *Dict, sd py.StringDict, code *py.Code) error {
	for _, k := range d.Keys() {
		s, ok := k.(py.String)
		if !ok {
			continue
		}
		if v, ok := sd[string(s)]; ok {
			if err := d.Set(k, v); err != nil {
				return err
			}
		} else if _, err := d.Delete(k); err != nil {
			return err
		}
	}
	var fresh []string
	for k := range sd {
		if _, ok, _ := d.Get(py.String(k)); !ok {
			fresh = append(fresh, k)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	rank := map[string]int{"__builtins__": -1}
	for i, n := range code.Names {
		if _, ok := rank[n]; !ok {
			rank[n] = i
		}
	}
	sort.Slice(fresh, func(i, j int) bool {
		ri, oki := rank[fresh[i]]
		rj, okj := rank[fresh[j]]
		switch {
		case oki && okj:
			return ri < rj
		case oki != okj:
			return oki
		}
		return fresh[i] < fresh[j]
	})
	for _, k := range fresh {
		if err := d.Set(py.String(k), sd[k]); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	source.Register("eval-exec", 60, source.ContainsAny("eval", "exec"), rewriteEvalExec)
}
