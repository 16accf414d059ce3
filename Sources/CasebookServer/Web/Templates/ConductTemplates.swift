extension PageTemplates {
    /// The conduct pages and the customer page's conduct section. Every value is escaped (`{{…}}`): notes, labels and
    /// the comments offered as evidence are all typed by people, some of them abusive.
    static let conduct: [(String, String)] = [
        ("conduct-flag", #"""
        {{<layout}}
        {{$main}}
        <p class="crumbs"><a href="/agent/tickets/{{ticketID}}">#{{ticketID}} {{subject}}</a> › Abusive conduct</p>
        <h1>Flag abusive conduct</h1>
        <p>By <a href="/agent/users/{{customerID}}">{{customer}}</a> on ticket #{{ticketID}}. Only staff see conduct records; the customer never does.
          Your team's lead hears of it at once.</p>
        {{#recorded}}
        <section id="conduct-recorded" class="repeat" aria-labelledby="conduct-recorded-heading">
          <h2 id="conduct-recorded-heading">Conduct record #{{id}} is on the record</h2>
          <p>{{text}}</p>
          {{#canHandOver}}
          <form id="conduct-handover" method="post" action="/agent/conduct_records/{{id}}/handover">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="handover_summary">Summary for whoever takes it next (an internal note)</label><br>
               <textarea id="handover_summary" name="summary" rows="3" cols="60">{{summary}}</textarea></p>
            <button type="submit">Hand this ticket over</button>
          </form>
          {{/canHandOver}}
          <p><a href="/agent/tickets/{{ticketID}}">Back to the ticket</a></p>
        </section>
        {{/recorded}}
        {{^recorded}}
        {{^hasOutcomes}}<p class="flash flash-error" id="conduct-no-outcomes">The conduct policy has no outcomes yet: an admin adds them under Admin › Conduct.</p>{{/hasOutcomes}}
        <form id="conduct-form" method="post" action="/agent/tickets/{{ticketID}}/conduct">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="conduct_kind">What happened</label>
             <select id="conduct_kind" name="kind" required>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></p>
          <p><label for="conduct_evidence">Evidence</label>
             <select id="conduct_evidence" name="comment_id">{{#evidence}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/evidence}}</select></p>
          <p><label for="conduct_outcome">Outcome</label>
             <select id="conduct_outcome" name="outcome_id" required>{{#outcomes}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}} ({{action}})</option>{{/outcomes}}</select></p>
          {{#hasOutcomes}}<dl id="conduct-outcome-descriptions" class="summary">
            {{#outcomes}}<div><dt>{{label}}</dt><dd>{{details}}</dd></div>{{/outcomes}}
          </dl>{{/hasOutcomes}}
          <p><label for="conduct_affected">Aimed at</label>
             <select id="conduct_affected" name="affected_agent_id">{{#agents}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/agents}}</select></p>
          <p><label for="conduct_note">Note</label><br>
             <textarea id="conduct_note" name="note" rows="3" cols="60" maxlength="2000">{{note}}</textarea></p>
          <button type="submit">Put it on the record</button>
        </form>
        {{/recorded}}
        <section class="conduct-records" aria-labelledby="conduct-history-heading">
          <h2 id="conduct-history-heading">{{customer}}'s conduct records</h2>
          <ul>
            {{#records}}{{> conduct-record-row}}{{/records}}
            {{^hasRecords}}<li class="empty">No conduct records</li>{{/hasRecords}}
          </ul>
        </section>
        {{/main}}
        {{/layout}}
        """#),
        ("conduct-record-row", #"""
        <li class="conduct-record" data-conduct-id="{{id}}"><strong>{{kind}}</strong> on <a href="/agent/tickets/{{ticketID}}">#{{ticketID}}</a>,
          <time datetime="{{whenISO}}">{{when}}</time>: aimed at {{affected}}, flagged by {{by}}. Outcome: {{outcome}}.{{#hasEvidence}} Evidence: {{evidence}}.{{/hasEvidence}}{{#hasNote}} Note: {{note}}{{/hasNote}}</li>
        """#),
        // The customer's page (staff only), inside `{{#conduct}}`.
        ("conduct-records", #"""
        {{#contactOnlyByEmail}}<p class="badge contact-only-email" id="contact-only-by">Contact only by email</p>{{/contactOnlyByEmail}}
        <section class="conduct-records" id="conduct-records" aria-labelledby="conduct-records-heading">
          <h2 id="conduct-records-heading">Conduct records</h2>
          <ul>
            {{#rows}}{{> conduct-record-row}}{{/rows}}
            {{^hasRows}}<li class="empty">No conduct records</li>{{/hasRows}}
          </ul>
        </section>
        """#),
        ("admin-conduct", #"""
        {{<layout}}
        {{$main}}
        <h1>Conduct policy</h1>
        <p>The outcomes agents choose from when they flag abusive conduct. An outcome's action is what Casebook does with it:
          an exclusion rule keeps the customer's tickets from the agent the abuse was aimed at; "only by email" marks the customer for every agent.</p>
        <table id="conduct-outcomes">
          <caption class="visually-hidden">Outcomes</caption>
          <thead><tr><th scope="col">Outcome</th><th scope="col">Used</th><th scope="col">State</th><th scope="col"></th></tr></thead>
          <tbody>
          {{#rows}}<tr data-outcome-id="{{id}}">
            <td>
              <form class="conduct-outcome-edit" method="post" action="/admin/conduct/outcomes/{{id}}">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <label for="outcome-label-{{id}}" class="visually-hidden">Label</label>
                <input id="outcome-label-{{id}}" name="label" value="{{label}}" required maxlength="100">
                <label for="outcome-action-{{id}}" class="visually-hidden">Action</label>
                <select id="outcome-action-{{id}}" name="action">{{#actions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/actions}}</select>
                <label for="outcome-description-{{id}}" class="visually-hidden">Description</label>
                <input id="outcome-description-{{id}}" name="description" value="{{description}}" maxlength="1000" size="40">
                <label><input type="checkbox" name="active" value="1"{{#active}} checked{{/active}}> Offered</label>
                <button type="submit">Save</button>
              </form>
            </td>
            <td>{{uses}}</td>
            <td>{{#active}}Offered{{/active}}{{^active}}Withdrawn{{/active}}</td>
            <td>
              <form class="inline" method="post" action="/admin/conduct/outcomes/{{id}}/active">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                {{#active}}<input type="hidden" name="active" value="0"><button type="submit">Deactivate</button>{{/active}}
                {{^active}}<input type="hidden" name="active" value="1"><button type="submit">Activate</button>{{/active}}
              </form>
            </td>
          </tr>{{/rows}}
          {{^hasRows}}<tr><td colspan="4" class="empty">No outcomes yet: agents cannot flag conduct until there is one.</td></tr>{{/hasRows}}
          </tbody>
        </table>
        <h2>Add an outcome</h2>
        <form id="conduct-outcome-form" method="post" action="/admin/conduct/outcomes">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="new_outcome_label">Label</label> <input id="new_outcome_label" name="label" value="{{label}}" required maxlength="100"></p>
          <p><label for="new_outcome_action">Action</label>
             <select id="new_outcome_action" name="action">{{#actions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/actions}}</select></p>
          <p><label for="new_outcome_description">Description</label><br>
             <textarea id="new_outcome_description" name="description" rows="2" cols="60" maxlength="1000">{{description}}</textarea></p>
          <button type="submit">Add outcome</button>
        </form>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
