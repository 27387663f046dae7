package pyobj

// Metaclasses implemented in Go by module packages (enum's EnumType).
// gpython runs no Python metaclasses, so the class builder and the wire
// encoder ask a class's registered Metaclass about it: a registry filled
// from the module package's init, as gpython fills py.Compile.

import "github.com/go-python/gpython/py"

// A Metaclass is what the object model and the wire encoder call for the
// classes of a Go metaclass; each func may be nil.
type Metaclass struct {
	// BodyOrder is given the code and namespace of a class body before a
	// class deriving from one of this metaclass's classes is made (enum
	// stores the body's names in first-use order).
	BodyOrder func(code *py.Code, ns py.StringDict)
	// Filled is called on a class of this metaclass rebuilt from a wire
	// value once its namespace is in place.
	Filled func(cls *py.Type) error
	// SendNamespace edits the namespace of a class of this metaclass about
	// to be sent by value.
	SendNamespace func(cls *py.Type, ns py.StringDict)
	// MemberName reports the name under which x, an instance of a class of
	// this metaclass, travels as getattr(its class, name).
	MemberName func(x *py.Type) (string, bool)
}

var metaclasses = map[*py.Type]*Metaclass{}

// RegisterMetaclass registers m for the classes whose metaclass is mt. Call
// it from init (the registry is read without a lock afterwards).
func RegisterMetaclass(mt *py.Type, m *Metaclass) { metaclasses[mt] = m }

// metaclassOf returns the registered Metaclass of the class cls, or nil.
func MetaclassOf(cls *py.Type) *Metaclass {
	if cls == nil {
		return nil
	}
	return metaclasses[cls.Type()]
}
