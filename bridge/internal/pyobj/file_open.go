package pyobj

// open() and the methods of File (see file.go).

import (
	"bufio"
	"os"
	"strings"
	"syscall"
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// openMode is a parsed open() mode.
type openMode struct {
	read, write, append, create, plus, binary bool
}

func parseOpenMode(mode string) (openMode, error) {
	var m openMode
	seen := map[rune]bool{}
	kinds := 0
	text := false
	for _, c := range mode {
		if seen[c] || !strings.ContainsRune("rwxa+bt", c) {
			return m, py.ExceptionNewf(py.ValueError, "invalid mode: '%s'", mode)
		}
		seen[c] = true
		switch c {
		case 'r':
			m.read = true
			kinds++
		case 'w':
			m.write = true
			kinds++
		case 'a':
			m.append = true
			kinds++
		case 'x':
			m.create = true
			kinds++
		case '+':
			m.plus = true
		case 'b':
			m.binary = true
		case 't':
			text = true
		}
	}
	if text && m.binary {
		return m, py.ExceptionNewf(py.ValueError, "can't have text and binary mode at once")
	}
	if kinds == 0 {
		return m, py.ExceptionNewf(py.ValueError, "Must have exactly one of create/read/write/append mode and at most one plus")
	}
	if kinds != 1 {
		return m, py.ExceptionNewf(py.ValueError, "must have exactly one of create/read/write/append mode")
	}
	return m, nil
}

// flags are os.OpenFile's flags for m.
func (m openMode) flags() int {
	fl := os.O_RDONLY
	switch {
	case m.write:
		fl = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case m.append:
		fl = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	case m.create:
		fl = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	if m.plus {
		fl = fl&^(os.O_WRONLY|os.O_RDONLY) | os.O_RDWR
	}
	return fl | syscall.O_CLOEXEC
}

// binaryModeName is FileIO's mode string: rb, wb, ab, xb, with + after b.
func (m openMode) binaryModeName() string {
	s := "rb"
	switch {
	case m.write:
		s = "wb"
	case m.append:
		s = "ab"
	case m.create:
		s = "xb"
	}
	if m.plus {
		s += "+"
	}
	return s
}

// codecOf normalises an encoding name to a supported codec.
func codecOf(enc string) (string, error) {
	n := strings.ReplaceAll(strings.ToLower(enc), "_", "-")
	switch n {
	case "utf-8", "utf8", "u8", "utf":
		return "utf-8", nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return "latin-1", nil
	case "ascii", "us-ascii":
		return "ascii", nil
	}
	return "", py.ExceptionNewf(py.NotImplementedError, "pypool: open() supports the utf-8, latin-1 and ascii encodings, not '%s'", enc)
}

// fsPath is the path an open() argument names.
func fsPath(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.String:
		return string(x), nil
	}
	if b, ok := BytesLike(o); ok {
		return string(b), nil
	}
	if m, ok, err := pyrt.TypeLookup(o, "__fspath__"); ok && err == nil {
		r, err := py.Call(m, py.Tuple{o}, nil)
		if err != nil {
			return "", err
		}
		return fsPath(r)
	}
	return "", py.ExceptionNewf(py.TypeError, "expected str, bytes or os.PathLike object, not %s", pyrt.TypeName(o))
}

func builtinOpen(self py.Object, a *pyrt.Args) (py.Object, error) {
	modeStr, err := a.Str("mode")
	if err != nil {
		return nil, err
	}
	m, err := parseOpenMode(modeStr)
	if err != nil {
		return nil, err
	}
	f := &File{binary: m.binary, closefd: true, newline: "\x00"}
	if m.binary {
		f.mode = m.binaryModeName()
		for _, p := range []string{"encoding", "errors", "newline"} {
			if !a.IsNone(p) {
				return nil, py.ExceptionNewf(py.ValueError, "binary mode doesn't take an %s argument", p)
			}
		}
	} else {
		f.mode = modeStr
		f.encoding, f.codec = "UTF-8", "utf-8"
		if enc, ok, err := a.OptStr("encoding"); err != nil {
			return nil, err
		} else if ok {
			if f.codec, err = codecOf(enc); err != nil {
				return nil, err
			}
			f.encoding = enc
		}
		if nl, ok, err := a.OptStr("newline"); err != nil {
			return nil, err
		} else if ok {
			if nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n" {
				return nil, py.ExceptionNewf(py.ValueError, "illegal newline value: %s", nl)
			}
			f.newline = nl
		}
	}
	if !a.IsNone("opener") {
		return nil, py.ExceptionNewf(py.NotImplementedError, "pypool: open() does not support opener=")
	}
	if f.closefd, err = a.Bool("closefd"); err != nil {
		return nil, err
	}
	file := a.Get("file")
	if fd, ok := file.(py.Int); ok {
		f.f = os.NewFile(uintptr(fd), "")
		if f.f == nil {
			return nil, OSErrorFromErrno(syscall.EBADF, nil)
		}
		f.name = fd
	} else {
		if !f.closefd {
			return nil, py.ExceptionNewf(py.ValueError, "Cannot use closefd=False with file name")
		}
		path, err := fsPath(file)
		if err != nil {
			return nil, err
		}
		f.name = file
		osf, err := openCollecting(path, m.flags())
		if err != nil {
			return nil, NewOSError(err, file)
		}
		f.counted = true
		unreachableFiles.opened()
		if st, err := osf.Stat(); err == nil && st.IsDir() {
			osf.Close()
			return nil, OSErrorFromErrno(syscall.EISDIR, file)
		}
		f.f = osf
	}
	if m.read || m.plus {
		f.r = bufio.NewReader(f.f)
	}
	if !m.read || m.plus {
		f.w = f.f
	}
	return f, nil
}

