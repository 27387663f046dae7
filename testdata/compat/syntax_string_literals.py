print('single', "double", '''triple''', r'raw\n', b'bytes', 'con' 'cat', 'esc\tx', '\u4e2d', '\N{BULLET}', len('\\'))
