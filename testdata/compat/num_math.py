import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3))
print(math.pi, math.e, math.inf, math.isnan(math.nan), math.factorial(10), math.log(math.e), math.log2(8), math.log10(1000))
print(math.hypot(3, 4), math.fabs(-3), math.prod([1, 2, 3, 4]), math.comb(5, 2), math.trunc(-2.7), math.isfinite(1.0))
