package pool

import (
	"fmt"
	"reflect"

	"github.com/pypool/pypool/pool/wire"
)

// Encode converts a Go value to a wire value as the results of registered
// functions are converted (see Register): integers to int64, slices and
// arrays to wire.List, maps to *wire.Dict (keys sorted), structs to
// *wire.Dict of their fields, nil pointers to None; wire values pass as
// they are.
func Encode(v any) (wire.Value, error) {
	return toWire(reflect.ValueOf(v), 0)
}

// Decode stores the wire value v into the Go variable out points to,
// converting as the arguments of registered functions are (see Register):
//
//	var scores map[string]float64
//	err := pool.Decode(v, &scores)
func Decode(v wire.Value, out any) error {
	p := reflect.ValueOf(out)
	if p.Kind() != reflect.Pointer || p.IsNil() {
		return fmt.Errorf("pool.Decode: want a non-nil pointer, got %T", out)
	}
	t := p.Type().Elem()
	if err := checkParamType(t); err != nil {
		return fmt.Errorf("pool.Decode: %v", err)
	}
	x, err := fromWire(v, t)
	if err != nil {
		return fmt.Errorf("pool.Decode: %v", err)
	}
	p.Elem().Set(x)
	return nil
}
