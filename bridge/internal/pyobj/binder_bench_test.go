package pyobj

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// BenchmarkHotMethods calls methods the object model installs on builtin
// types, bound, as a Python call does: the cost of binding and checking
// their arguments shows here.
func BenchmarkHotMethods(b *testing.B) {
	pyrt.Install()
	d := NewDict()
	if _, err := d.M__setitem__(py.String("k"), py.Int(1)); err != nil {
		b.Fatal(err)
	}
	set, err := py.Call(py.SetType, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	list := py.NewListFromItems([]py.Object{py.Int(1), py.Int(2), py.Int(3)})
	cases := []struct {
		name string
		self py.Object
		meth string
		args py.Tuple
	}{
		{"dict.get", d, "get", py.Tuple{py.String("k")}},
		{"dict.get_default", d, "get", py.Tuple{py.String("x"), py.None}},
		{"str.split", py.String("a b c"), "split", nil},
		{"str.join", py.String(","), "join", py.Tuple{py.Tuple{py.String("a"), py.String("b")}}},
		{"str.startswith", py.String("abc"), "startswith", py.Tuple{py.String("a")}},
		{"set.add", set, "add", py.Tuple{py.Int(1)}},
		{"list.index", list, "index", py.Tuple{py.Int(3)}},
	}
	for _, c := range cases {
		m, err := py.GetAttrString(c.self, c.meth)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := py.Call(m, c.args, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
