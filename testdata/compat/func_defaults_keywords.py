def connect(host, port=8080, *, timeout=5.0, retries=3):
    return f'{host}:{port} t={timeout} r={retries}'
print(connect('h'))
print(connect('h', 1, retries=0))
print(connect(port=2, host='x', timeout=None))
try:
    connect('h', 1, 2)
except TypeError as e:
    print('TypeError:', e)
