from multiprocessing import current_process, Pool
import time

def task(i):
    print(f'进程 {current_process().name} 在执行任务 {i}')
    time.sleep(1)
    return i**2,current_process().name

### Pool方式
p = Pool(3) # 创建进程池对象,可容纳3个进程

### 同步运行(串行等待)
for i in range(20):
    res = p.apply(task, args=(i,))
    print(res)
