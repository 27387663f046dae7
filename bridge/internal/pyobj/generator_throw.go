package pyobj

// generator.throw() and generator.close(), which gpython v0.2.0 leaves as
// NotImplementedError (contextlib.contextmanager needs both).
//
// The compile wrapper appends to every generator's code one small stub per
// yield point: `LOAD_GLOBAL __pypool_genthrow__; CALL_FUNCTION 0`. To throw
// into a suspended generator, its frame is resumed at the stub of the yield
// it is suspended at instead of after the yield; the builtin raises the
// exception being thrown, and gpython's own unwinding runs the generator's
// except/finally/with handlers, whose block stack the frame still holds.
// Appending keeps every original offset; tracebacks through a stub get the
// yield's line (forStubLines).

import (
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
	"github.com/pypool/pypool/bridge/pyrt"
)

const (
	genThrowName = "__pypool_genthrow__"
)

// genThrowStubs maps *py.Code → map[resume Lasti]stub offset.
var genThrowStubs sync.Map

// patchGenThrow adds the throw stubs to a generator's code.
func patchGenThrow(code *py.Code, ci *bytecode.Insns) {
	if code.Flags&py.CO_GENERATOR == 0 || !ci.Has(bytecode.YIELD_VALUE, opYieldFrom) {
		return
	}
	insns := ci.Get()
	buf := []byte(code.Code)
	stubs := map[int32]int32{}
	var lines []bytecode.StubLine
	nameIdx := len(code.Names)
	for _, in := range insns {
		var resume int
		switch in.Op {
		case bytecode.YIELD_VALUE:
			resume = in.Off + 1
		case opYieldFrom:
			resume = in.Off // YIELD_FROM re-runs itself on resume
		default:
			continue
		}
		s := len(buf)
		buf = bytecode.Emit3(buf, bytecode.LOAD_GLOBAL, nameIdx)
		buf = bytecode.Emit3(buf, bytecode.CALL_FUNCTION, 0)
		stubs[int32(resume)] = int32(s)
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: code.Addr2Line(int32(in.Off))})
	}
	if len(stubs) == 0 || len(buf) > 0xffff {
		return
	}
	code.Names = append(code.Names, genThrowName)
	bytecode.InstallStubs(code, buf, 1, lines)
	genThrowStubs.Store(code, stubs)
}

// pendingThrows holds the exception each thread is throwing into a
// generator, until the stub raises it (keyed by *Thread, or by context
// without an Interp).
var pendingThrows sync.Map

func throwKey(ctx py.Context) any {
	if in := pyrt.InterpOf(ctx); in != nil {
		if t := in.CurrentThread(); t != nil {
			return t
		}
	}
	return ctx
}

// genThrowBuiltin is __pypool_genthrow__(): raise the pending exception.
func genThrowBuiltin(self py.Object, args py.Tuple) (py.Object, error) {
	key := throwKey(pyrt.CtxOf(self))
	v, ok := pendingThrows.LoadAndDelete(key)
	if !ok {
		return nil, py.ExceptionNewf(py.SystemError, "%s called with no exception pending", genThrowName)
	}
	return nil, v.(error)
}