// fileMethod makes a File method for the types' dicts.
func fileMethod(name, spec string, fn func(f *File, a *pyrt.Args) (py.Object, error)) *py.Method {
	return pyrt.Method(nil, name, spec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
		f, ok := self.(*File)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a file object, not '%s'", name, pyrt.TypeName(self))
		}
		return fn(f, a)
	})
}

func fileSize(a *pyrt.Args, name string) (int, error) {
	n, ok, err := a.OptInt(name)
	if err != nil || !ok {
		return -1, err
	}
	return n, nil
}

func installFileType() {
	methods := []*py.Method{
		fileMethod("read", "size=-1, /", func(f *File, a *pyrt.Args) (py.Object, error) {
			n, err := fileSize(a, "size")
			if err != nil {
				return nil, err
			}
			return f.read(n)
		}),
		fileMethod("readline", "size=-1, /", func(f *File, a *pyrt.Args) (py.Object, error) {
			n, err := fileSize(a, "size")
			if err != nil {
				return nil, err
			}
			return f.readLine(n)
		}),
		fileMethod("readlines", "hint=-1, /", func(f *File, a *pyrt.Args) (py.Object, error) {
			hint, err := fileSize(a, "hint")
			if err != nil {
				return nil, err
			}
			var lines []py.Object
			total := 0
			for {
				line, err := f.readLine(-1)
				if err != nil {
					return nil, err
				}
				n := lineLen(line)
				if n == 0 {
					break
				}
				lines = append(lines, line)
				total += n
				if hint > 0 && total >= hint {
					break
				}
			}
			return py.NewListFromItems(lines), nil
		}),
		fileMethod("write", "s, /", func(f *File, a *pyrt.Args) (py.Object, error) {
			return f.write(a.Get("s"))
		}),
		fileMethod("writelines", "lines, /", func(f *File, a *pyrt.Args) (py.Object, error) {
			if err := f.checkWrite(); err != nil {
				return nil, err
			}
			var werr error
			err := py.Iterate(a.Get("lines"), func(line py.Object) bool {
				_, werr = f.write(line)
				return werr != nil
			})
			if err == nil {
				err = werr
			}
			if err != nil {
				return nil, err
			}
			return py.None, nil
		}),
		fileMethod("flush", "", func(f *File, a *pyrt.Args) (py.Object, error) {
			if f.closed {
				return nil, f.errClosed()
			}
			if fl, ok := f.w.(interface{ Flush() error }); ok {
				if err := fl.Flush(); err != nil {
					return nil, NewOSError(err, nil)
				}
			}
			return py.None, nil
		}),
		fileMethod("close", "", func(f *File, a *pyrt.Args) (py.Object, error) {
			return py.None, f.close()
		}),
		fileMethod("fileno", "", func(f *File, a *pyrt.Args) (py.Object, error) {
			if f.closed {
				return nil, f.errClosed()
			}
			if f.f == nil {
				return nil, pyrt.NewException(UnsupportedOperation, py.String("fileno"))
			}
			return py.Int(f.f.Fd()), nil
		}),
		fileMethod("isatty", "", func(f *File, a *pyrt.Args) (py.Object, error) {
			if f.closed {
				return nil, f.errClosed()
			}
			return py.NewBool(f.f != nil && IsTerminal(f.f)), nil
		}),
		fileMethod("seek", "offset, whence=0, /", func(f *File, a *pyrt.Args) (py.Object, error) {
			off, err := a.Int("offset")
			if err != nil {
				return nil, err
			}
			whence, err := a.Int("whence")
			if err != nil {
				return nil, err
			}
			return f.seek(int64(off), whence)
		}),
		fileMethod("tell", "", func(f *File, a *pyrt.Args) (py.Object, error) { return f.tell() }),
		fileMethod("truncate", "size=None, /", func(f *File, a *pyrt.Args) (py.Object, error) {
			if err := f.checkWrite(); err != nil {
				return nil, err
			}
			if f.f == nil {
				return nil, pyrt.NewException(UnsupportedOperation, py.String("truncate"))
			}
			size, ok, err := a.OptInt("size")
			if err != nil {
				return nil, err
			}
			if !ok {
				pos, err := f.tell()
				if err != nil {
					return nil, err
				}
				size = int(pos.(py.Int))
			}
			if err := f.f.Truncate(int64(size)); err != nil {
				return nil, NewOSError(err, nil)
			}
			return py.Int(size), nil
		}),
		fileMethod("readable", "", func(f *File, a *pyrt.Args) (py.Object, error) {
			if f.closed {
				return nil, f.errClosed()
			}
			return py.NewBool(f.r != nil), nil
		}),
		fileMethod("writable", "", func(f *File, a *pyrt.Args) (py.Object, error) {
			if f.closed {
				return nil, f.errClosed()
			}
			return py.NewBool(f.w != nil), nil
		}),
		fileMethod("seekable", "", func(f *File, a *pyrt.Args) (py.Object, error) {
			if f.closed {
				return nil, f.errClosed()
			}
			if f.f == nil {
				return py.False, nil
			}
			_, err := f.f.Seek(0, 1)
			return py.NewBool(err == nil), nil
		}),
	}
	prop := func(get func(f *File) py.Object) *py.Property {
		return &py.Property{Fget: func(self py.Object) (py.Object, error) {
			f, ok := self.(*File)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "file attribute needs a file object")
			}
			return get(f), nil
		}}
	}
	for _, t := range fileTypes {
		for _, m := range methods {
			t.Dict[m.Name] = m
		}
		t.Dict["__module__"] = py.String("_io")
		t.Dict["closed"] = prop(func(f *File) py.Object { return py.NewBool(f.closed) })
		t.Dict["name"] = prop(func(f *File) py.Object { return f.name })
		t.Dict["mode"] = prop(func(f *File) py.Object { return py.String(f.mode) })
	}
	textIOWrapperType.Dict["encoding"] = prop(func(f *File) py.Object { return py.String(f.encoding) })
	textIOWrapperType.Dict["errors"] = prop(func(f *File) py.Object { return py.String("strict") })
	textIOWrapperType.Dict["line_buffering"] = prop(func(f *File) py.Object { return py.False })
	UnsupportedOperation.Dict["__module__"] = py.String("io")
	UnsupportedOperation.Bases = py.Tuple{py.OSError, py.ValueError}
	pyrt.MustReady(UnsupportedOperation)
	open := pyrt.Func("open", "file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None", builtinOpen)
	SetBuiltin("open", open)
	// _io holds what io.py (pylib) re-exports.
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "_io", Doc: "pypool's file objects"},
		Methods: []*py.Method{open},
		Globals: py.StringDict{
			"UnsupportedOperation": UnsupportedOperation,
			"TextIOWrapper":        textIOWrapperType,
			"BufferedReader":       bufferedReaderType,
			"BufferedWriter":       bufferedWriterType,
			"BufferedRandom":       bufferedRandomType,
			"DEFAULT_BUFFER_SIZE":  py.Int(8192),
		},
	})
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "file_open", installFileType)
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	var t syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return e == 0
}
