s = 'ab'
print(s * 3, s + 'cd', 'b' in s, 'z' not in s, len(s * 10), s < 'abc', 'B' < 'a', max('hello'), sorted('dcba'))
