/// How large a value expression may be. The parser reads nested expressions by recursion, and each
/// indicator is evaluated as one SQLite statement, whose parser gives up after about 100 nested
/// parentheses and whose expression trees are at most 1000 deep. Within these limits every
/// expression that passes `impact check` also runs.
public enum ExpressionLimits {
    /// Parentheses, calls and minus signs inside one another, as written (the parser's recursion).
    public static let nesting = 40
    /// Terms of one expression, and of an indicator with the indicators it uses written out.
    public static let terms = 250
    /// Nested SQL operations of an indicator with the indicators it uses written out (`ExpressionSize`).
    public static let levels = 20
    /// Chains of `+`/`-` or of `*` up to this many operators are rendered with a pair of parentheses
    /// per operator; longer ones without, so they do not nest (the value is the same: SQL evaluates
    /// both left to right).
    public static let nestedChain = 8
}
