package multiprocessing

// multiprocessing.shared_memory: SharedMemory and ShareableList over
// pool/sharedmem (CPython's /dev/shm files and byte layout, so a python3
// process attaches to the same blocks). They reach child processes by
// handle: the block's name.

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool/sharedmem"
)

const shmModule = "multiprocessing.shared_memory"

var (
	sharedMemoryType  = pyrt.NewClass(shmModule, "SharedMemory", "Creates a new shared memory block or attaches to an existing shared memory block.", nil)
	shareableListType = pyrt.NewClass(shmModule, "ShareableList", "Pattern for a mutable list-like object shareable via a shared memory block.", nil)
)

type pySharedMemory struct {
	m       *sharedmem.SharedMemory
	buf     py.Object // a memoryview of the mapping; None once closed
	release func()
}

func (s *pySharedMemory) Type() *py.Type { return sharedMemoryType }

func shmOf(m *sharedmem.SharedMemory) *pySharedMemory {
	s := &pySharedMemory{m: m}
	s.buf, s.release = pyobj.NewMemoryView(m.Buf(), s)
	return s
}

func shmSelf(self py.Object) *pySharedMemory { return self.(*pySharedMemory) }

type pyShareableList struct {
	l   *sharedmem.ShareableList
	shm *pySharedMemory
}

func (l *pyShareableList) Type() *py.Type { return shareableListType }

func slSelf(self py.Object) *pyShareableList { return self.(*pyShareableList) }

func toListItem(o py.Object) (any, error) {
	switch x := o.(type) {
	case py.Bool:
		return bool(x), nil
	case py.Int:
		return int64(x), nil
	case py.Float:
		return float64(x), nil
	case py.String:
		return string(x), nil
	case py.NoneType:
		return nil, nil
	}
	if b, ok := pyobj.BytesLike(o); ok {
		return append([]byte{}, b...), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "ShareableList cannot hold a '%s' (int, float, bool, str, bytes and None only)", pyrt.TypeName(o))
}

func fromListItem(v any) py.Object {
	switch x := v.(type) {
	case int64:
		return py.Int(x)
	case float64:
		return py.Float(x)
	case bool:
		return py.NewBool(x)
	case string:
		return py.String(x)
	case []byte:
		return pyobj.Bytes(x)
	}
	return py.None
}

func (l *pyShareableList) items() ([]py.Object, error) {
	out := make([]py.Object, l.l.Len())
	for i := range out {
		v, err := l.l.Get(i)
		if err != nil {
			return nil, syncError(nil, err)
		}
		out[i] = fromListItem(v)
	}
	return out, nil
}

func (l *pyShareableList) index(key py.Object) (int, error) {
	i, err := py.IndexInt(key)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += l.l.Len()
	}
	if i < 0 || i >= l.l.Len() {
		return 0, py.ExceptionNewf(py.IndexError, "index out of range")
	}
	return i, nil
}

