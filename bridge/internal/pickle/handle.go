package pickle

// Objects that travel by handle: a lock, a shared value, a shared memory
// block is not copied into the receiving process but re-attached there by
// name. Such a type registers how its object turns into a state (any value
// ToWire can send, e.g. a tuple of names) and how a state becomes an object
// again in the receiving interpreter — CPython's __reduce__ idea, one
// registry for every such type.

import (
	"fmt"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/wire"
)

// A Handle says how objects of one type travel by handle.
type Handle struct {
	// Reduce gives obj's state, sent in its place (an error, such as
	// CPython's RuntimeError for a lock sent outside process spawning,
	// stops the send).
	Reduce func(obj py.Object) (py.Object, error)
	// Rebuild attaches to the object state describes, in interp (nil when
	// a value is decoded outside an interpreter).
	Rebuild func(interp *pyrt.Interp, state py.Object) (py.Object, error)
}

var (
	handleByType = map[*py.Type]string{}
	handleByName = map[string]Handle{}
)

// RegisterHandle makes objects whose type is one of types (or a subtype)
// travel by handle
// h under name (unique; it names the kind on the wire). Call it from init.
func RegisterHandle(name string, h Handle, types ...*py.Type) {
	if _, dup := handleByName[name]; dup {
		panic(fmt.Sprintf("pickle: handle %q registered twice", name))
	}
	handleByName[name] = h
	for _, t := range types {
		handleByType[t] = name
	}
}

// encodeHandle sends obj by handle if its type registered one.
func (e *encoder) encodeHandle(obj py.Object) (wire.Value, bool, error) {
	var name string
	for t := obj.Type(); t != nil && name == ""; t = t.Base {
		name = handleByType[t]
	}
	if name == "" {
		return nil, false, nil
	}
	st, err := handleByName[name].Reduce(obj)
	if err != nil {
		return nil, true, err
	}
	v, err := e.encode(st)
	if err != nil {
		return nil, true, err
	}
	return tagged(tagHandle, name, v), true, nil
}

func (d *decoder) decodeHandle(f []wire.Value) (py.Object, error) {
	if err := fields("handle", f, 2); err != nil {
		return nil, err
	}
	name, _ := f[0].(string)
	h, ok := handleByName[name]
	if !ok {
		return nil, errBadValue(fmt.Sprintf("unknown handle kind %q", name))
	}
	st, err := d.decode(f[1])
	if err != nil {
		return nil, err
	}
	return h.Rebuild(d.interp, st)
}
