import ActionPlanCore
import ActionPlanImport

/// libFuzzer entry point for the importer (built only by scripts/fuzz.sh).
///
/// Each input is imported as plan text, as CSV and as TSV. Each must either
/// fail with a `PlanError` or give a plan that saves and loads back unchanged:
/// the importer must never crash on a document, nor produce a plan file the
/// loader refuses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for name in ["fuzz.txt", "fuzz.csv", "fuzz.tsv"] {
        guard let (plan, _) = try? PlanImport.run(bytes, file: name) else { continue }
        let saved = PlanCodec.encode(plan)
        guard let again = try? PlanCodec.decode(saved, file: "saved.json") else {
            fatalError("an imported plan saved to a file that does not load")
        }
        precondition(again == plan, "save and load changed the imported plan")
    }
    return 0
}