func installSharedMemory() {
	t := sharedMemoryType
	t.New = pyrt.Constructor("SharedMemory", "name=None, create=False, size=0", pyrt.InInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
		name := ""
		if !a.IsNone("name") {
			s, err := a.Str("name")
			if err != nil {
				return nil, err
			}
			name = s
		}
		size, err := a.Int("size")
		if err != nil {
			return nil, err
		}
		m, err := sharedmem.New(name, pyrt.Truth(a.Get("create")), size)
		if err != nil {
			return nil, syncError(it, err)
		}
		trackExit(it)
		return shmOf(m), nil
	}))
	t.Dict["name"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.String(shmSelf(self).m.Name()), nil }}
	t.Dict["size"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.Int(shmSelf(self).m.Size()), nil }}
	t.Dict["buf"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return shmSelf(self).buf, nil }}
	pyrt.Method(t, "SharedMemory.close", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		s := shmSelf(self)
		if s.buf != py.None {
			s.release()
			s.buf = py.None
		}
		return py.None, syncError(nil, s.m.Close())
	})
	pyrt.Method(t, "SharedMemory.unlink", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.None, syncError(nil, shmSelf(self).m.Unlink())
	})
	pickle.RegisterHandle("multiprocessing.shared_memory.SharedMemory", pickle.Handle{
		Reduce: func(obj py.Object) (py.Object, error) { return py.String(shmSelf(obj).m.Name()), nil },
		Rebuild: func(it *pyrt.Interp, st py.Object) (py.Object, error) {
			name, _ := st.(py.String)
			m, err := sharedmem.New(string(name), false, 0)
			if err != nil {
				return nil, syncError(it, err)
			}
			return shmOf(m), nil
		},
	}, sharedMemoryType)

	lt := shareableListType
	lt.New = pyrt.Constructor("ShareableList", "sequence=None, *, name=None", pyrt.InInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
		name := ""
		if !a.IsNone("name") {
			s, err := a.Str("name")
			if err != nil {
				return nil, err
			}
			name = s
		}
		var (
			l   *sharedmem.ShareableList
			err error
		)
		if a.IsNone("sequence") {
			if name == "" {
				l, err = sharedmem.NewShareableList(nil, "")
			} else {
				l, err = sharedmem.OpenShareableList(name)
			}
		} else {
			objs, ierr := itemsOf(a.Get("sequence"))
			if ierr != nil {
				return nil, ierr
			}
			items := make([]any, len(objs))
			for i, o := range objs {
				if items[i], err = toListItem(o); err != nil {
					return nil, err
				}
			}
			l, err = sharedmem.NewShareableList(items, name)
		}
		if err != nil {
			return nil, syncError(it, err)
		}
		trackExit(it)
		return &pyShareableList{l: l, shm: shmOf(l.SHM())}, nil
	}))
	lt.Dict["shm"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return slSelf(self).shm, nil }}
	lt.Dict["format"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return py.String(slSelf(self).l.Format()), nil }}
	pyrt.Method(lt, "ShareableList.count", "value, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		items, err := slSelf(self).items()
		if err != nil {
			return nil, err
		}
		n := 0
		for _, o := range items {
			eq, err := py.Eq(o, a.Get("value"))
			if err != nil {
				return nil, err
			}
			if pyrt.Truth(eq) {
				n++
			}
		}
		return py.Int(n), nil
	})
	pyrt.Method(lt, "ShareableList.index", "value, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		items, err := slSelf(self).items()
		if err != nil {
			return nil, err
		}
		for i, o := range items {
			eq, err := py.Eq(o, a.Get("value"))
			if err != nil {
				return nil, err
			}
			if pyrt.Truth(eq) {
				return py.Int(i), nil
			}
		}
		r, _ := pyobj.Repr(a.Get("value"))
		return nil, py.ExceptionNewf(py.ValueError, "%s not in this container", r)
	})
	pickle.RegisterHandle("multiprocessing.shared_memory.ShareableList", pickle.Handle{
		Reduce: func(obj py.Object) (py.Object, error) { return py.String(slSelf(obj).shm.m.Name()), nil },
		Rebuild: func(it *pyrt.Interp, st py.Object) (py.Object, error) {
			name, _ := st.(py.String)
			l, err := sharedmem.OpenShareableList(string(name))
			if err != nil {
				return nil, syncError(it, err)
			}
			return &pyShareableList{l: l, shm: shmOf(l.SHM())}, nil
		},
	}, shareableListType)
}

func quoteName(s string) string { return "'" + strings.ReplaceAll(s, "'", "\\'") + "'" }

func init() {
	installRaw()
	installSynchronized()
	installSharedMemory()
}

// syncGlobals are the lock types as multiprocessing (and its contexts)
// show them.
func syncGlobals() py.StringDict {
	return py.StringDict{
		"Lock": lockType, "RLock": rlockType, "Semaphore": semaphoreType,
		"BoundedSemaphore": boundedSemaphoreType, "Condition": conditionType,
		"Event": eventType, "Barrier": barrierType,
	}
}

// addSyncModules puts the locks, shared values and shared memory into
// multiprocessing (mp) and registers multiprocessing.synchronize,
// .sharedctypes and .shared_memory.
func addSyncModules(mp *py.ModuleImpl) {
	for k, v := range syncGlobals() {
		mp.Globals[k] = v
	}
	mp.Methods = append(mp.Methods, sharedctypesMethods()...)
	sg := syncGlobals()
	sg["SemLock"] = semLockType
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: syncModule, FileDesc: "<" + syncModule + ">"},
		Globals: sg,
	})
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: sctModule, FileDesc: "<" + sctModule + ">"},
		Methods: sharedctypesMethods(),
		Globals: py.StringDict{
			"Synchronized": synchronizedType, "SynchronizedArray": synchronizedArrType,
			"SynchronizedString": synchronizedStrType, "SynchronizedBase": synchronizedBase,
		},
	})
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: shmModule, FileDesc: "<" + shmModule + ">"},
		Globals: py.StringDict{"SharedMemory": sharedMemoryType, "ShareableList": shareableListType},
	})
}
