import ActionPlanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Today's date by the system clock in the local time zone: the default "today" of the CLI's commands
/// and of the terminal UI, read here and passed in (the core never reads the clock).
///
/// The C library's `localtime_r` (the zone from `TZ`, else `/etc/localtime`, as Foundation's
/// `TimeZone.current` reads it) instead of Foundation's `Calendar.current`: setting up a Foundation
/// calendar was a tenth of a short command's run (docs/performance.md, "Start-up").
public enum SystemDay {
    /// The local date now.
    public static func today() -> CalendarDay {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil,
            let day = CalendarDay(
                year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        else {
            // localtime_r fails only for a year beyond its range; the UTC day is as near as the clock gets.
            return CalendarDay(ordinal: Int(now) / 86_400)
        }
        return day
    }
}
