/// `M`: the measures of impact, a page of their own scrolled and closed with the help screen's keys.
extension Update {
    /// Opens the measures page at its top.
    static func showMeasures(_ s: inout AppState) {
        s.mode = .measures
        s.layout.helpScroll = 0
    }
}
