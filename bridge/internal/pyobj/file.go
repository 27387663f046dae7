package pyobj

// File objects as CPython's io module makes them: open() returns a File
// (TextIOWrapper in text mode, BufferedReader/BufferedWriter/BufferedRandom
// in binary mode) with read/readline/readlines, iteration by lines,
// write/writelines returning the count written, seek/tell/truncate,
// flush/close/closed, fileno/isatty, name/mode/encoding, and the with
// statement. Text mode decodes UTF-8 (or latin-1/ascii) and reads "\r\n" as
// "\n" (universal newlines; a lone "\r" ends a line only in read()). Writes
// go straight to the OS file (no buffer to lose at exit); reads are
// buffered. sys.stdout and sys.stderr are Files over the process's streams
// (or the Go writers an Interp is made with).

import (
	"bufio"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// File is a Python file object.
type File struct {
	f        *os.File      // the OS file; nil for a stream over Go readers/writers
	r        *bufio.Reader // read side (nil when not readable)
	w        io.Writer     // write side (nil when not writable)
	name     py.Object
	mode     string
	binary   bool
	closed   bool
	closefd  bool
	encoding string    // as given (shown by .encoding), "UTF-8" by default
	codec    string    // "utf-8", "latin-1" or "ascii"
	newline  string    // "\x00" for None (universal newlines)
	gil      *pyrt.GIL // released while a read blocks (sys.stdin), or nil
	counted  bool      // open() counted it among the files left open (fds.go)
}

var (
	textIOWrapperType  = py.NewType("TextIOWrapper", "Character and line based layer over a buffered binary stream.")
	bufferedReaderType = py.NewType("BufferedReader", "Buffered binary reader.")
	bufferedWriterType = py.NewType("BufferedWriter", "Buffered binary writer.")
	bufferedRandomType = py.NewType("BufferedRandom", "Buffered binary reader and writer.")
	fileTypes          = []*py.Type{textIOWrapperType, bufferedReaderType, bufferedWriterType, bufferedRandomType}
)

// UnsupportedOperation is io.UnsupportedOperation (an OSError).
var UnsupportedOperation = py.OSError.NewType("UnsupportedOperation", "An operation the stream does not support.", nil, nil)

// Type returns the Python type.
func (f *File) Type() *py.Type {
	switch {
	case !f.binary:
		return textIOWrapperType
	case f.r != nil && f.w != nil:
		return bufferedRandomType
	case f.w != nil:
		return bufferedWriterType
	}
	return bufferedReaderType
}

// NewStreamFile returns a text File named name (e.g. "<stdout>") over a Go
// reader and/or writer; osf, when not nil, is the OS file behind them (for
// fileno and isatty).
func NewStreamFile(r io.Reader, w io.Writer, osf *os.File, name string) *File {
	f := &File{f: osf, w: w, name: py.String(name), encoding: "utf-8", codec: "utf-8", newline: "\x00"}
	f.mode = "w"
	if r != nil {
		f.r = bufio.NewReader(r)
		f.mode = "r"
	}
	return f
}

// newWriterFile is sys.stdout/sys.stderr over a Go writer.
func newWriterFile(w io.Writer, name string) *File {
	var osf *os.File
	if x, ok := w.(*os.File); ok {
		osf = x
	}
	return NewStreamFile(nil, w, osf, name)
}

func (f *File) errClosed() error {
	return py.ExceptionNewf(py.ValueError, "I/O operation on closed file.")
}

func (f *File) checkRead() error {
	if f.closed {
		return f.errClosed()
	}
	if f.r == nil {
		return pyrt.NewException(UnsupportedOperation, py.String("not readable"))
	}
	return nil
}

func (f *File) checkWrite() error {
	if f.closed {
		return f.errClosed()
	}
	if f.w == nil {
		return pyrt.NewException(UnsupportedOperation, py.String("not writable"))
	}
	return nil
}

// blocking runs a read, with the GIL released for streams that may wait.
func (f *File) blocking(read func()) {
	if f.gil != nil {
		f.gil.Released(read)
		return
	}
	read()
}

// syncForWrite drops read-ahead before writing to a file opened for both.
func (f *File) syncForWrite() error {
	if f.r == nil || f.f == nil || f.r.Buffered() == 0 {
		return nil
	}
	if _, err := f.f.Seek(int64(-f.r.Buffered()), io.SeekCurrent); err != nil {
		return NewOSError(err, nil)
	}
	f.r.Reset(f.f)
	return nil
}

// decode turns bytes read into text.
func (f *File) decode(b []byte, pos int) (string, error) {
	switch f.codec {
	case "latin-1":
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return string(rs), nil
	case "ascii":
		for i, c := range b {
			if c >= 0x80 {
				return "", pyrt.NewException(py.UnicodeDecodeError, py.String("'ascii' codec can't decode byte 0x"+hexByte(c)+" in position "+itoa(pos+i)+": ordinal not in range(128)"))
			}
		}
		return string(b), nil
	}
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		why := "invalid start byte"
		switch {
		case !utf8.FullRune(b[i:]):
			why = "unexpected end of data"
		case b[i] >= 0xc2 && b[i] <= 0xf4:
			why = "invalid continuation byte"
		}
		return "", pyrt.NewException(py.UnicodeDecodeError, py.String("'utf-8' codec can't decode byte 0x"+hexByte(b[i])+" in position "+itoa(pos+i)+": "+why))
	}
	return string(b), nil
}

