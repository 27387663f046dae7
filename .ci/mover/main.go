// Command mover moves declarations (whole files, or named package-level
// declarations) from one Go package of a module to another and rewrites
// every reference: names that now cross the package boundary are exported
// and qualified, imports are added, and what would form an import cycle is
// reported as a blocker instead of being written.
//
//	mover -src bridge -dst bridge/internal/source -name source -files rewrite.go,rewrite_lexer.go -mode down
//	mover -src bridge -deps                       # file-level dependency table
//
// Run it from the module root. Build it, with the goimports it runs after
// writing, from this folder (a module of its own, so the project does not
// depend on golang.org/x/tools):
//
//	(cd .ci/mover && go build -o /tmp/mover . && go build -o /tmp/methfunc ./methfunc && GOBIN=/tmp go install golang.org/x/tools/cmd/goimports@v0.52.0)
//
// A method cannot live in another package than its type: turn such methods
// into functions first with ./methfunc (same module).
//
// Mode down: the source package will import the destination (the moved code
// must not use what stays). Mode up: the destination imports the source (what
// stays must not use the moved code).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"
)

var (
	srcDir   = flag.String("src", "", "source package directory, relative to the module root")
	dstDir   = flag.String("dst", "", "destination package directory")
	dstName  = flag.String("name", "", "destination package name (default: base of -dst)")
	files    = flag.String("files", "", "comma-separated file names (in -src) to move whole")
	declsF   = flag.String("decls", "", "comma-separated package-level names to move (types take their methods)")
	declFile = flag.String("declfile", "moved.go", "file in -dst that receives -decls")
	mode     = flag.String("mode", "down", "down: src imports dst; up: dst imports src")
	dryRun   = flag.Bool("n", false, "report only")
	deps     = flag.Bool("deps", false, "print the file dependency table of -src")
	force    = flag.Bool("force", false, "write even when there are blockers")
	renames  = flag.String("rename", "", "comma-separated old=New export names to use instead of the capitalised name")
)

type edit struct {
	start, end int
	text       string
}

type fileInfo struct {
	path  string
	pkg   *packages.Package
	ast   *ast.File
	tf    *token.File
	src   []byte
	edits []edit
	moved bool // a file of src that moves whole
	inSrc bool
	inDst bool
	needs map[string]string // import path -> name to add
}

var (
	fset     *token.FileSet
	modPath  string
	modRoot  string
	blockers []string
)

func block(format string, args ...any) { blockers = append(blockers, fmt.Sprintf(format, args...)) }

