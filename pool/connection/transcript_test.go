package connection

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// transcript holds testdata/transcript.txt (recorded from CPython 3.11 by
// testdata/record_transcript.py): per case, the writes of each side.
type transcript map[string][]transcriptLine

type transcriptLine struct{ side, data string }

func loadTranscript(t *testing.T) transcript {
	t.Helper()
	f, err := os.Open("testdata/transcript.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := transcript{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 3 {
			t.Fatalf("bad transcript line %q", sc.Text())
		}
		tr[fs[0]] = append(tr[fs[0]], transcriptLine{fs[1], fs[2]})
	}
	return tr
}

// matches reports whether b is what a transcript write recorded.
func matches(data string, b []byte) bool {
	if d, ok := strings.CutPrefix(data, "sha256="); ok {
		sum, n, _ := strings.Cut(d, ":")
		sum2 := sha256.Sum256(b)
		return strconv.Itoa(len(b)) == n && hex.EncodeToString(sum2[:]) == sum
	}
	if data == "-" {
		return len(b) == 0
	}
	return hex.EncodeToString(b) == data
}

// size is the length of a transcript write.
func size(t *testing.T, data string) int {
	if d, ok := strings.CutPrefix(data, "sha256="); ok {
		_, n, _ := strings.Cut(d, ":")
		k, err := strconv.Atoi(n)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	return len(data) / 2
}

func readN(t *testing.T, fd, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	for got := 0; got < n; {
		k, err := syscall.Read(fd, b[got:])
		if err != nil || k == 0 {
			t.Fatalf("read %d of %d bytes: %v", got, n, err)
		}
		got += k
	}
	return b
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func payload(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}

// TestTranscriptFrames: a Go Conn writes byte for byte what CPython's
// send_bytes writes, and reads what it wrote.
func TestTranscriptFrames(t *testing.T) {
	tr := loadTranscript(t)
	for _, n := range []int{0, 1, 5, 16384, 16385, 70000} {
		lines := tr[fmt.Sprintf("frame%d", n)]
		if len(lines) == 0 {
			t.Fatalf("no transcript for frame%d", n)
		}
		c, fd := rawPeer(t)
		go c.SendBytes(payload(n), 0, Omitted)
		var wire []byte
		for _, l := range lines {
			b := readN(t, fd, size(t, l.data))
			if !matches(l.data, b) {
				t.Fatalf("frame of %d bytes: Go wrote %x…, CPython %s", n, b[:min(len(b), 16)], l.data)
			}
			wire = append(wire, b...)
		}
		// And CPython's bytes read back as the payload.
		go func() {
			for b := wire; len(b) > 0; {
				n, err := syscall.Write(fd, b)
				if err != nil {
					return // the read below reports it
				}
				b = b[n:]
			}
		}()
		got, err := c.RecvBytes(Omitted)
		if err != nil || string(got) != string(payload(n)) {
			t.Fatalf("reading CPython's frame of %d bytes: %d bytes, %v", n, len(got), err)
		}
	}
}

// TestTranscriptHandshake replays CPython's side of the authkey handshake
// against Go's, with the recorded challenge bytes.
func TestTranscriptHandshake(t *testing.T) {
	tr := loadTranscript(t)
	key := []byte("pypool transcript key")
	challenge := make([]byte, 20)
	for i := range challenge {
		challenge[i] = byte(100 + i)
	}
	saved := randRead
	randRead = func(b []byte) (int, error) { return copy(b, challenge), nil }
	defer func() { randRead = saved }()

	for _, name := range []string{"auth_ok", "auth_wrong"} {
		tc := struct{ name, deliverErr, answerErr string }{name: name}
		l := tr[tc.name]
		for _, e := range l {
			msg, _ := strings.CutPrefix(strings.ReplaceAll(e.data, "_", " "), "AuthenticationError: ")
			if msg == "none" {
				msg = ""
			}
			switch e.side {
			case "deliver-error":
				tc.deliverErr = msg
			case "answer-error":
				tc.answerErr = msg
			}
		}
		if len(l) < 3 || l[0].side != "a" || l[1].side != "b" || l[2].side != "a" {
			t.Fatalf("%s: unexpected transcript %v", tc.name, l)
		}
		// Go delivers; the recorded answer (from CPython's answer_challenge,
		// with the right or the wrong key) comes back.
		c, fd := rawPeer(t)
		errc := make(chan error, 1)
		go func() { errc <- DeliverChallenge(c, key) }()
		if b := readN(t, fd, size(t, l[0].data)); !matches(l[0].data, b) {
			t.Fatalf("%s: Go's challenge %x, CPython's %s", tc.name, b, l[0].data)
		}
		writeAll(t, fd, mustHex(t, l[1].data))
		if b := readN(t, fd, size(t, l[2].data)); !matches(l[2].data, b) {
			t.Fatalf("%s: Go's verdict %x, CPython's %s", tc.name, b, l[2].data)
		}
		checkErr(t, tc.name+" deliver", <-errc, tc.deliverErr)

		// Go answers CPython's recorded challenge, with the right key; for
		// the wrong case the verdict it gets is CPython's #FAILURE#.
		c2, fd2 := rawPeer(t)
		go func() { errc <- AnswerChallenge(c2, key) }()
		writeAll(t, fd2, mustHex(t, l[0].data))
		b := readN(t, fd2, 4+16)
		if tc.name == "auth_ok" && !matches(l[1].data, b) {
			t.Fatalf("%s: Go's digest %x, CPython's %s", tc.name, b, l[1].data)
		}
		writeAll(t, fd2, mustHex(t, l[2].data))
		checkErr(t, tc.name+" answer", <-errc, tc.answerErr)
	}
}

func checkErr(t *testing.T, what string, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return
	}
	wantErr[*AuthenticationError](t, err, want)
}