// encode turns text into the bytes to write.
func (f *File) encode(s string) ([]byte, error) {
	limit := rune(0)
	switch f.codec {
	case "latin-1":
		limit = 0xff
	case "ascii":
		limit = 0x7f
	default:
		return []byte(s), nil
	}
	out := make([]byte, 0, len(s))
	i := 0
	for _, r := range s {
		if r > limit {
			return nil, pyrt.NewException(py.UnicodeEncodeError, py.String("'"+f.codec+"' codec can't encode character "+StringRepr(string(r))+" in position "+itoa(i)+": ordinal not in range("+itoa(int(limit)+1)+")"))
		}
		out = append(out, byte(r))
		i++
	}
	return out, nil
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// translate applies universal newlines to text read.
func (f *File) translate(s string) string {
	if f.newline != "\x00" || strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// read is read(n): everything for n < 0.
func (f *File) read(n int) (py.Object, error) {
	if err := f.checkRead(); err != nil {
		return nil, err
	}
	var data []byte
	var rerr error
	f.blocking(func() {
		switch {
		case n < 0:
			data, rerr = io.ReadAll(f.r)
		case f.binary || f.codec != "utf-8":
			data = make([]byte, n)
			var k int
			k, rerr = io.ReadFull(f.r, data)
			data = data[:k]
		default:
			for i := 0; i < n; i++ {
				r, size, err := f.r.ReadRune()
				if err != nil {
					rerr = err
					break
				}
				if r == utf8.RuneError && size == 1 {
					data = append(data, 0xff)
					continue
				}
				data = utf8.AppendRune(data, r)
			}
		}
	})
	if rerr != nil && rerr != io.EOF && rerr != io.ErrUnexpectedEOF {
		return nil, NewOSError(rerr, nil)
	}
	if f.binary {
		return newBytes(data), nil
	}
	s, err := f.decode(data, 0)
	if err != nil {
		return nil, err
	}
	return py.String(f.translate(s)), nil
}

// readLine reads one line (with its newline), at most limit characters
// when limit >= 0; "" (or b"") at end of file.
func (f *File) readLine(limit int) (py.Object, error) {
	if err := f.checkRead(); err != nil {
		return nil, err
	}
	var data []byte
	var rerr error
	f.blocking(func() {
		if limit < 0 {
			data, rerr = f.r.ReadBytes('\n')
			return
		}
		for count := 0; count < limit; count++ {
			if f.binary || f.codec != "utf-8" {
				c, err := f.r.ReadByte()
				if err != nil {
					rerr = err
					return
				}
				data = append(data, c)
				if c == '\n' {
					return
				}
				continue
			}
			r, _, err := f.r.ReadRune()
			if err != nil {
				rerr = err
				return
			}
			data = utf8.AppendRune(data, r)
			if r == '\n' {
				return
			}
		}
	})
	if rerr != nil && rerr != io.EOF {
		return nil, NewOSError(rerr, nil)
	}
	if f.binary {
		return newBytes(data), nil
	}
	s, err := f.decode(data, 0)
	if err != nil {
		return nil, err
	}
	if f.newline == "\x00" && strings.HasSuffix(s, "\r\n") {
		s = s[:len(s)-2] + "\n"
	}
	return py.String(s), nil
}

// write writes a str (text mode) or bytes (binary mode) and returns the
// count written.
func (f *File) write(o py.Object) (py.Object, error) {
	if err := f.checkWrite(); err != nil {
		return nil, err
	}
	var data []byte
	var n int
	if f.binary {
		b, ok := BytesLike(o)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyrt.TypeName(o))
		}
		data, n = []byte(b), len(b)
	} else {
		s, ok := o.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "write() argument must be str, not %s", pyrt.TypeName(o))
		}
		var err error
		if data, err = f.encode(string(s)); err != nil {
			return nil, err
		}
		n = utf8.RuneCountInString(string(s))
	}
	if err := f.syncForWrite(); err != nil {
		return nil, err
	}
	if _, err := f.w.Write(data); err != nil {
		return nil, NewOSError(err, nil)
	}
	return py.Int(n), nil
}