// throwException makes the exception of generator.throw(typ[, val[, tb]]).
func throwException(typ, val py.Object) (*py.Exception, error) {
	switch t := typ.(type) {
	case *py.Exception:
		if val != py.None {
			return nil, py.ExceptionNewf(py.TypeError, "instance exception may not have a separate value")
		}
		return t, nil
	case *py.Type:
		if t.IsSubtype(py.BaseException) {
			if e, ok := val.(*py.Exception); ok && e.Type().IsSubtype(t) {
				return e, nil
			}
			var cargs py.Tuple
			switch v := val.(type) {
			case py.Tuple:
				cargs = v
			default:
				if val != py.None {
					cargs = py.Tuple{val}
				}
			}
			obj, err := py.Call(t, cargs, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := obj.(*py.Exception); ok {
				return e, nil
			}
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "exceptions must be classes or instances deriving from BaseException, not %s", pyrt.TypeName(typ))
}

// finishGenerator marks g as exhausted: next() raises StopIteration.
func finishGenerator(g *py.Generator) {
	if g.Frame != nil {
		g.Frame.Yielded = false
		if g.Frame.Lasti == 0 {
			g.Frame.Lasti = 1
		}
	}
}

// genThrow throws exc into g where it is suspended.
func genThrow(ctx py.Context, g *py.Generator, exc *py.Exception) (py.Object, error) {
	if g.Running {
		return nil, py.ExceptionNewf(py.ValueError, "generator already executing")
	}
	f := g.Frame
	if f == nil || f.Lasti == 0 || !f.Yielded {
		// not started, or finished: the exception comes straight out
		finishGenerator(g)
		return nil, exc
	}
	v, ok := genThrowStubs.Load(f.Code)
	var stub int32
	if ok {
		stub, ok = v.(map[int32]int32)[f.Lasti]
	}
	if !ok {
		return nil, py.ExceptionNewf(py.NotImplementedError, "generator.throw() into %s: its code was not compiled by pypool", f.Code.Name)
	}
	if int(f.Lasti) < len(f.Code.Code) && f.Code.Code[f.Lasti] == opYieldFrom && len(f.Stack) > 0 {
		// delegate to the generator `yield from` is running
		if sub, ok := f.Stack[len(f.Stack)-1].(*py.Generator); ok {
			res, err := genThrow(ctx, sub, exc)
			if err == nil {
				return res, nil
			}
			if py.IsException(py.StopIteration, err) {
				return g.Send(py.None)
			}
			e, isExc := err.(*py.Exception)
			if !isExc {
				if info, ok := err.(py.ExceptionInfo); ok {
					e, isExc = info.Value.(*py.Exception)
				}
			}
			if !isExc {
				return nil, err
			}
			exc = e
		}
	}
	key := throwKey(f.Context)
	pendingThrows.Store(key, error(exc))
	f.Lasti = stub
	g.Running = true
	res, err := py.VmRunFrame(f)
	g.Running = false
	pendingThrows.Delete(key)
	if err != nil {
		finishGenerator(g)
		return nil, err
	}
	if f.Yielded {
		return res, nil
	}
	return nil, py.ExceptionNewf(py.StopIteration, "")
}

// genThrowMethod is generator.throw(typ[, val[, tb]]).
func genThrowMethod(self py.Object, a *pyrt.Args) (py.Object, error) {
	g := self.(*py.Generator)
	exc, err := throwException(a.Get("typ"), a.Get("val"))
	if err != nil {
		return nil, err
	}
	var ctx py.Context
	if g.Frame != nil {
		ctx = g.Frame.Context
	}
	return genThrow(ctx, g, exc)
}

// genCloseMethod is generator.close().
func genCloseMethod(self py.Object, _ *pyrt.Args) (py.Object, error) {
	g := self.(*py.Generator)
	f := g.Frame
	if f == nil || f.Lasti == 0 || !f.Yielded {
		finishGenerator(g)
		return py.None, nil
	}
	_, err := genThrow(f.Context, g, pyrt.NewException(py.GeneratorExit))
	if err == nil {
		return nil, py.ExceptionNewf(py.RuntimeError, "generator ignored GeneratorExit")
	}
	if py.IsException(py.GeneratorExit, err) || py.IsException(py.StopIteration, err) {
		return py.None, nil
	}
	return nil, err
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "generator_throw", func() {
		SetBuiltin(genThrowName, py.MustNewMethod(genThrowName, genThrowBuiltin, 0, ""))
		pyrt.Method(py.GeneratorType, "generator.throw", "$self, typ, val=None, tb=None, /", genThrowMethod)
		pyrt.Method(py.GeneratorType, "generator.close", "$self", genCloseMethod)
	})
}

func init() { pyrt.OnCodePatch("90-gen-throw", patchGenThrow) }
