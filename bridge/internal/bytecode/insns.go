package bytecode

import "github.com/go-python/gpython/py"

// Insns is one code object's decoded instructions, shared by the
// bytecode patchers of patchCode: the code is decoded once, and again only
// after a patcher changed it. It also answers which opcodes the code holds,
// so a patcher with nothing to patch returns at once.
type Insns struct {
	code    *py.Code
	src     string // the bytecode insns were decoded from
	insns   []Insn
	ops     [4]uint64    // bit op: the code holds opcode op
	targets map[int]bool // jump targets, made on demand
}

// NewInsns wraps code; nothing is decoded until a patcher asks.
func NewInsns(code *py.Code) *Insns { return &Insns{code: code} }

// refresh decodes the code again if a patcher replaced its bytecode.
func (c *Insns) refresh() {
	if c.insns != nil && c.src == c.code.Code {
		return
	}
	c.src = c.code.Code
	c.insns = Decode(c.src)
	c.ops = [4]uint64{}
	for _, in := range c.insns {
		c.ops[in.Op>>6] |= 1 << (in.Op & 63)
	}
	c.targets = nil
}

// get returns the code's instructions (read-only).
func (c *Insns) Get() []Insn {
	c.refresh()
	return c.insns
}

// has reports whether the code holds any of ops.
func (c *Insns) Has(ops ...byte) bool {
	c.refresh()
	for _, op := range ops {
		if c.ops[op>>6]&(1<<(op&63)) != 0 {
			return true
		}
	}
	return false
}

// jumpTargets returns the offsets some jump goes to (read-only).
func (c *Insns) JumpTargets() map[int]bool {
	c.refresh()
	if c.targets == nil {
		c.targets = map[int]bool{}
		for _, in := range c.insns {
			if IsRelJump(in.Op) {
				c.targets[in.Off+in.Size+in.Arg] = true
			} else if IsAbsJump(in.Op) {
				c.targets[in.Arg] = true
			}
		}
	}
	return c.targets
}
