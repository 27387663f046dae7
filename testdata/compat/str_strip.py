print(repr('  pad  '.strip()), repr('  pad  '.lstrip()), repr('  pad  '.rstrip()))
print('xxhixx'.strip('x'), '--==a==--'.strip('-='), 'line\n'.rstrip('\n'))