func (f *File) close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	if f.counted {
		unreachableFiles.closed()
	}
	if f.f != nil && f.closefd {
		if err := f.f.Close(); err != nil {
			return NewOSError(err, nil)
		}
	}
	return nil
}

func (f *File) seek(offset int64, whence int) (py.Object, error) {
	if f.closed {
		return nil, f.errClosed()
	}
	if f.f == nil {
		return nil, pyrt.NewException(UnsupportedOperation, py.String("underlying stream is not seekable"))
	}
	if whence < 0 || whence > 2 {
		return nil, py.ExceptionNewf(py.ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	if !f.binary && whence != 0 && offset != 0 {
		what := "cur"
		if whence == 2 {
			what = "end"
		}
		return nil, pyrt.NewException(UnsupportedOperation, py.String("can't do nonzero "+what+"-relative seeks"))
	}
	if whence == 1 && f.r != nil {
		offset -= int64(f.r.Buffered())
	}
	pos, err := f.f.Seek(offset, whence)
	if err != nil {
		return nil, NewOSError(err, nil)
	}
	if f.r != nil {
		f.r.Reset(f.f)
	}
	return py.Int(pos), nil
}

func (f *File) tell() (py.Object, error) {
	if f.closed {
		return nil, f.errClosed()
	}
	if f.f == nil {
		return nil, pyrt.NewException(UnsupportedOperation, py.String("underlying stream is not seekable"))
	}
	pos, err := f.f.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, NewOSError(err, nil)
	}
	if f.r != nil {
		pos -= int64(f.r.Buffered())
	}
	return py.Int(pos), nil
}

// M__iter__ returns the file: it iterates its lines.
func (f *File) M__iter__() (py.Object, error) {
	if f.closed {
		return nil, f.errClosed()
	}
	return f, nil
}

// M__next__ returns the next line.
func (f *File) M__next__() (py.Object, error) {
	line, err := f.readLine(-1)
	if err != nil {
		return nil, IterFailed(f, err)
	}
	if lineLen(line) == 0 {
		return nil, py.StopIteration
	}
	return line, nil
}

// M__enter__ returns the file.
func (f *File) M__enter__() (py.Object, error) {
	if f.closed {
		return nil, f.errClosed()
	}
	return f, nil
}

// M__exit__ closes the file.
func (f *File) M__exit__(exc, val, tb py.Object) (py.Object, error) {
	return py.None, f.close()
}

// M__repr__ is CPython's repr: <_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>.
func (f *File) M__repr__() (py.Object, error) {
	name, err := Repr(f.name)
	if err != nil {
		return nil, err
	}
	s := "<_io." + f.Type().Name + " name=" + name
	if !f.binary {
		s += " mode=" + StringRepr(f.mode) + " encoding=" + StringRepr(f.encoding)
	}
	return py.String(s + ">"), nil
}

// lineLen is the length of a line read (str or bytes).
func lineLen(o py.Object) int {
	switch x := o.(type) {
	case py.String:
		return len(x)
	}
	if b, ok := BytesLike(o); ok {
		return len(b)
	}
	return 0
}

// setStdio gives a new interpreter its sys.stdout, sys.stderr and sys.stdin
// (Options.Stdout/Stderr/Stdin, or the process's own).
func setStdio(in *pyrt.Interp, opts pyrt.Options) {
	if sys, err := in.Ctx.GetModule("sys"); err == nil {
		stdout, stderr := opts.Stdout, opts.Stderr
		if stdout == nil {
			stdout = os.Stdout
		}
		if stderr == nil {
			stderr = os.Stderr
		}
		sys.Globals["stdout"] = newWriterFile(stdout, "<stdout>")
		sys.Globals["stderr"] = newWriterFile(stderr, "<stderr>")
		var stdin *File
		if opts.Stdin != nil {
			osf, _ := opts.Stdin.(*os.File)
			stdin = NewStreamFile(opts.Stdin, nil, osf, "<stdin>")
		} else {
			stdin = NewStreamFile(os.Stdin, nil, os.Stdin, "<stdin>")
		}
		stdin.gil = in.GIL
		sys.Globals["stdin"] = stdin
	}
}

func init() { pyrt.OnNewInterp(nil, setStdio) }
