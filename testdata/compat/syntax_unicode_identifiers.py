任务数 = 20
名字 = '进程'
def 计算(x):
    return x * 2
print(任务数, 名字, 计算(任务数))
