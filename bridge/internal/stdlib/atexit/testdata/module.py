import atexit
atexit.register(print, 'bye', 1)
atexit.register(lambda: print('first'))
print('main')
atexit._run_exitfuncs()
print(atexit._ncallbacks())
