import os
path = f'/tmp/pypool_compat_{os.getpid()}.txt'
with open(path, 'w') as f:
    f.write('alpha\nbeta\n')
    f.writelines(['gamma\n'])
with open(path) as f:
    print(f.read().splitlines())
with open(path) as f:
    for line in f:
        print('line:', line.rstrip())
with open(path) as f:
    print(f.readline().strip(), f.readlines())
os.remove(path)
print(os.path.exists(path))
