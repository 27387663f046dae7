package pool

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"sync"

	"github.com/pypool/pypool/pool/wire"
)

// The engine reports failures that have nobody to return to — a done
// callback that failed, an initializer that failed in a worker goroutine — as
// CPython's "concurrent.futures" logger does: one message line, then the
// error. SetLogger routes these reports elsewhere (the bridge prints Python
// tracebacks).

var (
	logMu  sync.RWMutex
	logger = defaultLogger
)

// SetLogger replaces the function that receives the engine's error reports
// and returns the previous one. msg is CPython's log message (e.g.
// "exception calling callback for <Future at 0xc000012345 state=finished
// returned int>"); err is what failed (a *PanicError for a panic). A nil fn
// restores the default, which writes both to standard error.
func SetLogger(fn func(msg string, err error)) (previous func(msg string, err error)) {
	logMu.Lock()
	defer logMu.Unlock()
	previous = logger
	if fn == nil {
		fn = defaultLogger
	}
	logger = fn
	return previous
}

func logError(msg string, err error) {
	logMu.RLock()
	fn := logger
	logMu.RUnlock()
	defer func() {
		if r := recover(); r != nil { // a broken logger must not kill a worker
			defaultLogger(msg, err)
		}
	}()
	fn(msg, err)
}

func defaultLogger(msg string, err error) {
	var b strings.Builder
	b.WriteString(msg)
	b.WriteByte('\n')
	var pe *PanicError
	if errors.As(err, &pe) {
		fmt.Fprintf(&b, "%v\n%s", err, pe.Stack)
	} else if err != nil {
		var exc *wire.Exception
		if errors.As(err, &exc) && exc.Traceback != "" {
			b.WriteString(exc.Traceback)
			if !strings.HasSuffix(exc.Traceback, "\n") {
				b.WriteByte('\n')
			}
		} else {
			fmt.Fprintf(&b, "%v\n", err)
		}
	}
	os.Stderr.WriteString(b.String())
}

var (
	typeNamerMu sync.RWMutex
	typeNamer   func(v any) (string, bool)
)

// SetTypeNamer installs a function that names the Python type of a value,
// for reprs such as "<Future at 0x… state=finished returned int>". The
// bridge installs one for its Python objects; values it does not know
// (ok == false) are named after their Go type.
func SetTypeNamer(fn func(v any) (name string, ok bool)) {
	typeNamerMu.Lock()
	typeNamer = fn
	typeNamerMu.Unlock()
}

// typeName names v's type as Python would where the mapping is obvious.
func typeName(v any) string {
	typeNamerMu.RLock()
	fn := typeNamer
	typeNamerMu.RUnlock()
	if fn != nil {
		if name, ok := fn(v); ok {
			return name
		}
	}
	switch v := v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, *big.Int:
		return "int"
	case float32, float64:
		return "float"
	case complex64, complex128:
		return "complex"
	case string:
		return "str"
	case []byte:
		return "bytes"
	case wire.List:
		return "list"
	case wire.Tuple:
		return "tuple"
	case *wire.Dict:
		return "dict"
	case wire.Set:
		return "set"
	case wire.FrozenSet:
		return "frozenset"
	case *wire.Exception:
		return v.Type
	}
	name := fmt.Sprintf("%T", v)
	name = strings.TrimLeft(name, "*")
	if i := strings.LastIndexByte(name, '.'); i >= 0 && !strings.ContainsAny(name[:i], "[") {
		name = name[i+1:]
	}
	return name
}
