// Side-by-side figures: actionplan against Taskwarrior on the same tasks, and every CLI command on one plan.
import ActionPlanCore
import ActionPlanStore
import ActionPlanSynthetic
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The best (lowest) time and the highest peak RSS of `runs` runs of each of `commands`, run in turn (one run of
/// each, then the next round), so that both programs see the same machine load.
func alternate(_ commands: [(binary: String, args: (Int) -> [String])], runs: Int) -> [(best: Double, peakMiB: Double)]
{
    var out = Array(repeating: (best: Double.infinity, peakMiB: 0.0), count: commands.count)
    for round in 0..<runs {
        for (i, c) in commands.enumerated() {
            let (t, rss, status) = runProcess(c.binary, c.args(round))
            // `check` exits 1 when it finds something to report; only 2 and more are failures there.
            if status > (c.args(round).first == "check" ? 1 : 0) {
                print("  \(c.binary) \(c.args(round).joined(separator: " ")): exit status \(status)")
            }
            out[i].best = min(out[i].best, t)
            out[i].peakMiB = max(out[i].peakMiB, rss)
        }
    }
    return out
}

/// The plan's actions as Taskwarrior's import JSON: description, project (the theme), due (the deadline, end of
/// day), completed when Blue, and one annotation per history entry and progress note.
func taskwarriorTasks(of plan: Plan) throws -> Data {
    var tasks: [[String: Any]] = []
    tasks.reserveCapacity(plan.actionCount)
    func stamp(_ d: CalendarDay, _ time: String) -> String {
        String(format: "%04d%02d%02dT%@Z", d.year, d.month, d.day, time)
    }
    for t in plan.themes {
        for g in t.groups {
            for a in g.actions {
                var task: [String: Any] = [
                    "description": a.text, "project": "theme\(t.number)", "entry": "20180901T090000Z",
                    "status": a.rating == .blue ? "completed" : "pending",
                ]
                if a.rating == .blue { task["end"] = "20190101T090000Z" }
                if let d = a.deadline { task["due"] = stamp(d, "235959") }
                let notes =
                    a.history.map { (stamp($0.date, "120000"), $0.note) }
                    + a.notes.map { (stamp($0.date, "120001"), $0.text) }
                if !notes.isEmpty { task["annotations"] = notes.map { ["entry": $0.0, "description": $0.1] } }
                tasks.append(task)
            }
        }
    }
    return try JSONSerialization.data(withJSONObject: tasks)
}

/// `--taskwarrior N`: `actionplan overdue` against `task +OVERDUE count`, and `actionplan rate` (one rating
/// changed and saved) against `task 1 annotate`, on the same N tasks, alternating, best of 5 — the first saves
/// of a new plan, then five more of the plan in use, with its backups kept; the ratio of each pair; peak memory
/// against the plan file's size; and the saved file checked byte for byte against a full re-encode. Without
/// Taskwarrior, actionplan's figures alone.
func compareWithTaskwarrior(actions count: Int, actionplan: String, dir: String) throws {
    // The plan and the tasks are made by a child process: a process started from this one would otherwise
    // report this one's peak memory as its own (Linux carries the peak across exec).
    let today = SystemDay.today()
    let path = "\(dir)/tw-plan-\(count).json"
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
    _ = runProcess(me, ["--write", String(count), path, "--around-today", "--tasks", "\(dir)/tasks.json"])
    let fileMiB = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
    let id = "3.\(2 * (count / 6) + 1)"  // the first action of theme 3
    print(
        String(
            format: "\nSide by side with Taskwarrior: %d actions, ISO deadlines around today (%@), %.1f MiB plan file "
                + "(best of 5, alternating; peak RSS)", count, today.description, fileMiB))
    let task = ["/usr/bin/task", "/usr/local/bin/task"].first { FileManager.default.isExecutableFile(atPath: $0) }
    var taskRuns: [(binary: String, args: (Int) -> [String])] = []
    if let task {
        let data = "\(dir)/taskdata"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try "data.location=\(data)\nconfirmation=off\nverbose=nothing\n".write(
            toFile: "\(dir)/taskrc", atomically: true, encoding: .utf8)
        setenv("TASKRC", "\(dir)/taskrc", 1)
        setenv("TASKDATA", data, 1)
        let (importTime, _, status) = runProcess(task, ["import", "\(dir)/tasks.json"])
        print(String(format: "  task import of the same tasks: %.1f s (status %d)", importTime, status))
        taskRuns = [
            (task, { _ in ["+OVERDUE", "count"] }),
            (task, { round in ["1", "annotate", "bench note \(round)"] }),
        ]
    } else {
        print("  Taskwarrior is not installed (apt-get install -y taskwarrior): actionplan's figures only")
    }
    let overdueRun: (binary: String, args: (Int) -> [String]) = (actionplan, { _ in ["overdue", path] })
    let rateRun: (binary: String, args: (Int) -> [String]) = (
        actionplan,
        { round in
            ["rate", path, id, round % 2 == 0 ? "A" : "G", "--note", "bench note \(round)", "--by", "bench"]
        }
    )
    // First as generated (no save by actionplan has stamped it: read and checked in full), then as users have
    // it, last saved by actionplan (its stamp lets `overdue` read only the overdue actions and `rate` replace
    // one action's bytes; docs/performance.md).
    let unstamped = alternate([overdueRun], runs: 3)[0]
    _ = runProcess(actionplan, ["rate", path, id, "G", "--note", "saved once by actionplan", "--by", "bench"])
    let first = alternate([overdueRun] + taskRuns.prefix(1), runs: 5)
    // A save's floor, in the same turns: dd reading the plan and writing and flushing a copy of it.
    let floorRun: (binary: String, args: (Int) -> [String]) = (
        "/bin/dd", { round in ["if=\(path)", "of=\(dir)/dd-\(round % 2).json", "bs=4M", "conv=fsync"] }
    )
    let second = alternate([rateRun, floorRun] + taskRuns.dropFirst(), runs: 5)
    // Then as a plan in use is saved: after these six saves its five backups are kept and each save pushes the
    // oldest out, whose file the next save writes into (PlanBackups.takeDropped; docs/performance.md).
    let inUse = alternate([rateRun, floorRun] + taskRuns.dropFirst(), runs: 5)
    func line(_ what: String, _ ours: (best: Double, peakMiB: Double), _ theirs: (best: Double, peakMiB: Double)?) {
        var s = String(
            format: "  %@ %8.3f s  %7.1f MiB (%.2f× file)", padded(what, 42) as NSString, ours.best, ours.peakMiB,
            ours.peakMiB / fileMiB)
        if let theirs {
            s += String(format: "   Taskwarrior %7.3f s  → %.1f× faster", theirs.best, theirs.best / ours.best)
        }
        print(s)
    }
    line("actionplan overdue   vs task +OVERDUE count", first[0], first.count > 1 ? first[1] : nil)
    line("  the same, plan not saved by actionplan", unstamped, first.count > 1 ? first[1] : nil)
    line("actionplan rate+save vs task 1 annotate", second[0], second.count > 2 ? second[2] : nil)
    print(
        String(
            format: "    (the first five saves of a new plan, no backups yet; dd copying the plan file, fsync: %.3f s, "
                + "in the same turns)", second[1].best))
    line("  the same, a plan in use (backups kept)", inUse[0], inUse.count > 2 ? inUse[2] : nil)
    print(String(format: "    (dd copying the plan file, fsync: %.3f s, in the same turns)", inUse[1].best))
    let identical = runProcess(me, ["--verify", path]).2 == 0
    print("  saved file byte-identical to a full re-encode: \(identical ? "yes" : "NO")")
    if !identical { exit(1) }
}

/// `--commands`: every CLI command, best of 10 whole-process runs, on each plan of `targets`, with its peak memory.
func timeEveryCommand(_ targets: [(label: String, path: String, id: String)], actionplan: String, dir: String) throws {
    print("\nEvery command, whole process (best of 10 on this shared machine; peak RSS; the plan file's size)")
    for (label, path, id) in targets {
        let fileMiB = Double(try PlanStore.readFile(path).count) / 1_048_576
        // The commands run on a copy saved once by actionplan, as users' plans are (stamped: see
        // docs/performance.md); `overdue` also on the plan as generated, read and checked in full.
        let original = path
        let path = "\(dir)/commands-copy.json"
        let copy = path
        try PlanStore.writeAtomically(try PlanStore.readFile(original), to: copy)
        _ = runProcess(actionplan, ["rate", copy, id, "G", "--note", "saved once by actionplan", "--by", "b"])
        let asOf = ["--as-of", "2019-01-31"]
        let commands: [(String, (Int) -> [String])] = [
            ("overdue", { _ in ["overdue", path] + asOf }),
            ("overdue (unsaved)", { _ in ["overdue", original] + asOf }),
            ("list", { _ in ["list", path] + asOf }),
            ("list --lead CM", { _ in ["list", path, "--lead", "CM"] + asOf }),
            ("summary", { _ in ["summary", path] + asOf }),
            ("check", { _ in ["check", path] + asOf }),
            ("show", { _ in ["show", path, id] + asOf }),
            ("snapshots", { _ in ["snapshots", path] }),
            ("export html", { _ in ["export", path, "-o", "\(dir)/r.html", "--produced", "2019-02-01"] + asOf }),
            ("export csv", { _ in ["export", path, "-o", "\(dir)/r.csv"] + asOf }),
            ("export json", { _ in ["export", path, "-o", "\(dir)/r.json", "--produced", "2019-02-01"] + asOf }),
            ("rate (and save)", { r in ["rate", copy, id, r % 2 == 0 ? "A" : "G", "--note", "n\(r)", "--by", "b"] }),
        ]
        print(
            String(
                format: "  %@ (%.1f MiB; start-up: `actionplan --version`, run in turn with each)", label as NSString,
                fileMiB))
        var worst = 0.0
        var startUp = Double.infinity
        for (name, args) in commands {
            // A save's floor, run in turn with it: another program reading the file and writing and flushing
            // the same bytes to a new file (what any save of it must do, on this machine, now).
            let floor: (Int) -> [String] = { r in ["if=\(copy)", "of=\(dir)/dd-\(r % 2).json", "bs=4M", "conv=fsync"] }
            let saving = name.hasPrefix("rate")
            // Every command's floor, run in turn with it: starting the process, Foundation and the argument
            // parser, which is most of a command on a small plan and moves with the machine's speed.
            let version: (Int) -> [String] = { _ in ["--version"] }
            let r = alternate(
                [(actionplan, args), (actionplan, version)] + (saving ? [("/bin/dd", floor)] : []), runs: 10)
            worst = max(worst, r[0].best)
            startUp = min(startUp, r[1].best)
            print(
                String(
                    format: "    %@ %8.1f ms  %7.1f MiB (%.1f× file)   start-up %4.1f ms", padded(name, 18) as NSString,
                    r[0].best * 1000, r[0].peakMiB, r[0].peakMiB / max(fileMiB, 0.001), r[1].best * 1000))
            if saving {
                print(
                    String(
                        format: "      (dd copying the file, fsync: %.1f ms, the same runs in turn)", r[2].best * 1000))
            }
        }
        print(
            String(
                format: "    slowest: %.1f ms (start-up alone, best of all turns: %.1f ms)", worst * 1000,
                startUp * 1000))
    }
}

/// `s` with spaces after it to `width` characters (`%-18@` does not pad on Linux).
func padded(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
