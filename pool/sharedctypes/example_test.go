package sharedctypes_test

import (
	"context"
	"fmt"

	"github.com/pypool/pypool/pool/sharedctypes"
)

// Value('i') with its RLock: a child would rebuild it from
// GetObj().State() and the lock's name.
func ExampleValue() {
	ctx := context.Background()
	v, err := sharedctypes.Value("i", nil) // lock=True: a new RLock
	if err != nil {
		panic(err)
	}
	v.Set(ctx, 0, int64(41))
	v.Update(ctx, 0, func(x any) (any, error) { return x.(int64) + 1, nil }) // with v.get_lock(): v.value += 1
	fmt.Println(v.Get(ctx, 0))
	fmt.Println(v.GetObj().Type().Name, v.GetObj().State().Type)
	// Output:
	// 42 <nil>
	// c_int i
}

func ExampleRawArray() {
	a, err := sharedctypes.RawArray("c", 8)
	if err != nil {
		panic(err)
	}
	a.SetCharValue([]byte("hi"))
	v, _ := a.CharValue()
	raw, _ := a.RawBytes()
	fmt.Printf("%s %q\n", v, raw)
	// Output: hi "hi\x00\x00\x00\x00\x00\x00"
}
