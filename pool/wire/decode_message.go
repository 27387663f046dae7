package wire

// Each message and its body share one allocation.
type (
	helloMessage struct {
		m Message
		h Hello
	}
	defineMessage struct {
		m Message
		d Define
	}
	taskMessage struct {
		m    Message
		t    Task
		args [1]Value // a single argument needs no allocation of its own
	}
	resultMessage struct {
		m Message
		r Result
	}
	initMessage struct {
		m Message
		i Init
	}
)

var kindNames = [...]string{KindHello: "hello", KindDefine: "define", KindTask: "task",
	KindResult: "result", KindShutdown: "shutdown", KindInit: "init"}

// String returns the kind's name ("task"), or "kind(N)" for an unknown one.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind(" + itoa(uint64(k)) + ")"
}

func itoa(n uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// message decodes a whole message.
func (d *decoder) message() (*Message, error) {
	n, err := d.arrayHeader("message")
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, d.errf("message is an empty array")
	}
	k, err := d.uint("message kind")
	if err != nil {
		return nil, err
	}
	if k > 255 {
		return nil, d.errf("unknown message kind %d", k)
	}
	kind := Kind(k)
	var want int
	switch kind {
	case KindHello:
		want = 3
	case KindDefine:
		want = 4
	case KindTask:
		want = 6
	case KindResult:
		want = 4
	case KindShutdown:
		want = 1
	case KindInit:
		want = 3
	default:
		return nil, d.errf("unknown message kind %d", k)
	}
	if n != want {
		return nil, d.errf("%s message has %d fields, want %d", kind, n-1, want-1)
	}
	switch kind {
	case KindHello:
		hm := new(helloMessage)
		pid, err := d.int("hello pid")
		if err != nil {
			return nil, err
		}
		hm.h.PID = int(pid)
		if hm.h.Name, err = d.string("hello name"); err != nil {
			return nil, err
		}
		hm.m = Message{Kind: kind, Hello: &hm.h}
		return &hm.m, nil
	case KindDefine:
		dm := new(defineMessage)
		if dm.d.ID, err = d.uint("define id"); err != nil {
			return nil, err
		}
		if dm.d.Runtime, err = d.string("define runtime"); err != nil {
			return nil, err
		}
		if dm.d.Payload, err = d.value(); err != nil {
			return nil, err
		}
		dm.m = Message{Kind: kind, Define: &dm.d}
		return &dm.m, nil
	case KindTask:
		tm := new(taskMessage)
		t := &tm.t
		if t.ID, err = d.uint("task id"); err != nil {
			return nil, err
		}
		if t.Func, err = d.uint("task func"); err != nil {
			return nil, err
		}
		mode, err := d.uint("task mode")
		if err != nil {
			return nil, err
		}
		if mode > uint64(ModeStarmap) {
			return nil, d.errf("task mode %d is unknown", mode)
		}
		t.Mode = Mode(mode)
		if t.Args, err = d.array("task args", true, tm.args[:]); err != nil {
			return nil, err
		}
		if t.Kwargs, err = d.kwargs(); err != nil {
			return nil, err
		}
		tm.m = Message{Kind: kind, Task: t}
		return &tm.m, nil
	case KindResult:
		rm := new(resultMessage)
		r := &rm.r
		if r.ID, err = d.uint("result id"); err != nil {
			return nil, err
		}
		if r.Value, err = d.value(); err != nil {
			return nil, err
		}
		ev, err := d.value()
		if err != nil {
			return nil, err
		}
		switch e := ev.(type) {
		case nil:
		case *Exception:
			r.Err = e
		default:
			return nil, d.errf("result error: expected nil or an exception, got %T", ev)
		}
		rm.m = Message{Kind: kind, Result: r}
		return &rm.m, nil
	case KindShutdown:
		return &Message{Kind: kind}, nil
	}
	im := new(initMessage)
	if im.i.Func, err = d.uint("init func"); err != nil {
		return nil, err
	}
	if im.i.Args, err = d.array("init args", true, nil); err != nil {
		return nil, err
	}
	im.m = Message{Kind: kind, Init: &im.i}
	return &im.m, nil
}

// kwargs decodes a task's keyword arguments: a map with string keys.
func (d *decoder) kwargs() ([]KV, error) {
	n, err := d.mapHeader("task kwargs")
	if err != nil || n == 0 {
		return nil, err
	}
	if err := d.reserve(n, 2, "task kwargs", "entries"); err != nil {
		return nil, err
	}
	kw := make([]KV, n)
	for i := range kw {
		d.start()
		k, err := d.string("task kwargs key")
		if err != nil {
			return nil, err
		}
		d.start()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		kw[i] = KV{k, v}
	}
	return kw, nil
}

// DecodeMessage decodes a frame's body (without its length prefix). Any
// input either decodes or returns an error ("wire: bad frame: ..."); it
// never panics, and allocates at most a small multiple of len(body).
func DecodeMessage(body []byte) (*Message, error) {
	d := decoder{b: body, prefix: "wire: bad frame: "}
	m, err := d.message()
	if err != nil {
		return nil, err
	}
	if d.off != len(body) {
		return nil, d.errf("%d stray bytes after the %s message", len(body)-d.off, m.Kind)
	}
	return m, nil
}

// String returns the mode's name ("call", "map", "starmap"), or "mode(N)".
func (m Mode) String() string {
	switch m {
	case ModeCall:
		return "call"
	case ModeMap:
		return "map"
	case ModeStarmap:
		return "starmap"
	}
	return "mode(" + itoa(uint64(m)) + ")"
}
