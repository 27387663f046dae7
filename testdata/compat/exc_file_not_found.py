try:
    open('/nonexistent/file.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
except OSError as e:
    print('OSError', e)
