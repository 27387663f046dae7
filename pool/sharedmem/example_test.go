package sharedmem_test

import (
	"fmt"

	"github.com/pypool/pypool/pool/sharedmem"
)

// A block made here is what CPython's SharedMemory(name) attaches to, and
// the other way round.
func ExampleNew() {
	m, err := sharedmem.New("pypool_example_block", true, 16)
	if err != nil {
		panic(err)
	}
	defer m.Unlink()
	defer m.Close()
	copy(m.Buf(), "shared")

	other, err := sharedmem.New(m.Name(), false, 0) // another process would do this
	if err != nil {
		panic(err)
	}
	defer other.Close()
	fmt.Println(other, string(other.Buf()[:6]))
	// Output: SharedMemory('pypool_example_block', size=16) shared
}

func ExampleNewShareableList() {
	l, err := sharedmem.NewShareableList([]any{1, 2.5, "three", nil, true}, "")
	if err != nil {
		panic(err)
	}
	defer l.SHM().Unlink()
	defer l.SHM().Close()
	l.Set(0, "one")
	for i := range l.Len() {
		v, _ := l.Get(i)
		fmt.Print(v, " ")
	}
	fmt.Println(l.Format())
	// Output: one 2.5 three <nil> true 8sd8sxxxxxx?xxxxxxxx?
}
