package bytecode

// Closure variable indexes. gpython's compiler emits a free variable's index
// within Code.Freevars, but its VM (like CPython's) reads cells and free
// variables from one array, cells first: in a code object that owns cells
// and also has free variables (a comprehension nested in a comprehension, a
// decorator factory) a free variable would read a cell. fixDerefs recomputes
// every index from the code object's own Cellvars and Freevars:
//
//   - LOAD_CLOSURE before MAKE_CLOSURE: the i-th one loads the new
//     function's i-th free variable, whose name says where it lives;
//   - LOAD_DEREF/STORE_DEREF/DELETE_DEREF/LOAD_CLASSDEREF i: a cell when
//     i is past the free variables, a free variable when i is past the
//     cells; when both Cellvars[i] and Freevars[i] exist the instruction
//     alone cannot tell, and a probe compile decides.
//
// The probe is the same source with every reference to a free variable (as
// gpython's own symtable resolves it, scope by scope) renamed to a global
// named probePrefix+name, and nonlocal statements made global statements.
// gpython compiles it to the same instructions at the same places, except
// that the renamed references load globals (whose names give the free
// variable) and the cells nothing captures any more are plain locals;
// closures that no longer capture anything become plain functions, which
// the alignment steps over. No code object of the probe owns both cells and
// free variables, so its indexes are exact.

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/symtable"
)

// CompileFunc is py.Compile's signature.
type CompileFunc func(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error)

// FixDerefs repairs code, compiled by compile from src, and the code nested
// in it. It compiles a probe of src only when some instruction is ambiguous.
func FixDerefs(code *py.Code, compile CompileFunc, src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) error {
	var probe *py.Code
	prefix := ""
	if hasAmbiguousDeref(code) {
		var psrc string
		var err error
		psrc, prefix, err = probeSource(src, srcDesc, mode)
		if err != nil {
			return derefError(code, srcDesc, err.Error())
		}
		if probe, err = compile(psrc, srcDesc, mode, flags, dontInherit); err != nil {
			return derefError(code, srcDesc, "probe compile: "+err.Error())
		}
	}
	return fixCodeDerefs(code, probe, prefix, srcDesc)
}

func derefError(code *py.Code, srcDesc, why string) error {
	return py.ExceptionNewf(py.SystemError, "pypool: cannot place the closure variables of %s in %s: %s", code.Name, srcDesc, why)
}

func isDerefOp(op byte) bool {
	return op == LOAD_DEREF || op == STORE_DEREF || op == DELETE_DEREF || op == LOAD_CLASSDEREF
}

// hasAmbiguousDeref reports whether code or the code nested in it holds a
// deref instruction whose index names both a cell and a free variable.
func hasAmbiguousDeref(code *py.Code) bool {
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok && hasAmbiguousDeref(sub) {
			return true
		}
	}
	n := min(len(code.Cellvars), len(code.Freevars))
	if n == 0 {
		return false
	}
	for _, in := range Decode(code.Code) {
		if isDerefOp(in.Op) && in.Arg < n {
			return true
		}
	}
	return false
}

