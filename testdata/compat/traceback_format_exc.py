import traceback
try:
    int('nope')
except ValueError:
    text = traceback.format_exc()
lines = text.strip().splitlines()
print(lines[0])
print(lines[-1])
print(len(lines) >= 3)
