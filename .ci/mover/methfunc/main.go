// Command methfunc turns methods into plain functions whose first parameter
// is the receiver, rewriting every call in the module: x.M(a) → M(x, a)
// (pkg.M(x, a) outside the method's package). A method cannot be declared in
// another package than its type, so this is the first step of moving it.
//
//	methfunc -pkg bridge/internal/pyobj -m Interp.Callable=CallableOf,Thread.pushHandled=pushHandled
//
// It lives in the .ci/mover module: build it with (cd .ci/mover && go build -o /tmp/methfunc ./methfunc).
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

var (
	pkgDir = flag.String("pkg", "", "package directory of the methods")
	meths  = flag.String("m", "", "Type.method=Func, comma-separated")
)

type edit struct {
	start, end int
	text       string
}

func main() {
	flag.Parse()
	root, _ := os.Getwd()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedModule, Tests: true, Dir: root}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		os.Exit(1)
	}
	fset := pkgs[0].Fset
	var modPath string
	for _, p := range pkgs {
		if p.Module != nil {
			modPath = p.Module.Path
			break
		}
	}
	target := modPath + "/" + filepath.ToSlash(*pkgDir)
	want := map[string]string{} // "Type.method" -> Func
	for _, kv := range strings.Split(*meths, ",") {
		if kv = strings.TrimSpace(kv); kv != "" {
			k, v, _ := strings.Cut(kv, "=")
			want[k] = v
		}
	}
	key := func(fn *types.Func) string {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() != target {
			return ""
		}
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := t.(*types.Named)
		if !ok {
			return ""
		}
		return n.Obj().Name() + "." + fn.Name()
	}
	sort.Slice(pkgs, func(i, j int) bool { return len(pkgs[i].Syntax) > len(pkgs[j].Syntax) })
	seen := map[string]bool{}
	edits := map[string][]edit{}
	problems := 0
	callFun := map[*ast.SelectorExpr]bool{}
	for _, p := range pkgs {
		for i, f := range p.Syntax {
			name := p.CompiledGoFiles[i]
			if seen[name] {
				continue
			}
			seen[name] = true
			tf := fset.File(f.Pos())
			src, _ := os.ReadFile(name)
			off := func(pos token.Pos) int { return tf.Offset(pos) }
			qual := ""
			if p.PkgPath != target {
				qual = filepath.Base(target) + "."
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if n.Recv == nil {
						return true
					}
					fn, _ := p.TypesInfo.Defs[n.Name].(*types.Func)
					if fn == nil {
						return true
					}
					nn, ok := want[key(fn)]
					if !ok {
						return true
					}
					recv := string(src[off(n.Recv.Opening)+1 : off(n.Recv.Closing)])
					sep := ", "
					if len(n.Type.Params.List) == 0 {
						sep = ""
					}
					edits[name] = append(edits[name], edit{off(n.Type.Func), off(n.Type.Params.Opening) + 1, "func " + nn + "(" + recv + sep})
					// the doc comment's first word
					if n.Doc != nil && strings.HasPrefix(n.Doc.List[0].Text, "// "+fn.Name()+" ") {
						s := off(n.Doc.List[0].Pos()) + 3
						edits[name] = append(edits[name], edit{s, s + len(fn.Name()), nn})
					}
				case *ast.SelectorExpr:
					if callFun[n] {
						return true
					}
					sel := p.TypesInfo.Selections[n]
					if sel == nil || sel.Kind() != types.MethodVal {
						return true
					}
					fn := sel.Obj().(*types.Func)
					_, ok := want[key(fn.Origin())]
					if !ok {
						return true
					}
					fmt.Fprintf(os.Stderr, "%s: method value %s not rewritten\n", fset.Position(n.Pos()), n.Sel.Name)
					problems++
				case *ast.CallExpr:
					se, ok := n.Fun.(*ast.SelectorExpr)
					if !ok {
						return true
					}
					callFun[se] = true
					sel := p.TypesInfo.Selections[se]
					if sel == nil || sel.Kind() != types.MethodVal {
						return true
					}
					fn := sel.Obj().(*types.Func)
					nn, ok := want[key(fn.Origin())]
					if !ok {
						return true
					}
					x := string(src[off(se.X.Pos()):off(se.X.End())])
					if _, isPtr := sel.Recv().(*types.Pointer); !isPtr {
						if _, recvPtr := fn.Type().(*types.Signature).Recv().Type().(*types.Pointer); recvPtr {
							x = "&" + x
						}
					}
					sep := ", "
					if len(n.Args) == 0 {
						sep = ""
					}
					edits[name] = append(edits[name], edit{off(se.Pos()), off(n.Lparen) + 1, qual + nn + "(" + x + sep})
					return true
				}
				return true
			})
		}
	}
	for name, es := range edits {
		sort.Slice(es, func(i, j int) bool { return es[i].start > es[j].start })
		src, _ := os.ReadFile(name)
		last := len(src) + 1
		for _, e := range es {
			if e.end > last {
				fmt.Fprintf(os.Stderr, "%s: overlapping edits at offset %d: fix by hand\n", name, e.start)
				problems++
				continue
			}
			src = append(src[:e.start], append([]byte(e.text), src[e.end:]...)...)
			last = e.start
		}
		if err := os.WriteFile(name, src, 0o644); err != nil {
			panic(err)
		}
	}
	fmt.Printf("%d files edited, %d problems\n", len(edits), problems)
}
