# super().__init__(...), super().method(...) and Base.method(self, ...) along an inheritance chain.
# expect: generic 0 ... 0
# expect: fido 4 woof 4
# expect: rex 4 woof (squeaky) 41
# expect: tweety 2 tweet 2
# expect: tom 4 meow~ 104
# expect: hello, I am generic 1
# expect: hello, I am fido the dog 2
# expect: hello, I am rex the dog, age 1 3
# expect: hello, I am tweety 1
# expect: hello, I am tom 1
# expect: rex log: Puppy.intro Dog.intro Animal.intro
# expect: tricks 0 age 1
# expect: rex again: hey, I am rex the dog, age 1 6


class Animal:
    def __init__(self, name, legs):
        self.name = name
        self.legs = legs
        self.log = []

    def speak(self):
        return "..."

    def intro(self, greeting):
        self.log.append("Animal.intro")
        return greeting + ", I am " + self.name

    def count(self):
        return self.legs


class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, 4)
        self.tricks = 0

    def speak(self):
        return "woof"

    def intro(self, greeting):
        self.log.append("Dog.intro")
        return super().intro(greeting) + " the dog"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + " (squeaky)"

    def intro(self, greeting):
        self.log.append("Puppy.intro")
        return Dog.intro(self, greeting) + ", age " + str(self.age)

    def count(self):
        return Animal.count(self) * 10 + self.age


class Bird(Animal):
    def __init__(self, name):
        Animal.__init__(self, name, 2)

    def speak(self):
        return "tweet"


class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, 4)

    def speak(self):
        return "meow"


class Kitten(Cat):
    def speak(self):
        return super().speak() + "~"

    def count(self):
        return super().count() + 100


def entry_point(argv):
    rex = Puppy("rex", 1)
    animals = [Animal("generic", 0), Dog("fido"), rex, Bird("tweety"), Kitten("tom")]
    for a in animals:
        print(a.name, a.legs, a.speak(), a.count())
    for a in animals:
        print(a.intro("hello"), len(a.log))
    print("rex log:", rex.log[0], rex.log[1], rex.log[2])
    print("tricks", rex.tricks, "age", rex.age)
    print("rex again:", rex.intro("hey"), len(rex.log))
    return 0


def target(driver, args):
    return entry_point, None
