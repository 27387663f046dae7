package pyrt

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArgsNotKept enforces the rule of the Args doc over the module's
// sources: a function taking a *Args (the fn of Func, Method, ClassMethod,
// or a helper it calls) reads it during the call and never keeps it, since
// the binders recycle it when fn returns. Flagged: the parameter used in a
// nested function literal or a go/defer statement, or used as a value other
// than a method receiver (a.Get) or a call argument (helper(a, …)).
func TestArgsNotKept(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found from %s", root)
	}
	fset := token.NewFileSet()
	n := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		inPyrt := f.Name.Name == "pyrt"
		ast.Inspect(f, func(node ast.Node) bool {
			var ft *ast.FuncType
			var body *ast.BlockStmt
			switch fn := node.(type) {
			case *ast.FuncDecl:
				ft, body = fn.Type, fn.Body
			case *ast.FuncLit:
				ft, body = fn.Type, fn.Body
			default:
				return true
			}
			if body == nil {
				return true
			}
			for _, field := range ft.Params.List {
				if !isArgsPtr(field.Type, inPyrt) {
					continue
				}
				for _, name := range field.Names {
					n++
					if name.Name == "_" {
						continue
					}
					for _, bad := range keptUses(body, name.Name) {
						t.Errorf("%s: *Args %s kept (%s): read the values during the call instead", fset.Position(bad.Pos()), name.Name, describe(bad))
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no function taking *Args found: the check is broken")
	}
}

func isArgsPtr(e ast.Expr, inPyrt bool) bool {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	switch x := star.X.(type) {
	case *ast.Ident:
		return inPyrt && x.Name == "Args"
	case *ast.SelectorExpr:
		pkg, ok := x.X.(*ast.Ident)
		return ok && pkg.Name == "pyrt" && x.Sel.Name == "Args"
	}
	return false
}

type keptUse struct {
	ast.Node
	why string
}

func describe(k ast.Node) string { return k.(keptUse).why }

// keptUses lists the uses of the parameter name in body that may outlive
// the call.
func keptUses(body *ast.BlockStmt, name string) []ast.Node {
	var out []ast.Node
	ast.Inspect(body, func(c ast.Node) bool {
		switch c.(type) {
		case *ast.FuncLit:
			if uses(c, name) {
				out = append(out, keptUse{c, "used in a function literal"})
			}
			return false
		case *ast.GoStmt, *ast.DeferStmt:
			if uses(c, name) {
				out = append(out, keptUse{c, "used in a go or defer statement"})
			}
			return false
		}
		return true
	})
	// value uses: allowed are a.X and f(…, a, …) (not append)
	allowed := map[*ast.Ident]bool{}
	ast.Inspect(body, func(c ast.Node) bool {
		switch x := c.(type) {
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && id.Name == name {
				allowed[id] = true
			}
		case *ast.CallExpr:
			if fid, ok := x.Fun.(*ast.Ident); ok && fid.Name == "append" {
				return true
			}
			for _, arg := range x.Args {
				if id, ok := arg.(*ast.Ident); ok && id.Name == name {
					allowed[id] = true
				}
			}
		}
		return true
	})
	ast.Inspect(body, func(c ast.Node) bool {
		if _, ok := c.(*ast.FuncLit); ok {
			return false // reported above
		}
		if id, ok := c.(*ast.Ident); ok && id.Name == name && !allowed[id] {
			out = append(out, keptUse{id, "used as a value"})
		}
		return true
	})
	return out
}

func uses(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(c ast.Node) bool {
		if id, ok := c.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}
