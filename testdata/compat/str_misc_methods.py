print('tab\there'.expandtabs(4), 'a-b'.isascii(), 'Hello'.endswith('lo'), '1,2'.split(',')[1])
print('x'.join(['1', '2']).upper().lower())
print('%s' % 'a'.join(['b', 'c']))
