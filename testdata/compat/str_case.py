s = 'hello World of pOOLS'
print(s.lower(), '|', s.upper(), '|', s.title(), '|', s.capitalize(), '|', s.swapcase(), '|', 'Straße'.casefold())
