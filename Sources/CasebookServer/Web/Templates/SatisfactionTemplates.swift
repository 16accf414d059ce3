extension PageTemplates {
    static let satisfaction: [(String, String)] = [
        ("satisfaction-survey", #"""
        {{<layout}}
        {{$main}}
        <div class="narrow" id="satisfaction-survey">
        <h1>How would you rate the support you received?</h1>
        {{#saved}}<p id="satisfaction-thanks" class="flash flash-notice" role="status">Thank you: your rating{{#current}} ({{current}}){{/current}} is recorded. You can change it within 7 days.</p>{{/saved}}
        {{#subject}}<p>Request #{{ticketID}}: <strong>{{subject}}</strong></p>{{/subject}}
        {{^valid}}<p id="satisfaction-problem">{{problem}}</p>{{/valid}}
        {{#valid}}
        <form id="satisfaction-form" method="post" action="{{action}}">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <fieldset>
            <legend>Your rating</legend>
            <p><label><input type="radio" name="score" value="good"{{#good}} checked{{/good}}> Good, I'm satisfied</label></p>
            <p><label><input type="radio" name="score" value="bad"{{#bad}} checked{{/bad}}> Bad, I'm unsatisfied</label></p>
          </fieldset>
          <p><label for="reason_code">If bad, why?</label>
            <select id="reason_code" name="reason_code">
            {{#reasons}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/reasons}}
            </select></p>
          <p><label for="comment">Comment (optional)</label> <textarea id="comment" name="comment" rows="4" maxlength="2000">{{comment}}</textarea></p>
          <p><button type="submit">Send rating</button></p>
        </form>
        {{/valid}}
        </div>
        {{/main}}
        {{/layout}}
        """#),
        ("nps-survey", #"""
        {{<layout}}
        {{$main}}
        <div class="narrow" id="nps-survey">
        <h1>How likely are you to recommend us?</h1>
        {{#saved}}<p id="nps-thanks" class="flash flash-notice" role="status">Thank you: your answer is recorded.</p>{{/saved}}
        {{^saved}}{{^valid}}<p id="nps-problem">{{problem}}</p>{{/valid}}{{/saved}}
        {{#valid}}
        <form id="nps-form" method="post" action="{{action}}">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <fieldset>
            <legend>0 = not at all likely, 10 = extremely likely</legend>
            <p>{{#scores}}<label class="nps-score"><input type="radio" name="score" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label> {{/scores}}</p>
          </fieldset>
          <p><label for="comment">Anything you would like to tell us? (optional)</label> <textarea id="comment" name="comment" rows="4" maxlength="2000">{{comment}}</textarea></p>
          <p><button type="submit">Send</button></p>
        </form>
        {{/valid}}
        </div>
        {{/main}}
        {{/layout}}
        """#),
        ("admin-satisfaction", #"""
        {{<layout}}
        {{$main}}
        <div class="narrow">
        <h1>Satisfaction and loyalty</h1>
        <p>After a ticket is solved, Casebook looks at what the customer did next: an order within the bought-again window
        counts as <em>bought again</em>, a refund or cancelled order line in it as <em>cancelled or refunded</em>; no order and
        no new ticket until the silence window elapsed counts as <em>silent</em>.</p>
        <form id="satisfaction-settings-form" method="post" action="/admin/satisfaction">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="bought_again_days">Bought-again window (days)</label>
            <input id="bought_again_days" name="bought_again_days" inputmode="numeric" value="{{boughtAgainDays}}"></p>
          <p><label for="silence_days">Silence window (days)</label>
            <input id="silence_days" name="silence_days" inputmode="numeric" value="{{silenceDays}}"></p>
          <p><label><input type="checkbox" name="nps_enabled" value="1"{{#npsEnabled}} checked{{/npsEnabled}}>
            Ask "How likely are you to recommend us?" (0–10) after a solve, at most once a quarter per customer</label></p>
          <p><button type="submit">Save</button></p>
        </form>
        </div>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
