import sys
n = sys.stdout.write('abc\n')
print(n)
sys.stderr.write('err text\n')
sys.stdout.flush()
print(sys.stdout.isatty() in (True, False))
