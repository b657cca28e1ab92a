import ImpactEngine

/// The words of table and Markdown output — column headers and the fixed vocabulary in status-like
/// columns — in English (the field names CSV and JSON always keep) or Dutch, for the people who read
/// the tables. Free text (titles, notes, area names) is never translated; a word not listed stays as is.
public struct TableText: Sendable {
    public enum Language: String, CaseIterable, Sendable {
        case en, nl
    }

    public let language: Language

    public init(language: Language) { self.language = language }

    public static let english = TableText(language: .en)

    /// The header of `column` (a stable English field name).
    public func header(_ column: String) -> String {
        language == .nl ? Self.dutchHeaders[column] ?? column : column
    }

    /// A cell of `column`: translated only in the columns that hold a fixed vocabulary, so a title
    /// that happens to read "ok" stays as written. A catalogue planning cell keeps its note after ": ".
    public func word(_ text: String, column: String) -> String {
        guard language == .nl, Self.vocabularyColumns.contains(column) else { return text }
        if let vocabulary = Self.columnVocabularies[column], let word = Self.phrases[vocabulary]?[text] {
            return word.nl
        }
        if let word = Self.dutchWords[text] { return word }
        for (english, dutch) in Self.dutchPrefixes where text.hasPrefix(english) {
            return dutch + text.dropFirst(english.count)
        }
        return text
    }

    /// The kinds of fixed words: one key can mean different things ("none" as a test or a polarity).
    public enum Vocabulary: Sendable {
        case status, verdict, target, planning, criterion, unit, polarity, column
    }

    /// A verdict as people read it in any human format: "▲ improved", "▲ verbeterd".
    public func verdictWithArrow(_ verdict: Verdict) -> String {
        verdict.arrow + " " + phrase(verdict.rawValue, .verdict)
    }

    /// The readable word of a fixed-vocabulary key: the one table the report (HTML, Markdown) and the
    /// human table formats share. A key not listed is returned as is.
    public func phrase(_ key: String, _ vocabulary: Vocabulary) -> String {
        let entry = Self.phrases[vocabulary]?[key]
        return (language == .nl ? entry?.nl : entry?.en) ?? key
    }

    public func boolean(_ value: Bool) -> String {
        switch (language, value) {
        case (.en, true): return "yes"
        case (.en, false): return "no"
        case (.nl, true): return "ja"
        case (.nl, false): return "nee"
        }
    }

    /// Columns of the table formats whose words are those of the report.
    static let columnVocabularies: [String: Vocabulary] = ["status": .status, "planning": .planning,
                                                           "criterion": .criterion, "verdict": .verdict]

    /// Key → (Dutch, English) per vocabulary: the words of the report and of the table formats.
    static let phrases: [Vocabulary: [String: (nl: String, en: String)]] = [
        .status: [
            "ok": ("definitief", "final"), "provisional": ("voorlopig", "provisional"),
            "missing": ("geen cijfer", "no figure"), "incomplete": ("onvolledig", "incomplete"),
            "suppressed": ("onderdrukt", "suppressed"),
            "insufficient_n": ("te weinig waarnemingen", "too few observations"),
            "division_by_zero": ("deling door nul", "division by zero"),
            "overflow": ("getal buiten bereik", "overflow"),
            "not_assessable": ("niet te beoordelen", "not assessable"),
            "follow_up_incomplete": ("nazorgperiode nog niet voorbij", "follow-up incomplete"),
            "not_reached": ("niet bereikt", "not reached"),
        ],
        .verdict: [
            "improved": ("verbeterd", "improved"), "worsened": ("verslechterd", "worsened"),
            "unchanged": ("gelijk gebleven", "unchanged"), "changed": ("veranderd", "changed"),
            "not_comparable": ("niet vergelijkbaar", "not comparable"),
        ],
        .target: [
            "met": ("gehaald", "met"), "on_track": ("op koers", "on track"),
            "off_track": ("niet op koers", "off track"),
            "not_assessable": ("nog niet te beoordelen", "cannot be judged yet"),
        ],
        .planning: [
            "available": ("beschikbaar", "available"), "expected": ("verwacht", "expected"),
            "planned": ("gepland", "planned"), "not_arranged": ("nog niet geregeld", "not arranged"),
        ],
        .criterion: [
            "outcome": ("uitkomstcriterium", "outcome criterion"), "output": ("outputindicator", "output indicator"),
            "context": ("context", "context"),
        ],
        .unit: [
            "count": ("aantal", "count"), "persons": ("personen", "persons"), "percent": ("procent", "percent"),
            "ratio": ("verhouding", "ratio"), "score": ("rapportcijfer", "score"), "days": ("dagen", "days"),
            "euro": ("euro", "euro"), "rate_per_100": ("per 100", "per 100"),
            "rate_per_1000": ("per 1.000", "per 1,000"), "rate_per_10000": ("per 10.000", "per 10,000"),
            "rate_per_100000": ("per 100.000", "per 100,000"),
        ],
        .polarity: [
            "higher": ("hoger is beter", "higher is better"), "lower": ("lager is beter", "lower is better"),
            "none": ("geen richting die beter is", "no better direction"),
        ],
        .column: [
            "programme": ("Programma", "Programme"), "line": ("Actielijn", "Action line"),
            "criterion": ("Criterium", "Criterion"), "indicator": ("Indicator", "Indicator"),
            "title": ("Titel", "Title"), "method": ("Meetmethode", "Method"), "planning": ("Planning", "Planning"),
            "periods": ("Perioden met cijfers", "Periods with figures"), "areas": ("Gebieden", "Areas"),
            "last_delivery": ("Laatste levering", "Last delivery"),
        ],
    ]