// fixCodeDerefs repairs code; probe is its probe twin, nil when no
// instruction is ambiguous.
func fixCodeDerefs(code, probe *py.Code, prefix, srcDesc string) error {
	if probe != nil && len(probe.Consts) != len(code.Consts) {
		return derefError(code, srcDesc, "probe differs in constants")
	}
	for i, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			var psub *py.Code
			if probe != nil {
				if psub, ok = probe.Consts[i].(*py.Code); !ok {
					return derefError(code, srcDesc, "probe differs in nested code")
				}
			}
			if err := fixCodeDerefs(sub, psub, prefix, srcDesc); err != nil {
				return err
			}
		}
	}
	nc, nf := len(code.Cellvars), len(code.Freevars)
	if nc == 0 || nf == 0 {
		return nil
	}
	index := func(name string) int {
		for i, n := range code.Cellvars {
			if n == name {
				return i
			}
		}
		for i, n := range code.Freevars {
			if n == name {
				return nc + i
			}
		}
		return -1
	}
	insns := Decode(code.Code)
	var twin map[int]Insn // instruction index -> probe instruction
	buf := []byte(code.Code)
	set := func(in Insn, arg int) error {
		if arg < 0 || arg >= nc+nf {
			return derefError(code, srcDesc, fmt.Sprintf("no closure variable for opcode %d at %d", in.Op, in.Off))
		}
		if in.Size != 3 || arg >= 0x10000 {
			return derefError(code, srcDesc, "closure index too large")
		}
		buf[in.Off+1], buf[in.Off+2] = byte(arg), byte(arg>>8)
		return nil
	}
	for k := 0; k < len(insns); k++ {
		in := insns[k]
		switch {
		case in.Op == LOAD_CLOSURE:
			end := k
			for end < len(insns) && insns[end].Op == LOAD_CLOSURE {
				end++
			}
			if end+1 < len(insns) && insns[end].Op == BUILD_TUPLE && insns[end+1].Op == LOAD_CONST && insns[end+1].Arg < len(code.Consts) {
				inner, ok := code.Consts[insns[end+1].Arg].(*py.Code)
				if !ok || len(inner.Freevars) != end-k {
					return derefError(code, srcDesc, "closure tuple does not match its code")
				}
				for j := k; j < end; j++ {
					if err := set(insns[j], index(inner.Freevars[j-k])); err != nil {
						return err
					}
				}
			} else if end != k+1 || in.Arg != 0 || code.Cellvars[0] != "__class__" {
				// The only other LOAD_CLOSURE gpython emits returns a
				// class body's __class__ cell, always cell 0.
				return derefError(code, srcDesc, "LOAD_CLOSURE outside a closure")
			}
			k = end - 1
		case isDerefOp(in.Op):
			i := in.Arg
			switch {
			case i >= nc:
				if err := set(in, nc+i); err != nil {
					return err
				}
			case i >= nf:
				// a cell, already right
			default:
				if probe == nil {
					return derefError(code, srcDesc, "ambiguous index without a probe")
				}
				if twin == nil {
					var err error
					if twin, err = alignProbe(insns, Decode(probe.Code)); err != nil {
						return derefError(code, srcDesc, err.Error())
					}
				}
				name, free, err := probeRef(probe, twin[k], prefix)
				if err != nil {
					return derefError(code, srcDesc, err.Error())
				}
				switch {
				case free && code.Freevars[i] == name:
					if err := set(in, nc+i); err != nil {
						return err
					}
				case !free && code.Cellvars[i] == name:
				default:
					return derefError(code, srcDesc, fmt.Sprintf("probe names %q for index %d", name, i))
				}
			}
		}
	}
	code.Code = string(buf)
	return nil
}

// skipClosureTuple steps over a LOAD_CLOSURE run and the BUILD_TUPLE that
// packs it.
func skipClosureTuple(insns []Insn, i int) int {
	start := i
	for i < len(insns) && insns[i].Op == LOAD_CLOSURE {
		i++
	}
	if i > start && i < len(insns) && insns[i].Op == BUILD_TUPLE {
		i++
	}
	return i
}

// nameOps are the opcodes a renamed free variable or an uncaptured cell
// compiles to in the probe.
var nameOps = map[byte]bool{
	LOAD_GLOBAL: true, STORE_GLOBAL: true, DELETE_GLOBAL: true,
	LOAD_NAME: true, STORE_NAME: true, DELETE_NAME: true,
	LOAD_FAST: true, STORE_FAST: true, DELETE_FAST: true,
	LOAD_DEREF: true, STORE_DEREF: true, DELETE_DEREF: true, LOAD_CLASSDEREF: true,
}

// alignProbe pairs each instruction of code with its probe twin.
func alignProbe(code, probe []Insn) (map[int]Insn, error) {
	twin := make(map[int]Insn, len(code))
	i, j := 0, 0
	for {
		i, j = skipClosureTuple(code, i), skipClosureTuple(probe, j)
		if i == len(code) || j == len(probe) {
			break
		}
		o, p := code[i], probe[j]
		ok := o.Op == p.Op || isDerefOp(o.Op) && nameOps[p.Op] || o.Op == MAKE_CLOSURE && p.Op == MAKE_FUNCTION
		if !ok || o.Size != p.Size {
			return nil, fmt.Errorf("probe differs at offset %d (opcode %d, probe %d)", o.Off, o.Op, p.Op)
		}
		twin[i] = p
		i, j = i+1, j+1
	}
	if i != len(code) || j != len(probe) {
		return nil, fmt.Errorf("probe differs in length")
	}
	return twin, nil
}

