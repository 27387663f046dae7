class Task:
    def __init__(self, i):
        self.i = i
    def __repr__(self):
        return f'Task#{self.i}'
tasks = {t.i: t for t in [Task(1), Task(2)]}
print(tasks, [Task(3)], (Task(4),))
print(f'{Task(5)}', '%s %r' % (Task(6), Task(7)), str(Task(8)))
