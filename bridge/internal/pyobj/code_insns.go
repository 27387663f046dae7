package pyobj

import "github.com/go-python/gpython/py"

// codeInsns is one code object's decoded instructions, shared by the
// bytecode patchers of patchCode: the code is decoded once, and again only
// after a patcher changed it. It also answers which opcodes the code holds,
// so a patcher with nothing to patch returns at once.
type codeInsns struct {
	code    *py.Code
	src     string // the bytecode insns were decoded from
	insns   []insn
	ops     [4]uint64    // bit op: the code holds opcode op
	targets map[int]bool // jump targets, made on demand
}

func newCodeInsns(code *py.Code) *codeInsns { return &codeInsns{code: code} }

// refresh decodes the code again if a patcher replaced its bytecode.
func (c *codeInsns) refresh() {
	if c.insns != nil && c.src == c.code.Code {
		return
	}
	c.src = c.code.Code
	c.insns = decodeCode(c.src)
	c.ops = [4]uint64{}
	for _, in := range c.insns {
		c.ops[in.op>>6] |= 1 << (in.op & 63)
	}
	c.targets = nil
}

// get returns the code's instructions (read-only).
func (c *codeInsns) get() []insn {
	c.refresh()
	return c.insns
}

// has reports whether the code holds any of ops.
func (c *codeInsns) has(ops ...byte) bool {
	c.refresh()
	for _, op := range ops {
		if c.ops[op>>6]&(1<<(op&63)) != 0 {
			return true
		}
	}
	return false
}

// jumpTargets returns the offsets some jump goes to (read-only).
func (c *codeInsns) jumpTargets() map[int]bool {
	c.refresh()
	if c.targets == nil {
		c.targets = map[int]bool{}
		for _, in := range c.insns {
			if isRelJump(in.op) {
				c.targets[in.off+in.size+in.arg] = true
			} else if isAbsJump(in.op) {
				c.targets[in.arg] = true
			}
		}
	}
	return c.targets
}