func main() {
	flag.Parse()
	root, _ := os.Getwd()
	modRoot = root
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports | packages.NeedModule, Tests: true, Dir: root}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if packages.PrintErrors(pkgs) > 0 {
		os.Exit(1)
	}
	fset = pkgs[0].Fset
	for _, p := range pkgs {
		if p.Module != nil {
			modPath = p.Module.Path
			break
		}
	}
	srcPath := modPath + "/" + filepath.ToSlash(*srcDir)
	dstPath := modPath + "/" + filepath.ToSlash(*dstDir)
	if *dstName == "" {
		*dstName = filepath.Base(*dstDir)
	}
	// One variant per file: prefer the package variant that holds most files (test variants).
	byFile := map[string]*fileInfo{}
	sort.Slice(pkgs, func(i, j int) bool { return len(pkgs[i].Syntax) > len(pkgs[j].Syntax) })
	var srcPkgs []*packages.Package
	for _, p := range pkgs {
		if p.PkgPath == srcPath {
			srcPkgs = append(srcPkgs, p)
		}
		for i, f := range p.Syntax {
			name := p.CompiledGoFiles[i]
			if _, ok := byFile[name]; ok {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				panic(err)
			}
			byFile[name] = &fileInfo{path: name, pkg: p, ast: f, tf: fset.File(f.Pos()), src: src,
				inSrc: p.PkgPath == srcPath, inDst: p.PkgPath == dstPath, needs: map[string]string{}}
		}
	}
	if len(srcPkgs) == 0 {
		fmt.Fprintln(os.Stderr, "no package", srcPath)
		os.Exit(1)
	}
	srcPkg := srcPkgs[0] // the variant with most files
	if *deps {
		printDeps(srcPkg, byFile)
		return
	}
	movedFiles := map[string]bool{}
	for _, f := range split(*files) {
		full := filepath.Join(root, *srcDir, f)
		fi, ok := byFile[full]
		if !ok || !fi.inSrc {
			fmt.Fprintln(os.Stderr, "not a file of src:", f)
			os.Exit(1)
		}
		fi.moved = true
		movedFiles[full] = true
	}
	scope := srcPkg.Types.Scope()
	// The moved objects.
	moved := map[types.Object]bool{}
	var cutDecls []cut
	for _, name := range scope.Names() {
		o := scope.Lookup(name)
		if movedFiles[fset.Position(o.Pos()).Filename] {
			moved[o] = true
		}
	}
	for _, name := range split(*declsF) {
		o := scope.Lookup(name)
		if o == nil {
			fmt.Fprintln(os.Stderr, "no package-level name", name)
			os.Exit(1)
		}
		moved[o] = true
	}
	// Methods follow their receiver type.
	methodsOf := map[types.Object][]*types.Func{}
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if nt, ok := tn.Type().(*types.Named); ok {
			for i := 0; i < nt.NumMethods(); i++ {
				methodsOf[tn] = append(methodsOf[tn], nt.Method(i))
			}
		}
	}
	movedMethod := map[types.Object]bool{}
	for tn, ms := range methodsOf {
		for _, m := range ms {
			mf := fset.Position(m.Pos()).Filename
			switch {
			case moved[tn] && !movedFiles[mf] && !isDeclMove(tn):
				block("method %s.%s (%s) stays but its type moves", tn.Name(), m.Name(), rel(mf))
			case !moved[tn] && movedFiles[mf]:
				block("method %s.%s (%s) moves but its type stays", tn.Name(), m.Name(), rel(mf))
			}
			if moved[tn] {
				movedMethod[m] = true
			}
		}
	}
	// Decls cut out of files that stay.
	for o := range moved {
		if movedFiles[fset.Position(o.Pos()).Filename] {
			continue
		}
		cutDecls = append(cutDecls, findDecl(byFile, o)...)
		for _, m := range methodsOf[o] {
			if !movedFiles[fset.Position(m.Pos()).Filename] {
				cutDecls = append(cutDecls, findDecl(byFile, m)...)
			}
		}
	}
	inCut := func(fi *fileInfo, off int) bool {
		for _, c := range cutDecls {
			if c.fi == fi && off >= c.start && off < c.end {
				return true
			}
		}
		return false
	}
	// side: where the code at a position ends up: 's' src, 'd' dst, 'o' elsewhere.
	side := func(fi *fileInfo, off int) byte {
		switch {
		case fi.inDst:
			return 'd'
		case fi.inSrc && (fi.moved || inCut(fi, off)):
			return 'd'
		case fi.inSrc:
			return 's'
		}
		return 'o'
	}
	objSide := func(o types.Object) byte {
		if o.Pkg() == nil {
			return 'o'
		}
		switch o.Pkg().Path() {
		case srcPath:
			if moved[o] || movedMethod[o] {
				return 'd'
			}
			fi := byFile[fset.Position(o.Pos()).Filename]
			if fi == nil {
				return 's'
			}
			return side(fi, fi.tf.Offset(o.Pos()))
		case dstPath:
			return 'd'
		}
		return 'o'
	}
	exportAs := map[types.Object]string{}
	for _, kv := range split(*renames) {
		old, nw, _ := strings.Cut(kv, "=")
		if o := scope.Lookup(old); o != nil {
			exportAs[o] = nw
		}
	}
	needExport := map[types.Object]bool{}
	// Pass 1: find the references that cross the boundary.
	type ref struct {
		fi    *fileInfo
		id    *ast.Ident
		obj   types.Object
		sel   *ast.SelectorExpr // a pkg.X qualified reference, when it is one
		useSd byte
	}
	var refs []ref
	for _, fi := range byFile {
		info := fi.pkg.TypesInfo
		quals := map[*ast.Ident]*ast.SelectorExpr{}
		ast.Inspect(fi.ast, func(n ast.Node) bool {
			if se, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := se.X.(*ast.Ident); ok {
					if _, ok := info.Uses[x].(*types.PkgName); ok {
						quals[se.Sel] = se
					}
				}
			}
			return true
		})
		visit := func(id *ast.Ident, o types.Object) {
			if o == nil || o.Pkg() == nil || fset.File(id.Pos()) != fi.tf {
				return
			}
			o = origin(o)
			if !isPkgLevel(o) && !isMember(o) {
				return
			}
			p := o.Pkg().Path()
			if p != srcPath && p != dstPath {
				return
			}
			off := fi.tf.Offset(id.Pos())
			refs = append(refs, ref{fi, id, o, quals[id], side(fi, off)})
		}
		for id, o := range info.Uses {
			visit(id, o)
		}
		for id, o := range info.Defs {
			if v, ok := o.(*types.Var); ok && v.IsField() && v.Embedded() {
				continue // named by its type: the type's own rename or qualification covers it
			}
			delete(quals, id)
			visit(id, o)
		}
	}
	for _, r := range refs {
		os := objSide(r.obj)
		if os == 'o' || r.useSd == os {
			continue
		}
		if r.useSd == 'o' && r.sel == nil {
			continue
		}
		// Crossing: the object must be exported (methods and fields too).
		if !r.obj.Exported() {
			needExport[r.obj] = true
		}
		// Direction check.
		if *mode == "down" && r.useSd == 'd' && os == 's' {
			block("moved code uses %s (%s), which stays: first at %s", r.obj.Name(), pos(r.obj.Pos()), pos(r.id.Pos()))
		}
		if *mode == "up" && r.useSd == 's' && os == 'd' {
			block("code that stays uses %s (%s), which moves: first at %s", r.obj.Name(), pos(r.obj.Pos()), pos(r.id.Pos()))
		}
	}
	// Exported names must not collide.
	dstScopeNames := map[string]bool{}
	for o := range moved {
		dstScopeNames[exportName(o, exportAs, needExport)] = true
	}
	for o := range needExport {
		nn := exportName(o, exportAs, needExport)
		if isPkgLevel(o) {
			var sc *types.Scope = scope
			if other := sc.Lookup(nn); other != nil && other != o {
				if objSide(other) == objSide(o) {
					block("exporting %s as %s collides with %s", o.Name(), nn, pos(other.Pos()))
				}
			}
			if objSide(o) == 'd' {
				// collisions with what already is in dst
				for _, fi := range byFile {
					if fi.inDst {
						if other := fi.pkg.Types.Scope().Lookup(nn); other != nil {
							block("exporting %s as %s collides in dst with %s", o.Name(), nn, pos(other.Pos()))
						}
						break
					}
				}
			}
		} else if fn, ok := o.(*types.Func); ok {
			if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
				if obj, _, _ := types.LookupFieldOrMethod(sig.Recv().Type(), true, o.Pkg(), nn); obj != nil {
					block("exporting method %s as %s collides with %s", o.Name(), nn, pos(obj.Pos()))
				}
				if types.IsInterface(sig.Recv().Type()) {
					block("interface method %s crosses the boundary: rename it by hand", o.Name())
				}
			}
		} else if v, ok := o.(*types.Var); ok && v.IsField() && v.Embedded() {
			block("embedded field %s crosses the boundary unexported", pos(v.Pos()))
		}
	}
	// Pass 2: edits.
	for _, r := range refs {
		os := objSide(r.obj)
		nn := r.obj.Name()
		if needExport[r.obj] {
			nn = exportName(r.obj, exportAs, needExport)
		}
		off := r.fi.tf.Offset(r.id.Pos())
		end := off + len(r.id.Name)
		isDef := r.fi.pkg.TypesInfo.Defs[r.id] != nil
		pkgLevel := isPkgLevel(r.obj)
		switch {
		case r.sel != nil:
			// A qualified reference pkg.X.
			start := r.fi.tf.Offset(r.sel.Pos())
			switch {
			case r.useSd == os:
				r.fi.edits = append(r.fi.edits, edit{start, end, nn})
			case os == 'd':
				r.fi.edits = append(r.fi.edits, edit{start, end, *dstName + "." + nn})
				r.fi.needs[dstPath] = *dstName
			case os == 's':
				r.fi.edits = append(r.fi.edits, edit{start, end, filepath.Base(srcPath) + "." + nn})
				r.fi.needs[srcPath] = filepath.Base(srcPath)
			}
		case pkgLevel && !isDef && r.useSd != os && r.useSd != 'o':
			q := *dstName
			path := dstPath
			if os == 's' {
				q, path = r.fi.pkg.Types.Name(), srcPath
				q = pkgNameOf(srcPkg)
			}
			r.fi.edits = append(r.fi.edits, edit{off, end, q + "." + nn})
			r.fi.needs[path] = q
		case nn != r.id.Name:
			if v, ok := r.obj.(*types.Var); ok && v.IsField() && v.Embedded() && isDef {
				// the embedded type's own rename renames the field
				continue
			}
			r.fi.edits = append(r.fi.edits, edit{off, end, nn})
		}
	}
	blockers = firstPerName(blockers)
	for _, b := range blockers {
		fmt.Println("BLOCKER:", b)
	}
	fmt.Printf("%d objects move, %d names exported, %d blockers\n", len(moved)+len(movedMethod), len(needExport), len(blockers))
	if *dryRun || (len(blockers) > 0 && !*force) {
		if len(blockers) > 0 {
			os.Exit(3)
		}
		return
	}
	write(byFile, cutDecls, srcPkg)
}

