/// Draws a `ReportChart` as an SVG document on the server: no script, no external service, every text escaped.
/// Bars (side by side or stacked) or lines, a y axis with round ticks, thinned x labels, a legend, and a `<title>` on
/// every mark so a pointer (or a screen reader) gets the exact value.
public enum SVGChart {
    public static let width = 760
    public static let height = 300
    static let palette = ["#2f6fb1", "#e07b24", "#3a9a5b", "#b8433f", "#7a5aa6", "#8a6d3b", "#3b8a8a", "#6b6b6b"]
    static let left = 56, right = 16, top = 16, bottom = 64

    public static func render(_ chart: ReportChart, id: String) -> String {
        let plotWidth = Double(width - left - right)
        let plotHeight = Double(height - top - bottom)
        let count = chart.categories.count
        let maxValue: Double = {
            switch chart.kind {
            case .stacked:
                return (0..<count).map { i in chart.series.reduce(0) { $0 + max(0, ($1.values[safe: i] ?? nil) ?? 0) } }.max() ?? 0
            case .bars, .lines:
                return chart.series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
            }
        }()
        let step = niceStep(maxValue / 4)
        let top = max(step, (maxValue / step).rounded(.up) * step)
        func y(_ value: Double) -> Double { Double(Self.top) + plotHeight - plotHeight * value / top }
        let titleID = "\(id)-title"
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="report-chart" id="\(escape(id))" role="img" aria-labelledby="\(escape(titleID))" \
            viewBox="0 0 \(width) \(height)" width="100%" preserveAspectRatio="xMidYMid meet" font-family="sans-serif" font-size="11">
            <title id="\(escape(titleID))">\(escape(chart.title))</title>

            """
        // Grid and y axis.
        var tick = 0.0
        while tick <= top + step / 2 {
            let ty = y(tick)
            svg += ##"<line x1="\##(left)" x2="\##(width - right)" y1="\##(fmt(ty))" y2="\##(fmt(ty))" stroke="#ddd"/>"##
            svg += ##"<text x="\##(left - 6)" y="\##(fmt(ty + 4))" text-anchor="end" fill="#444">\##(escape(label(tick)))</text>"## + "\n"
            tick += step
        }
        svg += ##"<text x="12" y="\##(Self.top + Int(plotHeight / 2))" transform="rotate(-90 12 \##(Self.top + Int(plotHeight / 2)))" text-anchor="middle" fill="#444">\##(escape(chart.unit))</text>"## + "\n"
        guard count > 0, !chart.series.isEmpty else {
            svg += ##"<text x="\##(width / 2)" y="\##(height / 2)" text-anchor="middle" fill="#666">No data in this range</text>"## + "\n</svg>"
            return svg
        }
        let band = plotWidth / Double(count)
        // X labels: at most about 14, evenly spaced.
        let every = max(1, Int((Double(count) / 14).rounded(.up)))
        for (i, category) in chart.categories.enumerated() where i % every == 0 {
            let x = Double(left) + band * (Double(i) + 0.5)
            let baseline = Self.top + Int(plotHeight) + 14
            svg += ##"<text x="\##(fmt(x))" y="\##(baseline)" text-anchor="end" transform="rotate(-35 \##(fmt(x)) \##(baseline))" fill="#444">\##(escape(category))</text>"## + "\n"
        }
        let baseY = y(0)
        switch chart.kind {
        case .bars:
            let n = Double(chart.series.count)
            let barWidth = max(1, band * 0.8 / n)
            for (s, series) in chart.series.enumerated() {
                for (i, value) in series.values.enumerated() where i < count {
                    guard let value else { continue }
                    let x = Double(left) + band * Double(i) + band * 0.1 + barWidth * Double(s)
                    let top = y(max(0, value))
                    svg += ##"<rect x="\##(fmt(x))" y="\##(fmt(top))" width="\##(fmt(barWidth))" height="\##(fmt(baseY - top))" fill="\##(color(s))"><title>\##(escape("\(chart.categories[i]) · \(series.name): \(label(value))"))</title></rect>"## + "\n"
                }
            }
        case .stacked:
            let barWidth = max(1, band * 0.7)
            for i in 0..<count {
                var base = 0.0
                for (s, series) in chart.series.enumerated() {
                    guard let value = series.values[safe: i] ?? nil, value > 0 else { continue }
                    let x = Double(left) + band * Double(i) + band * 0.15
                    let (low, high) = (y(base), y(base + value))
                    svg += ##"<rect x="\##(fmt(x))" y="\##(fmt(high))" width="\##(fmt(barWidth))" height="\##(fmt(low - high))" fill="\##(color(s))"><title>\##(escape("\(chart.categories[i]) · \(series.name): \(label(value))"))</title></rect>"## + "\n"
                    base += value
                }
            }
        case .lines:
            for (s, series) in chart.series.enumerated() {
                var points: [String] = []
                for (i, value) in series.values.enumerated() where i < count {
                    guard let value else { continue }
                    points.append("\(fmt(Double(left) + band * (Double(i) + 0.5))),\(fmt(y(value)))")
                }
                svg += ##"<polyline fill="none" stroke="\##(color(s))" stroke-width="2" points="\##(points.joined(separator: " "))"><title>\##(escape(series.name))</title></polyline>"## + "\n"
                if count <= 62 {
                    for (i, value) in series.values.enumerated() where i < count {
                        guard let value else { continue }
                        svg += ##"<circle cx="\##(fmt(Double(left) + band * (Double(i) + 0.5)))" cy="\##(fmt(y(value)))" r="2.5" fill="\##(color(s))"><title>\##(escape("\(chart.categories[i]) · \(series.name): \(label(value))"))</title></circle>"## + "\n"
                    }
                }
            }
        }
        svg += ##"<line x1="\##(left)" x2="\##(width - right)" y1="\##(fmt(baseY))" y2="\##(fmt(baseY))" stroke="#888"/>"## + "\n"
        // Legend along the bottom.
        var lx = Double(left)
        let ly = height - 10
        for (s, series) in chart.series.enumerated() {
            svg += ##"<rect x="\##(fmt(lx))" y="\##(ly - 9)" width="10" height="10" fill="\##(color(s))"/><text x="\##(fmt(lx + 14))" y="\##(ly)" fill="#222">\##(escape(series.name))</text>"## + "\n"
            lx += 24 + Double(series.name.count) * 6.2
        }
        svg += "</svg>"
        return svg
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where power * m >= raw { return power * m }
        return power * 10
    }

    static func color(_ index: Int) -> String { palette[index % palette.count] }

    static func label(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : ReportCell.fixed(value, 1)
    }

    static func fmt(_ value: Double) -> String { ReportCell.fixed(value, 1) }

    static func escape(_ text: String) -> String { HTMLSanitizer.escape(text) }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
