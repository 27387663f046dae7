package pool

// Structs ↔ dicts and non-string map keys for registered Go functions.
//
// A struct crosses the wire as a dict of its exported fields, in declaration
// order. A field's key is its `py:"name"` tag, or else its Go name; a
// `py:"-"` tag leaves the field out. Receiving a dict into a struct matches
// keys exactly first, then ignoring case (so {"name": …} fills Name); keys
// that match no field are an error, missing keys leave the zero value. A
// pointer to a struct receives None as nil and sends nil as None.
//
// Maps may have string, integer or float keys (map[int]float64 ↔ {1: 2.5}).

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/pypool/pypool/pool/wire"
)

// structField is one exported field of a struct as it crosses the wire.
type structField struct {
	key   string
	index int
}

var structFieldsCache sync.Map // reflect.Type → []structField

// structFields lists t's fields that cross the wire, in declaration order.
func structFields(t reflect.Type) []structField {
	if v, ok := structFieldsCache.Load(t); ok {
		return v.([]structField)
	}
	var fs []structField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		key := f.Name
		if tag, ok := f.Tag.Lookup("py"); ok {
			if tag == "-" {
				continue
			}
			if name, _, _ := strings.Cut(tag, ","); name != "" {
				key = name
			}
		}
		fs = append(fs, structField{key: key, index: i})
	}
	structFieldsCache.Store(t, fs)
	return fs
}

// checking guards the type checks against recursive struct types.
var (
	checkingMu sync.Mutex
	checking   = map[reflect.Type]bool{}
)

// checkStructType checks every wire field of struct type t with check.
func checkStructType(t reflect.Type, check func(reflect.Type) error) error {
	checkingMu.Lock()
	if checking[t] {
		checkingMu.Unlock()
		return nil
	}
	checking[t] = true
	checkingMu.Unlock()
	defer func() {
		checkingMu.Lock()
		delete(checking, t)
		checkingMu.Unlock()
	}()
	for _, f := range structFields(t) {
		ft := t.Field(f.index)
		if err := check(ft.Type); err != nil {
			return fmt.Errorf("field %s: %v", ft.Name, err)
		}
	}
	return nil
}

// checkPointerType accepts pointers to structs whose fields pass check.
func checkPointerType(t reflect.Type, check func(reflect.Type) error) error {
	if t.Elem().Kind() == reflect.Struct {
		return checkStructType(t.Elem(), check)
	}
	return fmt.Errorf("type %s cannot cross the wire (only pointers to structs can)", t)
}

// mapKeyKindOK reports whether maps keyed by k can cross the wire.
func mapKeyKindOK(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Bool:
		return true
	}
	return false
}

// structFromWire fills a struct of type t from a dict.
func structFromWire(a wire.Value, t reflect.Type) (reflect.Value, error) {
	d, ok := a.(*wire.Dict)
	if !ok || d == nil {
		return reflect.Value{}, fmt.Errorf("want %s (a dict), got %s", t, typeName(a))
	}
	fs := structFields(t)
	v := reflect.New(t).Elem()
	for _, kv := range d.Items {
		k, ok := kv.Key.(string)
		if !ok {
			return reflect.Value{}, fmt.Errorf("want %s, got a dict with a %s key", t, typeName(kv.Key))
		}
		f, ok := findField(fs, k)
		if !ok {
			return reflect.Value{}, fmt.Errorf("%s has no field %q", t, k)
		}
		e, err := fromWire(kv.Value, t.Field(f.index).Type)
		if err != nil {
			return reflect.Value{}, fmt.Errorf("key %q: %v", k, err)
		}
		v.Field(f.index).Set(e)
	}
	return v, nil
}

func findField(fs []structField, key string) (structField, bool) {
	for _, f := range fs {
		if f.key == key {
			return f, true
		}
	}
	for _, f := range fs {
		if strings.EqualFold(f.key, key) {
			return f, true
		}
	}
	return structField{}, false
}

// pointerFromWire receives None as nil and a dict as a new struct.
func pointerFromWire(a wire.Value, t reflect.Type) (reflect.Value, error) {
	if a == nil {
		return reflect.Zero(t), nil
	}
	if t.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, fmt.Errorf("want %s, got %s", t, typeName(a))
	}
	s, err := structFromWire(a, t.Elem())
	if err != nil {
		return reflect.Value{}, err
	}
	p := reflect.New(t.Elem())
	p.Elem().Set(s)
	return p, nil
}

// mapKeyFromWire converts a dict key for a map of type mt.
func mapKeyFromWire(k wire.Value, mt reflect.Type) (reflect.Value, error) {
	kt := mt.Key()
	if kt.Kind() == reflect.String {
		if s, ok := k.(string); ok {
			return reflect.ValueOf(s).Convert(kt), nil
		}
	} else if v, err := fromWire(k, kt); err == nil {
		return v, nil
	} else if _, isStr := k.(string); !isStr && k != nil {
		return reflect.Value{}, fmt.Errorf("key %v: %v", k, err)
	}
	return reflect.Value{}, fmt.Errorf("want %s, got a dict with a %s key", mt, typeName(k))
}

// structToWire sends a struct as a dict of its wire fields.
func structToWire(v reflect.Value, depth int) (wire.Value, error) {
	fs := structFields(v.Type())
	d := &wire.Dict{Items: make([]wire.KV, len(fs))}
	for i, f := range fs {
		e, err := toWire(v.Field(f.index), depth+1)
		if err != nil {
			return nil, err
		}
		d.Items[i] = wire.KV{Key: f.key, Value: e}
	}
	return d, nil
}

// pointerToWire sends nil as None and a pointer to a struct as a dict.
func pointerToWire(v reflect.Value, depth int) (wire.Value, error) {
	if v.IsNil() {
		return nil, nil
	}
	if v.Type().Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("type %s cannot be sent on the wire", v.Type())
	}
	return structToWire(v.Elem(), depth)
}

// mapToWire sends a map as a dict, its keys sorted.
func mapToWire(v reflect.Value, depth int) (wire.Value, error) {
	kt := v.Type().Key()
	if !mapKeyKindOK(kt.Kind()) {
		return nil, fmt.Errorf("type %s cannot be sent on the wire", v.Type())
	}
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keyLess(keys[i], keys[j]) })
	d := &wire.Dict{Items: make([]wire.KV, len(keys))}
	for i, k := range keys {
		kw, err := toWire(k, depth+1)
		if err != nil {
			return nil, err
		}
		e, err := toWire(v.MapIndex(k), depth+1)
		if err != nil {
			return nil, err
		}
		d.Items[i] = wire.KV{Key: kw, Value: e}
	}
	return d, nil
}

func keyLess(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.String:
		return a.String() < b.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() < b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return a.Uint() < b.Uint()
	case reflect.Float32, reflect.Float64:
		return a.Float() < b.Float()
	case reflect.Bool:
		return !a.Bool() && b.Bool()
	}
	return false
}
