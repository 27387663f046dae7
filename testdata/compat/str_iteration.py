for i, ch in enumerate('héllo'):
    print(i, ch, ord(ch))
print(list(reversed('abc')), ''.join(sorted('pool', reverse=True)))
