import re
m = re.match(r'(\w+)-(\d+)', 'task-42 rest')
print(m.group(0), m.group(1), m.groups(), re.findall(r'\d+', 'a1b22c333'), re.sub(r'\s+', ' ', 'a   b \t c'), re.split(r'[,;]', 'a,b;c'))
print(bool(re.search('x', 'abc')), re.compile(r'^\d{3}$').match('123') is not None)
