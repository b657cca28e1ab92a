/// Where an indicator stands against its target, as the steering group asks it: reached, on track
/// at the current trend, off track, or not yet to be judged.
public enum TargetStatus: String, Sendable, CaseIterable {
    case met
    case onTrack = "on_track"
    case offTrack = "off_track"
    case notAssessable = "not_assessable"
}
