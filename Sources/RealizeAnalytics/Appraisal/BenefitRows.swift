import RealizeQuery
import RealizeStore

/// Which `benefits` rows an appraisal counts, read in place: a row counts when its period is not null and at most
/// the status period and its realized amount is not null (its project aside).
///
/// A period column is read from its own buffer and validity words (no copy); a date column's months are converted
/// once.
struct BenefitRows {
    private let months: [Int32]
    /// The period column's validity words, empty when it has no nulls.
    private let periodWords: [UInt64]
    let realized: RealizedAmounts
    let status: Int32

    /// - Throws: ``QueryError`` `type-mismatch` when `period` holds neither periods nor dates.
    init(period c: Column, realized: RealizedAmounts, status: Int32, input: InputTables) throws(QueryError) {
        self.realized = realized
        self.status = status
        if case .period(let a) = c.storage {
            months = a
            periodWords = c.validity?.words ?? []
            return
        }
        let converted = try input.periods(c, "benefits")
        months = converted.map { $0 ?? 0 }
        var words: [UInt64] = []
        if converted.contains(nil) {
            words = [UInt64](repeating: 0, count: (converted.count + 63) / 64)
            for (r, p) in converted.enumerated() where p != nil { words[r >> 6] |= 1 << UInt64(r & 63) }
        }
        periodWords = words
    }

    /// Every row's period when none is null (a kernel then reads them as a buffer); nil otherwise.
    var monthsWithoutNulls: [Int32]? { periodWords.isEmpty ? months : nil }

    /// Row `r`'s period when the row counts, else nil.
    @inline(__always) func period(_ r: Int) -> Int32? {
        if !periodWords.isEmpty, periodWords[r >> 6] & (1 << UInt64(r & 63)) == 0 { return nil }
        let p = months[r]
        return p <= status && realized.isValid(r) ? p : nil
    }
}
