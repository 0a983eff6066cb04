import RealizeStore
import RealizeTestSupport
import Testing

/// Decimal units are stored in 64 bits a value when every value fits, in 128 otherwise; the values, scales and
/// types read the same either way.
@Suite struct DecimalUnitsTests {
    static let top = Int128(Int64.max)
    static let bottom = Int128(Int64.min)

    @Test func unitsThatFitAreStoredNarrow() {
        let fits: [Int128] = [0, 1, -1, Self.top, -Self.top, Self.bottom]
        let u = DecimalUnits(fits)
        #expect(u.narrow == fits.map { Int64($0) })
        #expect(u.wide == nil)
        #expect(Array(u) == fits)
        #expect(u.bytesPerValue == 8)
        #expect(DecimalUnits([]).narrow == [])
    }

    @Test(arguments: [top + 1, bottom - 1, Int128(1) << 100, -FixedDecimal.maxUnits])
    func oneUnitThatDoesNotFitKeepsTheWholeColumnWide(misfit: Int128) {
        let values: [Int128] = [1, misfit, -2]
        let u = DecimalUnits(values)
        #expect(u.narrow == nil)
        #expect(u.wide == values)
        #expect(Array(u) == values)
        #expect(u.widened == values)
    }

    @Test(arguments: 0..<20) func narrowAndWideFormsReadAlike(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let edges: [Int128] = [0, Self.top, -Self.top, Self.bottom, Self.top - 1]
        let a = (0..<g.int(0...40)).map { _ in g.chance(0.3) ? g.pick(edges) : Int128(g.int(-1_000_000...1_000_000)) }
        let narrow = DecimalUnits(a), wide = DecimalUnits(wide: a)
        #expect(narrow.narrow != nil && wide.narrow == nil)
        #expect(narrow == wide)
        #expect(Array(narrow) == Array(wide))
        #expect(narrow.count == a.count && wide.count == a.count)
        let indices = (0..<g.int(0...30)).map { _ in a.isEmpty || g.chance(0.2) ? -1 : g.int(0...(a.count - 1)) }
        for form in [narrow, wide] {
            let gathered = Column(name: "d", storage: .decimal(form, scale: 2)).gather(indices)
            guard case .decimal(let out, 2) = gathered.storage else {
                Issue.record("not a decimal column at scale 2")
                continue
            }
            // A gather keeps the form of its source.
            #expect((out.narrow != nil) == (form.narrow != nil))
            #expect(Array(out) == indices.map { $0 < 0 ? 0 : a[$0] })
            #expect((0..<indices.count).map { gathered.isNull($0) } == indices.map { $0 < 0 })
        }
    }

    @Test func theBuilderStoresNarrowUpToTheInt64Boundary() {
        let edge: [Value] = [
            .decimal(FixedDecimal(units: Self.top, scale: 2)), .null, .decimal(FixedDecimal(units: -Self.top, scale: 2)), .int(3),
        ]
        let c = Column(name: "d", type: .decimal, values: edge)
        guard case .decimal(let u, let s) = c.storage else { Issue.record("not decimal"); return }
        #expect(s == 2 && u.narrow != nil)
        #expect(c.value(at: 0) == .decimal(FixedDecimal(units: Self.top, scale: 2)))
        #expect(c.value(at: 1) == .null)
        #expect(c.value(at: 3) == .decimal(FixedDecimal(units: 300, scale: 2)))
        #expect(c.type == .decimal)
    }

    @Test func theBuilderKeepsAColumnWithOneWideValueWide() {
        let values: [Value] = [.decimal(FixedDecimal(units: 5, scale: 2)), .decimal(FixedDecimal(units: Self.top + 1, scale: 2)), .null]
        let c = Column(name: "d", type: .decimal, values: values)
        guard case .decimal(let u, 2) = c.storage else { Issue.record("not decimal at scale 2"); return }
        #expect(u.narrow == nil)
        #expect((0..<3).map { c.value(at: $0) } == values)
    }

    @Test func csvDecimalsAreNarrowUnlessAValueNeedsMore() throws {
        // 922337203685477.5807 is Int64.max units at 4 places; one unit more needs 128 bits.
        let fits = try readCSV("a\n922337203685477.5807\n-922337203685477.5807\n\n1.5\n")
        let misfit = try readCSV("a\n922337203685477.5807\n-922337203685477.5808\n-922337203685477.5809\n\n1.5\n")
        guard case .decimal(let n, 4) = fits.columns[0].storage, case .decimal(let w, 4) = misfit.columns[0].storage else {
            Issue.record("not decimal at scale 4"); return
        }
        #expect(n.narrow == [Int64.max, -Int64.max, 0, 15000])
        #expect(fits.columns[0].isNull(2))
        #expect(w.narrow == nil)
        #expect(Array(w) == [Self.top, Self.bottom, Self.bottom - 1, 0, 15000])
        #expect(misfit.values("a")[2] == .decimal(FixedDecimal(units: Self.bottom - 1, scale: 4)))
    }

    @Test func aCSVDecimalThatDoesNotParseIsReportedOnItsRow() {
        // The narrow pass stops at the first misfit; the wide pass goes on to the bad value.
        let e = csvError("a\n1.5\n99999999999999999999.5\nx\n", overrides: ["a": .decimal])
        #expect(e?.description.hasPrefix("test.csv:4:1: error:") == true, "\(String(describing: e))")
        #expect(e?.code == .badValue)
    }
}
