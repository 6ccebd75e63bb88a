import ActionPlanSynthetic
import Foundation
import TestProcess
import XCTest

@testable import ActionPlanCore
@testable import ActionPlanStore

/// Changing one action of a file the store wrote itself replaces that action's bytes (`EncodedPlan`,
/// `EncodingStamp`) and writes exactly what a full save writes; any other file is read and written in full;
/// and the backup of the replaced version is a second name for it, not a copy.
final class OneActionSaveTests: SamplePlanTestCase {
    private typealias Draw = PlanRoundTripPropertyTests.Draw

    /// Saves that say when they replaced one action's bytes.
    private func options(_ spliced: Flag) -> PlanStore.SaveOptions {
        var o = PlanStore.SaveOptions.standard
        o.stage = { if case .replacingOneAction = $0 { spliced.set() } }
        return o
    }

    /// A flag set from the saving thread.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    /// Rates `id` through `updateAction`, as `actionplan rate` does.
    private func rate(_ id: String, _ rating: Rating, note: String, options: PlanStore.SaveOptions) throws {
        try PlanStore.updateAction(plan, id: id, options: options) { _, a in
            try a.rate(to: rating, note: note, by: "BJ", on: CalendarDay(year: 2019, month: 2, day: 1)!)
        }
    }

    /// What a full read, change and save of the same rating writes.
    private func fullSave(of bytes: [UInt8], rating id: String, _ rating: Rating, note: String) throws -> [UInt8] {
        var p = try PlanCodec.decode(bytes, file: "expected")
        try p.rate(id: id, to: rating, note: note, by: "BJ", on: CalendarDay(year: 2019, month: 2, day: 1)!)
        return PlanCodec.encode(p)
    }

    func testRatingAPlanThisStoreWroteReplacesOneActionAndWritesWhatAFullSaveWrites() throws {
        // The sample as shipped has no stamp: read and written in full, and stamped.
        let first = Flag()
        let shipped = try PlanStore.readFile(plan)
        try rate("1a(i)", .amber, note: "first", options: options(first))
        XCTAssertFalse(first.isSet, "a file without a stamp is read in full")
        XCTAssertEqual(try PlanStore.readFile(plan), try fullSave(of: shipped, rating: "1a(i)", .amber, note: "first"))
        XCTAssertTrue(EncodingStamp.isEncoding(try PlanStore.readFile(plan), of: plan))

        for (n, id) in ["1a(i)", "5(xii)", "2(i)", "1a(i)"].enumerated() {
            let before = try PlanStore.readFile(plan)
            let spliced = Flag()
            let rating: Rating = n % 2 == 0 ? .red : .green
            try rate(id, rating, note: "note \(n) with \"quotes\" and\na line break", options: options(spliced))
            XCTAssertTrue(spliced.isSet, "save \(n): the stamped file has one action replaced")
            XCTAssertEqual(
                try PlanStore.readFile(plan),
                try fullSave(of: before, rating: id, rating, note: "note \(n) with \"quotes\" and\na line break"),
                "save \(n) of \(id)")
            XCTAssertEqual(try PlanStore.readFile(PlanBackups.path(for: plan, number: 1)), before, "the backup")
        }
    }

    func testAFileChangedByHandIsReadCheckedAndWrittenInFull() throws {
        try rate("1a(i)", .amber, note: "stamped", options: .standard)
        // The same plan with other spacing (as an editor might save it): the stamp no longer matches.
        let text = String(decoding: try PlanStore.readFile(plan), as: UTF8.self)
        let edited = Array(text.replacingOccurrences(of: "\": ", with: "\":").utf8)
        try PlanStore.writeAtomically(edited, to: plan)
        let spliced = Flag()
        try rate("1a(i)", .red, note: "after the edit", options: options(spliced))
        XCTAssertFalse(spliced.isSet)
        XCTAssertEqual(
            try PlanStore.readFile(plan), try fullSave(of: edited, rating: "1a(i)", .red, note: "after the edit"))

        // Stamped again; now broken by hand (a rating no plan has): refused, as the full reading refuses it.
        try rate("1a(i)", .green, note: "stamped again", options: .standard)
        let good = String(decoding: try PlanStore.readFile(plan), as: UTF8.self)
        let broken = good.replacingOccurrences(of: "\"rating\": \"green\"", with: "\"rating\": \"purple\"")
        XCTAssertNotEqual(broken, good)
        try PlanStore.writeAtomically(Array(broken.utf8), to: plan)
        XCTAssertThrowsError(try rate("2(i)", .red, note: "x", options: .standard)) { e in
            XCTAssertEqual((e as? PlanError)?.kind, .invalidPlan, "\(e)")
        }
        XCTAssertEqual(try PlanStore.readFile(plan), Array(broken.utf8), "nothing written")
    }

