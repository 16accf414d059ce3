extension PageTemplates {
    static let adminRouting: [(String, String)] = [
        ("admin-routing", #"""
        {{<layout}}
        {{$main}}
        <h1>Routing</h1>
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">Routing rules</h2>
          <p>Checked in order for every new ticket; the first that matches chooses the group, skills, priority and tags.</p>
          <table id="routing-rules">
            <thead><tr><th scope="col">#</th><th scope="col">Rule</th><th scope="col">When</th><th scope="col">Then</th><th scope="col"></th></tr></thead>
            <tbody>
            {{#rules}}<tr data-rule-id="{{id}}"><td>{{position}}</td><td>{{title}}{{^active}} (inactive){{/active}}</td><td>{{conditions}}</td><td>{{actions}}</td>
              <td><form method="post" action="/admin/routing/rules/{{id}}/delete"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Delete</button></form></td></tr>{{/rules}}
            </tbody>
          </table>
          <h3>Add a rule</h3>
          <form id="new-rule-form" method="post" action="/admin/routing/rules">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="rule-title">Title</label> <input id="rule-title" name="title" required></p>
            <fieldset><legend>When (all of)</legend>
              <p><label for="field1" class="visually-hidden">Field 1</label><select id="field1" name="field1">{{#fields}}<option value="{{value}}">{{label}}</option>{{/fields}}</select>
                 <label for="operator1" class="visually-hidden">Operator 1</label><select id="operator1" name="operator1">{{#operators}}<option value="{{value}}">{{label}}</option>{{/operators}}</select>
                 <label for="value1" class="visually-hidden">Value 1</label><input id="value1" name="value1"></p>
              <p><label for="field2" class="visually-hidden">Field 2</label><select id="field2" name="field2">{{#fields}}<option value="{{value}}">{{label}}</option>{{/fields}}</select>
                 <label for="operator2" class="visually-hidden">Operator 2</label><select id="operator2" name="operator2">{{#operators}}<option value="{{value}}">{{label}}</option>{{/operators}}</select>
                 <label for="value2" class="visually-hidden">Value 2</label><input id="value2" name="value2"></p>
              <p><label for="field3" class="visually-hidden">Field 3</label><select id="field3" name="field3">{{#fields}}<option value="{{value}}">{{label}}</option>{{/fields}}</select>
                 <label for="operator3" class="visually-hidden">Operator 3</label><select id="operator3" name="operator3">{{#operators}}<option value="{{value}}">{{label}}</option>{{/operators}}</select>
                 <label for="value3" class="visually-hidden">Value 3</label><input id="value3" name="value3"></p>
            </fieldset>
            <fieldset><legend>Then</legend>
              <p><label for="rule-group">Group</label> <select id="rule-group" name="group_id">{{#groupOptions}}<option value="{{value}}">{{label}}</option>{{/groupOptions}}</select></p>
              <p><label for="rule-skills">Required skills</label> <input id="rule-skills" name="skills" placeholder="hardware language:de"></p>
              <p><label for="rule-priority">Priority</label> <select id="rule-priority" name="priority">{{#priorities}}<option value="{{value}}">{{label}}</option>{{/priorities}}</select></p>
              <p><label for="rule-tags">Add tags</label> <input id="rule-tags" name="add_tags"></p>
            </fieldset>
            <p><button type="submit">Add rule</button></p>
          </form>
        </section>
        <section aria-labelledby="groups-heading">
          <h2 id="groups-heading">Groups</h2>
          <table id="group-routing">
            <thead><tr><th scope="col">Group</th><th scope="col">Members</th><th scope="col">Waiting</th><th scope="col">Routing, business hours and required skills</th></tr></thead>
            <tbody>
            {{#groups}}<tr data-group-id="{{id}}"><td>{{name}}</td><td>{{members}}</td><td>{{waiting}}</td><td>
              <form method="post" action="/admin/routing/groups/{{id}}"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <label for="mode-{{id}}" class="visually-hidden">Mode for {{name}}</label>
                <select id="mode-{{id}}" name="mode">{{#modes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/modes}}</select>
                <label for="schedule-{{id}}" class="visually-hidden">Business hours for {{name}}</label>
                <select id="schedule-{{id}}" name="schedule_id">{{#schedules}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/schedules}}</select>
                <label for="group-skills-{{id}}" class="visually-hidden">Skills every ticket of {{name}} needs</label>
                <input id="group-skills-{{id}}" name="skills" value="{{skills}}" placeholder="skills, e.g. language:de">
                <button type="submit">Save</button></form></td></tr>{{/groups}}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="agents-heading">
          <h2 id="agents-heading">Agents</h2>
          <table id="agent-routing">
            <thead><tr><th scope="col">Agent</th><th scope="col">Skills and capacity (most open tickets)</th></tr></thead>
            <tbody>
            {{#agents}}<tr data-user-id="{{id}}"><td>{{name}} <small>{{role}}</small></td><td>
              <form method="post" action="/admin/routing/agents/{{id}}"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <label for="skills-{{id}}" class="visually-hidden">Skills of {{name}}</label><input id="skills-{{id}}" name="skills" value="{{skills}}">
                <label for="capacity-{{id}}" class="visually-hidden">Capacity of {{name}}</label><input id="capacity-{{id}}" name="capacity" value="{{capacity}}" size="4" inputmode="numeric">
                <button type="submit">Save</button></form></td></tr>{{/agents}}
            </tbody>
          </table>
        </section>
        {{/main}}
        {{/layout}}
        """#),
        ("admin-sla", #"""
        {{<layout}}
        {{$main}}
        <h1>SLAs</h1>
        <section aria-labelledby="schedules-heading">
          <h2 id="schedules-heading">Business hours</h2>
          <table id="schedules">
            <thead><tr><th scope="col">Schedule</th><th scope="col">Time zone</th><th scope="col">Hours</th><th scope="col">Holidays</th><th scope="col"></th></tr></thead>
            <tbody>
            {{#schedules}}<tr data-schedule-id="{{id}}"><td>{{name}}</td><td>{{timeZone}}</td><td>{{hours}}</td><td>{{holidays}}
              <form method="post" action="/admin/sla/schedules/{{id}}/holidays"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <label for="holiday-name-{{id}}" class="visually-hidden">Holiday name</label><input id="holiday-name-{{id}}" name="name" placeholder="Christmas Day">
                <label for="holiday-start-{{id}}" class="visually-hidden">From</label><input id="holiday-start-{{id}}" name="start_date" placeholder="2026-12-25">
                <label for="holiday-end-{{id}}" class="visually-hidden">To</label><input id="holiday-end-{{id}}" name="end_date" placeholder="2026-12-26">
                <button type="submit">Add holiday</button></form></td>
              <td><form method="post" action="/admin/sla/schedules/{{id}}/delete"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Delete</button></form></td></tr>{{/schedules}}
            </tbody>
          </table>
          <h3>Add business hours</h3>
          <form id="new-schedule-form" method="post" action="/admin/sla/schedules">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="schedule-name">Name</label> <input id="schedule-name" name="name" required></p>
            <p><label for="time_zone">Time zone</label> <input id="time_zone" name="time_zone" value="Europe/Berlin" required></p>
            <fieldset><legend>Days</legend>
              <label><input type="checkbox" name="day1" value="1" checked> Mon</label> <label><input type="checkbox" name="day2" value="1" checked> Tue</label>
              <label><input type="checkbox" name="day3" value="1" checked> Wed</label> <label><input type="checkbox" name="day4" value="1" checked> Thu</label>
              <label><input type="checkbox" name="day5" value="1" checked> Fri</label> <label><input type="checkbox" name="day6" value="1"> Sat</label>
              <label><input type="checkbox" name="day0" value="1"> Sun</label>
            </fieldset>
            <p><label for="hours">Hours</label> <input id="hours" name="hours" value="09:00-17:00" aria-describedby="hours-help">
               <small id="hours-help">Several intervals separated by commas: 08:00-12:00, 13:00-17:00</small></p>
            <p><button type="submit">Add schedule</button></p>
          </form>
        </section>
        <section aria-labelledby="policies-heading">
          <h2 id="policies-heading">SLA policies</h2>
          <p>The first policy that matches a ticket applies.</p>
          <table id="sla-policies">
            <thead><tr><th scope="col">#</th><th scope="col">Policy</th><th scope="col">Applies to</th><th scope="col">Targets</th><th scope="col">Details</th><th scope="col"></th></tr></thead>
            <tbody>
            {{#policies}}<tr data-policy-id="{{id}}"><td>{{position}}</td><td>{{title}}</td><td>{{filter}}</td><td>{{targets}}</td><td>{{extras}}</td>
              <td><form method="post" action="/admin/sla/policies/{{id}}/delete"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Delete</button></form></td></tr>{{/policies}}
            </tbody>
          </table>
          <h3>Add a policy</h3>
          <form id="new-policy-form" method="post" action="/admin/sla/policies">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="policy-title">Title</label> <input id="policy-title" name="title" required></p>
            <fieldset><legend>Applies to</legend>
              <p><label for="policy-priority">Priority</label> <select id="policy-priority" name="priority">{{#priorities}}<option value="{{value}}">{{label}}</option>{{/priorities}}</select>
                 <label for="policy-group">Group</label> <select id="policy-group" name="group_id">{{#groupOptions}}<option value="{{value}}">{{label}}</option>{{/groupOptions}}</select>
                 <label for="policy-tags">Tags</label> <input id="policy-tags" name="tags"></p>
            </fieldset>
            <fieldset><legend>Targets in minutes, per priority</legend>
              <table><thead><tr><th scope="col">Metric</th><th scope="col">low</th><th scope="col">normal</th><th scope="col">high</th><th scope="col">urgent</th></tr></thead>
              <tbody>{{#metrics}}<tr><th scope="row">{{label}}</th>
                <td><label class="visually-hidden" for="{{key}}_low">{{label}} low</label><input id="{{key}}_low" name="{{key}}_low" size="5" inputmode="numeric"></td>
                <td><label class="visually-hidden" for="{{key}}_normal">{{label}} normal</label><input id="{{key}}_normal" name="{{key}}_normal" size="5" inputmode="numeric"></td>
                <td><label class="visually-hidden" for="{{key}}_high">{{label}} high</label><input id="{{key}}_high" name="{{key}}_high" size="5" inputmode="numeric"></td>
                <td><label class="visually-hidden" for="{{key}}_urgent">{{label}} urgent</label><input id="{{key}}_urgent" name="{{key}}_urgent" size="5" inputmode="numeric"></td></tr>{{/metrics}}
              </tbody></table>
              <p><label><input type="checkbox" name="business_hours" value="1"> Count business hours only</label>
                 <label for="policy-schedule">Hours</label> <select id="policy-schedule" name="schedule_id">{{#scheduleOptions}}<option value="{{value}}">{{label}}</option>{{/scheduleOptions}}</select></p>
              <p><label><input type="checkbox" name="pause_pending" value="1" checked> Pause while pending</label>
                 <label><input type="checkbox" name="pause_hold" value="1"> Pause while on hold</label></p>
            </fieldset>
            <fieldset><legend>On breach</legend>
              <p><label for="lead_minutes">Act this many minutes before the breach</label> <input id="lead_minutes" name="lead_minutes" size="5" value="0"></p>
              <p><label for="raise_priority_to">Raise priority to</label> <select id="raise_priority_to" name="raise_priority_to">{{#priorities}}<option value="{{value}}">{{label}}</option>{{/priorities}}</select>
                 <label for="escalation_group_id">Move to group</label> <select id="escalation_group_id" name="escalation_group_id">{{#groupOptions}}<option value="{{value}}">{{label}}</option>{{/groupOptions}}</select></p>
              <p><label><input type="checkbox" name="notify_leads" value="1" checked> Tell the group's leads and managers</label>
                 <label for="escalation_tags">Add tags</label> <input id="escalation_tags" name="escalation_tags" value="sla_breach"></p>
            </fieldset>
            <p><button type="submit">Add policy</button></p>
          </form>
        </section>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
