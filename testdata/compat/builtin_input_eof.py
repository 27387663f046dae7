try:
    input('prompt> ')
except EOFError as e:
    print('EOFError:', e)
