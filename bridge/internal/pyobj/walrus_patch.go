package pyobj

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/bytecode"
	"github.com/pypool/pypool/bridge/internal/source"
)

// The compile-side half of the walrus (see rewrite_walrus.go): each LOAD_ATTR
// of a __pp_wal__ name becomes a jump to a stub that stores the value in the
// scope CPython binds the name in.

// comprehensionNames are the code names of comprehensions and generator
// expressions, whose walrus targets bind in the enclosing scope.
var comprehensionNames = map[string]bool{"<listcomp>": true, "<setcomp>": true, "<dictcomp>": true, "<genexpr>": true}

// patchWalrus applies the walrus stubs to code and the code nested in it;
// inFunc tells whether code is (nested) inside a function.
func patchWalrus(code *py.Code, inFunc bool) error {
	isFunc := code.Flags&py.CO_OPTIMIZED != 0
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			if err := patchWalrus(sub, inFunc || isFunc && !comprehensionNames[code.Name]); err != nil {
				return err
			}
		}
	}
	if !strings.Contains(strings.Join(code.Names, "\x00"), source.WalrusAttr) {
		return nil
	}
	type site struct {
		off, op, idx int
	}
	var sites []site
	for _, in := range bytecode.Decode(code.Code) {
		if in.Op != bytecode.LOAD_ATTR || in.Size != 3 || in.Arg >= len(code.Names) || !strings.HasPrefix(code.Names[in.Arg], source.WalrusAttr) {
			continue
		}
		name := strings.TrimPrefix(code.Names[in.Arg], source.WalrusAttr)
		op, idx, err := walrusStore(code, name, inFunc)
		if err != nil {
			return syntaxError(err.Error(), code.Filename, int(code.Addr2Line(int32(in.Off))), "")
		}
		sites = append(sites, site{in.Off, int(op), idx})
	}
	buf := []byte(code.Code)
	var lines []bytecode.StubLine
	for _, st := range sites {
		s := len(buf)
		buf = append(buf, bytecode.DUP_TOP)
		buf = bytecode.Emit3(buf, byte(st.op), st.idx)
		buf = bytecode.Emit3(buf, bytecode.JUMP_ABSOLUTE, st.off+3)
		lines = append(lines, bytecode.StubLine{From: s, To: len(buf), Line: code.Addr2Line(int32(st.off))})
		buf[st.off] = bytecode.JUMP_ABSOLUTE
		buf[st.off+1], buf[st.off+2] = byte(s), byte(s>>8)
	}
	if len(lines) == 0 {
		return nil
	}
	if len(buf) > 0xffff {
		return py.ExceptionNewf(py.SystemError, "pypool: code object too large for assignment expressions")
	}
	bytecode.InstallStubs(code, buf, 1, lines)
	return nil
}

// walrusStore picks the store instruction for target name in code.
func walrusStore(code *py.Code, name string, inFunc bool) (byte, int, error) {
	nameIdx := func() int {
		for i, n := range code.Names {
			if n == name {
				return i
			}
		}
		code.Names = append(code.Names, name)
		return len(code.Names) - 1
	}
	if code.Flags&py.CO_OPTIMIZED == 0 {
		return bytecode.STORE_NAME, nameIdx(), nil
	}
	for i, n := range code.Cellvars {
		if n == name {
			return bytecode.STORE_DEREF, i, nil
		}
	}
	for i, n := range code.Freevars {
		if n == name {
			return bytecode.STORE_DEREF, len(code.Cellvars) + i, nil
		}
	}
	if comprehensionNames[code.Name] {
		if inFunc {
			return 0, 0, fmt.Errorf("pypool: an assignment expression inside a comprehension in a function is not supported (gpython cannot bind %s in the function's frame)", name)
		}
		return bytecode.STORE_GLOBAL, nameIdx(), nil
	}
	for i, n := range code.Varnames {
		if n == name {
			return bytecode.STORE_FAST, i, nil
		}
	}
	// Only assigned by walrus: make it a local, and its loads local.
	idx := len(code.Varnames)
	code.Varnames = append(code.Varnames, name)
	code.Nlocals++
	buf := []byte(code.Code)
	for _, in := range bytecode.Decode(code.Code) {
		if in.Op == bytecode.LOAD_GLOBAL && in.Size == 3 && in.Arg < len(code.Names) && code.Names[in.Arg] == name {
			buf[in.Off] = bytecode.LOAD_FAST
			buf[in.Off+1], buf[in.Off+2] = byte(idx), byte(idx>>8)
		}
	}
	code.Code = string(buf)
	return bytecode.STORE_FAST, idx, nil
}

func init() {
	OnCompile("20-walrus", func(code *py.Code, _ *source.Ctx) error { return patchWalrus(code, false) })
}
