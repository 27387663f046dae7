package pyobj

// input([prompt]): gpython has none. The prompt goes to sys.stdout (flushed),
// one line is read from sys.stdin without its newline, EOFError at end of
// input. A sys.stdin with a readline method (a Python or project file
// object) is read through it; gpython's own file is read a byte at a time,
// so nothing past the line is consumed. The GIL is released while waiting.

import (
	"io"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func builtinInput(self py.Object, a *pyrt.Args) (py.Object, error) {
	ctx := pyrt.CtxOf(self)
	if ctx == nil {
		return nil, py.ExceptionNewf(py.RuntimeError, "input(): no interpreter context")
	}
	sys, err := ctx.GetModule("sys")
	if err != nil {
		return nil, err
	}
	stdin, ok := sys.Globals["stdin"]
	if !ok || stdin == py.None {
		return nil, py.ExceptionNewf(py.RuntimeError, "input(): lost sys.stdin")
	}
	stdout, ok := sys.Globals["stdout"]
	if !ok || stdout == py.None {
		return nil, py.ExceptionNewf(py.RuntimeError, "input(): lost sys.stdout")
	}
	if p := a.Get("prompt"); p != py.None {
		s, err := Str(p)
		if err != nil {
			return nil, err
		}
		if err := callMethodNamed(stdout, "write", py.String(s)); err != nil {
			return nil, err
		}
	}
	if err := callMethodNamed(stdout, "flush"); err != nil && !isExc(err, py.AttributeError) {
		return nil, err
	}
	var line string
	if f, ok := stdin.(*py.File); ok {
		var rerr error
		read := func() { line, rerr = readLineBytewise(f.File) }
		if in := pyrt.InterpOf(ctx); in != nil {
			in.GIL.Released(read)
		} else {
			read()
		}
		if rerr != nil {
			return nil, py.ExceptionNewf(py.OSError, "input(): %v", rerr)
		}
	} else {
		m, err := py.GetAttrString(stdin, "readline")
		if err != nil {
			return nil, err
		}
		r, err := py.Call(m, nil, nil)
		if err != nil {
			return nil, err
		}
		s, ok := r.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "object.readline() returned non-string")
		}
		line = string(s)
	}
	if line == "" {
		return nil, pyrt.NewException(py.EOFError, py.String("EOF when reading a line"))
	}
	line = strings.TrimSuffix(line, "\n")
	return py.String(line), nil
}

// readLineBytewise reads up to and including a newline, or to end of input.
func readLineBytewise(r io.Reader) (string, error) {
	var b strings.Builder
	var buf [1]byte
	for {
		n, err := r.Read(buf[:])
		if n == 1 {
			b.WriteByte(buf[0])
			if buf[0] == '\n' {
				return b.String(), nil
			}
		}
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
	}
}

// callMethodNamed calls o.name(args...) and drops the result.
func callMethodNamed(o py.Object, name string, args ...py.Object) error {
	m, err := py.GetAttrString(o, name)
	if err != nil {
		return err
	}
	_, err = py.Call(m, py.Tuple(args), nil)
	return err
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_input", func() {
		SetBuiltin("input", pyrt.Func("input", "prompt=None, /", builtinInput))
	})
}
