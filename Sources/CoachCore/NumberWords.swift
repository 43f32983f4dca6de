/// Small numbers people write as words ("three", "a dozen").
public enum NumberWords {
    static let table: [String: Int] = [
        "zero": 0, "none": 0, "one": 1, "a": 1, "an": 1, "two": 2, "a couple": 2, "a couple of": 2,
        "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "a dozen": 12, "dozen": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90, "a hundred": 100, "hundred": 100,
    ]

    public static func value(of word: String) -> Int? { table[word] }
}
