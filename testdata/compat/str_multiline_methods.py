poem = """  first line
  second line
third"""
lines = [l.strip() for l in poem.splitlines()]
print(lines, max(lines, key=len))