// probeRef says which variable probe instruction p refers to: a free
// variable (renamed to a global) or a cell (a plain local in the probe, or
// still a cell when something captures it).
func probeRef(probe *py.Code, p Insn, prefix string) (name string, free bool, err error) {
	at := func(list []string, i int) (string, error) {
		if i < 0 || i >= len(list) {
			return "", fmt.Errorf("probe index %d out of range", i)
		}
		return list[i], nil
	}
	switch p.Op {
	case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME:
		n, err := at(probe.Names, p.Arg)
		if err != nil {
			return "", false, err
		}
		if !strings.HasPrefix(n, prefix) {
			return "", false, fmt.Errorf("probe loads %q", n)
		}
		return n[len(prefix):], true, nil
	case LOAD_FAST, STORE_FAST, DELETE_FAST:
		n, err := at(probe.Varnames, p.Arg)
		return n, false, err
	case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLASSDEREF:
		// Only __class__ is still captured in the probe; with cells or
		// free variables alone the index is exact.
		nc, nf := len(probe.Cellvars), len(probe.Freevars)
		switch {
		case nc > 0 && nf > 0:
			return "", false, fmt.Errorf("probe still ambiguous")
		case nc > 0:
			n, err := at(probe.Cellvars, p.Arg)
			return n, false, err
		default:
			n, err := at(probe.Freevars, p.Arg)
			return n, true, err
		}
	}
	return "", false, fmt.Errorf("probe opcode %d", p.Op)
}

// probePrefix starts the global names free variables get in the probe;
// probeSource lengthens it until the source holds no such text.
const probePrefix = "__pypool_free__"

// srcEdit replaces src[off:off+len(old)] with new.
type srcEdit struct {
	off      int
	old, new string
}

// probeSource renames, in src, every reference to a free variable as
// gpython's symtable resolves it (except __class__, which super() reaches
// implicitly), and makes nonlocal statements global.
func probeSource(src, srcDesc string, mode py.CompileMode) (probe, prefix string, err error) {
	prefix = probePrefix
	for strings.Contains(src, prefix) {
		prefix += "_"
	}
	tree, err := parser.Parse(strings.NewReader(src), srcDesc, mode)
	if err != nil {
		return "", "", err
	}
	st, err := symtable.NewSymTable(tree, srcDesc)
	if err != nil {
		return "", "", err
	}
	p := &prober{src: src, prefix: prefix, lineStart: []int{0, 0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			p.lineStart = append(p.lineStart, i+1)
		}
	}
	p.walk(tree, st)
	if p.err != nil {
		return "", "", p.err
	}
	sort.Slice(p.edits, func(a, b int) bool { return p.edits[a].off < p.edits[b].off })
	var out strings.Builder
	out.Grow(len(src) + len(p.edits)*len(prefix))
	at := 0
	for _, e := range p.edits {
		if e.off < at {
			return "", "", fmt.Errorf("overlapping renames at offset %d", e.off)
		}
		out.WriteString(src[at:e.off])
		out.WriteString(e.new)
		at = e.off + len(e.old)
	}
	out.WriteString(src[at:])
	return out.String(), prefix, nil
}

type prober struct {
	src       string
	prefix    string // of the renamed free variables
	lineStart []int  // lineStart[n]: offset of line n (1-based)
	edits     []srcEdit
	err       error
}

func (p *prober) fail(pos ast.Ast, format string, a ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("line %d: %s", pos.GetLineno(), fmt.Sprintf(format, a...))
	}
}

// offset is the source offset of node's position.
func (p *prober) offset(node ast.Ast) int {
	l := node.GetLineno()
	if l < 1 || l >= len(p.lineStart) {
		return -1
	}
	return p.lineStart[l] + node.GetColOffset()
}

func isFree(st *symtable.SymTable, name ast.Identifier) bool {
	return name != "__class__" && st.GetScope(string(name)) == symtable.ScopeFree
}

// rename renames the identifier name found at off.
func (p *prober) rename(node ast.Ast, off int, name ast.Identifier) {
	n := string(name)
	if off < 0 || off+len(n) > len(p.src) || p.src[off:off+len(n)] != n ||
		off > 0 && isIdentByte(p.src[off-1]) || off+len(n) < len(p.src) && isIdentByte(p.src[off+len(n)]) {
		p.fail(node, "%s not found where the parser put it", n)
		return
	}
	p.edits = append(p.edits, srcEdit{off: off, old: n, new: p.prefix + n})
}

// renameAfter renames the first match of re (whose group 1 is the name)
// from node's position on: a def, class, except or import binding a
// nonlocal name.
func (p *prober) renameAfter(node ast.Ast, re string, name ast.Identifier) {
	from := p.offset(node)
	if from < 0 {
		p.fail(node, "no position for %s", name)
		return
	}
	m := regexp.MustCompile(re + `(` + regexp.QuoteMeta(string(name)) + `)\b`).FindStringSubmatchIndex(p.src[from:])
	if m == nil {
		p.fail(node, "binding of %s not found", name)
		return
	}
	p.rename(node, from+m[2], name)
}

