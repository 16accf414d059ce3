extension PageTemplates {
    /// RMAs, decisions, notifications, case notes, assets and the portal's returns. Every value is escaped (`{{…}}`):
    /// serials, reasons, notes and rules are all typed by people.
    static let rmas: [(String, String)] = [
        ("rma-list", #"""
        {{<layout}}
        {{$main}}
        <div class="list-head">
          <h1>{{#awaiting}}RMAs awaiting my approval{{/awaiting}}{{^awaiting}}RMAs{{/awaiting}}</h1>
          <nav aria-label="RMA lists"><a href="/agent/rmas"{{^awaiting}} aria-current="page"{{/awaiting}}>All RMAs</a> ·
            <a id="rma-awaiting-tab" href="/agent/rmas?awaiting=me"{{#awaiting}} aria-current="page"{{/awaiting}}>Awaiting my approval</a> ·
            <a href="/agent/assets">Assets</a></nav>
        </div>
        {{^awaiting}}
        <form id="rma-filter" method="get" action="/agent/rmas">
          <label for="rma-status">Status</label>
          <select id="rma-status" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select>
          <button type="submit">Show</button>
        </form>
        {{/awaiting}}
        {{#awaiting}}<p>Requests above their requester's limit that your role may approve. Say why either way: the reason goes on the ticket, and an approval on the record as a decision.</p>{{/awaiting}}
        <p class="query">{{total}} in all.</p>
        <table id="rma-list">
          <caption class="visually-hidden">RMAs</caption>
          <thead><tr><th scope="col">RMA</th><th scope="col">Serial</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Value</th>
            <th scope="col">Ticket</th><th scope="col">Unit due</th><th scope="col">Requested by</th>{{#awaiting}}<th scope="col">Decide</th>{{/awaiting}}</tr></thead>
          <tbody>
          {{#rows}}<tr data-rma-id="{{id}}">
            <td><a href="/agent/rmas/{{id}}">#{{id}}</a></td>
            <td><a href="/agent/assets/{{assetID}}">{{serial}}</a></td>
            <td>{{kind}}</td>
            <td><span class="status rma-status-{{statusKey}}">{{status}}</span>{{#approver}}<br><small>needs a {{.}}</small>{{/approver}}</td>
            <td>{{value}}</td>
            <td><a href="/agent/tickets/{{ticketID}}">#{{ticketID}}</a></td>
            <td>{{#due}}<span{{#overdue}} class="sla-breached"{{/overdue}}>{{.}}</span>{{/due}}</td>
            <td>{{requestedBy}}</td>
            {{#awaiting}}<td>
              <form class="rma-decide" method="post" action="/agent/rmas/{{id}}/approve">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <label for="reason-{{id}}">Reason</label>
                <textarea id="reason-{{id}}" name="reason" rows="2" cols="30">{{reason}}</textarea>
                <button type="submit">Approve</button>
                <button type="submit" formaction="/agent/rmas/{{id}}/decline">Decline</button>
              </form>
            </td>{{/awaiting}}
          </tr>{{/rows}}
          {{^hasRows}}<tr><td colspan="9" class="empty">{{#awaiting}}Nothing waits for your approval.{{/awaiting}}{{^awaiting}}No RMAs.{{/awaiting}}</td></tr>{{/hasRows}}
          </tbody>
        </table>
        {{#paging}}<nav class="pager" aria-label="Pages">
          {{#prevHref}}<a rel="prev" href="{{prevHref}}">← Previous</a>{{/prevHref}} <span>Page {{page}} of {{pages}}</span>
          {{#nextHref}}<a rel="next" href="{{nextHref}}">Next →</a>{{/nextHref}}
        </nav>{{/paging}}
        {{/main}}
        {{/layout}}
        """#),
        ("rma-detail", #"""
        {{<layout}}
        {{$main}}
        <p class="crumbs"><a href="/agent/rmas">RMAs</a> › #{{id}}</p>
        <h1>RMA #{{id}}: {{kind}} <span class="status rma-status-{{statusKey}}" id="rma-status">{{status}}</span></h1>
        {{#hasDecisions}}
        <section class="repeat decision-banner" aria-labelledby="rma-decisions-title">
          <h2 id="rma-decisions-title">Decisions on the record</h2>
          <ul>{{#decisions}}<li data-decision-id="{{id}}"><strong>{{kind}}</strong> by {{by}}, {{when}}: {{what}}.
            Departs from: {{rule}}. Why: {{reason}}</li>{{/decisions}}</ul>
        </section>
        {{/hasDecisions}}
        <dl class="summary" id="rma-summary">
          <div><dt>Unit</dt><dd><a href="/agent/assets/{{assetID}}">{{serial}}</a></dd></div>
          <div><dt>Ticket</dt><dd><a href="/agent/tickets/{{ticketID}}">#{{ticketID}} {{ticketSubject}}</a></dd></div>
          <div><dt>Value</dt><dd>{{value}}</dd></div>
          <div><dt>Warranty</dt><dd>{{warranty}}</dd></div>
          <div><dt>Requested by</dt><dd>{{requestedBy}}</dd></div>
          {{#tracking}}<div><dt>Tracking</dt><dd id="rma-tracking">{{.}}</dd></div>{{/tracking}}
          {{#shipped}}<div><dt>Shipped</dt><dd>{{.}}</dd></div>{{/shipped}}
          {{#due}}<div><dt>Unit due back</dt><dd id="rma-due"{{#overdue}} class="sla-breached"{{/overdue}}>{{.}}{{#overdue}} (overdue){{/overdue}}</dd></div>{{/due}}
          {{#received}}<div><dt>Received</dt><dd>{{.}}</dd></div>{{/received}}
          {{#outcome}}<div><dt>Inspection</dt><dd id="rma-outcome">{{.}}</dd></div>{{/outcome}}
        </dl>
        {{#waitsFor}}<p class="flash flash-notice" id="rma-waits">{{.}}.</p>{{/waitsFor}}
        {{#decided}}<p id="rma-decided">{{.}}</p>{{/decided}}
        {{#inspectionNote}}<p>Inspection note: {{.}}</p>{{/inspectionNote}}
        {{#obligation}}
        <section id="rma-obligation" aria-labelledby="rma-obligation-title">
          <h2 id="rma-obligation-title">The customer's obligation</h2>
          <blockquote>{{text}}</blockquote>
          <p id="rma-obligation-state">{{#accepted}}{{.}}{{/accepted}}{{^accepted}}Not accepted yet.{{/accepted}}</p>
          {{#applies}}<p id="rma-obligation-applies"{{#appliesNow}} class="flash flash-error"{{/appliesNow}}>{{.}}</p>{{/applies}}
        </section>
        {{/obligation}}
        <section id="rma-actions" aria-labelledby="rma-actions-title">
          <h2 id="rma-actions-title">Next steps</h2>
          {{#canDecide}}
          <form id="rma-decide" method="post" action="/agent/rmas/{{id}}/approve">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}"><input type="hidden" name="from" value="detail">
            <label for="rma-reason">Reason</label> <textarea id="rma-reason" name="reason" rows="2">{{form.reason}}</textarea>
            <button type="submit">Approve</button> <button type="submit" formaction="/agent/rmas/{{id}}/decline">Decline</button>
          </form>
          {{/canDecide}}
          {{#canShip}}
          <form id="rma-ship" method="post" action="/agent/rmas/{{id}}/ship">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="rma-tracking-input">Carrier's tracking number</label> <input id="rma-tracking-input" name="tracking" value="{{form.tracking}}" required>
            <button type="submit">{{shipLabel}}</button>
          </form>
          {{/canShip}}
          {{#canReceive}}
          <form id="rma-receive" method="post" action="/agent/rmas/{{id}}/receive">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="rma-receive-note">Note</label> <input id="rma-receive-note" name="receive_note" value="{{form.receive_note}}" placeholder="Box dented, unit fine">
            <button type="submit">The unit arrived</button>
          </form>
          {{/canReceive}}
          {{#canInspect}}
          <form id="rma-inspect" method="post" action="/agent/rmas/{{id}}/inspect">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="rma-outcome-input">The inspection found</label>
            <select id="rma-outcome-input" name="outcome" required>{{#outcomes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select>
            <label for="rma-inspect-note">Note</label> <input id="rma-inspect-note" name="inspect_note" value="{{form.inspect_note}}">
            <button type="submit">Record the inspection</button>
          </form>
          {{/canInspect}}
          {{#canClose}}
          <form id="rma-close" method="post" action="/agent/rmas/{{id}}/close">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="rma-close-note">Note</label> <input id="rma-close-note" name="close_note" value="{{form.close_note}}">
            <button type="submit">Close the RMA</button>
          </form>
          {{/canClose}}
          {{#canRecordAgreement}}
          <form id="rma-agreement" method="post" action="/agent/rmas/{{id}}/agreement">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="rma-agreement-note">When and how the customer agreed</label>
            <input id="rma-agreement-note" name="agreement_note" value="{{form.agreement_note}}" placeholder="On the phone at 14:10, read back to him" required>
            <button type="submit">Record the customer's verbal agreement</button>
          </form>
          {{/canRecordAgreement}}
          {{#canCancel}}
          <form id="rma-cancel" method="post" action="/agent/rmas/{{id}}/cancel">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="rma-cancel-reason">Why cancel</label> <input id="rma-cancel-reason" name="cancel_reason" value="{{form.cancel_reason}}" required>
            <button type="submit">Cancel the RMA</button>
          </form>
          {{/canCancel}}
        </section>
        <h2>History</h2>
        <ol id="rma-history">
          {{#events}}<li><time datetime="{{whenISO}}">{{when}}</time> · <strong>{{event}}</strong> → {{status}} · {{actor}}{{#note}}: {{.}}{{/note}}</li>{{/events}}
        </ol>
        {{/main}}
        {{/layout}}
        """#),
        ("decision-list", #"""
        {{<layout}}
        {{$main}}
        <div class="list-head">
          <h1>Decisions</h1>
          {{#canSeeReport}}<nav aria-label="Decisions"><a id="decision-report-link" href="/agent/decisions/report">Report</a> ·
            <a href="/agent/case-notes">Case notes owed</a></nav>{{/canSeeReport}}
        </div>
        <p>Exceptions made on the record: who departed from which rule, and why. Newest first.</p>
        <form id="decision-filter" method="get" action="/agent/decisions">
          <label for="decision-kind">Kind</label>
          <select id="decision-kind" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
          <label for="decision-person">Decided by</label>
          <select id="decision-person" name="person">{{#people}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/people}}</select>
          <button type="submit">Show</button>
        </form>
        <p class="query">{{total}} in all.</p>
        <table id="decision-list">
          <caption class="visually-hidden">Decisions</caption>
          <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Kind</th><th scope="col">What</th><th scope="col">Departs from</th>
            <th scope="col">Why</th><th scope="col">Outcome</th><th scope="col">By</th><th scope="col">About</th></tr></thead>
          <tbody>
          {{#rows}}<tr data-decision-id="{{id}}"><td>{{id}}</td><td><time datetime="{{whenISO}}">{{when}}</time></td><td>{{kind}}</td><td>{{what}}</td>
            <td>{{rule}}</td><td>{{reason}}</td><td>{{#outcome}}{{.}}{{/outcome}}</td><td>{{by}}</td>
            <td>{{#ticketID}}<a href="/agent/tickets/{{.}}">ticket #{{.}}</a>{{/ticketID}}{{#rmaID}} <a href="/agent/rmas/{{.}}">RMA #{{.}}</a>{{/rmaID}}</td></tr>{{/rows}}
          {{^hasRows}}<tr><td colspan="9" class="empty">No decisions.</td></tr>{{/hasRows}}
          </tbody>
        </table>
        {{#paging}}<nav class="pager" aria-label="Pages">
          {{#prevHref}}<a rel="prev" href="{{prevHref}}">← Newer</a>{{/prevHref}} <span>Page {{page}} of {{pages}}</span>
          {{#nextHref}}<a rel="next" href="{{nextHref}}">Older →</a>{{/nextHref}}
        </nav>{{/paging}}
        {{/main}}
        {{/layout}}
        """#),
        ("decision-report", #"""
        {{<layout}}
        {{$main}}
        <p class="crumbs"><a href="/agent/decisions">Decisions</a> › Report</p>
        <h1>Decisions report</h1>
        <form id="decision-report-range" method="get" action="/agent/decisions/report">
          <label for="report-from">From</label> <input id="report-from" name="from" type="date" value="{{from}}">
          <label for="report-to">To</label> <input id="report-to" name="to" type="date" value="{{to}}">
          <button type="submit">Show</button>
          <a id="decision-report-csv" href="{{csvHref}}" download>Download CSV</a>
        </form>
        <p class="query">{{total}} decisions from {{from}} to {{to}}.</p>
        <table id="decision-report">
          <caption class="visually-hidden">Decisions by person, kind, rule and outcome</caption>
          <thead><tr><th scope="col">Person</th><th scope="col">Kind</th><th scope="col">Rule</th><th scope="col">Outcome</th><th scope="col">Count</th></tr></thead>
          <tbody>
          {{#rows}}<tr><td>{{person}}</td><td>{{kind}}</td><td>{{rule}}</td><td>{{outcome}}</td><td>{{count}}</td></tr>{{/rows}}
          {{^hasRows}}<tr><td colspan="5" class="empty">No decisions in this period.</td></tr>{{/hasRows}}
          </tbody>
        </table>
        {{/main}}
        {{/layout}}
        """#),
        ("notifications", #"""
        {{<layout}}
        {{$main}}
        <div class="list-head">
          <h1>Notifications</h1>
          {{#hasUnread}}
          <form id="notifications-read" method="post" action="/agent/notifications/read">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <button type="submit">Mark all read</button>
          </form>
          {{/hasUnread}}
        </div>
        <p id="notifications-unread">{{unread}} unread.</p>
        <ul id="notifications">
          {{#rows}}<li data-notification-id="{{id}}"{{#unread}} class="notification-unread"{{/unread}}>
            {{#unread}}<span class="badge">New</span> <strong>{{/unread}}{{#link}}<a href="{{.}}">{{text}}</a>{{/link}}{{^link}}{{text}}{{/link}}{{#unread}}</strong>{{/unread}}
            <small><time datetime="{{whenISO}}">{{when}}</time></small></li>{{/rows}}
          {{^hasRows}}<li class="empty">Nothing yet.</li>{{/hasRows}}
        </ul>
        {{/main}}
        {{/layout}}
        """#),
        ("case-notes", #"""
        {{<layout}}
        {{$main}}
        <h1>Case notes owed</h1>
        <p>Tickets whose last call has no notes yet: nobody can hand them over or solve them until someone writes what was said.</p>
        <table id="case-notes">
          <caption class="visually-hidden">Tickets owing notes</caption>
          <thead><tr><th scope="col">Ticket</th><th scope="col">Status</th><th scope="col">Assignee</th><th scope="col">Notes owed since</th></tr></thead>
          <tbody>
          {{#rows}}<tr data-ticket-id="{{ticketID}}"><td><a href="/agent/tickets/{{ticketID}}">#{{ticketID}} {{subject}}</a></td>
            <td><span class="status status-{{status}}">{{status}}</span></td><td>{{assignee}}</td>
            <td><time datetime="{{sinceISO}}">{{since}}</time> <small>({{waiting}})</small></td></tr>{{/rows}}
          {{^hasRows}}<tr><td colspan="4" class="empty">Every call has its notes.</td></tr>{{/hasRows}}
          </tbody>
        </table>
        {{/main}}
        {{/layout}}
        """#),
        ("asset-list", #"""
        {{<layout}}
        {{$main}}
        <div class="list-head">
          <h1>Assets</h1>
          {{#canImport}}<a id="asset-import-link" class="button" href="/agent/assets/import">Import assets</a>{{/canImport}}
        </div>
        <form id="asset-search" method="get" action="/agent/assets" role="search">
          <label for="asset-serial">Serial</label> <input id="asset-serial" name="serial" value="{{serial}}">
          <label for="asset-customer">Customer (email or id)</label> <input id="asset-customer" name="customer" value="{{customer}}">
          <button type="submit">Find</button>
        </form>
        <p class="query">{{total}} in all.</p>
        <table id="asset-list">
          <caption class="visually-hidden">Assets</caption>
          <thead><tr><th scope="col">Serial</th><th scope="col">SKU</th><th scope="col">Customer</th><th scope="col">Site</th>
            <th scope="col">Warranty</th><th scope="col">Status</th></tr></thead>
          <tbody>
          {{#rows}}<tr data-asset-id="{{id}}"><td><a href="/agent/assets/{{id}}">{{serial}}</a></td><td>{{sku}}</td><td>{{customer}}</td><td>{{site}}</td>
            <td class="warranty-{{warrantyKey}}">{{warranty}}</td><td>{{status}}</td></tr>{{/rows}}
          {{^hasRows}}<tr><td colspan="6" class="empty">No assets found.</td></tr>{{/hasRows}}
          </tbody>
        </table>
        {{#paging}}<nav class="pager" aria-label="Pages">
          {{#prevHref}}<a rel="prev" href="{{prevHref}}">← Previous</a>{{/prevHref}} <span>Page {{page}} of {{pages}}</span>
          {{#nextHref}}<a rel="next" href="{{nextHref}}">Next →</a>{{/nextHref}}
        </nav>{{/paging}}
        {{/main}}
        {{/layout}}
        """#),
        ("asset-detail", #"""
        {{<layout}}
        {{$main}}
        <p class="crumbs"><a href="/agent/assets">Assets</a> › {{serial}}</p>
        <h1>Asset {{serial}}</h1>
        <dl class="summary" id="asset-summary">
          <div><dt>SKU</dt><dd>{{sku}}</dd></div>
          <div><dt>Customer</dt><dd>{{#customerID}}<a href="/agent/users/{{.}}">{{customer}}</a>{{/customerID}}{{^customerID}}none on record{{/customerID}}</dd></div>
          {{#organization}}<div><dt>Organization</dt><dd>{{.}}</dd></div>{{/organization}}
          <div><dt>Site</dt><dd>{{site}}</dd></div>
          <div><dt>Purchased</dt><dd>{{#purchased}}{{.}}{{/purchased}}{{^purchased}}unknown{{/purchased}}</dd></div>
          <div><dt>Firmware</dt><dd>{{firmware}}</dd></div>
          <div><dt>Status</dt><dd>{{status}}</dd></div>
        </dl>
        <section id="asset-warranty" aria-labelledby="asset-warranty-title">
          <h2 id="asset-warranty-title">Warranty</h2>
          <p class="warranty-{{warrantyKey}}" id="asset-warranty-status">{{warranty}}</p>
          {{#coverage}}<p>Terms: {{.}}</p>{{/coverage}}
          <ul id="asset-caveats">{{#caveats}}<li>{{.}}</li>{{/caveats}}</ul>
        </section>
        <h2>Tickets about it</h2>
        <ul id="asset-tickets">{{#tickets}}<li><a href="/agent/tickets/{{id}}">#{{id}} {{subject}}</a> <span class="status status-{{status}}">{{status}}</span></li>{{/tickets}}
          {{^hasTickets}}<li class="empty">None.</li>{{/hasTickets}}</ul>
        <h2>RMAs</h2>
        <ul id="asset-rmas">{{#rmas}}<li><a href="/agent/rmas/{{id}}">RMA #{{id}}</a>: {{kind}}, {{status}}, {{value}} <small>{{created}}</small></li>{{/rmas}}
          {{^hasRMAs}}<li class="empty">None.</li>{{/hasRMAs}}</ul>
        {{/main}}
        {{/layout}}
        """#),
        ("asset-import", #"""
        {{<layout}}
        {{$head}}{{#running}}<meta http-equiv="refresh" content="1">{{/running}}{{/head}}
        {{$main}}
        <p class="crumbs"><a href="/agent/assets">Assets</a> › Import</p>
        <h1>Import assets</h1>
        {{#running}}
        <p><label for="asset-import-progress">{{progressText}}</label>
          <progress id="asset-import-progress"{{#hasTotal}} value="{{processed}}" max="{{total}}"{{/hasTotal}}>{{progressText}}</progress></p>
        <p><small>This page refreshes itself until the import is done{{#dryRun}} (dry run){{/dryRun}}.</small></p>
        {{/running}}
        {{^running}}
        <p>A CSV file whose first row names the columns, in any order: {{columns}}. Every row is checked first; one bad row
          rejects the whole file, and nothing is imported until every row is right.</p>
        <form id="asset-import-form" method="post" action="/agent/assets/import" enctype="multipart/form-data">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <label for="asset-import-file">File</label> <input id="asset-import-file" name="file" type="file" accept=".csv,text/csv" required>
          <label><input type="checkbox" name="dry_run" value="on"{{#dryRun}} checked{{/dryRun}}> Dry run: check the file without importing</label>
          <button type="submit">Import</button>
        </form>
        {{#done}}
        <section id="asset-import-report" aria-labelledby="asset-import-report-title">
          <h2 id="asset-import-report-title">Report</h2>
          <dl id="asset-import-counts"><dt>Rows</dt><dd data-count="rows">{{rows}}</dd><dt>Imported</dt><dd data-count="imported">{{imported}}</dd></dl>
          {{#summary}}<p id="asset-import-summary">{{.}}</p>{{/summary}}
          {{#hasRejected}}
          <table id="asset-import-rejected">
            <caption>Rejected rows</caption>
            <thead><tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Why</th></tr></thead>
            <tbody>{{#rejected}}<tr data-row="{{row}}"><td>{{row}}</td><td>{{column}}</td><td>{{value}}</td><td>{{reason}}</td></tr>{{/rejected}}</tbody>
          </table>
          {{#moreRejected}}<p>…and {{.}} more problems not shown.</p>{{/moreRejected}}
          {{/hasRejected}}
        </section>
        {{/done}}
        {{/running}}
        {{/main}}
        {{/layout}}
        """#),
        ("portal-rmas", #"""
        {{<layout}}
        {{$main}}
        <div class="list-head"><h1>{{#single}}{{chrome.title}}{{/single}}{{^single}}Your returns{{/single}}</h1>
          <nav aria-label="Portal">{{#single}}<a href="/portal/rmas">Your returns</a> · {{/single}}<a href="/portal">Your requests</a></nav></div>
        {{#rmas}}
        <section class="portal-rma" data-rma-id="{{id}}" aria-labelledby="rma-{{id}}">
          <h2 id="rma-{{id}}"><a href="/portal/rmas/{{id}}">RMA #{{id}}</a>: {{kind}} <small>for {{serial}}</small></h2>
          <p class="rma-status rma-status-{{statusKey}}">{{status}}</p>
          {{#tracking}}<p>Tracking number: <span class="tracking">{{.}}</span></p>{{/tracking}}
          {{#due}}<p>Please send the unit back by <strong class="due">{{.}}</strong>.</p>{{/due}}
          {{#obligation}}<div class="obligation"><p>What we agreed: {{.}}</p></div>{{/obligation}}
          {{#accepted}}<p class="accepted">{{.}}</p>{{/accepted}}
          {{#canAccept}}
          <form class="rma-accept" method="post" action="/portal/rmas/{{id}}/accept">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <button type="submit">I agree</button>
          </form>
          {{/canAccept}}
          <p><a href="/portal/requests/{{requestID}}">Your request #{{requestID}}</a></p>
        </section>
        {{/rmas}}
        {{^rmas}}<p class="empty">You have no returns with us.</p>{{/rmas}}
        {{/main}}
        {{/layout}}
        """#),
    ]
}
