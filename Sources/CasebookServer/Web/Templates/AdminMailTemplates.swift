extension PageTemplates {
    static let adminMail: [(String, String)] = [
        ("admin-mail", #"""
        {{<layout}}
        {{$main}}
        <h1>Mail</h1>
        <p>Customers write to <strong>{{support}}</strong>{{#notes}}; agents add internal notes by writing to <strong>{{notes}}</strong>{{/notes}}.
           {{#smtp}}Outgoing mail goes through <code>{{smtp}}</code>.{{/smtp}}{{^smtp}}<strong>SMTP_URL is not set:</strong> outgoing mail waits below until it is.{{/smtp}}</p>
        <h2 id="quarantine">Quarantine and held mail ({{problemCount}})</h2>
        <p>Messages that could not be processed, or that the per-sender limit held back. Nothing here is lost: fix the cause and retry.</p>
        <table id="quarantine-list">
          <thead><tr><th scope="col">#</th><th scope="col">Received</th><th scope="col">From</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Reason</th><th scope="col"></th></tr></thead>
          <tbody>
          {{#problems}}<tr data-inbound-id="{{id}}"><td>{{id}}</td><td>{{received}}</td><td>{{from}}</td><td>{{subject}}</td><td>{{status}}</td><td class="reason">{{error}}</td>
            <td><form method="post" action="/admin/mail/inbound/{{id}}/retry"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Retry</button></form>
                <a href="/admin/mail/inbound/{{id}}/raw">Original</a></td></tr>{{/problems}}
          {{^problems}}<tr><td colspan="7" class="empty">Nothing in quarantine.</td></tr>{{/problems}}
          </tbody>
        </table>
        <h2 id="received">Recently received</h2>
        <table id="received-list">
          <thead><tr><th scope="col">#</th><th scope="col">Received</th><th scope="col">From</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Ticket</th><th scope="col">Notes</th></tr></thead>
          <tbody>
          {{#recent}}<tr><td>{{id}}</td><td>{{received}}</td><td>{{from}}</td><td>{{subject}}</td><td>{{status}}</td><td>{{#ticketID}}<a href="/agent/tickets/{{ticketID}}">#{{ticketID}}</a>{{/ticketID}}</td><td>{{classification}} {{error}}</td></tr>{{/recent}}
          {{^recent}}<tr><td colspan="7" class="empty">No mail received yet.</td></tr>{{/recent}}
          </tbody>
        </table>
        <h2 id="outbox">Outbox</h2>
        <p>{{queuedCount}} waiting, {{failedCount}} failed.</p>
        <table id="outbox-list">
          <thead><tr><th scope="col">#</th><th scope="col">Created</th><th scope="col">Kind</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col"></th></tr></thead>
          <tbody>
          {{#outgoing}}<tr data-outbox-id="{{id}}"><td>{{id}}</td><td>{{created}}</td><td>{{kind}}</td><td>{{to}}</td><td>{{subject}}</td><td>{{status}}</td><td>{{attempts}}</td><td class="reason">{{lastError}}</td>
            <td>{{#retryable}}<form method="post" action="/admin/mail/outbox/{{id}}/retry"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Send now</button></form>{{/retryable}}
                <a href="/admin/mail/outbox/{{id}}/raw">Message</a></td></tr>{{/outgoing}}
          {{^outgoing}}<tr><td colspan="9" class="empty">No outgoing mail yet.</td></tr>{{/outgoing}}
          </tbody>
        </table>
        <h2 id="templates">Notification templates</h2>
        <ul id="template-list">
        {{#templates}}<li><a href="/admin/mail/templates/{{event}}">{{title}}</a>{{#customized}} (edited){{/customized}}</li>{{/templates}}
        </ul>
        {{/main}}
        {{/layout}}
        """#),
        ("admin-mail-template", #"""
        {{<layout}}
        {{$main}}
        <h1>{{title}}</h1>
        <p>Mustache templates: write a value in double braces, e.g. <code>{{example}}</code>. Values: {{#placeholders}}<code>{{.}}</code> {{/placeholders}}.
           The subject and text parts are plain text; in the HTML part every value is escaped except <code>{{rawExample}}</code> (already sanitized).</p>
        <form id="template-form" method="post" action="/admin/mail/templates/{{event}}">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="subject">Subject</label> <input id="subject" name="subject" required value="{{subject}}" size="80"></p>
          <p><label for="text">Text part</label><br><textarea id="text" name="text" rows="14" cols="90" required>{{text}}</textarea></p>
          <p><label for="html">HTML part</label><br><textarea id="html" name="html" rows="14" cols="90" required>{{html}}</textarea></p>
          <p><button type="submit">Save</button></p>
        </form>
        {{#customized}}<form method="post" action="/admin/mail/templates/{{event}}/reset"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Back to the default</button></form>{{/customized}}
        <h2>Preview</h2>
        <p><strong>Subject:</strong> {{preview.subject}}</p>
        <pre class="mail-preview">{{preview.text}}</pre>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
