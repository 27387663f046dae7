package pyobj

// Free-variable indexes. gpython's compiler emits the index of a free
// variable within Code.Freevars, but its VM (like CPython's) reads
// cells and free variables from one array, cells first: in a function that
// owns cells and also has free variables (every decorator factory) a free
// variable then reads a cell. fixDerefs repairs the indexes after
// compiling:
//
//   - LOAD_CLOSURE before MAKE_CLOSURE: exact, as the i-th one loads the
//     new function's i-th free variable;
//   - LOAD_DEREF/STORE_DEREF/DELETE_DEREF/LOAD_CLASSDEREF i: a free
//     variable when i is past the cells; when both cells[i] and freevars[i]
//     exist, the name found on the instruction's source line decides (a
//     line naming both keeps the cell: README, Differences from CPython).

import (
	"strings"

	"github.com/go-python/gpython/py"
)

const (
	opBuildTuple     = 102
	opLoadClosure    = 135
	opLoadDeref      = 136
	opDeleteDeref    = 138
	opLoadClassDeref = 148
)

// fixDerefs repairs code and the code nested in it; lines returns the
// source's lines (split only when a repair needs them).
func fixDerefs(code *py.Code, lines func() []string) {
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			fixDerefs(sub, lines)
		}
	}
	nc, nf := len(code.Cellvars), len(code.Freevars)
	if nc == 0 || nf == 0 {
		return
	}
	index := func(name string) int {
		for i, n := range code.Cellvars {
			if n == name {
				return i
			}
		}
		for i, n := range code.Freevars {
			if n == name {
				return nc + i
			}
		}
		return -1
	}
	insns := decodeCode(code.Code)
	buf := []byte(code.Code)
	set := func(in insn, arg int) {
		if in.size == 3 && arg >= 0 && arg < 0x10000 {
			buf[in.off+1], buf[in.off+2] = byte(arg), byte(arg>>8)
		}
	}
	for k := 0; k < len(insns); k++ {
		in := insns[k]
		switch in.op {
		case opLoadClosure:
			end := k
			for end < len(insns) && insns[end].op == opLoadClosure {
				end++
			}
			if end+1 < len(insns) && insns[end].op == opBuildTuple && insns[end+1].op == opLoadConst && insns[end+1].arg < len(code.Consts) {
				if inner, ok := code.Consts[insns[end+1].arg].(*py.Code); ok && len(inner.Freevars) == end-k {
					for j := k; j < end; j++ {
						set(insns[j], index(inner.Freevars[j-k]))
					}
				}
			}
			k = end - 1
		case opLoadDeref, opStoreDeref, opDeleteDeref, opLoadClassDeref:
			i := in.arg
			switch {
			case i >= nc && i < nf:
				set(in, nc+i)
			case i < nc && i < nf:
				text := ""
				if l, src := int(code.Addr2Line(int32(in.off))), lines(); l >= 1 && l <= len(src) {
					text = src[l-1]
				}
				if hasWord(text, code.Freevars[i]) && !hasWord(text, code.Cellvars[i]) {
					set(in, nc+i)
				}
			}
		}
	}
	code.Code = string(buf)
}

// hasWord reports whether identifier name occurs in text as a whole word.
func hasWord(text, name string) bool {
	for from := 0; ; {
		j := indexFrom(text, name, from)
		if j < 0 {
			return false
		}
		before := j == 0 || !isIdentByte(text[j-1])
		after := j+len(name) >= len(text) || !isIdentByte(text[j+len(name)])
		if before && after {
			return true
		}
		from = j + 1
	}
}

func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	if j := strings.Index(s[from:], sub); j >= 0 {
		return from + j
	}
	return -1
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
