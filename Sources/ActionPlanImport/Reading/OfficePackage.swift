import ActionPlanCore
import Foundation

/// An Office Open XML package: a zip archive whose parts are found through relationships and content types.
///
/// The main part is the target of the package's `officeDocument` relationship
/// (`_rels/.rels`), usually `word/document.xml` or `xl/workbook.xml`; its content
/// type in `[Content_Types].xml` says whether it is a Word document or an Excel
/// workbook. Other parts (styles, shared strings, sheets) are found through the
/// main part's relationships, falling back to the usual paths when a writer
/// leaves them out.
final class OfficePackage {
    /// A relationship from a part to another.
    struct Relationship {
        /// Its id (`rId1`), which the source part uses to refer to it.
        let id: String
        /// The last segment of its type URI: `officeDocument`, `styles`, `worksheet`, `sharedStrings`…
        let type: String
        /// The path in the package of the part it points to ("" for an external target).
        let target: String
    }

    /// The archive.
    let zip: ZipContainer
    /// The file's name, for errors.
    let file: String
    /// "Word document" or "Excel workbook", for errors, once known.
    var container = "Word document or Excel workbook"

    /// Opens `bytes`, a zip archive named `file`.
    init(bytes: [UInt8], file: String) throws {
        zip = try ZipContainer(bytes: bytes, file: file)
        self.file = file
    }

    /// The kind of document and the path of its main part; an error for any other zip archive.
    func mainPart() throws -> (kind: SourceDocument.Kind, path: String) {
        let declared = try relationships(of: "").first { $0.type == "officeDocument" }?.target
        let path =
            declared.flatMap { zip.contains($0) ? $0 : nil }
            ?? ["word/document.xml", "xl/workbook.xml"].first { zip.contains($0) }
        let types = try XMLElements.read(["Override"], path: "[Content_Types].xml", in: self)
        let type = path.flatMap { p in types.first { $0.attributes["PartName"] == "/" + p }?.attributes["ContentType"] }
        if let path, type?.contains("wordprocessingml") ?? path.hasPrefix("word/") { return (.docx, path) }
        if let path, type?.contains("spreadsheetml") ?? path.hasPrefix("xl/") { return (.xlsx, path) }
        let what: String
        if type?.contains("presentationml") == true || zip.contains("ppt/presentation.xml") {
            what = "is a PowerPoint presentation"
        } else if zip.contains("mimetype") && zip.contains("content.xml") {
            what = "is an OpenDocument file (.odt or .ods, from LibreOffice or OpenOffice); save it as .docx or .xlsx"
        } else {
            what =
                "is a zip archive but not a Word document or an Excel workbook (it has neither word/document.xml "
                + "nor xl/workbook.xml)"
        }
        throw PlanError(
            .invalidSource,
            file: file,
            message: what + "; expected plan text, CSV, a Word document (.docx) or an Excel workbook (.xlsx)")
    }

    /// The relationships of the part at `path` ("" for the package's own), from its `_rels` part.
    func relationships(of path: String) throws -> [Relationship] {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        let rels = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        return try XMLElements.read(["Relationship"], path: rels, in: self).map { r in
            let a = r.attributes
            let external = a["TargetMode"] == "External"
            return Relationship(
                id: a["Id"] ?? "", type: (a["Type"] ?? "").split(separator: "/").last.map(String.init) ?? "",
                target: external ? "" : Self.resolve(a["Target"] ?? "", from: folder))
        }
    }

    /// Parses the part at `path` into `handler`; returns false (parsing nothing) when there is no such part.
    @discardableResult
    func parse(_ path: String, into handler: XMLPartHandler) throws -> Bool {
        guard let bytes = try zip.read(path) else { return false }
        try XMLPart.parse(bytes, path: path, file: file, container: container, into: handler)
        return true
    }

    /// The package path a relationship `target` names, relative to `folder` (or absolute when it starts with `/`).
    static func resolve(_ target: String, from folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var parts = decoded.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }
}