    /// Columns whose cells are words of a fixed vocabulary (statuses, states, verdict tests, flags).
    static let vocabularyColumns: Set<String> = [
        "status", "flags", "planning", "criterion", "state", "from", "to", "severity", "significant", "kind",
        "delivered", "test", "verdict",
    ]

    /// Every column header any command prints, except period codes (coverage) which need no words.
    static let dutchHeaders: [String: String] = [
        "indicator": "indicator", "geo": "gebied", "period": "periode", "value": "waarde",
        "numerator": "teller", "denominator": "noemer", "n": "n", "status": "status", "flags": "kenmerken",
        "period_a": "periode_a", "period_b": "periode_b", "value_a": "waarde_a", "value_b": "waarde_b",
        "change": "verandering", "relative_change": "relatieve_verandering", "verdict": "oordeel",
        "test": "toets", "p_value": "p_waarde", "ci_low": "bi_onder", "ci_high": "bi_boven",
        "significant": "significant", "reason": "reden", "region": "regio", "member": "lid", "name": "naam",
        "contribution": "bijdrage", "share_of_change": "aandeel_in_verandering", "note": "toelichting",
        "programme": "programma", "line": "actielijn", "criterion": "criterium", "title": "titel",
        "method": "methode", "planning": "planning", "periods": "perioden", "areas": "gebieden",
        "last_delivery": "laatste_levering", "batch": "levering", "source": "bron", "origin": "herkomst",
        "sha256": "sha256", "rows": "rijen", "finished": "afgerond", "provisional": "voorlopig",
        "suppressed": "afgeschermd", "state": "toestand", "series": "reeks", "rule": "regel",
        "condition": "voorwaarde", "severity": "ernst", "from": "van", "to": "naar", "at": "tijdstip",
        "id": "id", "transition": "overgang", "attempts": "pogingen", "last_error": "laatste_fout",
        "delivered": "afgeleverd", "kind": "soort", "description": "omschrijving", "inputs": "invoer",
        "p": "p",
    ]

    /// Result statuses, flags, planning statuses, criteria, alert states and severities, tests, kinds.
    static let dutchWords: [String: String] = [
        "ok": "ok", "missing": "ontbreekt", "incomplete": "onvolledig", "overflow": "buiten_bereik",
        "division_by_zero": "deling_door_nul", "insufficient_n": "te_kleine_n", "provisional": "voorlopig",
        "suppressed": "afgeschermd", "not_assessable": "niet_te_beoordelen",
        "follow_up_incomplete": "nazorg_onvolledig", "not_reached": "niet_bereikt", "censored": "gecensureerd",
        "synthetic": "synthetisch",
        "partial_members": "leden_onvolledig", "incomplete_period": "periode_onvolledig",
        "suppressed_at_source": "afgeschermd_bij_bron", "low_n": "kleine_n", "boundary_mapped": "grens_omgezet",
        "untested": "niet_getoetst", "not_disclosure_controlled": "niet_afgeschermd", "small_cell": "kleine_cel",
        "complementary_suppression": "aanvullend_afgeschermd", "planning_expected": "planning_verwacht",
        "planning_planned": "planning_gepland", "planning_not_arranged": "planning_niet_geregeld",
        "available": "beschikbaar", "expected": "verwacht", "planned": "gepland", "not_arranged": "niet_geregeld",
        "outcome": "uitkomst", "output": "output", "context": "context",
        "pending": "in_afwachting", "firing": "gaat_af", "resolved": "opgelost", "no_data": "geen_gegevens",
        "never evaluated": "nooit geëvalueerd", "info": "info", "warning": "waarschuwing", "critical": "kritiek",
        "poisson_exact": "poisson_exact", "two_proportion": "twee_proporties", "none": "geen",
        "no test": "geen toets", "built-in": "ingebouwd", "external": "extern", "waiting": "wachtend",
        "current": "actueel", "published": "gepubliceerd", "not_published": "niet_gepubliceerd",
    ]

    /// Words that start a cell followed by free text: a planning status with its note, a superseded vintage.
    static let dutchPrefixes: [(String, String)] = [
        ("available:", "beschikbaar:"), ("expected:", "verwacht:"), ("planned:", "gepland:"),
        ("not_arranged:", "nog niet geregeld:"), ("superseded by batch", "vervangen door levering"),
    ]
}
