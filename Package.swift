// swift-tools-version:6.0
import PackageDescription

// Dependency rule (see docs/architecture.md):
//   ActionPlanCore  <- Foundation only (the model and its rules: no files, no clock, no processes)
//   ActionPlanStore <- ActionPlanCore, CSignalTrap (files, locks, backups, fingerprints, the clock and process probes
//                      they need; CSignalTrap for the SIGBUS handler of a mapped read)
//   ActionPlanImport <- ActionPlanCore, ZIPFoundation (reads a source's bytes - text, CSV, Markdown, .docx, .xlsx - into items)
//   ActionPlanPackage <- ActionPlanCore, ZIPFoundation (zips the parts of an .xlsx/.docx export the core lays out)
//   ActionPlanTUI   <- ActionPlanCore, ActionPlanStore, ActionPlanPackage (screen logic renders into a cell grid;
//                      no curses; only Runtime/ performs effects: saves through the store, zips .xlsx/.docx exports)
//   ActionPlanSynthetic <- ActionPlanCore (large generated plans and a seeded generator, for the benchmark and tests)
//   CSignalTrap     <- libc only (the signal handlers and the one copy of the state they share with the loop or
//                      with a mapped read)
//   NcursesBackend  <- ActionPlanTUI, CNcursesw, CSignalTrap, ActionPlanCore (the one place that talks to the terminal)
//   actionplan      <- all of the above + ArgumentParser (thin: parse, call, print; prints PDFs through Chromium)
let package = Package(
    name: "actionplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "actionplan", targets: ["actionplan"]),
        .executable(name: "actionplan-bench", targets: ["actionplan-bench"]),
        .library(name: "ActionPlanCore", targets: ["ActionPlanCore", "ActionPlanStore", "ActionPlanImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "ActionPlanCore"),
        .target(name: "ActionPlanStore", dependencies: ["ActionPlanCore", "CSignalTrap"]),
        .target(name: "ActionPlanImport", dependencies: ["ActionPlanCore", "ZIPFoundation"]),
        .target(name: "ActionPlanPackage", dependencies: ["ActionPlanCore", "ZIPFoundation"]),
        .target(name: "ActionPlanTUI", dependencies: ["ActionPlanCore", "ActionPlanStore", "ActionPlanPackage"]),
        // Generated plans for the benchmark and the tests; never linked into the actionplan executable.
        .target(name: "ActionPlanSynthetic", dependencies: ["ActionPlanCore"]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // A real C target, not static functions in a header: one definition of the signal flag in every build.
        .target(name: "CSignalTrap"),
        .target(name: "NcursesBackend", dependencies: ["ActionPlanTUI", "CNcursesw", "CSignalTrap", "ActionPlanCore"]),
        .executableTarget(
            name: "actionplan",
            dependencies: [
                "ActionPlanCore", "ActionPlanStore", "ActionPlanImport", "ActionPlanPackage", "ActionPlanTUI",
                "NcursesBackend", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "actionplan-bench",
            dependencies: [
                "ActionPlanCore", "ActionPlanStore", "ActionPlanImport", "ActionPlanPackage", "ActionPlanTUI",
                "ActionPlanSynthetic",
            ]),
        // Starts the programs the tests drive (actionplan, tmux, git, Chromium) with a deadline.
        .target(name: "TestProcess", path: "Tests/TestProcess"),
        .testTarget(
            name: "ActionPlanCoreTests",
            dependencies: [
                "ActionPlanCore", "ActionPlanStore", "ActionPlanImport", "ActionPlanPackage", "ActionPlanSynthetic",
                "actionplan", "TestProcess",
            ],
            exclude: ["HelpSnapshots"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ActionPlanTUITests",
            dependencies: [
                "ActionPlanTUI", "ActionPlanCore", "ActionPlanStore", "ActionPlanSynthetic", "actionplan",
                "TestProcess",
            ],
            exclude: ["Snapshots"]
        ),
        // The reading layer under the importer: fixtures made by scripts/make-import-fixtures.py.
        .testTarget(
            name: "ActionPlanImportTests",
            dependencies: [
                "ActionPlanImport", "ActionPlanCore", "ActionPlanSynthetic", "TestProcess",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)

// Fuzz targets for scripts/fuzz.sh (libFuzzer entry points, sources in Fuzz/, seeds in Tests/FuzzCorpus/).
// Declared only when ACTIONPLAN_FUZZ=1, so normal builds and tests never see or link them.
if Context.environment["ACTIONPLAN_FUZZ"] == "1" {
    let core: [Target.Dependency] = ["ActionPlanCore", "ActionPlanImport"]
    let reading: [Target.Dependency] = [
        "ActionPlanCore", "ActionPlanImport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
    ]
    for (target, product, dependencies) in [
        ("FuzzLoader", "fuzz-loader", core), ("FuzzImporter", "fuzz-importer", core), ("FuzzMerge", "fuzz-merge", core),
        ("FuzzReader", "fuzz-reader", reading),
    ] {
        package.targets.append(.executableTarget(name: target, dependencies: dependencies, path: "Fuzz/\(target)"))
        package.products.append(.executable(name: product, targets: [target]))
    }
}