type cut struct {
	fi         *fileInfo
	start, end int
}

func isDeclMove(o types.Object) bool {
	for _, n := range split(*declsF) {
		if n == o.Name() {
			return true
		}
	}
	return false
}

// findDecl finds the source range of a package-level declaration (with its doc comment).
func findDecl(byFile map[string]*fileInfo, o types.Object) []cut {
	fn := fset.Position(o.Pos()).Filename
	fi := byFile[fn]
	for _, d := range fi.ast.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.Pos() == o.Pos() {
				s := d.Pos()
				if d.Doc != nil {
					s = d.Doc.Pos()
				}
				return []cut{{fi, fi.tf.Offset(s), lineEnd(fi, fi.tf.Offset(d.End()))}}
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				var names []*ast.Ident
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					names = []*ast.Ident{sp.Name}
				case *ast.ValueSpec:
					names = sp.Names
				}
				for _, n := range names {
					if n.Pos() != o.Pos() {
						continue
					}
					if len(names) > 1 {
						block("%s is declared with other names in one spec", o.Name())
					}
					if len(d.Specs) == 1 {
						s := d.Pos()
						if d.Doc != nil {
							s = d.Doc.Pos()
						}
						return []cut{{fi, fi.tf.Offset(s), lineEnd(fi, fi.tf.Offset(d.End()))}}
					}
					block("%s is one spec of a grouped declaration: ungroup it first (%s)", o.Name(), pos(d.Pos()))
					return nil
				}
			}
		}
	}
	block("declaration of %s not found", o.Name())
	return nil
}

