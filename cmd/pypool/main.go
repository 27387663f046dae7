// Command pypool runs a Python script that uses process and thread pools, as
// python3 would.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "pypool: not built yet")
	os.Exit(2)
}
