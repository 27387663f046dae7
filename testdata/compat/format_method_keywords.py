print('{name} is {age} years'.format(name='Ann', age=30))
data = {'x': 1, 'y': 2}
print('{x},{y}'.format(**data))
print('{0[0]} {0[1]} {d[key]}'.format(['p', 'q'], d={'key': 'v'}))
