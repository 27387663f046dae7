# Start-up: start Pool(2), run one task, exit. The runner times the whole process and reads its
# peak RSS; the script prints the task's result so a wrong run is noticed.
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == '__main__':
    with Pool(2) as p:
        print("RESULT", "startup_result", p.apply(square, (7,)), "")
