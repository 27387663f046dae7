s = 'abcdefgh'
print(s[2:5], s[:3], s[-3:], s[::2], s[::-1], s[1:-1:3], s[10:], repr(s[5:2]))
