// Package random is the Go half of Python's random module: _random.Random,
// CPython's Mersenne Twister and the getrandbits-based methods of
// random.Random (3.11), so seeded sequences equal CPython's. The Python half,
// pylib/random.py (loaded by pyobj's pylib loader), binds the module-level
// functions to a hidden instance.
//
// It registers _random with gpython from its init and Random with
// pyobj.ReadyWithClasses; the facade (bridge) imports it for that effect. It
// imports gpython, bridge/pyrt and bridge/internal/pyobj (numbers, hashing,
// bytes) and nothing above them.
package random

import (
	"crypto/sha512"
	"math"
	"math/big"
	"os"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

// randomType is _random.Random (random.Random).
var randomType = py.NewType("Random", "Random number generator base class used by bound module functions.")

// random is one Mersenne Twister state.
type random struct {
	mt        [624]uint32
	index     int
	gaussNext py.Object
}

// Type returns randomType.
func (r *random) Type() *py.Type { return randomType }

func (r *random) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < 624; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.index = 624
}

func (r *random) initByArray(key []uint32) {
	r.initGenrand(19650218)
	i, j := 1, 0
	k := max(624, len(key))
	for ; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
	r.index = 624
}

func (r *random) genrand() uint32 {
	if r.index >= 624 {
		const upper, lower = 0x80000000, 0x7fffffff
		for kk := 0; kk < 624; kk++ {
			y := (r.mt[kk] & upper) | (r.mt[(kk+1)%624] & lower)
			v := r.mt[(kk+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			r.mt[kk] = v
		}
		r.index = 0
	}
	y := r.mt[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (r *random) random() float64 {
	a, b := r.genrand()>>5, r.genrand()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

func (r *random) seedBig(n *big.Int) {
	n = new(big.Int).Abs(n)
	var key []uint32
	words := n.Bits()
	_ = words
	b := n.Bytes() // big-endian
	for end := len(b); end > 0; end -= 4 {
		start := max(end-4, 0)
		var w uint32
		for _, c := range b[start:end] {
			w = w<<8 | uint32(c)
		}
		key = append(key, w)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.initByArray(key)
}

func (r *random) seed(a py.Object) error {
	r.gaussNext = nil
	switch x := a.(type) {
	case nil, py.NoneType:
		n := new(big.Int).SetInt64(time.Now().UnixNano())
		n.Lsh(n, 20).Add(n, big.NewInt(int64(os.Getpid())))
		r.seedBig(n)
	case py.Int:
		r.seedBig(big.NewInt(int64(x)))
	case py.Bool:
		r.seedBig(big.NewInt(int64(pyobj.BoolInt(x))))
	case *py.BigInt:
		r.seedBig((*big.Int)(x))
	case py.String, py.Bytes, pyobj.Bytes, *pyobj.ByteArray:
		var data []byte
		if s, ok := x.(py.String); ok {
			data = []byte(s)
		} else {
			data, _ = pyobj.BytesLike(x)
		}
		sum := sha512.Sum512(data)
		r.seedBig(new(big.Int).SetBytes(append(append([]byte{}, data...), sum[:]...)))
	case py.Float:
		h := pyobj.HashFloat(float64(x))
		r.seedBig(big.NewInt(h))
	default:
		return py.ExceptionNewf(py.TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	return nil
}

func (r *random) getrandbits(k int) *big.Int {
	if k <= 32 {
		return big.NewInt(int64(r.genrand() >> (32 - uint(k))))
	}
	words := (k-1)/32 + 1
	out := new(big.Int)
	for i := 0; i < words; i++ {
		w := r.genrand()
		if k < 32 {
			w >>= 32 - uint(k)
		}
		out.Or(out, new(big.Int).Lsh(big.NewInt(int64(w)), uint(32*i)))
		k -= 32
	}
	return out
}

// randbelow returns a random int in [0, n) as CPython's _randbelow_with_getrandbits.
func (r *random) randbelow(n *big.Int) *big.Int {
	k := n.BitLen()
	v := r.getrandbits(k)
	for v.Cmp(n) >= 0 {
		v = r.getrandbits(k)
	}
	return v
}

func (r *random) randbelowInt(n int) int {
	return int(r.randbelow(big.NewInt(int64(n))).Int64())
}

// randrange is randrange(start, stop=None, step=1).
func (r *random) randrange(startArg, stopArg, stepArg py.Object) (py.Object, error) {
	start, err := pyobj.IntArg("start", startArg)
	if err != nil {
		return nil, err
	}
	if stopArg == py.None {
		if start.Sign() > 0 {
			return pyobj.BigToInt(r.randbelow(start)), nil
		}
		return nil, py.ExceptionNewf(py.ValueError, "empty range for randrange()")
	}
	stop, err := pyobj.IntArg("stop", stopArg)
	if err != nil {
		return nil, err
	}
	step, err := pyobj.IntArg("step", stepArg)
	if err != nil {
		return nil, err
	}
	width := new(big.Int).Sub(stop, start)
	if step.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() > 0 {
			return pyobj.BigToInt(new(big.Int).Add(start, r.randbelow(width))), nil
		}
		return nil, py.ExceptionNewf(py.ValueError, "empty range for randrange() (%s, %s, %s)", start, stop, width)
	}
	var n *big.Int
	switch step.Sign() {
	case 1:
		n = new(big.Int).Add(width, step)
		n.Sub(n, big.NewInt(1))
		n = floorDiv(n, step)
	case -1:
		n = new(big.Int).Add(width, step)
		n.Add(n, big.NewInt(1))
		n = floorDiv(n, step)
	default:
		return nil, py.ExceptionNewf(py.ValueError, "zero step for randrange()")
	}
	if n.Sign() <= 0 {
		return nil, py.ExceptionNewf(py.ValueError, "empty range for randrange()")
	}
	v := new(big.Int).Mul(step, r.randbelow(n))
	return pyobj.BigToInt(v.Add(v, start)), nil
}

func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int))
	_ = m
	// DivMod is Euclidean; convert to floor division for negative divisors.
	if b.Sign() < 0 && m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

func randSelf(self py.Object) (*random, error) {
	r, ok := self.(*random)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'Random' object")
	}
	return r, nil
}

// randMethod installs Random.name with the parameters of spec (CPython's:
// "$self, …" for the methods _random implements in C, "self, …" for
// random.py's).
func randMethod(name, spec string, fn func(r *random, a *pyrt.Args) (py.Object, error)) {
	pyrt.Method(randomType, "Random."+name, spec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
		r, err := randSelf(self)
		if err != nil {
			return nil, err
		}
		return fn(r, a)
	})
}

var randomNewSig = pyrt.MustSig("Random", "x=None")

func seqLen(o py.Object) (int, error) {
	n, err := py.Len(o)
	if err != nil {
		return 0, err
	}
	return py.MakeGoInt(n)
}

func init() {
	pyobj.ReadyWithClasses(randomType)
	randomType.New = func(t *py.Type, args py.Tuple, kw py.StringDict) (py.Object, error) {
		a, err := randomNewSig.Parse(args, kw)
		if err != nil {
			return nil, err
		}
		r := &random{}
		return r, r.seed(a.Get("x"))
	}
	// version is accepted; every seed is hashed as version 2's
	randMethod("seed", "self, a=None, version=2", func(r *random, a *pyrt.Args) (py.Object, error) {
		return py.None, r.seed(a.Get("a"))
	})
	randMethod("random", "$self", func(r *random, a *pyrt.Args) (py.Object, error) {
		return py.Float(r.random()), nil
	})
	randMethod("getrandbits", "$self, k, /", func(r *random, a *pyrt.Args) (py.Object, error) {
		k, err := py.IndexInt(a.Get("k"))
		if err != nil {
			return nil, err
		}
		if k < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "number of bits must be non-negative")
		}
		if k == 0 {
			return py.Int(0), nil
		}
		return pyobj.BigToInt(r.getrandbits(k)), nil
	})
	randMethod("randrange", "self, start, stop=None, step=1", func(r *random, a *pyrt.Args) (py.Object, error) {
		return r.randrange(a.Get("start"), a.Get("stop"), a.Get("step"))
	})
	randMethod("randint", "self, a, b", func(r *random, a *pyrt.Args) (py.Object, error) {
		b, err := pyobj.IntArg("b", a.Get("b"))
		if err != nil {
			return nil, err
		}
		return r.randrange(a.Get("a"), pyobj.BigToInt(b.Add(b, big.NewInt(1))), py.Int(1))
	})
	randMethod("_randbelow", "self, n", func(r *random, a *pyrt.Args) (py.Object, error) {
		n, err := pyobj.IntArg("n", a.Get("n"))
		if err != nil {
			return nil, err
		}
		return pyobj.BigToInt(r.randbelow(n)), nil
	})
	randMethod("choice", "self, seq", func(r *random, a *pyrt.Args) (py.Object, error) {
		seq := a.Get("seq")
		n, err := seqLen(seq)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, py.ExceptionNewf(py.IndexError, "Cannot choose from an empty sequence")
		}
		return py.GetItem(seq, py.Int(r.randbelowInt(n)))
	})
	randMethod("shuffle", "self, x", func(r *random, a *pyrt.Args) (py.Object, error) {
		x := a.Get("x")
		n, err := seqLen(x)
		if err != nil {
			return nil, err
		}
		for i := n - 1; i > 0; i-- {
			j := r.randbelowInt(i + 1)
			vi, err := py.GetItem(x, py.Int(i))
			if err != nil {
				return nil, err
			}
			vj, err := py.GetItem(x, py.Int(j))
			if err != nil {
				return nil, err
			}
			if _, err := py.SetItem(x, py.Int(i), vj); err != nil {
				return nil, err
			}
			if _, err := py.SetItem(x, py.Int(j), vi); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	})
	randMethod("sample", "self, population, k, *, counts=None", func(r *random, a *pyrt.Args) (py.Object, error) {
		if !a.IsNone("counts") {
			return nil, py.ExceptionNewf(py.NotImplementedError, "pypool: Random.sample() does not support counts=")
		}
		pop := a.Get("population")
		switch pop.(type) {
		case *pyobj.Set, *pyobj.FrozenSet, *pyobj.Dict:
			return nil, py.ExceptionNewf(py.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
		}
		n, err := seqLen(pop)
		if err != nil {
			return nil, err
		}
		k, err := py.IndexInt(a.Get("k"))
		if err != nil {
			return nil, err
		}
		if k < 0 || k > n {
			return nil, py.ExceptionNewf(py.ValueError, "Sample larger than population or is negative")
		}
		result := make([]py.Object, k)
		setsize := 21
		if k > 5 {
			setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
		}
		if n <= setsize {
			l, err := py.SequenceList(pop)
			if err != nil {
				return nil, err
			}
			pool := append([]py.Object(nil), l.Items...)
			for i := 0; i < k; i++ {
				j := r.randbelowInt(n - i)
				result[i] = pool[j]
				pool[j] = pool[n-i-1]
			}
		} else {
			selected := map[int]bool{}
			for i := 0; i < k; i++ {
				j := r.randbelowInt(n)
				for selected[j] {
					j = r.randbelowInt(n)
				}
				selected[j] = true
				v, err := py.GetItem(pop, py.Int(j))
				if err != nil {
					return nil, err
				}
				result[i] = v
			}
		}
		return py.NewListFromItems(result), nil
	})
	randMethod("uniform", "self, a, b", func(r *random, a *pyrt.Args) (py.Object, error) {
		fa, err := pyobj.ToFloatArg(a.Get("a"))
		if err != nil {
			return nil, err
		}
		fb, err := pyobj.ToFloatArg(a.Get("b"))
		if err != nil {
			return nil, err
		}
		lo, hi := float64(fa.(py.Float)), float64(fb.(py.Float))
		return py.Float(lo + (hi-lo)*r.random()), nil
	})
	randMethod("gauss", "self, mu=0.0, sigma=1.0", func(r *random, a *pyrt.Args) (py.Object, error) {
		f, err := pyobj.ToFloatArg(a.Get("mu"))
		if err != nil {
			return nil, err
		}
		mu := float64(f.(py.Float))
		if f, err = pyobj.ToFloatArg(a.Get("sigma")); err != nil {
			return nil, err
		}
		sigma := float64(f.(py.Float))
		var z float64
		if g, ok := r.gaussNext.(py.Float); ok {
			z = float64(g)
			r.gaussNext = nil
		} else {
			x2pi := r.random() * 2 * math.Pi
			g2rad := math.Sqrt(-2.0 * math.Log(1.0-r.random()))
			z = math.Cos(x2pi) * g2rad
			r.gaussNext = py.Float(math.Sin(x2pi) * g2rad)
		}
		return py.Float(mu + z*sigma), nil
	})
	randMethod("choices", "self, population, weights=None, *, cum_weights=None, k=1", func(r *random, a *pyrt.Args) (py.Object, error) {
		pop, weights, cum := a.Get("population"), a.Get("weights"), a.Get("cum_weights")
		k, err := py.IndexInt(a.Get("k"))
		if err != nil {
			return nil, err
		}
		n, err := seqLen(pop)
		if err != nil {
			return nil, err
		}
		out := make([]py.Object, k)
		if cum == py.None && weights == py.None {
			for i := range out {
				v, err := py.GetItem(pop, py.Int(int(math.Floor(r.random()*float64(n)))))
				if err != nil {
					return nil, err
				}
				out[i] = v
			}
			return py.NewListFromItems(out), nil
		}
		var cw []float64
		src := cum
		if cum == py.None {
			src = weights
		}
		total := 0.0
		if err := py.Iterate(src, func(o py.Object) bool {
			f, _ := py.FloatAsFloat64(o)
			if cum == py.None {
				total += f
				cw = append(cw, total)
			} else {
				cw = append(cw, f)
			}
			return false
		}); err != nil {
			return nil, err
		}
		if len(cw) != n {
			return nil, py.ExceptionNewf(py.ValueError, "The number of weights does not match the population")
		}
		total = cw[len(cw)-1]
		for i := range out {
			x := r.random() * total
			lo, hi := 0, n-1
			for lo < hi {
				mid := (lo + hi) / 2
				if x < cw[mid] {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			v, err := py.GetItem(pop, py.Int(lo))
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return py.NewListFromItems(out), nil
	})
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "_random", FileDesc: "<_random>"},
		Globals: py.StringDict{"Random": randomType},
	})
}
