extension PageTemplates {
    static let imports: [(String, String)] = [
        ("shopify-import", #"""
        {{<layout}}
        {{$main}}
        <h1>Import a Shopify order export</h1>
        <p>Export the orders from Shopify (Orders → Export, “CSV for Excel, Numbers, or other spreadsheet programs”) and upload the file.
          Customers, products the catalogue lacks and the orders come in together, or nothing does; orders imported before are skipped.</p>
        <form id="shopify-import-form" method="post" action="/agent/imports/shopify" enctype="multipart/form-data">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <fieldset><legend>Order export (CSV)</legend>
          <label for="import-file">File</label> <input id="import-file" name="file" type="file" accept=".csv,text/csv" required>
          <label><input type="checkbox" name="dry_run" value="on"{{#dryRun}} checked{{/dryRun}}> Dry run: check the file and count what it would add, without importing</label>
          <button type="submit">Import</button>
          </fieldset>
        </form>
        {{#hasRecent}}
        <h2>Recent imports</h2>
        <ul id="recent-imports">{{#recent}}<li><a href="/agent/imports/{{id}}">{{fileName}}</a> <small>{{started}} · {{status}}</small></li>{{/recent}}</ul>
        {{/hasRecent}}
        {{/main}}
        {{/layout}}
        """#),
        ("shopify-import-run", #"""
        {{<layout}}
        {{$head}}{{#running}}<meta http-equiv="refresh" content="1">{{/running}}{{/head}}
        {{$main}}
        <h1>{{heading}}</h1>
        <p class="import-file">{{fileName}} <small>started {{started}}{{#dryRun}} · dry run{{/dryRun}}</small></p>
        {{#running}}
        <p><label for="import-progress">{{progressText}}</label>
          <progress id="import-progress"{{#hasTotal}} value="{{processed}}" max="{{total}}"{{/hasTotal}}>{{progressText}}</progress></p>
        <p><small>This page refreshes itself until the import is done.</small></p>
        {{/running}}
        {{#hasCounts}}
        <dl id="import-counts">{{#counts}}<dt>{{label}}</dt><dd data-count="{{key}}">{{value}}</dd>{{/counts}}</dl>
        {{/hasCounts}}
        {{#summary}}<p id="import-summary">{{.}}</p>{{/summary}}
        {{#failure}}<p class="flash flash-error" role="alert">{{.}}</p>{{/failure}}
        {{#hasRejected}}
        <table id="rejected-rows">
          <caption>Rejected rows</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Order</th><th scope="col">Why</th></tr></thead>
          <tbody>{{#rejected}}<tr data-row="{{row}}"><td>{{row}}</td><td>{{order}}</td><td><ul>{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul></td></tr>{{/rejected}}</tbody>
        </table>
        {{#moreRejected}}<p>…and {{.}} more problems not shown.</p>{{/moreRejected}}
        {{/hasRejected}}
        <p><a href="/agent/imports/shopify">Import another file</a></p>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
