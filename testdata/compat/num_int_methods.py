print((255).bit_length(), (10).bit_count(), int.__name__, (5).real, abs(-0), -(-3))
print(int(1e3), int(True), int('0'), int(0.999))
