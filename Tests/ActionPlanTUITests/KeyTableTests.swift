import ActionPlanTUI
import Foundation
import XCTest

/// The key table: consistent, complete, and the source of docs/keys.md.
final class KeyTableTests: XCTestCase {
    func testNoKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [KeyEvent: Command] = [:]
            for b in KeyTable.bindings(in: context) {
                for k in b.keys {
                    XCTAssertNil(seen[k], "\(k.name) is bound to \(seen[k]!) and \(b.command) in \(context)")
                    seen[k] = b.command
                }
            }
        }
    }

    func testRequiredKeysDispatch() {
        let expected: [(KeyEvent, Command)] = [
            (.up, .moveUp), (.char("k"), .moveUp), (.down, .moveDown), (.char("j"), .moveDown),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .top), (.char("g"), .top), (.end, .bottom),
            (.char("G"), .bottom), (.enter, .toggleFold), (.char(" "), .toggleMark), (.tab, .switchPane),
            (.char("/"), .search), (.char("n"), .nextMatch), (.char("N"), .previousMatch), (.char("o"), .viewOverdue),
            (.char("d"), .viewDueSoon), (.char("f"), .filter), (.char("a"), .viewAll), (.char("S"), .cycleSort),
            (.char("r"), .rate), (.char("e"), .edit), (.char("A"), .addAction), (.char("D"), .deleteAction),
            (.char("u"), .undo), (.ctrl("r"), .redo), (.char("w"), .save), (.char("q"), .quit), (.char("?"), .help),
            (.char("h"), .foldOrParent), (.left, .foldOrParent), (.char("l"), .unfoldOrChild),
            (.right, .unfoldOrChild), (.escape, .back), (.char("Q"), .quitNow), (.ctrl("l"), .redraw),
            (.char("z"), .zoom), (.char("m"), .toggleMark), (.char("i"), .viewMine), (.char("M"), .showMeasures),
            (.char("W"), .viewWorkload),
        ]
        for (key, command) in expected {
            XCTAssertEqual(KeyTable.command(for: key, in: .browse), command, key.name)
        }
        for (key, rating) in [("b", "blue"), ("g", "green"), ("a", "amber"), ("r", "red")] {
            XCTAssertEqual(
                KeyTable.command(for: .char(Character(key)), in: .ratingPicker)?.pickedRating?.rawValue, rating)
        }
        XCTAssertEqual(KeyTable.command(for: .escape, in: .ratingPicker), .cancel)
        XCTAssertEqual(KeyTable.command(for: .enter, in: .lineEditor), .confirm)
        XCTAssertEqual(KeyTable.command(for: .escape, in: .lineEditor), .cancel)
        XCTAssertNil(KeyTable.command(for: .char("q"), in: .lineEditor), "letters type in prompts")
    }

    func testEveryBrowseCommandHasADescriptionAndEveryContextAHint() {
        for b in KeyTable.bindings {
            XCTAssertFalse(b.description.isEmpty)
            XCTAssertFalse(b.keys.isEmpty)
        }
        for context in KeyContext.allCases {
            XCTAssertFalse(KeyTable.hint(for: context).isEmpty, "\(context) has no hint")
        }
    }

    /// docs/keys.md is KeyTable.markdown(); ACTIONPLAN_RECORD_SNAPSHOTS=1 regenerates it.
    func testDocsKeysMarkdownIsGeneratedFromTheTable() throws {
        let markdown = KeyTable.markdown()
        SnapshotAssert.check(text: markdown, at: TUIFixtures.root.appendingPathComponent("docs/keys.md"))
        XCTAssertTrue(markdown.contains("| `Ctrl-R` | redo | Redo the last undone edit |"))
    }
}
