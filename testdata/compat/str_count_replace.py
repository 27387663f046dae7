s = 'banana'
print(s.count('a'), s.count('an'), s.count('a', 2), s.replace('a', 'o'), s.replace('a', 'o', 2), s.replace('', '.'))