func lineEnd(fi *fileInfo, off int) int {
	for off < len(fi.src) && fi.src[off] != '\n' {
		off++
	}
	if off < len(fi.src) {
		off++
	}
	return off
}

func fieldSide(v *types.Var, byFile map[string]*fileInfo, movedFiles map[string]bool, inCut func(*fileInfo, int) bool) byte {
	fn := fset.Position(v.Pos()).Filename
	fi := byFile[fn]
	if fi == nil {
		return 's'
	}
	if movedFiles[fn] || inCut(fi, fi.tf.Offset(v.Pos())) {
		return 'd'
	}
	return 's'
}

func isPkgLevel(o types.Object) bool {
	return o.Pkg() != nil && o.Parent() == o.Pkg().Scope()
}

// isMember reports whether o is a method or a struct field.
func isMember(o types.Object) bool {
	switch o := o.(type) {
	case *types.Func:
		return o.Type().(*types.Signature).Recv() != nil
	case *types.Var:
		return o.IsField()
	}
	return false
}

func origin(o types.Object) types.Object {
	switch o := o.(type) {
	case *types.Func:
		return o.Origin()
	case *types.Var:
		return o.Origin()
	}
	return o
}

func exportName(o types.Object, as map[types.Object]string, need map[types.Object]bool) string {
	if n, ok := as[o]; ok {
		return n
	}
	if !need[o] {
		return o.Name()
	}
	n := o.Name()
	r, sz := utf8.DecodeRuneInString(n)
	if r == '_' {
		return "X" + n
	}
	return string(unicode.ToUpper(r)) + n[sz:]
}

