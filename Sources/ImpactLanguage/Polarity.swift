
public enum Polarity: String, CaseIterable, Sendable { case higher, lower, none }
