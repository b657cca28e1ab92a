/// Which vintage of the data to read.
public enum Vintage: Sendable, Equatable {
    case current
    case asOfBatch(Int)
}