// nonlocal turns `nonlocal a, b` into `global <a>, <b>` (renamed).
func (p *prober) nonlocal(node *ast.Nonlocal) {
	off := p.offset(node)
	const kw = "nonlocal"
	if off < 0 || !strings.HasPrefix(p.src[off:], kw) {
		p.fail(node, "nonlocal statement not found")
		return
	}
	p.edits = append(p.edits, srcEdit{off: off, old: kw, new: "global"})
	i := off + len(kw)
	for _, name := range node.Names {
		for i < len(p.src) && strings.IndexByte(" \t,\\\r\n", p.src[i]) >= 0 {
			i++
		}
		p.rename(node, i, name)
		i += len(name)
	}
}

// walk visits node in scope st, as symtable.Parse attributes nodes to
// scopes.
func (p *prober) walk(node ast.Ast, st *symtable.SymTable) {
	if node == nil {
		return
	}
	ast.Walk(node, func(a ast.Ast) bool {
		switch n := a.(type) {
		case *ast.Name:
			if isFree(st, n.Id) {
				p.rename(n, p.offset(n), n.Id)
			}
		case *ast.Nonlocal:
			p.nonlocal(n)
		case *ast.ExceptHandler:
			if n.Name != "" && isFree(st, n.Name) {
				p.renameAfter(n, `\bas\s+`, n.Name)
			}
		case *ast.Import:
			p.aliases(n, n.Names, st)
		case *ast.ImportFrom:
			p.aliases(n, n.Names, st)
		case *ast.FunctionDef:
			if isFree(st, n.Name) {
				p.renameAfter(n, `\bdef\s+`, n.Name)
			}
			if n.Args != nil {
				p.walk(n.Args, st)
			}
			for _, d := range n.DecoratorList {
				p.walk(d, st)
			}
			if n.Returns != nil {
				p.walk(n.Returns, st)
			}
			child := p.child(st, n)
			for _, s := range n.Body {
				p.walk(s, child)
			}
			return false
		case *ast.ClassDef:
			if isFree(st, n.Name) {
				p.renameAfter(n, `\bclass\s+`, n.Name)
			}
			for _, b := range n.Bases {
				p.walk(b, st)
			}
			for _, k := range n.Keywords {
				p.walk(k, st)
			}
			if n.Starargs != nil {
				p.walk(n.Starargs, st)
			}
			if n.Kwargs != nil {
				p.walk(n.Kwargs, st)
			}
			for _, d := range n.DecoratorList {
				p.walk(d, st)
			}
			child := p.child(st, n)
			for _, s := range n.Body {
				p.walk(s, child)
			}
			return false
		case *ast.Lambda:
			if n.Args != nil {
				p.walk(n.Args, st)
			}
			p.walk(n.Body, p.child(st, n))
			return false
		case *ast.ListComp:
			p.comprehension(n, st, n.Generators, n.Elt, nil)
			return false
		case *ast.SetComp:
			p.comprehension(n, st, n.Generators, n.Elt, nil)
			return false
		case *ast.DictComp:
			p.comprehension(n, st, n.Generators, n.Key, n.Value)
			return false
		case *ast.GeneratorExp:
			p.comprehension(n, st, n.Generators, n.Elt, nil)
			return false
		}
		return true
	})
}

func (p *prober) child(st *symtable.SymTable, node ast.Ast) *symtable.SymTable {
	if c := st.FindChild(node); c != nil {
		return c
	}
	p.fail(node, "no symbol table for a nested scope")
	return st
}

// comprehension mirrors symtable's parseComprehension: the outermost
// iterable belongs to the enclosing scope, the rest to the comprehension's.
func (p *prober) comprehension(node ast.Ast, st *symtable.SymTable, gens []ast.Comprehension, elt, value ast.Expr) {
	if len(gens) == 0 {
		p.fail(node, "comprehension without generators")
		return
	}
	p.walk(gens[0].Iter, st)
	child := p.child(st, node)
	p.walk(gens[0].Target, child)
	for _, e := range gens[0].Ifs {
		p.walk(e, child)
	}
	for _, g := range gens[1:] {
		p.walk(g.Target, child)
		p.walk(g.Iter, child)
		for _, e := range g.Ifs {
			p.walk(e, child)
		}
	}
	if value != nil {
		p.walk(value, child)
	}
	p.walk(elt, child)
}

// aliases renames the names an import statement binds to free variables.
func (p *prober) aliases(stmt ast.Ast, names []*ast.Alias, st *symtable.SymTable) {
	for _, a := range names {
		if a.AsName != "" {
			if isFree(st, a.AsName) {
				p.renameAfter(stmt, `\bas\s+`, a.AsName)
			}
			continue
		}
		bound := a.Name
		if dot := strings.IndexByte(string(bound), '.'); dot >= 0 {
			bound = bound[:dot]
		}
		if isFree(st, bound) {
			p.renameAfter(stmt, `\bimport\s*\(?\s*(?:[\w.]+(?:\s+as\s+\w+)?\s*,\s*)*`, bound)
		}
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
