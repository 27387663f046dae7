class Animal: pass
class Dog(Animal): pass
class Puppy(Dog): pass
p = Puppy()
print(isinstance(p, Animal), isinstance(p, (int, Dog)), isinstance(Dog(), Puppy), issubclass(Puppy, Animal), issubclass(Dog, (str, Animal)), issubclass(bool, int), isinstance(True, int), isinstance(1, float))
