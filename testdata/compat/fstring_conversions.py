s = 'héllo'
print(f'{s!r} {s!s} {s!a}')
print(f'{[1, "a"]!r} {3.0!s:>6}')