func pkgNameOf(p *packages.Package) string { return p.Types.Name() }

func write(byFile map[string]*fileInfo, cuts []cut, srcPkg *packages.Package) {
	// Text of the cut declarations, with their own edits applied.
	var moved bytes.Buffer
	cutEdits := map[*fileInfo][]edit{}
	for _, c := range cuts {
		var inside []edit
		for _, e := range c.fi.edits {
			if e.start >= c.start && e.end <= c.end {
				inside = append(inside, edit{e.start - c.start, e.end - c.start, e.text})
			}
		}
		moved.Write(apply(c.fi.src[c.start:c.end], inside))
		moved.WriteString("\n")
		for p, n := range c.fi.needs {
			_ = p
			_ = n
		}
		cutEdits[c.fi] = append(cutEdits[c.fi], edit{c.start, c.end, ""})
	}
	var movedImports = map[string]string{}
	for _, fi := range byFile {
		if !fi.inSrc {
			continue
		}
		for _, c := range cuts {
			if c.fi == fi {
				for _, im := range fi.ast.Imports {
					p := strings.Trim(im.Path.Value, `"`)
					n := ""
					if im.Name != nil {
						n = im.Name.Name
					}
					movedImports[p] = n
				}
			}
		}
	}
	var written []string
	dstAbs := filepath.Join(modRoot, *dstDir)
	os.MkdirAll(dstAbs, 0o755)
	for _, fi := range byFile {
		if len(fi.edits) == 0 && !fi.moved && len(cutEdits[fi]) == 0 {
			continue
		}
		var out []edit
		for _, e := range fi.edits {
			inside := false
			for _, c := range cutEdits[fi] {
				if e.start >= c.start && e.end <= c.end {
					inside = true
				}
			}
			if !inside {
				out = append(out, e)
			}
		}
		out = append(out, cutEdits[fi]...)
		text := apply(fi.src, out)
		target := fi.path
		if fi.moved {
			target = filepath.Join(dstAbs, filepath.Base(fi.path))
			text = renamePackage(text, *dstName, strings.HasSuffix(fi.pkg.Types.Name(), "_test"))
		}
		needs := map[string]string{}
		for p, n := range fi.needs {
			if fi.moved && p == modPath+"/"+filepath.ToSlash(*dstDir) {
				continue
			}
			if !fi.moved && fi.inDst && p == modPath+"/"+filepath.ToSlash(*dstDir) {
				continue
			}
			needs[p] = n
		}
		text = fixImports(target, text, needs)
		if fi.moved {
			os.Remove(fi.path)
		}
		if err := os.WriteFile(target, text, 0o644); err != nil {
			panic(err)
		}
		written = append(written, target)
	}
	if moved.Len() > 0 {
		var b bytes.Buffer
		fmt.Fprintf(&b, "package %s\n\nimport (\n", *dstName)
		for p, n := range movedImports {
			fmt.Fprintf(&b, "\t%s %q\n", n, p)
		}
		b.WriteString(")\n\n")
		b.Write(moved.Bytes())
		target := filepath.Join(dstAbs, *declFile)
		if old, err := os.ReadFile(target); err == nil {
			// append to an existing file: keep its header
			b.Reset()
			b.Write(old)
			b.WriteString("\n")
			b.Write(moved.Bytes())
		}
		needs := map[string]string{}
		for _, c := range cuts {
			for p, n := range c.fi.needs {
				if p != modPath+"/"+filepath.ToSlash(*dstDir) {
					needs[p] = n
				}
			}
		}
		text := fixImports(target, b.Bytes(), needs)
		os.WriteFile(target, text, 0o644)
		written = append(written, target)
	}
	// goimports drops the imports the edits left unused.
	cmd := exec.Command(filepath.Join(filepath.Dir(os.Args[0]), "goimports"), append([]string{"-w"}, written...)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "goimports:", err)
	}
}

