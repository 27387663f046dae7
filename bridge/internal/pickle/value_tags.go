package pickle

import "github.com/pypool/pypool/pool/wire"

// Tags of bridge-defined values. A tagged value is a wire.Tuple whose first
// item is wire.Ext{Code: tag} with no data; the fields follow. Codes 0–31
// belong to package wire.
const (
	tagFunction     int8 = 32 // id, module, qualname, code, defaults, kwdefaults, closure, globals, dict
	tagCode         int8 = 33 // the *py.Code fields, see encodeCode
	tagClass        int8 = 34 // id, module, qualname, name, bases, namespace
	tagInstance     int8 = 35 // id, class, __dict__
	tagBackref      int8 = 36 // id of a function, class or instance sent earlier in the same value
	tagModule       int8 = 37 // module name
	tagEmptyCell    int8 = 38 // an empty closure cell
	tagMethod       int8 = 39 // receiver, attribute name: getattr(receiver, name)
	tagPartial      int8 = 40 // func, args, keywords: functools.partial
	tagEllipsis     int8 = 41 // ...
	tagStaticMethod int8 = 42 // callable
	tagClassMethod  int8 = 43 // callable
	tagProperty     int8 = 44 // fget, fset, fdel, doc
	tagDefinition   int8 = 45 // sys.path entries, callable: a "py" Define payload
	tagFresh        int8 = 46 // constructor (a Ref): a new object made by the receiver
	tagExcAttr      int8 = 47 // attribute name: an exception class's attribute slot
	tagDictSub      int8 = 49 // class, items, constructor args (or nil): an instance of a dict subclass
	tagExcExtra     int8 = 48 // class (or nil), __dict__: wire.Exception.Class of an exception with attributes
	tagByteArray    int8 = 50 // contents ([]byte): a bytearray
	tagRange        int8 = 51 // start, stop, step: a range
	tagHandle       int8 = 52 // kind, state: an object travelling by handle (RegisterHandle)
)

// tagged builds a tagged value.
func tagged(tag int8, fields ...wire.Value) wire.Tuple {
	t := make(wire.Tuple, 0, len(fields)+1)
	t = append(t, wire.Ext{Code: tag})
	return append(t, fields...)
}

// tagOf tells whether t is a tagged value, and its tag.
func tagOf(t wire.Tuple) (int8, bool) {
	if len(t) == 0 {
		return 0, false
	}
	switch x := t[0].(type) {
	case wire.Ext:
		if x.Code >= 32 && len(x.Data) == 0 {
			return x.Code, true
		}
	case *wire.Ext:
		if x != nil && x.Code >= 32 && len(x.Data) == 0 {
			return x.Code, true
		}
	}
	return 0, false
}
