import math
print(math.gcd(12, 18), math.lcm(4, 6), math.comb(5, 2), math.perm(5, 2), math.isqrt(17))
print(math.prod([1, 2, 3]), math.isclose(0.1 + 0.2, 0.3), math.dist((0, 0), (3, 4)), math.inf, math.tau)
