extension PageTemplates {
    static let team: [(String, String)] = [
        ("presence", #"""
        {{<layout}}
        {{$main}}
        <h1>My status</h1>
        <p>You hold {{openTickets}} open tickets. Routing gives new tickets only to agents who are online.</p>
        <form id="presence-detail-form" method="post" action="/agent/presence">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="status">Status</label>
             <select id="status" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></p>
          <p><label for="back_at">Back at (UTC)</label> <input id="back_at" name="back_at" value="{{backAt}}" placeholder="2026-11-24 14:30" aria-describedby="back-help">
             <small id="back-help">Optional, when you are away.</small></p>
          <p><label for="note">How to reach me</label> <input id="note" name="note" value="{{note}}" maxlength="200" placeholder="Phone +49 30 1234567, in the lab until 3"></p>
          <p><button type="submit">Save</button></p>
        </form>
        {{/main}}
        {{/layout}}
        """#),
        ("team", #"""
        {{<layout}}
        {{$main}}
        <h1>Team</h1>
        <p id="team-online">{{online}} reachable now.</p>
        <table id="team-board">
          <caption class="visually-hidden">Agents, their status and load</caption>
          <thead><tr><th scope="col">Agent</th><th scope="col">Status</th><th scope="col">Open tickets</th><th scope="col">Groups</th>
            <th scope="col">Back at</th><th scope="col">How to reach</th><th scope="col">Last active</th></tr></thead>
          <tbody>
          {{#rows}}<tr data-user-id="{{id}}" class="presence-{{status}}"><td>{{name}} <small>{{role}}</small></td>
            <td><span class="presence-badge presence-{{status}}">{{status}}</span>{{#reachable}} <span class="reachable">reachable</span>{{/reachable}}</td>
            <td>{{openTickets}}</td><td>{{groups}}</td><td>{{backAt}}</td><td>{{note}}</td><td>{{lastActive}}</td></tr>{{/rows}}
          </tbody>
        </table>
        <h2>Waiting for an agent</h2>
        <ul id="routing-queue">{{#waiting}}<li>{{group}}: {{count}}</li>{{/waiting}}{{^hasWaiting}}<li class="empty">Nothing is waiting.</li>{{/hasWaiting}}</ul>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
