package resourcetracker_test

import (
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/pypool/pypool/pool/resourcetracker"
)

// A killed top process leaves its journal and files; the next sweep
// unlinks what the journal still lists (shared memory included), the
// files named for the dead pid, and the journal.
func TestSweepDeadReplaysJournal(t *testing.T) {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	dead := strconv.Itoa(cmd.Process.Pid)
	files := map[string]string{
		"pypool_test_sweep_kept":       "",
		"pypool_test_sweep_leaked":     "",
		"pypool-" + dead + "-0123abcd": "",
		"pypool-" + dead + "-tracker":  "+\tshared_memory\t/pypool_test_sweep_leaked\n+\tshared_memory\t/pypool_test_sweep_kept\n-\tshared_memory\t/pypool_test_sweep_kept\n",
	}
	for name, text := range files {
		if err := os.WriteFile("/dev/shm/"+name, []byte(text), 0o600); err != nil {
			t.Skip("no /dev/shm:", err)
		}
	}
	defer os.Remove("/dev/shm/pypool_test_sweep_kept")
	resourcetracker.SweepDead()
	for name := range files {
		_, err := os.Stat("/dev/shm/" + name)
		if gone := os.IsNotExist(err); gone != (name != "pypool_test_sweep_kept") {
			t.Errorf("%s: gone %v", name, gone)
		}
	}
}

// A live process's files are never swept.
func TestSweepKeepsLive(t *testing.T) {
	name := "/dev/shm/pypool-" + strconv.Itoa(os.Getpid()) + "-feedbeef"
	if err := os.WriteFile(name, nil, 0o600); err != nil {
		t.Skip("no /dev/shm:", err)
	}
	defer os.Remove(name)
	resourcetracker.SweepDead()
	if _, err := os.Stat(name); err != nil {
		t.Fatalf("a live pid's file was swept: %v", err)
	}
}
