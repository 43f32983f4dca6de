/// Case-insensitive text tests for conditions. Rules run by the thousand for every list of
/// suggestions, so plain ASCII (nearly every answer and keyword) is compared byte by byte
/// without building lowercased copies; anything else goes through full Unicode lowercasing.
enum CaseInsensitive {
    static func equal(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let fast = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard isASCII(x), isASCII(y) else { return nil }
                return x.count == y.count && zip(x, y).allSatisfy { lower($0) == lower($1) }
            }
        }
        return fast ?? (a.lowercased() == b.lowercased())
    }

    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        let fast = h.withUTF8 { x in
            n.withUTF8 { y -> Bool? in
                guard isASCII(x), isASCII(y) else { return nil }
                return find(y, in: x)
            }
        }
        if let fast { return fast }
        var lowered = haystack.lowercased(), pattern = needle.lowercased()
        return lowered.withUTF8 { x in pattern.withUTF8 { y in find(y, in: x) } }
    }

    /// Naive search: needles are a word or two, so nothing cleverer pays for itself.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard text.count >= needle.count else { return false }
        let first = lower(needle[0])
        for start in 0...(text.count - needle.count) where lower(text[start]) == first {
            var i = 1
            while i < needle.count, lower(text[start + i]) == lower(needle[i]) { i += 1 }
            if i == needle.count { return true }
        }
        return false
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0x80 } }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
}
