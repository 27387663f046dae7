x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 2; x %= 7
s = 'a'; s += 'b'; s *= 2
l = [1]; l += [2]; l *= 2
bits = 0b1100; bits |= 1; bits &= 0b1001; bits ^= 0b11; bits <<= 2; bits >>= 1
print(x, s, l, bits)
