import Foundation

/// Converts a plan to and from its JSON file format (docs/file-format.md).
///
/// Reading is strict — unknown fields, wrong types, unknown ratings, duplicate
/// IDs, a deadline that disagrees with its delivery date and newer schema
/// versions are all errors naming the line, column and JSON path — because a
/// plan is edited by hand and by several tools, and a silently dropped field is
/// lost work.
///
/// Writing is in this file; reading in `PlanCodec+Decode.swift`, actions in `PlanCodec+DecodeAction.swift`.
public enum PlanCodec {
    /// The plan as the bytes of its JSON file.
    public static func encode(_ plan: Plan) -> [UInt8] {
        // About a kilobyte an action, so a large plan's buffer is not grown and copied a dozen times.
        var w = JSONWriter(capacity: 4096 + plan.actionCount * 1024)
        w.object { w in
            w.field("schemaVersion", plan.usesVersion2 ? 2 : 1)
            writeHeader(plan, &w)
            w.key("ragKey")
            writeRAGKey(plan.ragKey, &w)
            if let scale = plan.scale { writeRatingScale(scale, &w) }
            if !plan.recommendations.isEmpty {
                w.key("recommendations")
                w.array(plan.recommendations) { w, r in
                    w.object { w in
                        w.field("id", r.id)
                        w.field("source", r.source)
                        w.field("text", r.text)
                        if !r.actions.isEmpty {
                            w.key("actions")
                            w.inlineStrings(r.actions)
                        }
                    }
                }
            }
            if !plan.narrative.isEmpty {
                w.key("narrative")
                writeNarrative(plan.narrative, &w)
            }
            w.key("officers")
            w.array(plan.officers) { w, o in
                w.object { w in
                    w.field("code", o.code)
                    w.field("name", o.name)
                    w.field("role", o.role)
                }
            }
            w.key("themes")
            w.array(plan.themes) { w, t in encode(t, &w) }
            w.key("snapshots")
            w.array(plan.snapshots) { w, s in
                w.object { w in
                    w.field("label", s.label)
                    w.field("date", s.date.description)
                    w.key("actions")
                    w.array(s.actions) { w, e in
                        w.object { w in
                            w.field("id", e.id)
                            w.field("rating", e.rating?.rawValue)
                            w.field("deadline", e.deadline?.description)
                            w.field("latestNote", e.latestNote)
                            w.field("updates", e.updates)
                        }
                    }
                }
            }
            if !plan.measures.isEmpty { writeMeasures(plan.measures, &w) }
        }
        w.finish()
        return w.bytes
    }

    /// Writes the header fields of `plan` — `title`, `organisation`, `version`, `period` — into the object
    /// being written (the plan file and the export JSON's `plan` object write the same fields).
    static func writeHeader(_ plan: Plan, _ w: inout JSONWriter) {
        w.field("title", plan.title)
        w.field("organisation", plan.organisation)
        w.field("version", plan.version)
        w.field("period", plan.period)
    }

    /// Writes `scale` as the `ratingScale` field (the plan file and the export JSON write the same).
    static func writeRatingScale(_ scale: RatingScale, _ w: inout JSONWriter) {
        w.key("ratingScale")
        w.array(scale.levels) { w, l in
            w.object { w in
                w.field("name", l.name)
                w.field("letter", l.letter)
                w.field("definition", l.definition)
                w.field("rating", l.rating.rawValue)
            }
        }
    }

    /// Writes `key` as the `ragKey` object of the plan file (the export JSON writes the same object).
    static func writeRAGKey(_ key: RAGKey, _ w: inout JSONWriter) {
        w.object { w in
            w.field("blue", key.blue)
            w.field("green", key.green)
            w.field("amber", key.amber)
            w.field("red", key.red)
        }
    }

    private static func encode(_ t: Theme, _ w: inout JSONWriter) {
        w.object { w in
            w.field("number", t.number)
            w.field("title", t.title)
            w.key("leads")
            w.inlineStrings(t.leads)
            w.key("narrative")
            writeNarrative(t.narrative, &w)
            w.key("groups")
            w.array(t.groups) { w, g in
                w.object { w in
                    w.field("title", g.title)
                    w.key("actions")
                    w.array(g.actions) { w, a in encode(a, &w) }
                }
            }
        }
    }

