import sys


class Lines:
    def __init__(self, lines):
        self.lines = lines

    def readline(self):
        if self.lines:
            return self.lines.pop(0)
        return ''


class Out:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        self.parts.append('<flush>')


real = sys.stdout
sys.stdin = Lines(['first line\n', 'second\r\n', 'no newline'])
out = Out()
sys.stdout = out
a = input('name? ')
b = input()
c = input(42)
try:
    input('more? ')
except EOFError as e:
    d = 'EOFError: ' + str(e)
sys.stdout = real
print([a, b, c, d])
print(out.parts)
