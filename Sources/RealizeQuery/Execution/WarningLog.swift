import Synchronization

/// What a statement noticed without failing: values a cast could not convert (null instead, and counted), and
/// a cast asked to be `strict` that met one (the statement then fails with that value).
///
/// One log per statement run, shared by the evaluators of its operators; ``QuerySession`` hands the notes to the
/// shell, which prints them on standard error after the result.
final class WarningLog: Sendable {
    struct Entry: Sendable {
        var function: String
        var failures: Int
        var example: String
    }

    private let state = Mutex<(entries: [Entry], strictFailure: Entry?)>(([], nil))
    private let notes = Mutex<[String]>([])

    /// Records a note in words of its own (a table command telling what it chose).
    func note(_ message: String) { notes.withLock { $0.append(message) } }

    /// Records `failures` values of `function` that did not convert, the first of them `example`.
    func conversionFailed(_ function: String, failures: Int, example: String, strict: Bool) {
        guard failures > 0 else { return }
        let entry = Entry(function: function, failures: failures, example: example)
        state.withLock { s in
            if strict {
                if s.strictFailure == nil { s.strictFailure = entry }
            } else {
                s.entries.append(entry)
            }
        }
    }

    /// The first failure of a `strict` cast, if any.
    var strictFailure: Entry? { state.withLock { $0.strictFailure } }

    /// The notes, one line each: `to_int: 2 values did not convert and are null (the first: 'abc')`.
    var messages: [String] {
        state.withLock { s in
            s.entries.map { e in
                "\(e.function): \(e.failures) \(e.failures == 1 ? "value" : "values") did not convert and \(e.failures == 1 ? "is" : "are") null (the first: \(e.example))"
            }
        } + notes.withLock { $0 }
    }
}
