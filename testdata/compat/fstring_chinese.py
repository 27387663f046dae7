i = 3
name = '进程-1'
print(f'进程 {name} 在执行任务 {i}')
print(f'{"任务":>6}|{"进程":<4}|')