    func testAnIDNotInThePlanIsRefusedAndAnUnchangedActionWritesNothing() throws {
        try rate("1a(i)", .amber, note: "stamped", options: .standard)
        let before = try PlanStore.readFile(plan)
        XCTAssertThrowsError(try rate("9z", .red, note: "x", options: .standard)) { e in
            XCTAssertEqual((e as? PlanError)?.kind, .notFound, "\(e)")
        }
        try PlanStore.updateAction(plan, id: "1a(i)") { _, _ in }
        XCTAssertEqual(try PlanStore.readFile(plan), before)
    }

    func testTheBackupIsASecondNameForTheReplacedFileNotACopy() throws {
        var st = stat()
        XCTAssertEqual(stat(plan, &st), 0)
        let inode = st.st_ino
        let before = try PlanStore.readFile(plan)
        try rate("1a(i)", .amber, note: "one", options: .standard)
        let backup = PlanBackups.path(for: plan, number: 1)
        XCTAssertEqual(stat(backup, &st), 0)
        XCTAssertEqual(st.st_ino, inode, "the replaced file itself, under its backup name")
        XCTAssertEqual(st.st_nlink, 1)
        XCTAssertEqual(try PlanStore.readFile(backup), before)
        XCTAssertEqual(stat(plan, &st), 0)
        XCTAssertEqual(st.st_nlink, 1, "the plan has one name again")
    }

