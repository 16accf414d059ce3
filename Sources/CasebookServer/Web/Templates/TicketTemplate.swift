extension PageTemplates {
    static let ticket: [(String, String)] = [
        // The timeline itself is written by `TimelineHTML` (see there why); its entries look like
        // <li class="timeline-entry comment-internal" data-entry-id="…"> with author, badge, time, body and changes.
        ("timeline", #"""
        {{{timelineHTML}}}
        """#),
        ("ticket-summary", #"""
        <dl id="ticket-summary" class="summary">
          <div><dt>Status</dt><dd><span class="status status-{{ticket.status}}">{{ticket.status}}</span></dd></div>
          <div><dt>Priority</dt><dd>{{ticket.priority}}{{^ticket.priority}}–{{/ticket.priority}}</dd></div>
          <div><dt>Assignee</dt><dd>{{ticket.assignee}}{{^ticket.assignee}}Unassigned{{/ticket.assignee}}</dd></div>
          <div><dt>Group</dt><dd>{{ticket.group}}{{^ticket.group}}–{{/ticket.group}}</dd></div>
          <div><dt>Updated</dt><dd><time datetime="{{ticket.updatedISO}}">{{ticket.updated}}</time></dd></div>
        </dl>
        """#),
        ("select", #"""
        <select id="{{name}}" name="{{name}}">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
        """#),
        ("hardware-panel", #"""
        <section id="hardware" class="hardware-panel" aria-labelledby="hardware-heading">
          <h2 id="hardware-heading">Hardware</h2>
          {{#routing.hardware}}
          {{#assets}}
          <article class="asset" data-asset-id="{{id}}">
            <h3><span class="serial">{{serial}}</span> <small>{{sku}}</small></h3>
            <dl class="asset-facts">
              <div><dt>Site</dt><dd>{{site}}</dd></div>
              <div><dt>Firmware</dt><dd>{{firmware}}</dd></div>
              <div><dt>Status</dt><dd>{{status}}</dd></div>
              <div><dt>Warranty</dt><dd class="warranty warranty-{{warrantyKey}}"><strong>{{warranty}}</strong>
                {{#expiresISO}}<time datetime="{{.}}">{{/expiresISO}}{{expires}}{{#expiresISO}}</time>{{/expiresISO}}{{#coverage}}<br><small>{{.}}</small>{{/coverage}}</dd></div>
            </dl>
            {{#hasCaveats}}<ul class="caveats">{{#caveats}}<li class="caveat">{{.}}</li>{{/caveats}}</ul>{{/hasCaveats}}
            {{#hasHistory}}
            <h4>History</h4>
            <ul class="asset-history">
              {{#tickets}}<li><a href="{{href}}">{{label}}</a> <span class="status status-{{status}}">{{status}}</span></li>{{/tickets}}
              {{#rmas}}<li><a href="{{href}}">{{label}}</a> · {{status}}</li>{{/rmas}}
            </ul>
            {{/hasHistory}}
          </article>
          {{/assets}}
          {{^hasAssets}}<p class="empty">No units linked to this ticket.</p>{{/hasAssets}}
          <form id="asset-link-form" method="post" action="/agent/tickets/{{ticket.id}}/assets">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="asset_serial">Link an asset by serial</label>
               <input id="asset_serial" name="serial" value="{{serial}}" required> <button type="submit">Link</button></p>
          </form>
          {{#hasChecklist}}
          <form id="checklist-form" class="checklist" method="post" action="/agent/tickets/{{ticket.id}}/checklist">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <h3>Troubleshooting checklist <small>({{checklistSerial}})</small></h3>
            <ol>{{#steps}}
              <li class="step step-{{resultKey}}" data-step="{{key}}"><input type="hidden" name="step" value="{{key}}">
                <strong>{{title}}</strong>{{#requiredFor}} <small>needed for {{.}}</small>{{/requiredFor}}
                <br>Now: <span class="step-result">{{result}}</span>{{#recorded}} <small>({{.}})</small>{{/recorded}}
                <br><label for="step-result-{{index}}">Result</label>
                <select id="step-result-{{index}}" name="result">{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select>
                <label for="step-note-{{index}}">Note</label> <input id="step-note-{{index}}" name="note" value="{{note}}"></li>{{/steps}}
            </ol>
            <button type="submit">Record results</button>
          </form>
          <h3>What the checklist allows</h3>
          <ul class="checklist-verdicts">{{#verdicts}}
            <li class="{{#allowed}}verdict-allowed{{/allowed}}{{^allowed}}verdict-incomplete{{/allowed}}">{{kind}}: {{#allowed}}allowed{{/allowed}}{{^allowed}}needs {{missing}}{{/allowed}}</li>{{/verdicts}}
          </ul>
          {{/hasChecklist}}
          <h3>RMAs on this ticket</h3>
          <ul class="ticket-rmas">
            {{#rmas}}<li class="rma rma-{{statusKey}}" data-rma-id="{{id}}"><a href="/agent/rmas/{{id}}">RMA #{{id}}</a> {{kind}} · {{serial}} · {{value}}
              <br><span class="rma-status">{{status}}</span>{{#dueBy}} · <strong class="rma-due">faulty unit due by {{.}}</strong>{{/dueBy}}{{#waitsFor}} · {{.}}{{/waitsFor}}</li>{{/rmas}}
            {{^hasRMAs}}<li class="empty">None</li>{{/hasRMAs}}
          </ul>
          {{#hasAssets}}
          <form id="rma-form" method="post" action="/agent/tickets/{{ticket.id}}/rmas">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <h3>Open an RMA</h3>
            {{#rmaForm}}
            <p><label for="rma_kind">Kind</label>
               <select id="rma_kind" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></p>
            <p><label for="rma_asset">Unit</label>
               <select id="rma_asset" name="asset">{{#assets}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/assets}}</select></p>
            <p><label for="rma_value">Value</label> <input id="rma_value" name="value" inputmode="decimal" placeholder="249.00" value="{{value}}" required></p>
            <p><label for="rma_obligation">The customer's obligation</label>
               <textarea id="rma_obligation" name="obligation" rows="2">{{obligation}}</textarea></p>
            <p><label for="rma_override_reason">Override reason</label>
               <textarea id="rma_override_reason" name="override_reason" rows="2" aria-describedby="rma-override-help">{{overrideReason}}</textarea>
               <small id="rma-override-help">Leads and above: override an incomplete checklist, with a reason; it goes on the record</small></p>
            {{/rmaForm}}
            <button type="submit">Open RMA</button>
          </form>
          {{/hasAssets}}
          {{/routing.hardware}}
        </section>
        """#),
        ("ticket", #"""
        {{<layout}}
        {{$main}}
        <div class="ticket-page">
          <section class="case" aria-labelledby="ticket-subject">
            <p class="crumbs"><a href="/agent">Views</a> › Ticket #{{ticket.id}}</p>
            <h1 id="ticket-subject">{{ticket.subject}}</h1>
            {{#routing.hasDecisions}}
            <section id="decisions" class="decision-banner" role="note" aria-labelledby="decisions-heading">
              <h2 id="decisions-heading">Decisions on this ticket</h2>
              <ul>{{#routing.decisions}}
                <li class="decision" data-decision-id="{{id}}"><strong class="decision-kind">{{kind}}:</strong> {{what}}
                  <br><span class="decision-rule">Departs from: {{rule}}</span>
                  <br><span class="decision-reason">Why: {{reason}}</span>
                  <br><small>{{who}}, <time datetime="{{whenISO}}">{{when}}</time>{{#outcome}} · Outcome: <strong class="decision-outcome">{{.}}</strong>{{/outcome}}</small></li>{{/routing.decisions}}
              </ul>
            </section>
            {{/routing.hasDecisions}}
            {{#routing.notesOwedSince}}
            <p id="case-notes-owed" class="case-notes-owed" role="alert"><strong>The last call on this ticket has no summary — add an internal note before solving or handing over.</strong>
              Owed since {{.}}; fill in the handover summary with the update.</p>
            {{/routing.notesOwedSince}}
            <div id="presence" aria-live="polite" class="presence">{{#others}}<span class="viewer" data-user-id="{{userID}}">{{#typing}}{{name}} is typing a reply…{{/typing}}{{^typing}}Also viewing: {{name}}{{/typing}}</span>{{/others}}</div>
            <div id="live-notice" class="flash flash-notice" role="status" hidden></div>
            {{> ticket-summary}}
            {{#routing.hasTargets}}
            <section id="sla-targets" class="sla" aria-labelledby="sla-heading">
              <h2 id="sla-heading">SLA{{#routing.policy}}: {{routing.policy}}{{/routing.policy}}</h2>
              <ul>{{#routing.targets}}<li class="{{cssClass}}" data-state="{{state}}"><strong>{{label}}</strong> {{text}}</li>{{/routing.targets}}</ul>
            </section>
            {{/routing.hasTargets}}
            {{#routing.waiting}}<p id="routing-waiting" class="flash flash-notice">{{routing.waiting}}</p>{{/routing.waiting}}
            {{#conflict}}
            <div id="changed-meanwhile" class="flash flash-error" role="alert">
              <p><strong>This ticket changed while you were writing.</strong> Check what changed before you send:</p>
              <ul>{{#changes}}<li>{{.}}</li>{{/changes}}</ul>
              <p>Your draft and your field changes are kept below. Press “Send anyway” to submit them.</p>
            </div>
            {{/conflict}}
            {{> timeline}}
          </section>
          <aside class="side" aria-label="Ticket properties and requester">
            <section id="requester-card" aria-labelledby="requester-heading">
              <h2 id="requester-heading">Requester</h2>
              <p class="person"><strong><a href="/agent/users/{{requester.id}}">{{requester.name}}</a></strong><br><a href="mailto:{{requester.email}}">{{requester.email}}</a>
              {{#requester.organization}}<br>{{requester.organization}}{{/requester.organization}}</p>
              <h3>Their other tickets</h3>
              <ul id="requester-tickets">
                {{#requester.tickets}}<li><a href="/agent/tickets/{{id}}">#{{id}} {{subject}}</a> <span class="status status-{{status}}">{{status}}</span>{{#assignee}} · {{assignee}}{{/assignee}}</li>{{/requester.tickets}}
                {{^requester.tickets}}<li class="empty">None</li>{{/requester.tickets}}
              </ul>
              <h3>Their orders</h3>
              <ul id="requester-orders">
                {{#requester.orders}}<li><a href="/agent/orders/{{id}}?ticket={{ticket.id}}">Order #{{id}}</a> <small>{{created}} · {{total}}</small><br><span class="order-state">{{state}}</span></li>{{/requester.orders}}
                {{^requester.orders}}<li class="empty">No orders</li>{{/requester.orders}}
              </ul>
            </section>
            {{> hardware-panel}}
            {{> follow-up-panel}}
            {{> knowledge-panel}}
            <section id="exclusions" aria-labelledby="exclusions-heading">
              <h2 id="exclusions-heading">Never assign to</h2>
              <ul>{{#routing.exclusions}}<li class="exclusion">{{.}}</li>{{/routing.exclusions}}{{^routing.hasExclusions}}<li class="empty">No exclusion rules for this customer</li>{{/routing.hasExclusions}}</ul>
              {{#routing.canManageExclusions}}
              <form id="exclusion-form" method="post" action="/agent/tickets/{{ticket.id}}/exclusions">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <p><label for="exclusion_agent">Agent</label>
                   <select id="exclusion_agent" name="agent_id">{{#routing.agentOptions}}<option value="{{value}}">{{label}}</option>{{/routing.agentOptions}}</select></p>
                <p><label for="exclusion_scope">For</label>
                   <select id="exclusion_scope" name="scope"><option value="requester">This requester</option><option value="organization">Their whole organization</option></select></p>
                <p><label for="exclusion_reason">Reason</label> <input id="exclusion_reason" name="reason" required></p>
                <button type="submit">Never assign this customer to this agent</button>
              </form>
              {{/routing.canManageExclusions}}
            </section>
            <form id="escalate-form" method="post" action="/agent/tickets/{{ticket.id}}/escalate">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <h2>Escalate</h2>
              <p><label for="escalate_target">To</label>
                 <select id="escalate_target" name="target">{{#routing.escalationTargets}}<option value="{{value}}">{{label}}</option>{{/routing.escalationTargets}}</select></p>
              <p><label for="escalate_reason">Why</label> <textarea id="escalate_reason" name="reason" rows="2" required></textarea></p>
              <button type="submit">Escalate</button>
            </form>
            <p class="conduct"><a class="conduct-link" href="/agent/tickets/{{ticket.id}}/conduct">Flag abusive conduct</a></p>
            {{#hasMacros}}
            <form id="macro-form" method="post" action="/agent/tickets/{{ticket.id}}/macro">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <label for="macro_id">Macro</label>
              <select id="macro_id" name="macro_id">{{#macros}}<option value="{{id}}">{{title}}</option>{{/macros}}</select>
              <button type="submit">Apply macro</button>
            </form>
            {{/hasMacros}}
          </aside>
          {{#routing.repeatSummary}}
          <section id="repeat-contact" class="repeat" aria-labelledby="repeat-heading">
            <h2 id="repeat-heading">{{routing.repeatSummary}}</h2>
            <ol>{{#routing.earlier}}
              <li class="earlier" data-ticket-id="{{id}}"><a href="/agent/tickets/{{id}}">#{{id}} {{subject}}</a> <span class="status status-{{status}}">{{status}}</span> · {{when}}
                <br>Handled by {{handledBy}}
                {{#hasLastReply}}<blockquote class="last-reply"><p><strong>{{lastReplyAuthor}}</strong> told the customer ({{lastReplyWhen}}):</p><p>{{lastReply}}</p></blockquote>{{/hasLastReply}}
                {{#hasDecisions}}<ul class="decisions">{{#decisions}}<li>{{.}}</li>{{/decisions}}</ul>{{/hasDecisions}}
              </li>{{/routing.earlier}}
            </ol>
          </section>
          {{/routing.repeatSummary}}
          <form id="ticket-form" class="composer" method="post" action="/agent/tickets/{{ticket.id}}" enctype="multipart/form-data">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <input type="hidden" name="seen_audit" value="{{form.seenAudit}}">
            {{#form.was}}
            <input type="hidden" name="was_status" value="{{status}}">
            <input type="hidden" name="was_priority" value="{{priority}}">
            <input type="hidden" name="was_type" value="{{type}}">
            <input type="hidden" name="was_group_id" value="{{groupID}}">
            <input type="hidden" name="was_assignee_id" value="{{assigneeID}}">
            <input type="hidden" name="was_tags" value="{{tags}}">
            <input type="hidden" name="was_followers" value="{{followers}}">
            <input type="hidden" name="was_ccs" value="{{ccs}}">
            {{/form.was}}
            <fieldset class="fields">
              <legend>Properties</legend>
              {{#form.selects}}<p><label for="{{name}}">{{label}}</label> {{> select}}</p>{{/form.selects}}
              <p><label for="tags">Tags</label> <input id="tags" name="tags" value="{{form.tags}}" aria-describedby="tags-help">
                 <small id="tags-help">Separated by spaces</small></p>
              <p><label for="followers">Followers</label> <input id="followers" name="followers" value="{{form.followers}}" aria-describedby="people-help"></p>
              <p><label for="ccs">CCs</label> <input id="ccs" name="ccs" value="{{form.ccs}}" aria-describedby="people-help">
                 <small id="people-help">Email addresses, separated by commas</small></p>
              <p class="handover"><label for="handover_note">Handover summary</label>
                 <textarea id="handover_note" name="handover_note" rows="3" aria-describedby="handover-help">{{routing.handoverNote}}</textarea>
                 <small id="handover-help">What was tried and promised; sent as an internal note with this update.</small></p>
              {{#routing.hasExclusions}}{{#routing.canOverride}}
              <p class="override"><label><input type="checkbox" name="override_exclusion" value="1"> Override an exclusion rule for this assignment</label>
                 <label for="override_reason">Why</label> <input id="override_reason" name="override_reason"></p>
              {{/routing.canOverride}}{{/routing.hasExclusions}}
            </fieldset>
            <fieldset class="compose">
              <legend>Add to the conversation</legend>
              <div class="modes" role="radiogroup" aria-label="Kind of entry">
                <label><input type="radio" name="mode" value="reply"{{#form.modeReply}} checked{{/form.modeReply}}> Public reply</label>
                <label><input type="radio" name="mode" value="note"{{#form.modeNote}} checked{{/form.modeNote}}> Internal note</label>
                <label><input type="radio" name="mode" value="call"{{#form.modeCall}} checked{{/form.modeCall}}> Log a call</label>
              </div>
              <p><label for="body">Message, note or call summary</label>
                 <textarea id="body" name="body" rows="6">{{form.body}}</textarea></p>
              <p><label for="files">Attach files</label> <input id="files" name="files" type="file" multiple></p>
              <div class="call-fields">
                <p><label for="call_direction">Direction</label>
                   <select id="call_direction" name="call_direction">{{#form.callDirections}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/form.callDirections}}</select></p>
                <p><label for="call_from">From</label> <input id="call_from" name="call_from" value="{{form.callFrom}}"></p>
                <p><label for="call_to">To</label> <input id="call_to" name="call_to" value="{{form.callTo}}"></p>
                <p><label for="call_duration">Duration (minutes)</label>
                   <input id="call_duration" name="call_duration" inputmode="decimal" value="{{form.callDuration}}"></p>
              </div>
            </fieldset>
            <p class="actions">
              {{#conflict}}<button id="send-anyway" type="submit" name="confirm" value="1">Send anyway</button>{{/conflict}}
              {{^conflict}}<button id="submit-update" type="submit">Submit</button>{{/conflict}}
            </p>
          </form>
        </div>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
