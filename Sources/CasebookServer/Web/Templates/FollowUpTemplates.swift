extension PageTemplates {
    static let followUps: [(String, String)] = [
        ("follow-up-panel", #"""
        <section id="follow-ups" class="follow-ups-panel" aria-labelledby="follow-ups-heading">
          <h2 id="follow-ups-heading">Follow-ups</h2>
          {{#routing.followUps}}
          <ul class="follow-ups">
            {{#items}}<li class="follow-up follow-up-{{status}}{{#overdue}} overdue{{/overdue}}" data-follow-up-id="{{id}}">
              <strong>{{title}}</strong> · {{owner}} · due <time datetime="{{dueISO}}">{{due}}</time>{{#overdue}} <strong class="overdue-flag">overdue</strong>{{/overdue}}
              {{#note}}<br><small>{{.}}</small>{{/note}}
              {{^isOpen}}<br><small>{{closed}}{{#outcome}}: {{.}}{{/outcome}}</small>{{/isOpen}}
              {{#isOpen}}
              <form class="follow-up-complete" method="post" action="/agent/follow-ups/{{id}}/complete">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <input type="hidden" name="back" value="ticket">
                <label for="follow-up-note-{{id}}">What came of it</label>
                <textarea id="follow-up-note-{{id}}" name="note" rows="2" required></textarea>
                <button type="submit">Complete</button>
              </form>
              {{/isOpen}}
            </li>{{/items}}
            {{^hasItems}}<li class="empty">No follow-ups on this ticket.</li>{{/hasItems}}
          </ul>
          <form id="follow-up-form" method="post" action="/agent/tickets/{{ticket.id}}/follow-ups">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <h3>Add a follow-up</h3>
            <p><label for="follow_up_title">Title</label> <input id="follow_up_title" name="title" maxlength="200" value="{{title}}" placeholder="call the customer back" required></p>
            <p><label for="follow_up_due">Due (UTC)</label> <input id="follow_up_due" name="due_at" type="datetime-local" value="{{due}}" required></p>
            <p><label for="follow_up_owner">Owner</label>
               <select id="follow_up_owner" name="owner_id">{{#owners}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/owners}}</select></p>
            <p><label for="follow_up_note">Note</label> <textarea id="follow_up_note" name="note" rows="2">{{note}}</textarea></p>
            <button type="submit">Add follow-up</button>
          </form>
          <h3>Remote sessions</h3>
          <ul class="remote-sessions">
            {{#sessions}}<li class="remote-session" data-remote-session-id="{{id}}">{{#link}}<a href="{{.}}" rel="noopener noreferrer" target="_blank">{{/link}}Session {{code}}{{#link}}</a>{{/link}}
              · {{agent}} · <time datetime="{{startedISO}}">{{started}}</time>{{#ended}} to {{.}}{{/ended}}{{#outcome}}<br><small>{{.}}</small>{{/outcome}}</li>{{/sessions}}
            {{^hasSessions}}<li class="empty">None recorded.</li>{{/hasSessions}}
          </ul>
          <form id="remote-session-form" method="post" action="/agent/tickets/{{ticket.id}}/remote-sessions">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <h3>Record a remote session</h3>
            <p><label for="remote_code">Session code</label> <input id="remote_code" name="session_code" value="{{sessionCode}}" required></p>
            <p><label for="remote_start">Start (UTC)</label> <input id="remote_start" name="started_at" type="datetime-local" value="{{sessionStart}}" required></p>
            <p><label for="remote_end">End (UTC)</label> <input id="remote_end" name="ended_at" type="datetime-local" value="{{sessionEnd}}"></p>
            <p><label for="remote_outcome">Outcome</label> <textarea id="remote_outcome" name="outcome" rows="2">{{sessionOutcome}}</textarea></p>
            <button type="submit">Record session</button>
          </form>
          {{/routing.followUps}}
        </section>
        """#),
        ("follow-ups", #"""
        {{<layout}}
        {{$main}}
        <h1>My follow-ups</h1>
        <p>Tasks given to you on tickets: the soonest due first. Completing one asks what came of it; the note goes on the ticket.
          {{#overdueCount}}<strong class="overdue-count">{{.}} overdue.</strong>{{/overdueCount}}</p>
        <table id="my-follow-ups">
          <caption class="visually-hidden">Open follow-ups</caption>
          <thead><tr><th scope="col">Due</th><th scope="col">Follow-up</th><th scope="col">Ticket</th><th scope="col">Assigned by</th><th scope="col">Complete</th></tr></thead>
          <tbody>
          {{#open}}<tr class="follow-up{{#item.overdue}} overdue{{/item.overdue}}" data-follow-up-id="{{item.id}}">
            <td><time datetime="{{item.dueISO}}">{{item.due}}</time>{{#item.overdue}} <strong class="overdue-flag">overdue</strong>{{/item.overdue}}</td>
            <td><strong>{{item.title}}</strong>{{#item.note}}<br><small>{{.}}</small>{{/item.note}}</td>
            <td><a href="/agent/tickets/{{ticketID}}">#{{ticketID}} {{subject}}</a></td>
            <td>{{item.assignedBy}}</td>
            <td><form class="follow-up-complete" method="post" action="/agent/follow-ups/{{item.id}}/complete">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <label for="note-{{item.id}}" class="visually-hidden">What came of it</label>
              <textarea id="note-{{item.id}}" name="note" rows="2" placeholder="What came of it" required>{{draft}}</textarea>
              <button type="submit">Complete</button>
            </form></td></tr>{{/open}}
          {{^hasOpen}}<tr><td colspan="5" class="empty">No open follow-ups.</td></tr>{{/hasOpen}}
          </tbody>
        </table>
        {{#hasClosed}}
        <h2>Recently closed</h2>
        <ul id="closed-follow-ups">{{#closed}}<li class="follow-up follow-up-{{item.status}}" data-follow-up-id="{{item.id}}"><strong>{{item.title}}</strong>
          · <a href="/agent/tickets/{{ticketID}}">#{{ticketID}} {{subject}}</a> · {{item.closed}}{{#item.outcome}}: {{.}}{{/item.outcome}}</li>{{/closed}}</ul>
        {{/hasClosed}}
        {{/main}}
        {{/layout}}
        """#),
    ]
}
