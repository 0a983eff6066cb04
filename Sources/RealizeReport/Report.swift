import RealizeStore

/// Namespace for report output: exports and charts.
public enum Report {}
