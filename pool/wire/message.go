// This file is the contract between the engine (package pool), the frame
// codec in this package and the bridge. Change it only with all three in mind.

package wire

import "math/big"

// Kind tells which message a frame holds.
type Kind uint8

// Message kinds.
const (
	KindHello    Kind = 1 // worker → parent, first frame: Hello
	KindDefine   Kind = 2 // parent → worker: Define
	KindTask     Kind = 3 // parent → worker: Task
	KindResult   Kind = 4 // worker → parent: Result
	KindShutdown Kind = 5 // parent → worker: no body; finish and exit 0
	KindInit     Kind = 6 // parent → worker: Init (run the initializer once, before tasks)
)

// Message is one decoded frame: exactly one of the pointer fields is set,
// matching Kind (KindShutdown sets none).
type Message struct {
	Kind   Kind
	Hello  *Hello
	Define *Define
	Task   *Task
	Result *Result
	Init   *Init
}

// Hello is the first message a worker sends.
type Hello struct {
	PID  int
	Name string // e.g. "SpawnPoolWorker-3"
}

// Define caches a callable in the worker under ID. Runtime names the worker
// runtime that interprets Payload ("go" for functions registered with
// pool.Register: Payload is the registered name as a string; the bridge adds
// "py" for Python functions shipped by value, and others).
type Define struct {
	ID      uint64
	Runtime string
	Payload Value
}

// Mode says how a Task applies its function.
type Mode uint8

// Task modes, after CPython: a single call, or a chunk as multiprocessing's
// mapstar/starmapstar and concurrent.futures' _process_chunk do.
const (
	ModeCall    Mode = 0 // fn(*Args, **Kwargs); the result value is the return value
	ModeMap     Mode = 1 // Args is the chunk: [fn(x) for x in Args]; the result value is a List
	ModeStarmap Mode = 2 // Args is the chunk of argument tuples: [fn(*x) for x in Args]
)

// Task asks the worker to run the callable defined as Func.
type Task struct {
	ID     uint64
	Func   uint64
	Mode   Mode
	Args   []Value
	Kwargs []KV // ModeCall only; keys are strings

	// ArgsRange, when set (ModeMap, sending side only), stands for Args:
	// the chunk's items are the range's ints, encoded as the list of them
	// without making it. The receiver decodes them into Args as usual.
	ArgsRange *IntRange
}

// IntRange is the ints Start, Start+Step, …, Len of them.
type IntRange struct {
	Start, Step int64
	Len         int
}

// At is the i-th int of r.
func (r IntRange) At(i int) int64 { return r.Start + int64(i)*r.Step }

// Init runs the callable defined as Func once, with Args, before any task.
// If it fails the worker reports a Result with ID 0 and Err set, and exits;
// if it succeeds, the worker reports a Result with ID 0 and no Err before
// it runs any task.
type Init struct {
	Func uint64
	Args []Value
}

// Result answers the Task with the same ID. Exactly one of Value and Err is
// meaningful: Err != nil means the task raised.
type Result struct {
	ID    uint64
	Value Value
	Err   *Exception
}

// Value is any value that may cross the wire. The concrete Go types are:
//
//	nil, bool, int64, *big.Int (outside int64), float64, complex128,
//	string, []byte, List, Tuple, *Dict, Set, FrozenSet, *Exception, Ref, Ext
//
// Encoders reject anything else with an error naming the Go type.
type Value = any

// List is a Python list.
type List []Value

// Tuple is a Python tuple.
type Tuple []Value

// Set is a Python set (members in iteration order).
type Set []Value

// FrozenSet is a Python frozenset.
type FrozenSet []Value

// KV is one dict entry.
type KV struct {
	Key   Value
	Value Value
}

// Dict is an insertion-ordered dict with any hashable keys.
type Dict struct {
	Items []KV
}

// Exception is an exception raised by a task, or a Go error turned into one.
type Exception struct {
	Module    string  // e.g. "builtins", "__main__", "concurrent.futures.process"
	Type      string  // class name, e.g. "ValueError"
	Args      []Value // the exception's args
	Message   string  // str(exc)
	Traceback string  // remote traceback text, CPython's format; may be empty
	// Class is an optional by-value definition of a user exception class
	// (bridge-defined, opaque to the engine).
	Class Value
}

// Error makes *Exception an error: "Type: message", or "Type" alone.
func (e *Exception) Error() string {
	if e.Message == "" {
		return e.Type
	}
	return e.Type + ": " + e.Message
}

// Ref names an importable object by module and qualified name, e.g.
// Ref{"builtins", "abs"}.
type Ref struct {
	Module string
	Name   string
}

// Ext is an opaque, bridge-defined value (a function definition, an instance
// of a __main__ class, …). Code 0–31 are reserved for this package.
type Ext struct {
	Code int8
	Data []byte
}

var _ = big.NewInt // *big.Int is part of the value model
