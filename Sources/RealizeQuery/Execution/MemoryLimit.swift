import RealizeStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The most memory one operator's result may take (`.set memory_limit 8GB`), and the estimates that
/// operators check against it before allocating, so that a runaway join or pivot stops with an error
/// saying how much it needed instead of being killed by the operating system.
///
/// The estimate is rows × row width, with a row's width the sum of its columns' element sizes
/// (8 bytes for numbers, 4 for dates, periods and text codes, 1 for booleans) plus the 16 bytes of
/// row indices that a join gathers through. It is a lower bound on what the result needs.
public enum MemoryLimit {
    /// 80% of the machine's physical memory (4 GB when it cannot be read).
    public static let defaultBytes: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 4 << 30 }
        let (total, overflow) = pages.multipliedReportingOverflow(by: size)
        return overflow ? Int.max / 2 : total / 5 * 4
    }()

    /// Bytes for `text`: a number with an optional suffix `B`, `KB`, `MB`, `GB` or `TB` (powers of
    /// 1024, any case, a space allowed before it), e.g. `8GB`, `512 MB`, `1.5GB`. Nil when it is not one.
    public static func parse(_ text: String) -> Int? {
        let s = String(text.uppercased().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let units: [(String, Double)] = [("TB", 0x1p40), ("GB", 0x1p30), ("MB", 0x1p20), ("KB", 0x1p10), ("B", 1)]
        var number = Substring(s), factor = 1.0
        for (suffix, f) in units where s.hasSuffix(suffix) {
            number = s.dropLast(suffix.count)
            factor = f
            break
        }
        while number.last == " " { number.removeLast() }
        guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }), let n = Double(number), n > 0 else { return nil }
        let bytes = n * factor
        guard bytes >= 1, bytes < 0x1p62 else { return nil }
        return Int(bytes)
    }

    /// `bytes` for people: `10 MB`, `1.5 GB`, `512 bytes`.
    public static func format(_ bytes: Int) -> String {
        let units: [(String, Double)] = [("TB", 0x1p40), ("GB", 0x1p30), ("MB", 0x1p20), ("KB", 0x1p10)]
        for (name, f) in units where Double(bytes) >= f {
            let v = Double(bytes) / f
            let rounded = (v * 10).rounded() / 10
            return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + name
        }
        return "\(bytes) bytes"
    }

    /// The bytes one row of `columns` takes in its typed buffers.
    static func rowWidth(_ columns: [Column]) -> Int {
        columns.reduce(0) { sum, c in
            switch c.storage {
            case .bool: sum + 1
            case .date, .period, .text: sum + 4
            default: sum + (c.type == .decimal ? 16 : 8)  // decimals counted at 128 bits
            }
        }
    }

    /// A message when `rows` rows of `width` bytes (plus `extra` bytes) would pass `limit`, else nil.
    static func excess(_ what: String, rows: Int, width: Int, extra: Int = 0, limit: Int) -> String? {
        let (product, overflow) = rows.multipliedReportingOverflow(by: max(width, 1))
        let need = overflow ? Int.max : product.addingReportingOverflow(extra).overflow ? Int.max : product + extra
        guard need > limit else { return nil }
        return "\(what) would produce \(rows) rows needing about \(format(need)), more than the memory limit of \(format(limit))"
            + " (see .set memory_limit)"
    }
}

extension QuerySettings {
    /// The memory limit in bytes: `.set memory_limit`, else ``MemoryLimit/defaultBytes``.
    public var memoryLimit: Int {
        options["memory_limit"].flatMap(MemoryLimit.parse) ?? MemoryLimit.defaultBytes
    }
}
