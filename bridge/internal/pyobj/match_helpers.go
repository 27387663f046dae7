package pyobj

// The builtins that rewritten match statements call (rewrite_match.go).

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// selfMatching are the classes whose single positional sub-pattern
// matches the subject itself (CPython's list).
var selfMatching = map[*py.Type]bool{
	py.BoolType: true, py.BytesType: true, py.FloatType: true, py.IntType: true,
	py.ListType: true, py.StringType: true, py.TupleType: true, py.FrozenSetType: true,
}

func matchArgs(args py.Tuple, n int, name string) error {
	if len(args) != n {
		return py.ExceptionNewf(py.TypeError, "%s() takes %d arguments", name, n)
	}
	return nil
}

// mseq is __pp_mseq__(obj, n, star): obj is a sequence (not str, bytes or a
// mapping) of length n, or at least n with a star.
func mseq(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if err := matchArgs(args, 3, "__pp_mseq__"); err != nil {
		return nil, err
	}
	obj := args[0]
	switch obj.(type) {
	case py.String, py.Bytes, py.StringDict, DictLike:
		return py.False, nil
	case py.Tuple, *py.List, *py.Range:
	default:
		if _, err := py.GetAttrString(obj, "__getitem__"); err != nil {
			return py.False, nil
		}
		if _, err := py.GetAttrString(obj, "keys"); err == nil {
			return py.False, nil
		}
	}
	l, err := py.Len(obj)
	if err != nil {
		return py.False, nil
	}
	n, err := py.GetInt(args[1])
	if err != nil {
		return nil, err
	}
	ln := int(l.(py.Int))
	if args[2] == py.True {
		return py.NewBool(ln >= int(n)), nil
	}
	return py.NewBool(ln == int(n)), nil
}

func isMapping(obj py.Object) bool {
	switch obj.(type) {
	case py.StringDict, DictLike:
		return true
	case py.String, py.Bytes, py.Tuple, *py.List:
		return false
	}
	_, err := py.GetAttrString(obj, "keys")
	return err == nil
}

// mmap is __pp_mmap__(obj, keys): obj is a mapping holding every key.
func mmap(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if err := matchArgs(args, 2, "__pp_mmap__"); err != nil {
		return nil, err
	}
	if !isMapping(args[0]) {
		return py.False, nil
	}
	keys, _ := args[1].(py.Tuple)
	for _, k := range keys {
		in, err := py.SequenceContains(args[0], k)
		if err != nil {
			return nil, err
		}
		if !in {
			return py.False, nil
		}
	}
	return py.True, nil
}

// mrest is __pp_mrest__(obj, keys): a dict of obj's other items.
func mrest(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if err := matchArgs(args, 2, "__pp_mrest__"); err != nil {
		return nil, err
	}
	out := NewDict()
	if err := out.Update(args[0]); err != nil {
		return nil, err
	}
	keys, _ := args[1].(py.Tuple)
	for _, k := range keys {
		if _, err := out.Delete(k); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func classOf(o py.Object) (*py.Type, error) {
	t, ok := o.(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "called match pattern must be a class")
	}
	return t, nil
}

// mcls is __pp_mcls__(obj, cls): isinstance(obj, cls).
func mcls(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if err := matchArgs(args, 2, "__pp_mcls__"); err != nil {
		return nil, err
	}
	cls, err := classOf(args[1])
	if err != nil {
		return nil, err
	}
	return py.NewBool(IsInstance(args[0], cls)), nil
}

// matchAttr names the attribute a sub-pattern of a class pattern reads: a
// keyword, or positional i via cls.__match_args__ ("" for the subject
// itself).
func matchAttr(cls *py.Type, key py.Object) (string, error) {
	if s, ok := key.(py.String); ok {
		return string(s), nil
	}
	i, err := py.GetInt(key)
	if err != nil {
		return "", err
	}
	if selfMatching[cls] {
		if i == 0 {
			return "", nil
		}
		return "", py.ExceptionNewf(py.TypeError, "%s() accepts 1 positional sub-pattern (%d given)", cls.Name, i+1)
	}
	ma, err := py.GetAttrString(cls, "__match_args__")
	if err != nil {
		return "", py.ExceptionNewf(py.TypeError, "%s() accepts 0 positional sub-patterns (%d given)", cls.Name, i+1)
	}
	t, ok := ma.(py.Tuple)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "%s.__match_args__ must be a tuple (got %s)", cls.Name, ma.Type().Name)
	}
	if int(i) >= len(t) {
		return "", py.ExceptionNewf(py.TypeError, "%s() accepts %d positional sub-patterns (%d given)", cls.Name, len(t), i+1)
	}
	name, ok := t[i].(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "__match_args__ elements must be strings (got %s)", t[i].Type().Name)
	}
	return string(name), nil
}

// mhas is __pp_mhas__(obj, cls, key): the attribute exists.
func mhas(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if err := matchArgs(args, 3, "__pp_mhas__"); err != nil {
		return nil, err
	}
	cls, err := classOf(args[1])
	if err != nil {
		return nil, err
	}
	name, err := matchAttr(cls, args[2])
	if err != nil || name == "" {
		return py.NewBool(err == nil), err
	}
	if _, err := py.GetAttrString(args[0], name); err != nil {
		if py.IsException(py.AttributeError, err) {
			return py.False, nil
		}
		return nil, err
	}
	return py.True, nil
}

// mget is __pp_mget__(obj, cls, key): the attribute's value.
func mget(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if err := matchArgs(args, 3, "__pp_mget__"); err != nil {
		return nil, err
	}
	cls, err := classOf(args[1])
	if err != nil {
		return nil, err
	}
	name, err := matchAttr(cls, args[2])
	if err != nil {
		return nil, err
	}
	if name == "" {
		return args[0], nil
	}
	return py.GetAttrString(args[0], name)
}

func init() {
	pyrt.OnInstall(pyrt.InstallExtras, "match_helpers", func() {
		for name, fn := range map[string]func(py.Tuple, py.StringDict) (py.Object, error){
			"__pp_mseq__": mseq, "__pp_mmap__": mmap, "__pp_mrest__": mrest,
			"__pp_mcls__": mcls, "__pp_mhas__": mhas, "__pp_mget__": mget,
		} {
			SetBuiltin(name, intrinsic(name, fn))
		}
	})
}
