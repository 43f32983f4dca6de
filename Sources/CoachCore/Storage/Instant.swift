#if canImport(Glibc)
import Glibc
#endif

/// A moment, to the millisecond (UTC): when something was recorded. Compared as a number, shown
/// as ISO-8601 (`2026-11-23T18:42:07.123Z`).
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }

    /// The system clock, read without Foundation: a date formatter costs more than a turn's commit.
    public static func now() -> Instant {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Instant(millisecondsSince1970: Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec / 1_000_000))
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS(.mmm)Z`, the form `iso` writes.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes.last == UInt8(ascii: "Z"),
              let day = LocalDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var n: Int64 = 0
            for b in bytes[range] {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int64(b - 48)
            }
            return n
        }
        guard let h = number(11..<13), let m = number(14..<16), let s = number(17..<19), h < 24, m < 60, s < 61 else { return nil }
        var millis: Int64 = 0
        if bytes.count >= 24, bytes[19] == UInt8(ascii: ".") {
            guard let fraction = number(20..<23) else { return nil }
            millis = fraction
        }
        let seconds = Int64(day.dayNumber) * 86_400 + h * 3600 + m * 60 + s
        millisecondsSince1970 = seconds * 1000 + millis
    }

    /// The calendar day in UTC.
    public var day: LocalDate { LocalDate(dayNumber: Int(floorDivide(millisecondsSince1970, 86_400_000))) }

    public var iso: String {
        let millisOfDay = millisecondsSince1970 - floorDivide(millisecondsSince1970, 86_400_000) * 86_400_000
        let seconds = millisOfDay / 1000, millis = millisOfDay % 1000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(day.iso)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).\(fraction)Z"
    }

    public var description: String { iso }

    /// "2026-11-23 18:42", for lists.
    public var minute: String { iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) }

    public static func < (a: Self, b: Self) -> Bool { a.millisecondsSince1970 < b.millisecondsSince1970 }

    private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