    func testALinkLeftByASaveKilledBeforeItsRenameIsNeitherRefusedNorKeptAsABackup() throws {
        try rate("1a(i)", .amber, note: "one", options: .standard)
        let backupOne = try PlanStore.readFile(PlanBackups.path(for: plan, number: 1))
        // A save killed between linking the incoming backup and renaming its new version leaves the plan with
        // a second name in the backups directory.
        let incoming = PlanBackups.path(for: plan, number: 0)
        XCTAssertEqual(link(plan, incoming), 0)
        let current = try PlanStore.readFile(plan)
        let r = try run("rate", plan, "2(i)", "R", "--note", "after the crash")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("hard links"), r.stderr)
        XCTAssertFalse(PlanStore.exists(incoming))
        XCTAssertEqual(try PlanStore.readFile(PlanBackups.path(for: plan, number: 1)), current)
        XCTAssertEqual(try PlanStore.readFile(PlanBackups.path(for: plan, number: 2)), backupOne)
        // Another name anywhere else is still refused.
        XCTAssertEqual(link(plan, dir + "/other.json"), 0)
        let refused = try run("rate", plan, "2(i)", "A", "--note", "x")
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("has 2 hard links"), refused.stderr)
    }

    func testReplacingOneActionIsByteForByteAFullEncoding() throws {
        var draw = Draw(rng: SyntheticPlan.SplitMix(13))
        var checked = 0
        for round in 0..<300 {
            var plan = draw.plan(size: 12)
            if round % 5 == 0 {
                // IDs that need escaping, and a header without version 2 so the version can change.
                plan.narrative = []
                for (t, g, a) in plan.allPaths() { plan.themes[t].groups[g].actions[a].id += "\"\\é\(t)\(g)\(a)" }
            }
            let bytes = PlanCodec.encode(plan)
            let paths = plan.allPaths()
            guard !paths.isEmpty else {
                continue
            }
            let encoded = try XCTUnwrap(EncodedPlan(bytes: bytes), "round \(round)")
            XCTAssertEqual(try encoded.header(file: "p"), plan.header, "round \(round)")
            let (t, g, a) = paths[draw.int(0...paths.count - 1)]
            let old = plan.themes[t].groups[g].actions[a]
            let place = try XCTUnwrap(encoded.place(of: old.id), "round \(round): \(old.id)")
            XCTAssertEqual(try encoded.action(at: place, file: "p"), old)
            var new = draw.action(old.id, statuses: draw.int(0...1) == 0)
            if draw.int(0...2) == 0 { new = old }
            var changed = plan
            changed.themes[t].groups[g].actions[a] = new
            let header = try encoded.header(file: "p")
            if let spliced = encoded.replacing(place, old: old, with: new, header: header) {
                let full = PlanCodec.encode(changed)
                XCTAssertEqual(spliced.joined, full, "round \(round)")
                XCTAssertEqual(spliced.count, full.count)
                XCTAssertEqual(spliced.hash, ContentHash.words(full), "the stamp's hash of the runs is the file's")
                checked += 1
            } else {
                XCTAssertTrue(old.needsVersion2 && !new.needsVersion2 && !header.headerNeedsVersion2, "round \(round)")
            }
            XCTAssertNil(encoded.place(of: old.id + "x"))
        }
        XCTAssertGreaterThan(checked, 150)
    }

    func testTheListingOfAnEncodingHoldsWhatListsAndCountsUseAndTheyPrintTheSame() throws {
        var draw = Draw(rng: SyntheticPlan.SplitMix(29))
        var checked = 0
        for round in 0..<200 {
            let plan = draw.plan(size: 15)
            guard let encoded = EncodedPlan(bytes: PlanCodec.encode(plan)) else {
                XCTAssertTrue(plan.themes.isEmpty, "round \(round)")
                continue
            }
            let listing = try encoded.listing(file: "p")
            var expected = plan.header
            expected.themes = plan.themes.map { t in
                var t = t
                for g in t.groups.indices {
                    t.groups[g].actions = t.groups[g].actions.map { a in
                        Action(
                            id: a.id, text: a.text, leads: a.leads, deliveryDate: a.deliveryDate,
                            revisions: a.revisions, rating: a.rating, status: a.status)
                    }
                }
                return t
            }
            XCTAssertEqual(listing, expected, "round \(round)")
            // Its themes read side by side: the same listing, with and without a filter.
            for workers in [2, 3] {
                XCTAssertEqual(try encoded.listing(file: "p", workers: workers), expected, "round \(round)")
            }
            var outside = plan
            outside.themes = []
            XCTAssertEqual(try encoded.outsideThemes(file: "p"), outside, "round \(round)")
            // The whole plan with its themes read side by side is the plan, on any number of threads.
            for workers in [1, 2, 3, 8] {
                XCTAssertEqual(encoded.wholePlan(file: "p", workers: workers), plan, "round \(round), \(workers)")
            }
            let today = draw.day()
            for format in ActionListing.Format.allCases {
                func overdue(_ p: Plan) -> String {
                    ActionListing.render(
                        ActionListing.rows(ActionFilter.overdue(in: p, asOf: today), in: p, asOf: today), format: format
                    )
                }
                XCTAssertEqual(overdue(listing), overdue(plan), "round \(round)")
                // `overdue` reads only the actions whose stored deadline and rating make them overdue.
                let kept = try encoded.listing(file: "p") { Action.isOverdue(deadline: $0, rating: $1, asOf: today) }
                XCTAssertEqual(
                    try encoded.listing(
                        file: "p", keeping: { Action.isOverdue(deadline: $0, rating: $1, asOf: today) }, workers: 2),
                    kept, "round \(round)")
                XCTAssertEqual(overdue(kept), overdue(plan), "round \(round)")
                // The rows `actionplan overdue` makes straight from the plan are ActionFilter.overdue's.
                XCTAssertEqual(
                    ActionListing.overdueRows(in: kept, asOf: today),
                    ActionListing.rows(ActionFilter.overdue(in: plan, asOf: today), in: plan, asOf: today),
                    "round \(round)")
                XCTAssertEqual(
                    kept.allActions.map(\.id),
                    ActionFilter.overdue(in: plan, asOf: today).map(\.action.id).sorted {
                        a, b in
                        plan.allActions.firstIndex { $0.id == a }! < plan.allActions.firstIndex { $0.id == b }!
                    }, "round \(round): only the overdue actions are read")
                XCTAssertEqual(
                    SummaryReport.render(listing, asOf: today, format: format),
                    SummaryReport.render(plan, asOf: today, format: format), "round \(round)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testListingCommandsPrintTheSameFromAStampedFileAsFromAnyOther() throws {
        let commands = [
            ["overdue", plan, "--as-of", "2019-06-30"], ["list", plan, "--lead", "BJ", "--as-of", "2019-06-30"],
            ["summary", plan, "--as-of", "2019-06-30", "--format", "json"], ["list", plan, "--format", "tsv"],
            ["show", plan, "1a(i)"],
            ["show", plan, "5(xii)", "--format", "json", "--as-of", "2019-06-30"],
            ["snapshots", plan], ["snapshots", plan, "--format", "json"], ["measures", plan, "--format", "tsv"],
            ["measures", plan],
        ]
        func outputs() throws -> [String] {
            try commands.map { args in
                let r = try TestSupport.run(args)
                XCTAssertEqual(r.status, 0, r.stderr)
                return r.stdout + r.stderr
            } + [try TestSupport.run(["show", plan, "9z"])].map { "\($0.status) \($0.stdout) \($0.stderr)" }
        }
        // Snapshots and measures, which `snapshots` and `measures` read without the themes from a stamped file.
        let dashboard = TestSupport.root.appendingPathComponent(
            "Tests/ActionPlanImportTests/Fixtures/seeds/a10-data-dashboard.txt")
        for args in [
            ["snapshot", plan, "--label", "November 2018 committee", "--as-of", "2018-11-15"],
            ["import-measures", dashboard.path, "--into", plan],
        ] {
            let r = try TestSupport.run(args)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        try rate("1a(i)", .red, note: "stamped", options: .standard)
        XCTAssertTrue(EncodingStamp.isEncoding(try PlanStore.readFile(plan), of: plan))
        let stamped = try outputs()
        XCTAssertTrue(stamped[6].contains("November 2018 committee"), stamped[6])
        XCTAssertTrue(stamped[8].contains("M5.1\t"), stamped[8])
        try FileManager.default.removeItem(atPath: EncodingStamp.path(for: plan))
        XCTAssertEqual(try outputs(), stamped)
        XCTAssertTrue(stamped[0].contains("1a(i)"), stamped[0])
        XCTAssertTrue(stamped[4].contains("stamped"), "the shown action's history: \(stamped[4])")
        XCTAssertTrue(stamped.last!.hasPrefix("2 "), stamped.last!)
        XCTAssertTrue(stamped.last!.contains("no action with ID \"9z\""), stamped.last!)
    }

    /// The store reads a large file it wrote with its themes side by side (`PlanStore.decode`): the same plan
    /// as the plan reader's, for `load`, `loadWithFingerprint` and `check` (duplicate IDs allowed); a file
    /// changed since, the same error as the plan reader's.
    func testALargeFileTheStoreWroteReadsAsThePlanReaderReadsIt() throws {
        let path = NSTemporaryDirectory() + "whole-\(UUID().uuidString).json"
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: PlanBackups.directory(for: path))
        }
        try PlanStore.save(SyntheticPlan.make(actions: 2_500, seed: 11), to: path)
        try PlanStore.updateAction(path, id: "1.1") { _, action in
            try action.rate(to: .red, note: "stamped", by: "NH", on: CalendarDay(year: 2019, month: 1, day: 31)!)
        }
        let bytes = try PlanStore.readFile(path)
        XCTAssertGreaterThan(bytes.count, 1 << 20)
        XCTAssertTrue(EncodingStamp.isEncoding(bytes, of: path))
        XCTAssertNotNil(EncodedPlan(bytes: bytes)?.wholePlan(file: path, workers: 2), "read side by side")
        let expected = try PlanCodec.decode(bytes, file: path)
        XCTAssertEqual(try PlanStore.load(path), expected)
        XCTAssertEqual(try PlanStore.loadWithFingerprint(path).plan, expected)
        XCTAssertEqual(try PlanStore.decode(bytes, of: path, allowDuplicateIDs: true), expected)
        // Broken in place after the stamp: the plan reader's error, line and column included.
        var broken = bytes
        let at = broken.count / 2
        broken[at] = UInt8(ascii: "\u{01}")
        func failure(_ read: () throws -> Plan) -> String {
            do {
                _ = try read()
                return "read"
            } catch {
                return "\(error)"
            }
        }
        let plain = failure { try PlanCodec.decode(broken, file: path) }
        XCTAssertNotEqual(plain, "read")
        XCTAssertEqual(failure { try PlanStore.decode(broken, of: path) }, plain)
    }

    /// A plan of `actions` actions saved by the store (so stamped), at least the size saves map (4 MB).
    private func largeStampedPlan(actions: Int = 5_000) throws -> [UInt8] {
        var large = SyntheticPlan.make(actions: actions, seed: 3)
        large.version = "large"
        try PlanStore.writeAtomically(PlanCodec.encode(large), to: plan)
        try PlanStore.update(plan) { $0.version = "large, stamped" }
        let bytes = try PlanStore.readFile(plan)
        XCTAssertGreaterThanOrEqual(bytes.count, FileSnapshot.rereadBelow, "mapped by the save")
        XCTAssertTrue(EncodingStamp.isEncoding(bytes, of: plan))
        return bytes
    }

    func testALargePlanIsChangedFromItsMappingAndWrittenAsAFullSaveWritesIt() throws {
        var before = try largeStampedPlan()
        let ids = try PlanCodec.decode(before, file: "large").allActions.map(\.id)
        for (n, id) in [ids[0], ids[ids.count / 2], ids[ids.count - 1], ids[0]].enumerated() {
            let spliced = Flag()
            try rate(id, n % 2 == 0 ? .red : .blue, note: "mapped \(n)", options: options(spliced))
            XCTAssertTrue(spliced.isSet, "save \(n): one action replaced")
            let after = try PlanStore.readFile(plan)
            XCTAssertEqual(after, try fullSave(of: before, rating: id, n % 2 == 0 ? .red : .blue, note: "mapped \(n)"))
            XCTAssertTrue(EncodingStamp.isEncoding(after, of: plan), "stamped again")
            XCTAssertEqual(try PlanStore.readFile(PlanBackups.path(for: plan, number: 1)), before, "backup kept")
            before = after
        }
        // What users run: the release build, its two threads and its mapping, writes the same bytes.
        for binary in [TestSupport.binary, try ReleaseBuild.actionplan()] {
            let r = try TestSupport.run(
                binary, ["rate", plan, ids[7], "A", "--note", "from \(binary)", "--by", "BJ", "--as-of", "2019-02-01"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let after = try PlanStore.readFile(plan)
            XCTAssertEqual(after, try fullSave(of: before, rating: ids[7], .amber, note: "from \(binary)"), binary)
            XCTAssertTrue(EncodingStamp.isEncoding(after, of: plan), binary)
            before = after
        }
    }

    func testALargePlanWrittenInPlaceWhileOneActionIsSavedIsSavedAfreshWithBothChanges() throws {
        let bytes = try largeStampedPlan()
        let actions = try PlanCodec.decode(bytes, file: "large").allActions
        // Theirs: an action rated green or amber, rated the other (the same length, so the size stays).
        let other = actions.indices.first { $0 > 0 && [.green, .amber].contains(actions[$0].rating) }!
        let theirRating: Rating = actions[other].rating == .green ? .amber : .green
        let stages = StageLog()
        var options = PlanStore.SaveOptions()
        let plan = self.plan
        let once = ErrorBox()
        options.stage = { stage in
            stages.add(stage)
            guard case .readyToRename = stage, once.all.isEmpty else { return }
            once.add(PlanError(.invalidValue, message: "once"))
            // A program that ignores the lock rewrites the file in place, keeping its size.
            do {
                var text = String(decoding: try PlanStore.readFile(plan), as: UTF8.self)
                let at = text.range(of: "\"id\": \"\(actions[other].id)\",")!.upperBound
                let rating = text.range(of: "\"rating\": \"", range: at..<text.endIndex)!
                let end = text.index(rating.upperBound, offsetBy: 5)
                text.replaceSubrange(rating.upperBound..<end, with: theirRating.rawValue)
                let changed = Array(text.utf8)
                XCTAssertEqual(changed.count, bytes.count)
                let fd = open(plan, O_WRONLY)
                XCTAssertEqual(changed.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }, changed.count)
                close(fd)
            } catch { XCTFail("\(error)") }
        }
        try PlanStore.updateAction(plan, id: actions[0].id, options: options) { _, a in
            try a.rate(to: .red, note: "ours", by: "BJ", on: CalendarDay(year: 2019, month: 2, day: 1)!)
        }
        XCTAssertTrue(stages.changedMeanwhile, "noticed right before the rename")
        let after = try PlanStore.load(plan).allActions
        XCTAssertEqual(after[0].history.last?.note, "ours", "our change, made again on their version")
        XCTAssertEqual(after[0].history.filter { $0.note == "ours" }.count, 1, "made once")
        XCTAssertEqual(after[other].rating, theirRating, "their change survives")
        XCTAssertTrue(EncodingStamp.isEncoding(try PlanStore.readFile(plan), of: plan))
    }

    func testTwoPiecesOfWorkDoneAtOnceGiveBothResultsAndTheirErrors() throws {
        // On two threads (large work) and on one (small work): the same results, and the same error.
        for inParallel in [true, false] {
            let (a, b) = try Concurrently.both({ (0..<1000).reduce(0, +) }, { "b" }, inParallel: inParallel)
            XCTAssertEqual(a, 499_500)
            XCTAssertEqual(b, "b")
            let done = ErrorBox()
            XCTAssertThrowsError(
                try Concurrently.both(
                    { () throws -> Int in throw PlanError(.invalidValue, message: "a failed") },
                    { done.add(PlanError(.invalidValue, message: "b")) }, inParallel: inParallel)
            ) { XCTAssertTrue("\($0)".contains("a failed"), "\($0)") }
            XCTAssertEqual(done.all.count, 1, "the other piece still ran to its end (in parallel: \(inParallel))")
        }
    }

    func testTheHashOfBytesInRunsIsTheHashOfTheBytesJoined() {
        var rng = SyntheticPlan.SplitMix(5)
        for length in [0, 1, 31, 32, 33, 64, 95, 1000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            for _ in 0..<20 {
                var cuts = (0..<Int(rng.next() % 5)).map { _ in length == 0 ? 0 : Int(rng.next() % UInt64(length + 1)) }
                cuts = ([0] + cuts + [length]).sorted()
                let runs = zip(cuts, cuts.dropFirst()).map { bytes[$0..<$1] }
                XCTAssertEqual(FileBytes(runs: runs).hash, ContentHash.words(bytes), "\(length) cut at \(cuts)")
                XCTAssertEqual(FileBytes(runs: runs).joined, bytes)
            }
        }
        XCTAssertNotEqual(ContentHash.words([1, 2, 3]), ContentHash.words([1, 2, 4]))
    }

    func testAFileCutShortWhileItIsReadMappedIsReportedNotASilentCrashInBothBuilds() throws {
        let big = dir + "/big.json"
        for binary in [TestSupport.binary, try ReleaseBuild.actionplan()] {
            try PlanStore.writeAtomically([UInt8](repeating: 0x20, count: 2 << 20), to: big)
            let r = try TestSupport.run(binary, ["debug-cut-short", big])
            XCTAssertEqual(r.status, 2, "\(binary): \(r.stdout) \(r.stderr)")
            XCTAssertEqual(
                r.stderr,
                "actionplan: \(big): the file was cut short by another program while it was being read; nothing was "
                    + "changed. Run the command again.\n", binary)
            XCTAssertEqual(try PlanStore.readFile(big).count, 1 << 20, "it was cut, and only by the test")
        }
        // The listing commands read large files mapped: a stamped plan of over 1 MB reads the same either way.
        var large = SyntheticPlan.make(actions: 2_000)
        large.version = "mapped"
        try PlanStore.writeAtomically(PlanCodec.encode(large), to: plan)
        let unstamped = try TestSupport.run(["overdue", plan, "--as-of", "2019-06-30"])
        try PlanStore.update(plan) { $0.version = "mapped and stamped" }
        XCTAssertGreaterThan(try PlanStore.readFile(plan).count, MappedFile.mapFrom)
        let stamped = try TestSupport.run(["overdue", plan, "--as-of", "2019-06-30"])
        XCTAssertEqual(stamped.status, 0, stamped.stderr)
        XCTAssertEqual(stamped.stdout, unstamped.stdout)
        XCTAssertGreaterThan(stamped.stdout.split(separator: "\n").count, 100)
    }

    func testPrintableASCIIIsToldEightBytesAtATimeExactlyAsByteByByte() {
        var rng = SyntheticPlan.SplitMix(11)
        let edges: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xA0, 0xC2, 0xE2, 0xFF]
        for round in 0..<20_000 {
            let length = Int(rng.next() % 40)
            var bytes = (0..<length).map { _ in UInt8(0x20 + rng.next() % 0x5F) }
            for _ in 0..<Int(rng.next() % 3) where length > 0 {
                bytes[Int(rng.next() % UInt64(length))] = edges[Int(rng.next() % UInt64(edges.count))]
            }
            let expected = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            XCTAssertEqual(
                bytes.withUnsafeBufferPointer(DisplayWidth.isPrintableASCII), expected, "round \(round): \(bytes)")
        }
    }

    func testAFileWrittenInPlaceWhileItIsReadMappedIsNotTrustedButReadAgain() throws {
        let big = dir + "/big.json"
        try PlanStore.writeAtomically([UInt8](repeating: 0x20, count: 2 << 20), to: big)
        XCTAssertEqual(try MappedFile.withBytes(big) { $0[5] }, 0x20, "untouched: the bytes read")
        // Another program writes into the file, keeping its size: the mapping sees the new byte, so what was
        // read may mix two versions, and the read says so (nil) instead of passing it on.
        let seen = try MappedFile.withBytes(big) { bytes -> UInt8 in
            let fd = open(big, O_WRONLY)
            XCTAssertEqual(pwrite(fd, [UInt8(ascii: "x")], 1, 5), 1)
            close(fd)
            return bytes[5]
        }
        XCTAssertNil(seen)

        // A stamped plan rewritten in place by another program (same size, ratings changed) is no longer
        // taken for the store's encoding: the listing shows its new contents.
        var large = SyntheticPlan.make(actions: 2_000)
        large.version = "in place"
        try PlanStore.writeAtomically(PlanCodec.encode(large), to: plan)
        try PlanStore.update(plan) { $0.version = "in place, stamped" }
        let stamped = try PlanStore.readFile(plan)
        XCTAssertTrue(EncodingStamp.isEncoding(stamped, of: plan))
        let text = String(decoding: stamped, as: UTF8.self)
        let changed = Array(text.replacingOccurrences(of: "\"rating\": \"green\"", with: "\"rating\": \"amber\"").utf8)
        XCTAssertEqual(changed.count, stamped.count)
        let fd = open(plan, O_WRONLY)
        XCTAssertEqual(changed.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }, changed.count)
        close(fd)
        XCTAssertEqual(
            try PlanStore.loadListing(plan).allActions.map(\.rating),
            try PlanCodec.decode(changed, file: "changed").allActions.map(\.rating))
    }

    func testBytesNotLaidOutAsAnEncodingAreNotTakenForOne() throws {
        let bytes = PlanCodec.encode(try PlanStore.load(plan))
        XCTAssertNotNil(EncodedPlan(bytes: bytes))
        XCTAssertNil(
            EncodedPlan(
                bytes: Array(
                    String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n  \"", with: "\n \"").utf8)))
        XCTAssertNil(EncodedPlan(bytes: Array("{\"schemaVersion\": 1, \"title\": \"x\", \"themes\": []}".utf8)))
        XCTAssertNil(EncodedPlan(bytes: []))
    }
}

extension Plan {
    /// The theme, group and action index of every action, in plan order.
    fileprivate func allPaths() -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        for (t, theme) in themes.enumerated() {
            for (g, group) in theme.groups.enumerated() { for a in group.actions.indices { out.append((t, g, a)) } }
        }
        return out
    }
}
