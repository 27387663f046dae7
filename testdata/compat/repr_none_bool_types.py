print(None, True, False, repr(None), type(None), type(1), type('s'), type([]), type(len), int, Exception)
