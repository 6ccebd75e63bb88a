import ActionPlanCore
import ActionPlanStore
import ActionPlanSynthetic
import ActionPlanTUI
import Foundation
import XCTest

/// A randomised model test of a plan kept open for long: a lead edits in the terminal UI, undoes, redoes,
/// saves, settles clashes, reloads and is interrupted and recovers, while other leads save the same file.
///
/// Each run is a seeded random interleaving of those steps, on real files through the real session and
/// store. The invariants, checked after every step:
/// - the file is always a valid plan;
/// - every entry another lead saved (a note or a rating change, each with unique text) is in the file for
///   ever: others never undo, so nothing the lead does may remove it;
/// - a recovered session holds every entry the interrupted one had;
/// and at the end, once the lead has saved and settled every clash: the lead's entries in the file are
/// exactly those on the lead's screen (none lost, none undone that came back). A failure prints the seed and the steps; `ACTIONPLAN_MODEL_SEED=N` replays one run and
/// `ACTIONPLAN_MODEL_RUNS` / `ACTIONPLAN_MODEL_STEPS` try more.
final class LongOpenEditingModelTests: XCTestCase {
    private static let ids = ["1a(i)", "1a(ii)", "1a(iii)", "1b(i)", "1b(ii)", "2(i)", "2(ii)", "2(iii)"]
    /// The actions ratings are changed on: few, so the lead's and others' ratings clash often.
    private static let rated = ["1a(i)", "1a(ii)", "2(i)"]

    /// A deterministic generator (ActionPlanSynthetic's SplitMix64), so a seed replays a run exactly.
    struct Random {
        var generator: SyntheticPlan.SplitMix
        init(state: UInt64) { generator = SyntheticPlan.SplitMix(state) }
        mutating func below(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// One run's world: the file, the lead's session, and what everyone has done.
    final class World {
        let dir: String
        let path: String
        var session: PlanSession
        var rng: Random
        var log: [String] = []
        var counter = 0
        /// Every entry other leads saved (notes and rating-change notes).
        var othersSaved: Set<String> = []
        /// Figures for the report.
        var saves = 0, undos = 0, refusedUndos = 0, merges = 0, clashes = 0, recoveries = 0, reloads = 0

        init(seed: UInt64) throws {
            // On a memory file system where there is one: the model is about what is kept, not about fsync.
            dir = try World.scratchDirectory()
            path = dir + "/plan.json"
            try PlanStore.save(TUIFixtures.small(), to: path)
            session = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "me")
            rng = Random(state: seed)
            _ = session.frame(width: 100, height: 30)
        }

        deinit { try? FileManager.default.removeItem(atPath: dir) }

        static func scratchDirectory() throws -> String {
            guard FileManager.default.isWritableFile(atPath: "/dev/shm") else { return try temporaryDirectory() }
            let dir = "/dev/shm/actionplan-model-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            return dir
        }

        func press(_ keys: KeyEvent...) {
            for k in keys { _ = session.handle(k) }
        }

        func type(_ text: String) { for c in text { press(.char(c)) } }

        func select(_ id: String) -> Bool {
            press(.home)
            for _ in 0..<40 {
                if session.state.selectedAction?.id == id { return true }
                press(.down)
            }
            return false
        }

        func fresh(_ who: String) -> String {
            counter += 1
            return "\(who)-\(counter)"
        }

        /// Entries (notes and rating-change notes) of `plan`.
        static func entries(_ plan: Plan) -> Set<String> {
            var out: Set<String> = []
            for a in plan.allActions {
                for h in a.history { out.insert(h.note) }
                for n in a.notes { out.insert(n.text) }
            }
            return out
        }

        // MARK: Steps

        func step() throws {
            if session.state.mode != .browse { return try settle() }
            switch rng.below(100) {
            case 0..<18: myNote()
            case 18..<34: myRate()
            case 34..<46:
                log.append("u")
                press(.char("u"))
                undos += 1
                if session.state.message?.isError == true { refusedUndos += 1 }
            case 46..<52:
                log.append("redo")
                press(.ctrl("r"))
            case 52..<64: save()
            case 64..<76: try otherNote()
            case 76..<90: try otherRate()
            case 90..<95: try interruptAndRecover()
            default: myNote()
            }
        }

        func myNote() {
            let id = rng.pick(LongOpenEditingModelTests.ids)
            let text = fresh("me")
            log.append("note \(id) \(text)")
            guard select(id) else { return }
            press(.char("p"))
            type(text)
            press(.enter)
        }

        func myRate() {
            let id = rng.pick(LongOpenEditingModelTests.rated)
            let letter = rng.pick(["b", "g", "r"] as [Character])
            let text = fresh("me")
            log.append("rate \(id) \(letter) \(text)")
            guard select(id) else { return }
            press(.char("r"), .char(letter))
            type(text)
            press(.enter)
        }

        func save() {
            log.append("w")
            press(.char("w"))
            saves += 1
            if session.state.message?.text.contains("merged") == true { merges += 1 }
        }

        /// Answers whatever the UI asks: a clash (choose each, reload, or keep editing), a question.
        func settle() throws {
            switch session.state.mode {
            case .conflict:
                clashes += 1
                switch rng.below(4) {
                case 0:
                    log.append("clash: reload")
                    press(.char("r"), .char("y"))
                    reloads += 1
                case 1:
                    log.append("clash: Esc")
                    press(.escape)
                default:
                    log.append("clash: choose each")
                    press(.char("c"))
                }
            case .chooseClash:
                let key: Character = rng.below(2) == 0 ? "m" : "t"
                log.append("choose \(key)")
                press(.char(key))
            case .question(.restoreRecovery):
                log.append("restore: y")
                press(.char("y"))
            case .question:
                press(.char("y"))
            default:
                press(.escape)
            }
        }

        func otherNote() throws {
            let id = rng.pick(LongOpenEditingModelTests.ids)
            let text = fresh("other")
            log.append("other note \(id) \(text)")
            try PlanStore.update(path) { try $0.addNote(id: id, text: text, by: "other", on: TUIFixtures.asOf) }
            othersSaved.insert(text)
        }

        func otherRate() throws {
            let id = rng.pick(LongOpenEditingModelTests.rated)
            let rating = rng.pick([Rating.blue, .green, .amber, .red])
            let text = fresh("other")
            log.append("other rate \(id) \(rating.letter) \(text)")
            try PlanStore.update(path) {
                // Dated today, as the session's own ratings are (its clock): not before the latest change.
                try $0.rate(id: id, to: rating, note: text, by: "other", on: SystemDay.today())
            }
            othersSaved.insert(text)
        }

        func interruptAndRecover() throws {
            log.append("interrupt")
            let had = World.entries(session.state.plan)
            let wrote = session.interrupted(by: SIGHUP) != nil
            session = try PlanSession(path: path, asOf: TUIFixtures.asOf, user: "me")
            _ = session.frame(width: 100, height: 30)
            guard wrote else { return }
            recoveries += 1
            log.append("restore: y")
            press(.char("y"))
            while case .chooseClash = session.state.mode { try settle() }
            let now = World.entries(session.state.plan)
            if !had.isSubset(of: now) {
                throw ModelFailure("recovery lost entries: \(had.subtracting(now).sorted())")
            }
        }

        // MARK: Invariants

        func checkFile() throws {
            let plan: Plan
            do { plan = try PlanStore.load(path) } catch {
                throw ModelFailure("the file is not a valid plan: \(error)")
            }
            let missing = othersSaved.subtracting(World.entries(plan))
            if !missing.isEmpty { throw ModelFailure("others' saved entries lost: \(missing.sorted())") }
        }

        /// Saves until saved, settling clashes; then the file must be the plan on the screen.
        func finish() throws {
            for _ in 0..<50 {
                if session.state.mode == .browse {
                    if !session.state.isModified { break }
                    save()
                } else {
                    if case .conflict = session.state.mode {
                        log.append("finish: choose each")
                        press(.char("c"))
                    } else {
                        try settle()
                    }
                }
            }
            try checkFile()
            if session.state.isModified {
                throw ModelFailure("could not save in the end: \(String(describing: session.state.message))")
            }
            // The lead's entries in the file are exactly those on the screen: none lost, none undone that came back.
            let mine = { (p: Plan) in World.entries(p).filter { $0.hasPrefix("me-") } }
            let file = try PlanStore.load(path)
            if mine(file) != mine(session.state.plan) {
                throw ModelFailure(
                    "the lead's entries differ: only in the file \(mine(file).subtracting(mine(session.state.plan)).sorted()), "
                        + "only on screen \(mine(session.state.plan).subtracting(mine(file)).sorted())")
            }
        }
    }

