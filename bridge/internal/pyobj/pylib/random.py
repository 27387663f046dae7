"""random for pypool: CPython's Mersenne Twister (see bridge/internal/stdlib/random)."""

from _random import Random

_inst = Random()
seed = _inst.seed
random = _inst.random
getrandbits = _inst.getrandbits
randrange = _inst.randrange
randint = _inst.randint
choice = _inst.choice
choices = _inst.choices
shuffle = _inst.shuffle
sample = _inst.sample
uniform = _inst.uniform
gauss = _inst.gauss


def normalvariate(mu=0.0, sigma=1.0):
    import math
    magic = 4 * math.exp(-0.5) / math.sqrt(2.0)
    while True:
        u1 = random()
        u2 = 1.0 - random()
        z = magic * (u1 - 0.5) / u2
        zz = z * z / 4.0
        if zz <= -math.log(u2):
            break
    return mu + z * sigma


SystemRandom = Random


def expovariate(lambd):
    import math
    return -math.log(1.0 - random()) / lambd


def triangular(low=0.0, high=1.0, mode=None):
    u = random()
    try:
        c = 0.5 if mode is None else (mode - low) / (high - low)
    except ZeroDivisionError:
        return low
    if u > c:
        u = 1.0 - u
        c = 1.0 - c
        low, high = high, low
    return low + (high - low) * (u * c) ** 0.5
