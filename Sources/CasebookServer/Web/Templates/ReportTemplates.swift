extension PageTemplates {
    static let reports: [(String, String)] = [
        ("report-index", #"""
        {{<layout}}
        {{$main}}
        <h1>Reports</h1>
        <ul id="report-list" class="report-list">
          {{#reports}}<li data-report="{{id}}"><a href="/agent/reports/{{id}}">{{title}}</a> — {{blurb}}</li>{{/reports}}
        </ul>
        <p>Each report has a table, a chart and a CSV download, and the same figures at <code>/api/v2/reports/{id}</code>.</p>
        {{/main}}
        {{/layout}}
        """#),
        ("report", #"""
        {{<layout}}
        {{$main}}
        <p class="crumbs"><a href="/agent/reports">Reports</a> › {{title}}</p>
        <h1>{{title}}</h1>
        <form id="report-filter" class="report-filter" method="get" action="/agent/reports/{{id}}">
          {{#usesDateRange}}
          <label for="report-from">From</label> <input id="report-from" name="from" type="date" value="{{from}}">
          <label for="report-to">To</label> <input id="report-to" name="to" type="date" value="{{to}}">
          {{/usesDateRange}}
          <label for="report-group">Group</label>
          <select id="report-group" name="group_id">{{#groups}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/groups}}</select>
          <label for="report-agent">Agent</label>
          <select id="report-agent" name="agent_id">{{#agents}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/agents}}</select>
          <label for="report-channel">Channel</label>
          <select id="report-channel" name="channel">{{#channels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/channels}}</select>
          <label for="report-priority">Priority</label>
          <select id="report-priority" name="priority">{{#priorities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/priorities}}</select>
          <label for="report-organization">Organization</label>
          <select id="report-organization" name="organization_id">{{#organizations}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/organizations}}</select>
          {{#hasBreakdowns}}<label for="report-by">By</label>
          <select id="report-by" name="by">{{#breakdowns}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/breakdowns}}</select>{{/hasBreakdowns}}
          <label for="report-tags">Tags</label> <input id="report-tags" name="tags" value="{{tags}}" placeholder="billing, vip">
          <button type="submit">Show</button>
        </form>
        <p class="report-links"><a id="report-csv" href="{{csvHref}}" download>Download CSV</a> · <a id="report-svg" href="{{svgHref}}">Chart as SVG</a> · <a id="report-api" href="{{apiHref}}">JSON</a></p>
        <dl id="report-summary" class="summary">{{#summary}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/summary}}</dl>
        <figure id="report-chart" class="report-chart">{{{svg}}}</figure>
        <table id="report-table">
          <caption class="visually-hidden">{{title}}</caption>
          <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
          <tbody>
          {{#rows}}<tr>{{#cells}}<td{{#numeric}} class="num"{{/numeric}}>{{text}}</td>{{/cells}}</tr>{{/rows}}
          {{^hasRows}}<tr><td class="empty">Nothing in this range.</td></tr>{{/hasRows}}
          </tbody>
        </table>
        <h2>How these numbers are counted</h2>
        <ul id="report-definitions">{{#definitions}}<li>{{.}}</li>{{/definitions}}</ul>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
