package pickle

// Process-local globals. A module-level threading.Lock (RLock, Event) that a
// task function uses cannot be copied to another process, yet CPython's
// workers have one: spawn re-runs the module and makes a new lock, fork
// copies it. So when such an object is a global a shipped function reaches,
// the worker gets a new one of its kind (made by calling the constructor
// named here). As an argument or a result it still fails with CPython's
// "cannot pickle '_thread.lock' object".

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/pool/wire"
)

// freshGlobals maps a type's qualified name to the constructor that makes a
// new, unshared object of that kind in the receiving interpreter.
var freshGlobals = map[string]wire.Ref{
	"_thread.lock":    {Module: "threading", Name: "Lock"},
	"_thread.RLock":   {Module: "threading", Name: "RLock"},
	"threading.Event": {Module: "threading", Name: "Event"},
}

// freshGlobal reports the constructor for a process-local global.
func freshGlobal(obj py.Object) (wire.Ref, bool) {
	ref, ok := freshGlobals[typeName(obj)]
	return ref, ok
}

// isFreshConstructor tells whether ref is one of the constructors above.
func isFreshConstructor(ref wire.Ref) bool {
	for _, r := range freshGlobals {
		if r == ref {
			return true
		}
	}
	return false
}
