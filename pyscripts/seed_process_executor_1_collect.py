from concurrent.futures import ProcessPoolExecutor
from multiprocessing import current_process,Pool
import time

def task(i):
    print(f'进程 {current_process().name} 在执行任务 {i}')
    time.sleep(1)
    return i**2,current_process().name

def parse(future):
    # 处理拿到的结果
    print(future.result())  # 在这里拿到结果
    
if __name__ == '__main__':
    ### ProcessPoolExecutor方式(异步调用接口)
    pool = ProcessPoolExecutor(3)   # maxsize 填最大数
    
    ### ProcessPoolExecutor方式1:
    futures = []
    for i in range(20):
        future = pool.submit(task, i)   # 提交异步任务
        futures.append(future)
    pool.shutdown() # 这句话相当于 进程池关闭和进程的join方法
    for future in futures:
        print(future.result())
