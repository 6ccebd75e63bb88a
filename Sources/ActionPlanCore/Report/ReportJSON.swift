/// Renders a `StatusReport`'s data as JSON for other tools (`actionplan export --format json`).
///
/// The numbers and lists of the report — header, RAG key, headline, summary by
/// theme with changes, movement, exceptions — with fixed key order and
/// formatting (the same `JSONWriter` as the plan file), so two exports of the
/// same plan on the same day are byte-identical and diff cleanly. Dates are
/// `YYYY-MM-DD`; absent values are `null`. The full plan is not repeated: it is
/// the plan file itself.
public enum ReportJSON {
    /// The version of this JSON layout; raised when a field changes meaning or is removed.
    public static let formatVersion = 1

    /// The report as JSON bytes ending with a newline.
    public static func render(_ r: StatusReport) -> [UInt8] {
        var w = JSONWriter(capacity: 4096 + r.plan.actionCount * 300)
        w.object { w in
            w.field("reportFormat", formatVersion)
            w.key("plan")
            w.object { w in PlanCodec.writeHeader(r.plan, &w) }
            w.field("asOf", r.asOf.description)
            w.field("produced", r.produced.description)
            w.key("comparison")
            if let c = r.comparison {
                w.object { w in
                    w.field("label", c.label)
                    w.field("date", c.date.description)
                }
            } else {
                w.null()
            }
            w.key("ragKey")
            PlanCodec.writeRAGKey(r.ragKey, &w)
            if let scale = r.plan.scale { PlanCodec.writeRatingScale(scale, &w) }
            w.key("headline")
            w.object { w in
                let h = r.headline
                let lateness: [(key: StaticString, count: Int)] = [
                    ("onTime", h.onTime), ("upToOneMonthLate", h.upToOneMonthLate),
                    ("moreThanOneMonthLate", h.moreThanOneMonthLate),
                ]
                h.counts.writeJSON(&w, extra: lateness) { w, key, n in
                    w.key(key)
                    w.object { w in
                        w.field("count", n)
                        w.field("percent", h.percent(n))
                    }
                }
            }
            w.key("themes")
            w.array(r.themes) { w, t in theme(t, &w) }
            w.key("total")
            theme(r.total, &w)
            w.key("movement")
            if let m = r.movement {
                w.object { w in
                    for s in m.sections {
                        w.key(named: s.key)
                        w.array(s.items) { w, i in movement(i, &w) }
                    }
                }
            } else {
                w.null()
            }
            w.key("exceptions")
            w.array(r.exceptions.flatMap { t in t.leads.flatMap { l in l.items.map { (t, l, $0) } } }) { w, e in
                let (t, l, i) = e
                w.object { w in
                    w.field("theme", t.number)
                    w.field("themeTitle", t.title)
                    w.field("lead", l.lead)
                    w.field("id", i.id)
                    w.field("text", i.text)
                    w.key("leadNames")
                    w.inlineStrings(i.leadNames)
                    w.field("rating", i.rating?.rawValue)
                    w.key("reasons")
                    w.inlineStrings(i.reasons.map(\.rawValue))
                    w.field("originalDelivery", i.originalDelivery)
                    w.field("originalDeadline", i.originalDeadline?.description)
                    w.field("revisedDelivery", i.revisedDelivery)
                    w.field("revisedDeadline", i.revisedDeadline?.description)
                    w.field("daysLate", i.daysLate)
                    w.field("latestNote", i.latestNote)
                    w.field("latestNoteDate", i.latestNoteDate?.description)
                    PlanCodec.writeStatusAndFields(status: i.status, fields: i.fields, &w)
                }
            }
            w.key("attention")
            w.inlineStrings(r.attention)
            w.key("recommendations")
            w.array(r.coverage) { w, c in
                w.object { w in
                    w.field("id", c.recommendation.id)
                    w.field("source", c.recommendation.source)
                    w.field("covered", !c.isUncovered)
                    w.key("actions")
                    w.inlineStrings(c.actions.map(\.action.id))
                }
            }
            w.key("measures")
            w.array(r.plan.allMeasures) { w, row in
                let s = MeasureStatus(row.measure)
                w.object { w in
                    w.field("id", row.measure.id)
                    w.field("title", row.measure.title)
                    w.field("latest", s.latest?.observation.value)
                    w.field("target", row.measure.target)
                    w.field("targetStatus", s.targetStatus.rating == nil ? nil : s.targetStatus.rawValue)
                }
            }
        }
        w.finish()
        return w.bytes
    }

    private static func theme(_ t: StatusReport.ThemeRow, _ w: inout JSONWriter) {
        w.object { w in
            w.field("number", t.number)
            w.field("title", t.title)
            t.counts.writeJSON(&w)
            w.key("change")
            if let c = t.change {
                w.object { w in
                    w.field("direction", c.direction.rawValue)
                    w.field("movedUp", c.movedUp)
                    w.field("movedDown", c.movedDown)
                    w.field("blue", c.blue)
                    w.field("green", c.green)
                    w.field("amber", c.amber)
                    w.field("red", c.red)
                    w.field("unrated", c.unrated)
                }
            } else {
                w.null()
            }
        }
    }

    private static func movement(_ i: StatusReport.MovementItem, _ w: inout JSONWriter) {
        w.object { w in
            w.field("id", i.id)
            w.field("theme", i.themeNumber)
            w.field("text", i.text)
            w.key("leadNames")
            w.inlineStrings(i.leadNames)
            w.field("before", i.before?.rawValue)
            w.field("after", i.after?.rawValue)
            w.field("deadlineBefore", i.deadlineBefore?.description)
            w.field("deadlineAfter", i.deadlineAfter?.description)
            w.field("date", i.date?.description)
            w.field("daysLate", i.daysLate)
            w.field("note", i.note)
        }
    }
}
