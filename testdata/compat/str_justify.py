print('[' + 'ab'.ljust(5) + ']', '[' + 'ab'.rjust(5, '.') + ']', '[' + 'ab'.center(7, '*') + ']', '42'.zfill(5), '-42'.zfill(5))
