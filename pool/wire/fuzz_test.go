package wire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// seedBodies returns named frame bodies: a valid one for every message kind
// and value kind, and the hostile ones.
func seedBodies(tb testing.TB) map[string][]byte {
	seeds := map[string][]byte{}
	for _, c := range messageCases {
		b, err := EncodeMessage(c.m)
		if err != nil {
			tb.Fatal(err)
		}
		seeds["valid "+c.name] = b
	}
	for _, c := range valueCases {
		b, err := EncodeMessage(&Message{Kind: KindResult, Result: &Result{ID: 1, Value: c.in}})
		if err != nil {
			tb.Fatal(err)
		}
		seeds["valid value "+c.name] = b
	}
	for _, c := range hostileBodies {
		seeds["hostile "+c.name] = c.body
	}
	return seeds
}

// FuzzDecodeMessage: any body either decodes or fails with a "wire: bad
// frame" error, never panics, allocates at most allocBound(len(body)), and
// what decodes re-encodes to a stable form.
func FuzzDecodeMessage(f *testing.F) {
	for _, b := range seedBodies(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkDecode(t, body)
	})
}

// fuzzMaxFrame is the frame limit of FuzzReadFrame's Reader.
const fuzzMaxFrame = 4096

// FuzzReadFrame: any stream read frame by frame, with a small frame limit,
// yields messages and then io.EOF or a clear error; it never panics and
// allocates at most allocBound(len(stream)).
func FuzzReadFrame(f *testing.F) {
	var all []byte
	for _, b := range seedBodies(f) {
		f.Add(withPrefix(b))
		if len(b) < 100 {
			all = append(all, withPrefix(b)...)
		}
	}
	f.Add(all)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff})
	f.Add([]byte{0, 0, 0x10, 0x01})
	f.Add([]byte{0, 0, 0, 10, 0x91})
	f.Fuzz(func(t *testing.T, stream []byte) {
		var err error
		frames := 0
		n := allocated(func() {
			r := NewReader(bytes.NewReader(stream))
			r.SetMaxFrame(fuzzMaxFrame)
			for err == nil {
				_, err = r.ReadMessage()
				frames++
			}
		})
		if b := allocBound(len(stream)); n > b {
			t.Fatalf("allocated %d bytes reading %d bytes (bound %d)", n, len(stream), b)
		}
		var fe *FrameTooLargeError
		switch {
		case err == io.EOF:
		case errors.Is(err, io.ErrUnexpectedEOF) && strings.HasPrefix(err.Error(), "wire: truncated frame: "):
		case errors.As(err, &fe) && fe.Limit == fuzzMaxFrame && fe.Size > fuzzMaxFrame:
		case strings.HasPrefix(err.Error(), "wire: bad frame: "):
		default:
			t.Fatalf("after %d frames: unexpected error %v", frames, err)
		}
	})
}

// TestWriteSeedCorpus writes the small seeds into testdata/fuzz when
// WIRE_WRITE_CORPUS=1, so `go test -fuzz` starts from them (the large seeds
// are added with f.Add only).
func TestWriteSeedCorpus(t *testing.T) {
	if os.Getenv("WIRE_WRITE_CORPUS") != "1" {
		t.Skip("set WIRE_WRITE_CORPUS=1 to rewrite testdata/fuzz")
	}
	clean := regexp.MustCompile(`[^a-zA-Z0-9]+`)
	write := func(target, name string, b []byte) {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "seed-"+strings.Trim(clean.ReplaceAllString(strings.ToLower(name), "-"), "-"))
		data := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, b := range seedBodies(t) {
		if len(b) > 4096 {
			continue
		}
		write("FuzzDecodeMessage", name, b)
		write("FuzzReadFrame", name, withPrefix(b))
	}
}
