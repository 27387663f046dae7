package pyobj

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// installFrameAttrs gives tracebacks and frames CPython's attribute names:
// gpython spells a traceback's as __tb_next__ etc. and gives frames none.
func installFrameAttrs() {
	d := py.TracebackType.Dict
	for _, name := range []string{"tb_next", "tb_frame", "tb_lasti", "tb_lineno"} {
		d[name] = d["__"+name+"__"]
	}
	f := py.FrameType.Dict
	f["f_code"] = frameAttr(func(fr *py.Frame) py.Object { return fr.Code })
	f["f_globals"] = frameAttr(func(fr *py.Frame) py.Object { return fr.Globals })
	f["f_builtins"] = frameAttr(func(fr *py.Frame) py.Object { return fr.Builtins })
	f["f_lasti"] = frameAttr(func(fr *py.Frame) py.Object { return py.Int(fr.Lasti) })
	f["f_lineno"] = frameAttr(func(fr *py.Frame) py.Object { return py.Int(fr.Code.Addr2Line(fr.Lasti)) })
}

func frameAttr(get func(f *py.Frame) py.Object) *py.Property {
	return &py.Property{Fget: func(self py.Object) (py.Object, error) {
		f, ok := self.(*py.Frame)
		if !ok || f.Code == nil {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'frame' object")
		}
		return get(f), nil
	}}
}

func init() { pyrt.OnInstall(pyrt.InstallExtras, "frame_attrs", installFrameAttrs) }