    struct ModelFailure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    func testLongOpenEditingNeverLosesWhatOthersSaved() throws {
        let env = ProcessInfo.processInfo.environment
        let runs = env["ACTIONPLAN_MODEL_RUNS"].flatMap { Int($0) } ?? 150
        let steps = env["ACTIONPLAN_MODEL_STEPS"].flatMap { Int($0) } ?? 40
        let seeds: [UInt64] =
            env["ACTIONPLAN_MODEL_SEED"].flatMap { UInt64($0) }.map { [$0] } ?? (1...UInt64(runs)).map { $0 &* 7919 }
        var totals = (
            steps: 0, saves: 0, undos: 0, refused: 0, merges: 0, clashes: 0, recoveries: 0, reloads: 0, others: 0
        )
        for seed in seeds {
            let world = try World(seed: seed)
            do {
                for _ in 0..<steps {
                    try world.step()
                    try world.checkFile()
                }
                try world.finish()
            } catch {
                XCTFail("seed \(seed): \(error)\nsteps:\n  " + world.log.joined(separator: "\n  "))
                return
            }
            totals.steps += world.log.count
            totals.saves += world.saves
            totals.undos += world.undos
            totals.refused += world.refusedUndos
            totals.merges += world.merges
            totals.clashes += world.clashes
            totals.recoveries += world.recoveries
            totals.reloads += world.reloads
            totals.others += world.othersSaved.count
        }
        print(
            "model test: \(seeds.count) runs, \(totals.steps) steps: \(totals.others) saves by others, "
                + "\(totals.saves) saves by the lead (\(totals.merges) merged), \(totals.undos) undos "
                + "(\(totals.refused) refused), \(totals.clashes) clashes, \(totals.reloads) reloads, "
                + "\(totals.recoveries) recoveries; nothing lost")
    }
}
