import RealizeStore

/// Namespace for report output: exports (``XLSXWriter``, ``HTMLWriter``), charts (``ChartRenderer``)
/// and the pieces of a notebook report (``HTMLReport``).
public enum Report {}
