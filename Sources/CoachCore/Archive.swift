/// A compact binary form of the parsed Prompts/ and Rules/ (scripts, the catalogue, the role
/// lexicon as built, the goal library), which the loader keeps between runs so that start-up
/// reads no YAML. Written and read by plain code, field by field: no reflection and no
/// protocol casts, which on a binary this size cost more than parsing the YAML again.
public struct ArchiveWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(bits & 0xff))
            bits >>= 8
        }
    }

    public mutating func string(_ value: String) {
        let utf8 = value.utf8
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    public mutating func strings(_ values: [String]) { list(values) { $0.string($1) } }

    public mutating func list<T>(_ values: [T], _ each: (inout ArchiveWriter, T) -> Void) {
        int(values.count)
        for value in values { each(&self, value) }
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    public mutating func archive<T: Archivable>(_ value: T) { value.archive(into: &self) }

    public mutating func range(_ value: ClosedRange<Double>) {
        double(value.lowerBound)
        double(value.upperBound)
    }
}

/// Reads what `ArchiveWriter` wrote; anything short or out of place is `ArchiveError`, so a
/// damaged cache entry is parsed from the files again rather than believed.
public struct ArchiveReader {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var atEnd: Bool { position == bytes.count }

    private mutating func byte() throws(ArchiveError) -> UInt8 {
        guard position < bytes.count else { throw ArchiveError() }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func int() throws(ArchiveError) -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw ArchiveError() }
            v |= UInt64(b & 0x7f) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
    }

    public mutating func bool() throws(ArchiveError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw ArchiveError()
        }
    }

    public mutating func double() throws(ArchiveError) -> Double {
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(try byte()) << (8 * UInt64(i)) }
        return Double(bitPattern: bits)
    }

    public mutating func string() throws(ArchiveError) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }

    public mutating func strings() throws(ArchiveError) -> [String] { try list { r throws(ArchiveError) in try r.string() } }

    /// A length written before its items or bytes, which cannot be more than the bytes left.
    private mutating func count() throws(ArchiveError) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - position else { throw ArchiveError() }
        return count
    }

    public mutating func list<T>(_ each: (inout ArchiveReader) throws(ArchiveError) -> T) throws(ArchiveError) -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try each(&self)) }
        return out
    }

    public mutating func optional<T>(_ read: (inout ArchiveReader) throws(ArchiveError) -> T) throws(ArchiveError) -> T? {
        try bool() ? try read(&self) : nil
    }

    /// A value stored by its raw string (the enums of the rule files).
    public mutating func raw<T: RawRepresentable>(_: T.Type) throws(ArchiveError) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw ArchiveError() }
        return value
    }

    public mutating func archived<T: Archivable>(_: T.Type) throws(ArchiveError) -> T { try T(from: &self) }

    /// A range of figures (a question's bounds, a rating's scale); one written backwards is damage.
    public mutating func range() throws(ArchiveError) -> ClosedRange<Double> {
        let (low, high) = (try double(), try double())
        guard low <= high else { throw ArchiveError() }
        return low...high
    }
}

/// An archive that is short, or holds a value where another was expected.
public struct ArchiveError: Error, Sendable {}

/// A parsed value that can be kept in the cache of parsed files.
public protocol Archivable {
    func archive(into writer: inout ArchiveWriter)
    init(from reader: inout ArchiveReader) throws(ArchiveError)
}

extension Archivable {
    /// The value alone, as one archive.
    public var archived: [UInt8] {
        var writer = ArchiveWriter()
        archive(into: &writer)
        return writer.bytes
    }

    /// The value of a whole archive; trailing bytes are an error too.
    public init(archived bytes: [UInt8]) throws(ArchiveError) {
        var reader = ArchiveReader(bytes)
        try self.init(from: &reader)
        guard reader.atEnd else { throw ArchiveError() }
    }
}
