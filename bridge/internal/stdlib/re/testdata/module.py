import re
m = re.search(r'(?P<w>\w+)@(\w+)\.com', 'mail bob@example.com now')
print(m.group('w'), m.group(2), m.span(), re.findall(r'\d+', 'a1b22c333'))
print(re.sub(r'(\w)(\d)', r'\2\1', 'a1 b2'), re.split(r',\s*', 'x, y,z'))
try:
    re.compile('(')
except re.error as e:
    print('re.error', type(e).__module__)
