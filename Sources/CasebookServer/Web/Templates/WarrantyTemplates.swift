extension PageTemplates {
    /// The warranties page and the admins' RMA policy. Every value is escaped (`{{…}}`): coverage, caveats and step
    /// titles are typed by people.
    static let warranties: [(String, String)] = [
        ("warranties", #"""
        {{<layout}}
        {{$main}}
        <h1>Warranties</h1>
        <p>Each product's warranty terms and the troubleshooting steps an RMA of a kind needs first.</p>
        {{#products}}
        <section class="warranty" id="warranty-{{id}}" data-product-id="{{id}}" aria-labelledby="warranty-{{id}}-title">
          <h2 id="warranty-{{id}}-title">{{name}}</h2>
          {{#hasTerms}}
          <dl class="summary">
            <div><dt>Warranty</dt><dd>{{months}} months</dd></div>
            <div><dt>Covers</dt><dd>{{coverage}}</dd></div>
            <div><dt>Faulty unit due back</dt><dd>{{returnDays}} days after an advance replacement ships</dd></div>
            <div><dt>Caveats</dt>{{#caveats}}<dd class="caveat">{{.}}</dd>{{/caveats}}</div>
            {{#updated}}<div><dt>Updated</dt><dd>{{.}}</dd></div>{{/updated}}
          </dl>
          {{/hasTerms}}
          {{^hasTerms}}<p class="empty">No warranty terms yet.</p>{{/hasTerms}}
          <h3>Troubleshooting checklist</h3>
          {{#hasSteps}}
          <ol class="checklist">{{#steps}}<li><strong>{{title}}</strong> <code>{{key}}</code> — {{kinds}}</li>{{/steps}}</ol>
          {{/hasSteps}}
          {{^hasSteps}}<p class="empty">No checklist.</p>{{/hasSteps}}
          {{#canEdit}}
          <details{{#refused}} open{{/refused}}>
            <summary>Edit the terms and checklist of {{name}}</summary>
            {{#form}}
            <form class="warranty-form" method="post" action="/agent/warranties/{{id}}">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <p><label for="months-{{id}}">Months</label> <input id="months-{{id}}" name="months" inputmode="numeric" value="{{months}}"></p>
              <p><label for="coverage-{{id}}">Coverage</label> <input id="coverage-{{id}}" name="coverage" value="{{coverage}}"></p>
              <p><label for="caveats-{{id}}">Caveats, one per line</label><br>
                <textarea id="caveats-{{id}}" name="caveats" rows="3" cols="60">{{caveats}}</textarea></p>
              <p><label for="return-days-{{id}}">Return days</label> <input id="return-days-{{id}}" name="return_days" inputmode="numeric" value="{{returnDays}}"></p>
              <p><label for="checklist-{{id}}">Checklist, one step per line: <code>key | title | kind, kind</code> (kinds: {{kinds}})</label><br>
                <textarea id="checklist-{{id}}" name="checklist" rows="5" cols="80">{{checklist}}</textarea></p>
              <button type="submit">Save</button>
            </form>
            {{/form}}
          </details>
          {{/canEdit}}
        </section>
        {{/products}}
        {{^hasProducts}}<p class="empty">No products in the catalogue.</p>{{/hasProducts}}
        {{/main}}
        {{/layout}}
        """#),
        ("admin-rma-policy", #"""
        {{<layout}}
        {{$main}}
        <h1>RMA policy</h1>
        <section aria-labelledby="rma-policy-meaning">
          <h2 id="rma-policy-meaning">What the rules say</h2>
          <dl id="rma-policy-words">
            {{#kinds}}<div><dt>{{label}}</dt>{{#meaning}}<dd>{{.}}</dd>{{/meaning}}</div>{{/kinds}}
          </dl>
          <p>{{outOfWarrantyMeaning}}</p>
          <p>{{overrideMeaning}}</p>
        </section>
        <form id="rma-policy-form" method="post" action="/admin/rma-policy">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p>Per kind, one tier a line: the value in minor units it goes up to (25000 is 250.00; <code>any</code> for no limit) and the
            role that approves it and everything above, e.g. <code>25000 agent</code> then <code>any lead</code>.</p>
          {{#kinds}}
          <p><label for="tiers-{{key}}">{{label}}</label><br>
            <textarea id="tiers-{{key}}" name="tiers_{{key}}" rows="3" cols="40">{{tiers}}</textarea></p>
          {{/kinds}}
          <p><label for="out-of-warranty">Out of warranty needs</label>
            <select id="out-of-warranty" name="out_of_warranty">{{#outOfWarranty}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outOfWarranty}}</select></p>
          <p><label for="checklist-override-role">An incomplete checklist may be overridden by</label>
            <select id="checklist-override-role" name="checklist_override_role">{{#overrideRoles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/overrideRoles}}</select></p>
          <button type="submit">Save</button>
        </form>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