    /// Writes narrative blocks `{ heading, text }` (a theme's, or the plan's own).
    private static func writeNarrative(_ blocks: [NarrativeBlock], _ w: inout JSONWriter) {
        w.array(blocks) { w, n in
            w.object { w in
                w.field("heading", n.heading)
                w.field("text", n.text)
            }
        }
    }

    static func encode(_ a: Action, _ w: inout JSONWriter) {
        w.object { w in
            w.field("id", a.id)
            w.key("crossReferences")
            w.inlineStrings(a.crossReferences)
            w.field("text", a.text)
            w.key("leads")
            w.inlineStrings(a.leads)
            w.field("deliveryDate", a.deliveryDate)
            w.field("deadline", a.deadline?.description)
            writeRevisions(a, &w)
            w.field("rating", a.rating?.rawValue)
            writeStatusAndFields(a, &w)
            writeHistoryAndNotes(a, &w)
        }
    }

    /// Writes the `status` and `fields` of `a` when it has them (shared with `actionplan show --format json`).
    static func writeStatusAndFields(_ a: Action, _ w: inout JSONWriter) {
        writeStatusAndFields(status: a.status, fields: a.fields, &w)
    }

    /// Writes `status` and `fields` when they are not empty: the one JSON spelling of an action's status as
    /// written and its columns of its own (the plan file, `show --format json`, the report's JSON).
    static func writeStatusAndFields(status: String, fields: [ActionField], _ w: inout JSONWriter) {
        if !status.isEmpty { w.field("status", status) }
        if !fields.isEmpty {
            w.key("fields")
            w.array(fields) { w, f in
                w.object { w in
                    w.field("name", f.name)
                    w.field("value", f.value)
                }
            }
        }
    }

    /// Writes the `revisions` field of `a` (shared with `actionplan show --format json`).
    static func writeRevisions(_ a: Action, _ w: inout JSONWriter) {
        w.key("revisions")
        w.array(a.revisions) { w, r in
            w.object { w in
                w.field("date", r.date)
                w.field("on", r.on.description)
                w.field("by", r.by)
                w.field("reason", r.reason)
            }
        }
    }

    /// Writes the `history` and `notes` fields of `a` (shared with `actionplan show --format json`).
    static func writeHistoryAndNotes(_ a: Action, _ w: inout JSONWriter) {
        w.key("history")
        w.array(a.history) { w, h in
            w.object { w in
                w.field("date", h.date.description)
                w.field("from", h.from?.rawValue)
                w.field("to", h.to?.rawValue)
                if !h.status.isEmpty { w.field("status", h.status) }
                w.field("by", h.by)
                w.field("note", h.note)
            }
        }
        w.key("notes")
        w.array(a.notes) { w, n in
            w.object { w in
                w.field("date", n.date.description)
                w.field("by", n.by)
                w.field("text", n.text)
            }
        }
    }
}

extension Plan {
    /// Whether the plan uses anything file format version 1 cannot hold: its own rating scale,
    /// recommendations, plan narrative, measures, or statuses and extra fields on actions.
    var usesVersion2: Bool {
        if headerNeedsVersion2 || !measures.isEmpty { return true }
        return themes.contains { t in t.groups.contains { g in g.actions.contains { $0.needsVersion2 } } }
    }

    /// Whether the plan's header (the fields before its themes) uses what version 1 cannot hold: its own
    /// rating scale, recommendations or a plan narrative.
    var headerNeedsVersion2: Bool { scale != nil || !recommendations.isEmpty || !narrative.isEmpty }
}

extension Action {
    /// Whether the action uses what file format version 1 cannot hold: a status, fields of its own, or a
    /// history entry with a status.
    public var needsVersion2: Bool { !status.isEmpty || !fields.isEmpty || history.contains { !$0.status.isEmpty } }
}
