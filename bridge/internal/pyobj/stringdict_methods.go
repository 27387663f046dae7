package pyobj

// Methods of gpython's string-keyed dict (what **kwargs and class namespaces
// are) that scripts use on kwargs, plus object.__dict__ and __class__.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func sdSelf(self py.Object) py.StringDict { return self.(py.StringDict) }

func sdKey(k py.Object) (string, error) {
	s, ok := k.(py.String)
	if !ok {
		return "", pyrt.KeyError(k)
	}
	return string(s), nil
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "stringdict_methods", func() {
		t := py.StringDictType
		pyrt.Method(t, "dict.pop", "$self, key, default=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			d := sdSelf(self)
			k, err := sdKey(a.Get("key"))
			if err == nil {
				if v, ok := d[k]; ok {
					delete(d, k)
					return v, nil
				}
			}
			if a.Given("default") {
				return a.Get("default"), nil
			}
			return nil, pyrt.KeyError(a.Get("key"))
		})
		pyrt.Method(t, "dict.setdefault", "$self, key, default=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			d := sdSelf(self)
			k, err := sdKey(a.Get("key"))
			if err != nil {
				return nil, py.ExceptionNewf(py.TypeError, "keywords must be strings")
			}
			if v, ok := d[k]; ok {
				return v, nil
			}
			def := a.Get("default")
			d[k] = def
			return def, nil
		})
		pyrt.Method(t, "dict.update", "$self, other=None, /, **kwargs", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			d := sdSelf(self)
			if a.Given("other") {
				src := NewDict()
				if err := src.Update(a.Get("other")); err != nil {
					return nil, err
				}
				for _, it := range src.Items() {
					k, err := sdKey(it.Key)
					if err != nil {
						return nil, py.ExceptionNewf(py.TypeError, "keywords must be strings")
					}
					d[k] = it.Value
				}
			}
			for k, v := range a.Kw {
				d[k] = v
			}
			return py.None, nil
		})
		pyrt.Method(t, "dict.copy", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return sdSelf(self).Copy(), nil
		})
		pyrt.Method(t, "dict.clear", "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			d := sdSelf(self)
			for k := range d {
				delete(d, k)
			}
			return py.None, nil
		})
		list := func(name string, f func(k string, v py.Object) py.Object) {
			pyrt.Method(t, "dict."+name, "$self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
				d := sdSelf(self)
				out := make([]py.Object, 0, len(d))
				for _, k := range SortedKeys(d) {
					out = append(out, f(k, d[k]))
				}
				return py.NewListFromItems(out), nil
			})
		}
		list("keys", func(k string, v py.Object) py.Object { return py.String(k) })
		list("values", func(k string, v py.Object) py.Object { return v })
		list("items", func(k string, v py.Object) py.Object { return py.Tuple{py.String(k), v} })
		py.ObjectType.Dict["__dict__"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			if g, ok := self.(py.IGetDict); ok {
				return g.GetDict(), nil
			}
			return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '__dict__'", self.Type().Name)
		}}
		py.ObjectType.Dict["__class__"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			return self.Type(), nil
		}}
	})
}
