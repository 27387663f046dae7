class Job:
    def __init__(self, pri, name):
        self.pri, self.name = pri, name
    def __lt__(self, other):
        return self.pri < other.pri
    def __repr__(self):
        return self.name
jobs = [Job(3, 'c'), Job(1, 'a'), Job(2, 'b')]
print(sorted(jobs), min(jobs), max(jobs), Job(1, 'x') < Job(2, 'y'))
