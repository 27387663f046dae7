from multiprocessing import Pool
class Tags(list):
    def first(self):
        return self[0]
class Name(str):
    def shout(self):
        return self.upper() + '!'
def work(x):
    t, n = x
    t.append(n.shout())
    return t
if __name__ == '__main__':
    with Pool(2) as p:
        out = p.map(work, [(Tags(['a']), Name('b')), (Tags(['c']), Name('d'))])
    print(out, [type(o).__name__ for o in out], out[0].first())
