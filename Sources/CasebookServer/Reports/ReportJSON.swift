import CasebookCore

/// The API's shape of a report: `{"report": {id, title, filter, summary, chart, table, definitions}}`.
enum ReportJSON {
    static func cell(_ cell: ReportCell) -> JSONValue {
        switch cell {
        case .text(let s): .string(s)
        case .count(let n): .int(n)
        case .percent(let v), .hours(let v), .number(let v): v.map { .double(($0 * 100).rounded() / 100) } ?? .null
        }
    }

    static func report(_ output: ReportOutput, filter: ReportFilter, usesDateRange: Bool) -> JSONValue {
        var filterJSON: [String: JSONValue] = [
            "group_id": JSONValue(filter.groupIDs), "agent_id": JSONValue(filter.agentIDs), "channel": JSONValue(filter.channels),
            "priority": JSONValue(filter.priorities), "tags": JSONValue(filter.tags), "organization_id": JSONValue(filter.organizationIDs),
        ]
        if let by = filter.breakdown { filterJSON["by"] = .string(by) }
        if usesDateRange {
            filterJSON["from"] = .string(ReportFilter.dayText(filter.start))
            filterJSON["to"] = .string(ReportFilter.dayText(filter.end - 1))
        }
        return ["report": [
            "id": .string(output.id), "title": .string(output.title),
            "filter": .object(JSONObject(filterJSON)),
            "summary": .array(output.summary.map { ["label": .string($0.label), "value": cell($0.value), "display": .string($0.value.display)] }),
            "chart": [
                "kind": .string(output.chart.kind.rawValue), "title": .string(output.chart.title), "unit": .string(output.chart.unit),
                "categories": JSONValue(output.chart.categories),
                "series": .array(output.chart.series.map { s in
                    ["name": .string(s.name), "values": .array(s.values.map { v in v.map { .double(($0 * 100).rounded() / 100) } ?? .null })]
                }),
            ],
            "table": [
                "columns": .array(output.table.columns.map { ["key": .string($0.key), "title": .string($0.title)] }),
                "rows": .array(output.table.rows.map { .array($0.map(cell)) }),
            ],
            "definitions": JSONValue(output.definitions),
            "csv_url": .string("/api/v2/reports/\(output.id)/csv?\(filter.queryString)"),
        ]]
    }
}
