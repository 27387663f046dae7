e = ValueError('boom')
print(repr(e), str(e), e.args)
print(repr(KeyError('k')), str(KeyError('k')), repr(Exception()), repr(str(Exception())))
print(repr(ValueError('a', 2)), str(ValueError('a', 2)), repr(TypeError()), str(RuntimeError(5)))
