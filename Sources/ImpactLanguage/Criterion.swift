
public enum Criterion: String, CaseIterable, Sendable { case outcome, output, context }
