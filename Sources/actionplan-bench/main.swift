// actionplan-bench: prints load, overdue-scan, save and import times and peak memory
// for generated plans, and whole-process timings of the real `actionplan overdue`.
// Run it in release: `swift run -c release actionplan-bench` (see docs/performance.md).
import ActionPlanCore
import ActionPlanImport
import ActionPlanPackage
import ActionPlanStore
import ActionPlanSynthetic
import ActionPlanTUI
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Wall-clock seconds of `body`, best of `repeats`.
func time(_ repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        var t0 = timespec()
        var t1 = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t0)
        try body()
        clock_gettime(CLOCK_MONOTONIC, &t1)
        best = min(best, Double(t1.tv_sec - t0.tv_sec) + Double(t1.tv_nsec - t0.tv_nsec) / 1e9)
    }
    return best
}

/// Peak resident memory of this process so far, in MiB.
func peakMiB() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_maxrss) / 1024
}

/// Runs `path args` to completion with output discarded; returns (seconds, peak RSS MiB, exit status).
func runProcess(_ path: String, _ args: [String], quiet: Bool = true) -> (Double, Double, Int32) {
    fflush(nil)
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    if quiet {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    let argv = ([path] + args).map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var t0 = timespec()
    var t1 = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t0)
    let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
    posix_spawn_file_actions_destroy(&actions)
    guard rc == 0 else { return (.nan, .nan, -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    clock_gettime(CLOCK_MONOTONIC, &t1)
    let secs = Double(t1.tv_sec - t0.tv_sec) + Double(t1.tv_nsec - t0.tv_nsec) / 1e9
    return (secs, Double(usage.ru_maxrss) / 1024, (status >> 8) & 0xFF)
}

/// Runs `binary args` `runs` times with output discarded, reporting a failed run under `label`;
/// returns the median time and the peak RSS of the runs.
func medianRun(_ binary: String, _ args: [String], runs: Int, label: String) -> (seconds: Double, peakMiB: Double) {
    var times: [Double] = []
    var peak = 0.0
    for _ in 0..<runs {
        let (t, rss, status) = runProcess(binary, args)
        if status != 0 { print("  \(label): exit status \(status)") }
        times.append(t)
        peak = max(peak, rss)
    }
    times.sort()
    return (times[runs / 2], peak)
}

/// Terminal-UI figures: first frame (load + session + 80×24 frame), when the whole plan is ready behind a first
/// frame drawn from the listing, and per-key handle+render; on `path` as written and on a copy that actionplan
/// saved once (stamped, as users' plans are after their first save: the TUI then shows the listing first).
func benchmarkTUI(_ path: String, label: String, actionplan: String, dir: String) throws {
    let stamped = "\(dir)/tui-stamped.json"
    try PlanStore.writeAtomically(try PlanStore.readFile(path), to: stamped)
    let id = try PlanStore.loadListing(path).allActions[0].id
    _ = runProcess(actionplan, ["rate", stamped, id, "G", "--note", "saved once by actionplan", "--by", "b"])
    for (kind, file) in [("as written", path), ("saved by actionplan", stamped)] {
        var session: PlanSession?
        var first = Double.infinity
        var ready = Double.infinity
        for _ in 0..<3 {
            session = nil
            var s: PlanSession?
            var drawn = 0.0
            let whole = try time(1) {
                drawn = try time(1) {
                    s = try PlanSession(path: file, asOf: CalendarDay(year: 2019, month: 1, day: 31)!, user: "bench")
                    _ = s!.frame(width: 80, height: 24)
                }
                s!.waitUntilRead()
            }
            first = min(first, drawn)
            ready = min(ready, whole)
            session = s
        }
        guard let s = session else { return }
        let script: [KeyEvent] = [
            .char("j"), .char("j"), .pageDown, .char("G"), .char("g"), .char("o"), .char("j"), .char("a"),
            .char("S"), .char("S"), .char("S"), .char("S"), .enter, .char("j"), .enter, .tab, .tab, .pageDown,
        ]
        var worst = (time: 0.0, key: "")
        var total = 0.0
        var n = 0
        for _ in 0..<10 {
            for key in script {
                let t = time(1) {
                    _ = s.handle(key)
                    _ = s.frame(width: 80, height: 24)
                }
                if t > worst.time { worst = (t, key.name) }
                total += t
                n += 1
            }
        }
        print(
            String(
                format: "  %-32@ %-19@ %8.1f ms  %8.1f ms  %8.3f ms  %8.3f ms (%@)", label as NSString,
                kind as NSString, first * 1000, ready * 1000, total / Double(n) * 1000, worst.time * 1000,
                worst.key as NSString))
    }
}

/// The heading of ``benchmarkTUI(_:label:actionplan:dir:)``'s lines.
let tuiHeading = """

    Terminal UI at 80×24 (best of 3: first frame = open + first full frame; whole plan = until it is read in full
    behind a first frame drawn from the listing; keys: j, PgDn, G/g, o, a, S, Enter, Tab, after it is read)
      plan                             file                first frame  whole plan   mean/key     worst key
    """

/// A TSV source of the same actions, for timing the importer.
func tsvSource(of plan: Plan) -> String {
    var s = "theme\tgroup\tid\taction\tlead\tdue\trating\n"
    for t in plan.themes {
        for g in t.groups {
            for a in g.actions {
                s +=
                    "\(t.number)\t\(g.title ?? "")\t\(a.id)\t\(a.text)\t\(a.leads.joined(separator: " "))\t\(a.deliveryDate)\t\(a.rating?.letter ?? "")\n"
            }
        }
    }
    return s
}

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

// `--write N PATH`: writes the synthetic plan of N actions to PATH (for profiling the real binary); with
// `--long-history`, ten years of monthly history for each action; with `--around-today`, the plan of the
// side-by-side run (ISO deadlines around today); with `--tasks FILE`, its
// actions as Taskwarrior's import JSON too.
if let size = option("--write").flatMap(Int.init), let i = arguments.firstIndex(of: "--write"), i + 2 < arguments.count
{
    let plan =
        arguments.contains("--around-today")
        ? SyntheticPlan.aroundToday(actions: size, today: SystemDay.today())
        : arguments.contains("--long-history")
            ? SyntheticPlan.longHistory(actions: size, years: 10) : SyntheticPlan.make(actions: size)
    try PlanStore.save(plan, to: arguments[i + 2])
    if let tasks = option("--tasks") { try taskwarriorTasks(of: plan).write(to: URL(fileURLWithPath: tasks)) }
    exit(0)
}

// `--verify PATH`: exit status 0 when the plan at PATH is byte for byte what a full encoding of it writes.
if let path = option("--verify") {
    let bytes = try PlanStore.readFile(path)
    exit(PlanCodec.encode(try PlanCodec.decode(bytes, file: path)) == bytes ? 0 : 1)
}

// `--decode PATH`: the whole plan at PATH read with every check, by the plan reader alone and with its themes
// read side by side on 1, 2 and 4 threads (EncodedPlan.wholePlan, what the store does for a file it wrote).
if let path = option("--decode") {
    let bytes = try PlanStore.readFile(path)
    var plan: Plan?
    let alone = try time(5) { plan = try PlanCodec.decode(bytes, file: path) }
    var line = String(format: "read and checked: %.3f s by the plan reader", alone)
    for workers in [1, 2, 4] {
        var whole: Plan?
        let t = time(5) { whole = EncodedPlan(bytes: bytes)?.wholePlan(file: path, workers: workers) }
        guard whole == plan else {
            print("  \(workers) threads: " + (whole == nil ? "not an encoding" : "DIFFERENT from the plan reader's"))
            exit(1)
        }
        line += String(format: ", %.3f s on %d thread%@", t, workers, workers == 1 ? "" : "s")
    }
    print(line + " (the same plan)")
    exit(0)
}

// `--tui-phases PATH`: the TUI's first frame on the plan at PATH in its phases (read and check the file, build
// the session's state, draw 80×24), best of 3 each, for finding where the first frame's time goes.
if let path = option("--tui-phases") {
    let day = CalendarDay(year: 2019, month: 1, day: 31)!
    var loaded: PlanStore.Loaded?
    let load = try time(3) { loaded = try PlanStore.loadWithFingerprint(path) }
    var session: PlanSession?
    let state = time(3) {
        session = PlanSession(
            plan: loaded!.plan, path: path, fingerprint: loaded!.fingerprint, asOf: day, user: "bench")
    }
    let frame = time(3) { _ = session!.frame(width: 80, height: 24) }
    var listing: Plan?
    let listed = try time(3) { listing = try PlanStore.listingToShow(path, ifAtLeast: 0) }
    let listingState = time(3) {
        session = PlanSession(plan: listing ?? loaded!.plan, path: path, fingerprint: nil, asOf: day, user: "bench")
    }
    // What the TUI's caches save per edit: the index and the search corpus brought up to date for one changed
    // action, against building them again.
    let plan = loaded!.plan
    let changed = PlanChange.action(ActionPath(theme: 0, group: 0, action: 0))
    var index = PlanIndex(plan)
    let indexBuilt = time(3) { index = PlanIndex(plan) }
    let indexUpdated = time(3) { index.apply(changed, newPlan: plan) }
    var corpus = SearchCorpus(plan)
    let corpusBuilt = time(3) { corpus = SearchCorpus(plan) }
    let corpusUpdated = time(3) { corpus.apply(changed, newPlan: plan) }
    // The parts of `a` (every action, plan order) at this size.
    do {
        let index = session!.state.derived.index
        var va = VisibleRows.ViewActions()
        let filtered = time(5) { va = VisibleRows.ViewActions(index: index, view: .all, sort: .plan, asOf: day) }
        let rows = time(5) { _ = VisibleRows(va, index: index, foldedThemes: [], foldedGroups: []) }
        print(
            String(
                format: "every action in plan order: view's actions %.2f ms, rows %.2f ms", filtered * 1000, rows * 1000
            ))
    }
    // Each key of the TUI benchmark's list on its own: handled and drawn, worst of 20.
    var perKey: [(String, Double, Double)] = []
    for key: KeyEvent in [
        .char("j"), .pageDown, .char("G"), .char("g"), .char("o"), .char("a"), .char("S"), .enter, .tab,
    ] {
        var worst = (handled: 0.0, drawn: 0.0)
        for _ in 0..<20 {
            let handled = time(1) { _ = session!.handle(key) }
            let drawn = time(1) { _ = session!.frame(width: 80, height: 24) }
            if handled + drawn > worst.handled + worst.drawn { worst = (handled, drawn) }
        }
        perKey.append((key.name, worst.handled, worst.drawn))
    }
    print(
        "worst of 20 per key (handled + drawn): "
            + perKey.map { String(format: "%@ %.2f + %.2f ms", $0.0 as NSString, $0.1 * 1000, $0.2 * 1000) }
            .joined(separator: ", "))
    print(
        String(
            format: "one action edited: index built %.4f s or updated %.5f s; search corpus built %.4f s or "
                + "updated %.5f s", indexBuilt, indexUpdated, corpusBuilt, corpusUpdated))
    print(
        String(
            format: "read and check %.3f s, session state %.3f s, 80×24 frame %.4f s (%d actions); listing %@, "
                + "its session state %.3f s", load, state, frame, loaded!.plan.actionCount,
            (listing == nil ? "none (no stamp)" : String(format: "%.3f s", listed)) as NSString, listingState))
    exit(0)
}

// Child mode: measure one size in a fresh process so peak memory is per size.
if let size = option("--child").flatMap(Int.init) {
    let dir = option("--dir")!
    let today = CalendarDay(year: 2019, month: 6, day: 30)!
    let plan = SyntheticPlan.make(actions: size)
    let path = "\(dir)/plan-\(size).json"
    let save = try time { try PlanStore.save(plan, to: path) }
    var loaded = plan
    let load = try time { loaded = try PlanStore.load(path) }
    var overdue: [LocatedAction] = []
    let scan = time(5) { overdue = ActionFilter.overdue(in: loaded, asOf: today) }
    let tsvPath = "\(dir)/plan-\(size).tsv"
    try PlanStore.writeAtomically(Array(tsvSource(of: plan).utf8), to: tsvPath)
    var imported = 0
    let imp = try time { imported = try PlanImport.run(PlanStore.readFile(tsvPath), file: tsvPath).0.allActions.count }
    let bytes = (try? PlanStore.readFile(path).count) ?? 0
    precondition(imported == size && loaded.allActions.count == size)
    // One rating changed: a full encoding against one action's bytes replaced (what `rate` does to a file the
    // store stamped), which must give the same bytes.
    var edited = loaded
    let changed = ActionPath(theme: 2, group: 0, action: 0)
    try edited.rate(id: edited[changed].id, to: .red, note: "bench", by: "bench", on: today)
    var full: [UInt8] = []
    var spliced: [UInt8] = []
    let fileBytes = try PlanStore.readFile(path)
    var outline: PlanOutline?
    let outlineTime = try time { outline = try PlanOutline(bytes: fileBytes, file: path) }
    var listing: Plan?
    let listingTime = try time { listing = try EncodedPlan(bytes: fileBytes)?.listing(file: path) }
    let fullTime = time { full = PlanCodec.encode(edited) }
    let spliceTime = try time {
        let encoded = EncodedPlan(bytes: fileBytes)!
        let place = encoded.place(of: edited[changed].id)!
        let old = try encoded.action(at: place, file: path)
        spliced =
            encoded.replacing(place, old: old, with: edited[changed], header: try encoded.header(file: path))!.joined
    }
    precondition(full == spliced, "replacing one action's bytes differs from a full encoding")
    precondition(outline!.plan.actionCount == size && listing!.actionCount == size)
    print(
        String(
            format: "%9d  %7.1f MB  %8.3f  %8.3f  %8.4f  %8.3f  %8.1f  (%d overdue)", size, Double(bytes) / 1e6, load,
            save,
            scan, imp, peakMiB(), overdue.count))
    print(
        String(
            format:
                "           outline %.3f s, listing %.3f s; one rating changed: encode %.3f s, one action replaced "
                + "%.3f s (identical bytes)", outlineTime, listingTime, fullTime, spliceTime))
    exit(0)
}

let sizes = (option("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
let dir = NSTemporaryDirectory() + "actionplan-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }
let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
let binDir = URL(fileURLWithPath: me).deletingLastPathComponent().path
let actionplan = option("--binary") ?? binDir + "/actionplan"

// `--taskwarrior N`: side by side with Taskwarrior (scripts/bench-taskwarrior.sh).
if let count = option("--taskwarrior").flatMap(Int.init) {
    try compareWithTaskwarrior(actions: count, actionplan: actionplan, dir: dir)
    try? FileManager.default.removeItem(atPath: dir)
    exit(0)
}

// `--tui PATH`: the terminal UI's figures alone, on the plan at PATH.
if let path = option("--tui") {
    print(tuiHeading)
    try benchmarkTUI(path, label: URL(fileURLWithPath: path).lastPathComponent, actionplan: actionplan, dir: dir)
    try? FileManager.default.removeItem(atPath: dir)
    exit(0)
}

// `--commands`: every CLI command on the 57-action plan and on 500 actions with ten years of monthly history.
if arguments.contains("--commands") {
    var plans: [(label: String, path: String, id: String)] = []
    if let sample = ["Data/barnet-2018-19.json"].first(where: { FileManager.default.fileExists(atPath: $0) }) {
        plans.append(("57 actions (Data/barnet-2018-19.json)", sample, try PlanStore.load(sample).allActions[28].id))
    }
    // Made by a child, so that this process's peak memory is not reported as the commands' (see SideBySide).
    let long = "\(dir)/long-history.json"
    _ = runProcess(me, ["--write", "500", long, "--long-history"])
    plans.append(("500 actions, 10 years of monthly history", long, "3.167"))
    try timeEveryCommand(plans, actionplan: actionplan, dir: dir)
    print(tuiHeading)
    try benchmarkTUI(long, label: "500 actions, 10 years", actionplan: actionplan, dir: dir)
    try? FileManager.default.removeItem(atPath: dir)
    exit(0)
}

print("actionplan-bench — in-process figures (seconds; best of 3, overdue scan best of 5; peak RSS of a fresh process)")
print("  actions  file size      load      save   overdue    import  peak MiB")
for size in sizes {
    let (_, _, status) = runProcess(me, ["--child", String(size), "--dir", dir], quiet: false)
    if status != 0 { print("  size \(size): child failed with status \(status)") }
}

print("\nWhole process: `actionplan overdue PLAN --as-of 2019-01-31` (median of 5 runs; peak RSS)")
guard FileManager.default.isExecutableFile(atPath: actionplan) else {
    print("  \(actionplan) not found: build it first (swift build -c release)")
    exit(0)
}
var targets: [(String, String)] = []
if let sample = option("--sample")
    ?? ["Data/barnet-2018-19.json"].first(where: { FileManager.default.fileExists(atPath: $0) })
{
    targets.append(("57 (Data/barnet-2018-19.json)", sample))
}
for size in sizes {
    let path = "\(dir)/plan-\(size).json"
    if !FileManager.default.fileExists(atPath: path) { try PlanStore.save(SyntheticPlan.make(actions: size), to: path) }
    targets.append((String(size), path))
}
for (label, path) in targets {
    let (median, peak) = medianRun(actionplan, ["overdue", path, "--as-of", "2019-01-31"], runs: 5, label: label)
    print(String(format: "  %-32@ %8.3f s   %7.1f MiB", label as NSString, median, peak))
}

for format in ["html", "xlsx", "docx"] {
    print(
        "\nWhole process: `actionplan export PLAN --format \(format) --output report.\(format) --as-of 2019-01-31` "
            + "(median of 3)")
    let report = "\(dir)/report.\(format)"
    for (label, path) in targets {
        let (median, peak) = medianRun(
            actionplan,
            [
                "export", path, "--format", format, "--output", report, "--as-of", "2019-01-31", "--produced",
                "2019-02-01",
            ],
            runs: 3, label: label)
        let size = (try? FileManager.default.attributesOfItem(atPath: report)[.size] as? Int) ?? 0
        print(
            String(
                format: "  %-32@ %8.3f s   %7.1f MiB   %6.1f MB of %@", label as NSString, median, peak,
                Double(size) / 1e6, format as NSString))
    }
}

print(
    "\nWhole process: export of 10,000 actions with 500 measures, each format (median of 3; target under 2 s each)")
let measured = "\(dir)/plan-10000-measures.json"
var withMeasures = SyntheticPlan.make(actions: 10000)
withMeasures.measures = SyntheticPlan.measures(500, for: withMeasures)
try PlanStore.save(withMeasures, to: measured)
for format in ["html", "xlsx", "docx"] {
    let label = "10000 + 500 measures, \(format)"
    let (median, peak) = medianRun(
        actionplan,
        [
            "export", measured, "--format", format, "--output", "\(dir)/report-measures.\(format)", "--as-of",
            "2019-01-31", "--produced", "2019-02-01",
        ],
        runs: 3, label: label)
    print(
        String(
            format: "  %-32@ %8.3f s   %7.1f MiB   %@", label as NSString, median, peak,
            (median < 2 ? "under 2 s" : "OVER 2 s") as NSString))
}

print(tuiHeading)
for (label, path) in targets { try benchmarkTUI(path, label: label, actionplan: actionplan, dir: dir) }

// Last: it grows this process, and a child started after it reports this process's peak as its own
// (Linux keeps the peak RSS across posix_spawn), which would spoil the whole-process figures above.
print("\nExport in process, 10,000 actions with a snapshot (seconds, best of 3; the report computed once)")
do {
    var big = SyntheticPlan.make(actions: 10_000)
    let day = CalendarDay(year: 2019, month: 1, day: 31)!
    try big.takeSnapshot(label: "Previous cycle", asOf: CalendarDay(year: 2018, month: 11, day: 15)!)
    var statusReport: StatusReport?
    let make = try time { statusReport = try StatusReport.make(big, asOf: day, produced: day) }
    let r = statusReport!
    var sizes: [String: Int] = [:]
    let html = time { sizes["html"] = HTMLReport.render(r).count }
    var xlsxParts: [PackagePart] = []
    var docxParts: [PackagePart] = []
    let xlsxLayout = time { xlsxParts = XLSXWriter.parts(ReportWorkbook.make(r)) }
    let xlsxZip = try time { sizes["xlsx"] = try ZipPackage.archive(xlsxParts, dated: day).count }
    let docxLayout = time { docxParts = DOCXWriter.parts(ReportDocument.make(r)) }
    let docxZip = try time { sizes["docx"] = try ZipPackage.archive(docxParts, dated: day).count }
    print(String(format: "  %-32@ %8.3f s", "report (StatusReport.make)" as NSString, make))
    for (name, t) in [
        ("html (render)", html), ("xlsx (lay out + zip)", xlsxLayout + xlsxZip),
        ("docx (lay out + zip)", docxLayout + docxZip),
    ] {
        let size = Double(sizes[String(name.prefix(4))] ?? 0) / 1e6
        let split =
            name.hasPrefix("html")
            ? ""
            : String(
                format: "   (%.3f + %.3f)", name.hasPrefix("xlsx") ? xlsxLayout : docxLayout,
                name.hasPrefix("xlsx") ? xlsxZip : docxZip)
        print(String(format: "  %-32@ %8.3f s   %6.1f MB", name as NSString, t, size) + split)
    }
}
