import RealizeStore
import Testing

@testable import RealizeODBC

/// Passwords in connection strings: masked in every shown form, expanded from the environment.
struct ConnectionStringTests {
    @Test func masksLiteralPasswords() {
        let s = ConnectionString("Driver={PostgreSQL Unicode};Server=h;Uid=pmo;Pwd=s3cret;Port=5433")
        #expect(s.masked == "Driver={PostgreSQL Unicode};Server=h;Uid=pmo;Pwd=***;Port=5433")
        #expect(!s.description.contains("s3cret"))
        #expect(ConnectionString("DSN=pmo;PASSWORD={a;b}").masked == "DSN=pmo;PASSWORD=***")
        #expect(ConnectionString.maskSecrets(in: ".connect pg 'DSN=pmo;pwd=x1'") == ".connect pg 'DSN=pmo;pwd=***'")
        #expect(ConnectionString.maskSecrets(in: "--data odbc:DSN=pmo;Password=abc def") == "--data odbc:DSN=pmo;Password=*** def")
    }

    @Test func keepsVariableReferencesAndExpandsThem() {
        let s = ConnectionString("DSN=pmo;Pwd=$PGPASSWORD")
        #expect(s.masked == "DSN=pmo;Pwd=$PGPASSWORD")
        let env = ["PGPASSWORD": "top;secret"]
        #expect(s.resolved(environment: { env[$0] }) == "DSN=pmo;Pwd={top;secret}")
        #expect(s.secrets(environment: { env[$0] }).contains("top;secret"))
        #expect(ConnectionString("DSN=pmo;Pwd=$UNSET_VARIABLE").resolved(environment: { _ in nil }) == "DSN=pmo;Pwd=$UNSET_VARIABLE")
    }

    @Test func masksSecretsInDriverMessages() {
        let s = ConnectionString("DSN=pmo;Pwd=hunter2")
        #expect(s.mask("login failed for hunter2") == "login failed for ***")
    }

    @Test func columnPlansMapTypesExactly() {
        #expect(ODBCColumnPlan(name: "n", sqlType: 2, size: 38).type == .decimal)
        #expect(ODBCColumnPlan(name: "m", sqlType: 6, size: 8, typeName: "money").type == .decimal)
        #expect(ODBCColumnPlan(name: "m", sqlType: 6, size: 8, typeName: "money").fetch == .text)
        #expect(ODBCColumnPlan(name: "b", sqlType: 12, size: 5, typeName: "bool").type == .bool)
        #expect(ODBCColumnPlan(name: "i", sqlType: -5, size: 19).type == .int)
        #expect(ODBCColumnPlan(name: "ts", sqlType: 93, size: 26).warning?.contains("time of day is dropped") == true)
        #expect(ODBCColumnPlan(name: "u", sqlType: -11, size: 36).warning?.contains("`u`") == true)
        #expect(ODBCColumnBlock.moneyDigits("-$1,234.56") == "-1234.56")
    }

    @Test func plainDecimalsParseExactlyFromBytes() {
        func parse(_ s: String) -> FixedDecimal? { Array(s.utf8).withUnsafeBytes { ODBCColumnBlock.plainDecimal($0) } }
        #expect(parse("-123.45") == FixedDecimal(units: -12345, scale: 2))
        #expect(parse("42") == FixedDecimal(units: 42, scale: 0))
        #expect(parse("12345678901234567890123456789012.3456")?.description == "12345678901234567890123456789012.3456")
        #expect(parse("1e5") == nil)
        #expect(parse("1.2.3") == nil)
        #expect(parse("123456789012345678901234567890123456789") == nil)
        #expect(parse("") == nil)
        #expect(parse("-") == nil)
        #expect(parse(".") == nil)
        // Either side of the 18 digits that the 64-bit loop takes.
        #expect(parse("999999999999999999") == FixedDecimal(units: 999_999_999_999_999_999, scale: 0))
        #expect(parse("-1234567890123456789") == FixedDecimal(units: -1_234_567_890_123_456_789, scale: 0))
        #expect(parse("+12345678901234567.89")?.description == "12345678901234567.89")
        #expect(parse("-0.000000000000000001") == FixedDecimal(units: -1, scale: 18))
        #expect(parse("99999999999999999999999999999999999999") == FixedDecimal(units: Int128("99999999999999999999999999999999999999")!, scale: 0))
        #expect(parse("1.5e3") == nil)
    }
}
