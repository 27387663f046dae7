package pyobj

import (
	"os"
	"strings"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// FormatException formats err as CPython 3.11 prints an uncaught exception:
// the chained exceptions first (__cause__: "The above exception was the
// direct cause of the following exception:", __context__: "During handling
// of the above exception, another exception occurred:"), then
// "Traceback (most recent call last):", one `  File "…", line N, in f` entry
// per frame with its stripped source line, and the last line
// "Type: message" (module-qualified for classes outside builtins and
// __main__). The text ends with a newline. Any Go error is accepted; a
// non-Python error is shown as a SystemError.
func FormatException(err error) string {
	return FormatExceptionWith(err, TracebackOptions{})
}

// TracebackOptions are the traceback module's limit and chain arguments.
type TracebackOptions struct {
	Limit   int  // entries kept per traceback: the first limit, or the last -limit
	Limited bool // whether limit applies
	NoChain bool // chain=False: only the exception itself
}

func FormatExceptionWith(err error, opt TracebackOptions) string {
	return strings.Join(ExceptionChunks(err, opt), "")
}

// ExceptionChunks is traceback.format_exception's list: one string per
// header, per frame entry (its File line and source line) and per line of
// the exception part.
func ExceptionChunks(err error, opt TracebackOptions) []string {
	exc, tb := ExceptionOf(err)
	return FormatChunks(exc, tb, opt)
}

// FormatChunks is exceptionChunks for exc with traceback tb (a
// TracebackException's, which need not be exc's own).
func FormatChunks(exc *py.Exception, tb *py.Traceback, opt TracebackOptions) []string {
	var w tbText
	formatChain(&w, exc, tb, map[*py.Exception]bool{}, opt)
	return w.chunks
}

// ExceptionOnlyChunks is traceback.format_exception_only's list: a
// SyntaxError's location lines, then "Type: message\n".
func ExceptionOnlyChunks(exc *py.Exception) []string {
	var w tbText
	if exc.Base.IsSubtype(py.SyntaxError) {
		writeSyntaxLocation(&w, exc)
	}
	w.add(exceptionLine(exc) + "\n")
	return w.chunks
}

// tbText collects a traceback's text as traceback.format_exception's
// strings.
type tbText struct{ chunks []string }

func (w *tbText) add(s string) { w.chunks = append(w.chunks, s) }

// FormatExceptionOnly returns the last line of FormatException (no newline):
// "ValueError: boom".
func FormatExceptionOnly(err error) string {
	exc, _ := ExceptionOf(err)
	return exceptionLine(exc)
}

// exceptionOf extracts the exception object and its traceback from err.
func ExceptionOf(err error) (*py.Exception, *py.Traceback) {
	switch e := err.(type) {
	case py.ExceptionInfo:
		exc := asException(e.Value, e.Type)
		tb := e.Traceback
		if tb == nil {
			tb, _ = exc.Traceback.(*py.Traceback)
		}
		return exc, tb
	case *py.ExceptionInfo:
		return ExceptionOf(*e)
	case *py.Exception:
		tb, _ := e.Traceback.(*py.Traceback)
		return e, tb
	case nil:
		return py.ExceptionNewf(py.SystemError, "error return without exception set"), nil
	}
	return py.MakeException(err), nil
}

func asException(v py.Object, t *py.Type) *py.Exception {
	if e, ok := v.(*py.Exception); ok {
		return e
	}
	if v == nil && t != nil {
		return py.MakeException(t)
	}
	return py.MakeException(v)
}

func formatChain(w *tbText, exc *py.Exception, tb *py.Traceback, seen map[*py.Exception]bool, opt TracebackOptions) {
	seen[exc] = true
	if opt.NoChain {
		// no chained sections
	} else if c, ok := exc.Cause.(*py.Exception); ok && c != nil && !seen[c] {
		ctb, _ := c.Traceback.(*py.Traceback)
		formatChain(w, c, ctb, seen, opt)
		w.add("\nThe above exception was the direct cause of the following exception:\n\n")
	} else if c, ok := exc.Context.(*py.Exception); ok && c != nil && !exc.SuppressContext && !seen[c] {
		ctb, _ := c.Traceback.(*py.Traceback)
		formatChain(w, c, ctb, seen, opt)
		w.add("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	if s := TracebackSummary(tb, opt); len(s.Items) > 0 {
		w.add("Traceback (most recent call last):\n")
		lines, _ := s.Format()
		for _, l := range lines.Items {
			w.add(string(l.(py.String)))
		}
	}
	w.chunks = append(w.chunks, ExceptionOnlyChunks(exc)...)
}

// TracebackSummary is the entries of tb, limited as opt says.
func TracebackSummary(tb *py.Traceback, opt TracebackOptions) *StackSummary {
	var tbs []*py.Traceback
	for ; tb != nil; tb = tb.Next {
		tbs = append(tbs, tb)
	}
	s := &StackSummary{List: py.NewList()}
	for _, t := range applyLimit(tbs, opt.Limit, opt.Limited) {
		s.Items = append(s.Items, frameEntry(t.Frame, py.Int(t.Lineno)))
	}
	return s
}

// writeSyntaxLocation writes the "File …, line N", source line and caret of a
// SyntaxError.
func writeSyntaxLocation(w *tbText, exc *py.Exception) {
	lineno, ok := exc.Dict["lineno"].(py.Int)
	if !ok {
		return
	}
	filename, _ := exc.Dict["filename"].(py.String)
	w.add("  File \"" + string(filename) + "\", line " + itoa(int(lineno)) + "\n")
	line, _ := exc.Dict["line"].(py.String)
	text := strings.TrimRight(string(line), "\r\n")
	if text == "" {
		text = SourceLine(string(filename), int(lineno))
	}
	stripped := strings.TrimLeft(text, " \t\f")
	if stripped == "" {
		return
	}
	w.add("    " + strings.TrimRight(stripped, " \t") + "\n")
	if off, ok := exc.Dict["offset"].(py.Int); ok && off > 0 {
		col := int(off) - 1 - (len(text) - len(stripped))
		if col >= 0 && col <= len(stripped) {
			w.add("    " + strings.Repeat(" ", len([]rune(stripped[:col]))) + "^\n")
		}
	}
}

// exceptionLine is "Type: message", or "Type" when the message is empty.
func exceptionLine(exc *py.Exception) string {
	name := QualifiedName(exc.Base)
	msg, err := ExceptionStr(exc)
	if err != nil {
		msg = "<exception str() failed>"
	}
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

// QualifiedName returns a class's name as tracebacks show it: bare for
// builtins and __main__, else "module.Name" (from the class's __module__).
func QualifiedName(t *py.Type) string {
	if t == nil {
		return "NULL"
	}
	mod, _ := t.Dict["__module__"].(py.String)
	if mod == "" || mod == "builtins" || mod == "__main__" {
		return t.Name
	}
	return string(mod) + "." + t.Name
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

var sourceCache sync.Map // filename → []string

// SourceLine returns line n (1-based) of file filename with surrounding
// white space stripped, or "" when it cannot be read (e.g. "<string>").
func SourceLine(filename string, n int) string {
	if n <= 0 || filename == "" || filename[0] == '<' {
		return ""
	}
	v, ok := sourceCache.Load(filename)
	if !ok {
		data, err := os.ReadFile(filename)
		if err != nil {
			return ""
		}
		v, _ = sourceCache.LoadOrStore(filename, strings.Split(string(data), "\n"))
	}
	lines := v.([]string)
	if n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}

// PrintException writes FormatException(err) to the interpreter's stderr.
// Like CPython's, it shows only the last sys.tracebacklimit entries of each
// traceback when that is set (none when it is 0 or less).
func PrintException(in *pyrt.Interp, err error) {
	var opt TracebackOptions
	if sys, e := in.Ctx.GetModule("sys"); e == nil {
		if v, ok := sys.Globals["tracebacklimit"]; ok {
			if n, e := IntArg("tracebacklimit", v); e == nil {
				opt.Limited = true
				if n.IsInt64() && n.Int64() > 0 {
					opt.Limit = -int(min(n.Int64(), 1<<30))
				}
			}
		}
	}
	_, _ = in.Stderr().Write([]byte(FormatExceptionWith(err, opt)))
}
