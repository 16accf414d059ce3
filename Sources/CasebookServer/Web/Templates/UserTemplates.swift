extension PageTemplates {
    static let user: [(String, String)] = [
        ("user", #"""
        {{<layout}}
        {{$main}}
        <h1>{{name}}</h1>
        <p class="person" id="user-card">{{#email}}<a href="mailto:{{email}}">{{email}}</a> · {{/email}}{{role}}{{#organization}} · {{organization}}{{/organization}}</p>
        {{#notes}}<p class="notes">{{notes}}</p>{{/notes}}
        {{#conduct}}{{> conduct-records}}{{/conduct}}
        {{#decisions}}
        <section class="decision-banner customer-decisions" id="customer-decisions" aria-labelledby="customer-decisions-heading">
          <h2 id="customer-decisions-heading">Decisions on the record</h2>
          <ul>
            {{#rows}}<li class="decision" data-decision-id="{{id}}"><strong>{{kind}}:</strong> {{what}}{{#hasTicket}} (<a href="/agent/tickets/{{ticketID}}">#{{ticketID}}</a>){{/hasTicket}}
              <br><span class="decision-rule">Departs from: {{rule}}</span> <span class="decision-reason">Why: {{reason}}</span>
              <br><small>{{who}}, <time datetime="{{whenISO}}">{{when}}</time>{{#hasOutcome}} · Outcome: {{outcome}}{{/hasOutcome}}</small></li>{{/rows}}
            {{^hasRows}}<li class="empty">No decisions</li>{{/hasRows}}
          </ul>
        </section>
        {{/decisions}}
        <section aria-labelledby="user-tickets-heading">
          <h2 id="user-tickets-heading">{{#isCustomer}}Their tickets{{/isCustomer}}{{^isCustomer}}Tickets assigned{{/isCustomer}}</h2>
          <ul id="user-tickets">
            {{#tickets}}<li><a href="/agent/tickets/{{id}}">#{{id}} {{subject}}</a> <span class="status status-{{status}}">{{status}}</span> <small>{{updated}}</small></li>{{/tickets}}
            {{^hasTickets}}<li class="empty">None</li>{{/hasTickets}}
          </ul>
        </section>
        <section id="user-exclusions" aria-labelledby="user-exclusions-heading">
          <h2 id="user-exclusions-heading">Exclusion rules</h2>
          <ul>
            {{#rules}}<li class="exclusion" data-rule-id="{{id}}">{{text}}
              {{#canManageExclusions}}<form class="inline" method="post" action="/agent/users/{{userID}}/exclusions/{{id}}/delete"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Remove</button></form>{{/canManageExclusions}}</li>{{/rules}}
            {{^hasRules}}<li class="empty">No exclusion rules</li>{{/hasRules}}
          </ul>
          {{#canManageExclusions}}
          <form id="user-exclusion-form" method="post" action="/agent/users/{{userID}}/exclusions">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="exclusion_agent">Never assign to</label>
               <select id="exclusion_agent" name="agent_id">{{#agentOptions}}<option value="{{value}}">{{label}}</option>{{/agentOptions}}</select></p>
            {{#hasOrganization}}<p><label for="exclusion_scope">For</label>
               <select id="exclusion_scope" name="scope"><option value="requester">{{name}}</option><option value="organization">Their whole organization</option></select></p>{{/hasOrganization}}
            <p><label for="exclusion_reason">Reason</label> <input id="exclusion_reason" name="reason" value="{{reason}}" required maxlength="500"></p>
            <button type="submit">Never assign this customer to this agent</button>
          </form>
          {{/canManageExclusions}}
        </section>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
