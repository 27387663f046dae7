n = 255
print(f'{n:d} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}')
print(f'{n:08d} {n:+d} {-n:d} {n: d} {1234567:,} {1234567:_} {n:>6} {n:<6}|')
