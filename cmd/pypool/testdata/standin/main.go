// Command standin is the reference interpreter that pypool compare's tests point --python at, so
// they need no python3. It runs the script with the pypool binary named by $STANDIN_PYPOOL and
// passes its output on, except where the script asks it, in lines "# standin: ACTION", to differ:
//
//	# standin: extra TEXT   print one more stdout line, TEXT
//	# standin: exit N       exit with status N
//	# standin: reverse      print stdout's lines in reverse order
//	# standin: stderr TEXT  end stderr with the line TEXT
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

func main() {
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "standin: can't open file %q: %v\n", os.Args[1], err)
		os.Exit(2)
	}
	cmd := exec.Command(os.Getenv("STANDIN_PYPOOL"), os.Args[1:]...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	status := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			fmt.Fprintf(os.Stderr, "standin: %v\n", err)
			os.Exit(2)
		}
		status = ee.ExitCode()
	}
	lines := strings.SplitAfter(out.String(), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for _, l := range strings.Split(string(src), "\n") {
		action, ok := strings.CutPrefix(strings.TrimSpace(l), "# standin: ")
		if !ok {
			continue
		}
		verb, arg, _ := strings.Cut(action, " ")
		switch verb {
		case "extra":
			lines = append(lines, arg+"\n")
		case "exit":
			status, _ = strconv.Atoi(arg)
		case "reverse":
			slices.Reverse(lines)
		case "stderr":
			fmt.Fprintln(os.Stderr, arg)
		}
	}
	os.Stdout.WriteString(strings.Join(lines, ""))
	os.Exit(status)
}
