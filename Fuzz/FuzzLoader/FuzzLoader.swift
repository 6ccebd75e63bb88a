import ActionPlanCore

/// libFuzzer entry point for the plan loader (built only by scripts/fuzz.sh).
///
/// Any input must either fail with a `PlanError` or load; a plan that loads
/// must save and load again to the same plan, byte for byte stable, because a
/// file anyone sends must never crash the tool or turn into one that does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // Any file laid out as an encoding is read side by side (`PlanStore.load`, with or without a stamp): that
    // reading gives the plan reader's plan or nothing, never another plan nor a refused file's.
    let sideBySide = EncodedPlan(bytes: bytes)?.wholePlan(file: "fuzz.json", workers: 2)
    let lenientSideBySide = EncodedPlan(bytes: bytes)?.wholePlan(file: "fuzz.json", workers: 2, allowDuplicateIDs: true)
    // The terminal UI shows the listing of any file laid out as an encoding while it reads the whole plan
    // (`PlanStore.listingToShow`): whatever the bytes, it reads or refuses, never crashes.
    _ = try? EncodedPlan(bytes: bytes)?.listing(file: "fuzz.json", workers: 2)
    _ = try? EncodedPlan(bytes: bytes)?.listing(file: "fuzz.json")
    if let lenientSideBySide {
        precondition(
            (try? PlanCodec.decode(bytes, file: "fuzz.json", allowDuplicateIDs: true)) == lenientSideBySide,
            "the lenient reading side by side differs")
    }
    guard let plan = try? PlanCodec.decode(bytes, file: "fuzz.json") else {
        precondition(sideBySide == nil, "a refused file read side by side")
        precondition((try? PlanOutline(bytes: bytes, file: "fuzz.json")) == nil, "the outline read a refused file")
        // Also the lenient reading `check` uses.
        _ = try? PlanCodec.decode(bytes, file: "fuzz.json", allowDuplicateIDs: true)
        return 0
    }
    precondition(sideBySide == nil || sideBySide == plan, "the plan read side by side differs")
    let saved = PlanCodec.encode(plan)
    // The outline reads the same file the same way, whatever its spacing and escapes.
    guard let outline = try? PlanOutline(bytes: bytes, file: "fuzz.json") else {
        fatalError("the outline refused a file the full reading read")
    }
    precondition(outline.plan.actionCount == plan.actionCount, "the outline differs")
    for located in plan.locatedActions.prefix(3) {
        precondition((try? outline.action(at: located.path)) == located.action, "the outline's action differs")
    }
    // A file the store wrote (its encoding): the listing holds what lists use, and replacing one action's
    // bytes writes exactly the full encoding of the changed plan (EncodedPlan; the store trusts its stamp).
    if let encoded = EncodedPlan(bytes: saved) {
        guard let header = try? encoded.header(file: "saved.json"),
            let listing = try? encoded.listing(file: "saved.json")
        else { fatalError("an encoding's header or listing does not read") }
        precondition(header == plan.header, "the header of an encoding differs")
        var outside = plan
        outside.themes = []
        precondition((try? encoded.outsideThemes(file: "saved.json")) == outside, "the plan outside the themes differs")
        precondition(
            encoded.wholePlan(file: "saved.json", workers: 2) == plan, "the whole plan read side by side differs")
        precondition(
            (try? encoded.listing(file: "saved.json", workers: 2)) == listing, "the listing read side by side differs")
        precondition(listing.allActions.map(\.id) == plan.allActions.map(\.id), "the listing's actions differ")
        precondition(
            zip(listing.allActions, plan.allActions).allSatisfy {
                $0.text == $1.text && $0.leads == $1.leads && $0.deadline == $1.deadline && $0.rating == $1.rating
                    && $0.status == $1.status
            }, "a listed action differs")
        if let last = plan.locatedActions.last {
            guard let place = encoded.place(of: last.action.id),
                (try? encoded.action(at: place, file: "saved.json")) == last.action
            else { fatalError("an encoding's action is not found or not read back") }
            var changed = last.action
            changed.history.append(
                RatingChange(
                    date: CalendarDay(year: 2019, month: 1, day: 31)!, from: changed.rating, to: .amber, by: "fuzz",
                    note: "fuzz \u{1b}\n\"note\""))
            changed.rating = .amber
            var edited = plan
            edited[last.path] = changed
            if let spliced = encoded.replacing(place, old: last.action, with: changed, header: header) {
                precondition(spliced.joined == PlanCodec.encode(edited), "replacing one action differs")
            } else {
                precondition(last.action.needsVersion2 && !changed.needsVersion2, "replacing one action refused")
            }
        }
    } else {
        precondition(plan.themes.isEmpty, "an encoding with themes is not laid out as one")
    }
    guard let again = try? PlanCodec.decode(saved, file: "saved.json") else {
        fatalError("a loaded plan saved to a file that does not load")
    }
    precondition(again == plan, "save and load changed the plan")
    precondition(PlanCodec.encode(again) == saved, "saving is not deterministic")
    _ = PlanCheck.run(plan, asOf: CalendarDay(year: 2019, month: 1, day: 31)!)
    return 0
}