func renamePackage(src []byte, name string, test bool) []byte {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly)
	if err != nil {
		panic(err)
	}
	off := int(f.Name.Pos()) - 1
	n := name
	if test {
		n += "_test"
	}
	return append(append(append([]byte{}, src[:off]...), n...), src[off+len(f.Name.Name):]...)
}

// fixImports adds the needed imports and drops the ones no longer used.
func fixImports(name string, src []byte, needs map[string]string) []byte {
	fs := token.NewFileSet()
	f, err := parser.ParseFile(fs, name, src, parser.ParseComments)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parse", name, err)
		return src
	}
	for p, n := range needs {
		if filepath.Base(p) == n {
			astutil.AddImport(fs, f, p)
		} else {
			astutil.AddNamedImport(fs, f, n, p)
		}
	}
	var b bytes.Buffer
	if err := format.Node(&b, fs, f); err != nil {
		fmt.Fprintln(os.Stderr, "format", name, err)
		return src
	}
	return b.Bytes()
}

func apply(src []byte, edits []edit) []byte {
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte{}, src...)
	last := len(out) + 1
	for _, e := range edits {
		if e.end > last {
			continue // overlapping (the same ident seen twice)
		}
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
		last = e.start
	}
	return out
}

func split(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// firstPerName keeps one "uses" blocker per object (the first by position).
func firstPerName(bs []string) []string {
	seen := map[string]bool{}
	sort.Strings(bs)
	var out []string
	for _, b := range bs {
		key := b
		if i := strings.Index(b, ": first at"); i >= 0 {
			key = b[:i]
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, b)
		}
	}
	return out
}

func uniq(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func pos(p token.Pos) string {
	ps := fset.Position(p)
	return fmt.Sprintf("%s:%d", rel(ps.Filename), ps.Line)
}

func rel(p string) string {
	r, err := filepath.Rel(modRoot, p)
	if err != nil {
		return p
	}
	return r
}

// printDeps prints, for every file of the package, the files whose
// package-level declarations it uses, with counts.
func printDeps(p *packages.Package, byFile map[string]*fileInfo) {
	scope := p.Types.Scope()
	declFile := func(o types.Object) string { return filepath.Base(fset.Position(o.Pos()).Filename) }
	for _, fi := range byFile {
		if !fi.inSrc {
			continue
		}
		uses := map[string]map[string]bool{}
		for id, o := range fi.pkg.TypesInfo.Uses {
			if fset.Position(id.Pos()).Filename != fi.path || o.Pkg() != p.Types {
				continue
			}
			o = origin(o)
			if o.Parent() != scope {
				if fn, ok := o.(*types.Func); ok && fn.Type().(*types.Signature).Recv() != nil {
					// method: counts for its file
				} else {
					continue
				}
			}
			df := declFile(o)
			if df == filepath.Base(fi.path) {
				continue
			}
			if uses[df] == nil {
				uses[df] = map[string]bool{}
			}
			uses[df][o.Name()] = true
		}
		var keys []string
		for k := range uses {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var names []string
			for n := range uses[k] {
				names = append(names, n)
			}
			sort.Strings(names)
			fmt.Printf("%s\t%s\t%s\n", filepath.Base(fi.path), k, strings.Join(names, " "))
		}
	}
}
