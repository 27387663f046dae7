package pool

// Parameter names for registered Go functions: keyword arguments and
// errors that name the parameter.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pypool/pypool/pool/wire"
)

// WithParamNames names g's parameters (the context.Context one excepted),
// so that calls may pass them by keyword (fib(n=30)) and errors name them
// as CPython does ("fib() argument 'n': want int, got str", "fib() missing
// 1 required positional argument: 'n'"). Call it right after Register,
// from the same init (workers need the names too); it returns g. It panics
// if the count is wrong, a name repeats, or g is variadic.
func (g *GoFunc) WithParamNames(names ...string) *GoFunc {
	if g.variadic {
		panic(fmt.Sprintf("pool: %s is variadic: its parameters cannot be named", g.name))
	}
	if len(names) != len(g.params) {
		panic(fmt.Sprintf("pool: %s has %d parameters, got %d names", g.name, len(g.params), len(names)))
	}
	seen := map[string]bool{}
	for _, n := range names {
		if n == "" || seen[n] {
			panic(fmt.Sprintf("pool: %s: parameter names must be distinct and not empty: %q", g.name, names))
		}
		seen[n] = true
	}
	g.paramNames = append([]string(nil), names...)
	return g
}

// ParamNames returns the names WithParamNames gave, or nil.
func (g *GoFunc) ParamNames() []string { return append([]string(nil), g.paramNames...) }

// argName names argument i (from 0) in errors: 'n', or its position.
func (g *GoFunc) argName(i int) string {
	if i < len(g.paramNames) {
		return "'" + g.paramNames[i] + "'"
	}
	return strconv.Itoa(i + 1)
}

// bindNames binds keyword arguments to positions, with CPython's errors.
func (g *GoFunc) bindNames(args []wire.Value, kwargs []wire.KV) ([]wire.Value, error) {
	names := g.paramNames
	if names == nil {
		return nil, typeError(fmt.Sprintf("%s() got an unexpected keyword argument %s: Go functions take positional arguments only", g.name, keyString(kwargs[0].Key)))
	}
	if len(args) > len(names) {
		return args, nil // convertArgs words "takes N positional arguments but M were given"
	}
	bound := make([]wire.Value, len(names))
	filled := make([]bool, len(names))
	copy(bound, args)
	for i := range args {
		filled[i] = true
	}
	for _, kv := range kwargs {
		k, _ := kv.Key.(string)
		i := indexOf(names, k)
		if i < 0 {
			return nil, typeError(fmt.Sprintf("%s() got an unexpected keyword argument %s", g.name, keyString(kv.Key)))
		}
		if filled[i] {
			return nil, typeError(fmt.Sprintf("%s() got multiple values for argument '%s'", g.name, k))
		}
		bound[i], filled[i] = kv.Value, true
	}
	var missing []string
	for i, ok := range filled {
		if !ok {
			missing = append(missing, "'"+names[i]+"'")
		}
	}
	if len(missing) > 0 {
		return nil, typeError(fmt.Sprintf("%s() missing %d required positional argument%s: %s", g.name, len(missing), plural(len(missing)), joinNames(missing)))
	}
	return bound, nil
}

func indexOf(names []string, k string) int {
	for i, n := range names {
		if n == k {
			return i
		}
	}
	return -1
}

// joinNames lists names as CPython does: 'a', 'a' and 'b', 'a', 'b', and 'c'.
func joinNames(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}
