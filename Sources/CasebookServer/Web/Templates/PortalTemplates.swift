extension PageTemplates {
    static let portal: [(String, String)] = [
        ("portal-list", #"""
        {{<layout}}
        {{$main}}
        <div class="list-head">
          <h1>Your requests</h1>
          <a id="your-orders" href="/portal/orders">Your orders</a>
          <a id="your-returns" href="/portal/rmas">Your returns</a>
          <a id="new-request" class="button" href="/portal/requests/new">New request</a>
        </div>
        <table id="request-list">
          <caption class="visually-hidden">Your requests</caption>
          <thead><tr><th scope="col">#</th><th scope="col">Subject</th><th scope="col">Requester</th><th scope="col">Status</th><th scope="col">Updated</th></tr></thead>
          <tbody>
          {{#rows}}
            <tr data-request-id="{{id}}">
              <td>{{id}}</td>
              <td><a class="request-link" href="/portal/requests/{{id}}">{{subject}}</a></td>
              <td>{{requester}}</td>
              <td><span class="status status-{{status}}">{{statusLabel}}</span></td>
              <td><time datetime="{{updatedISO}}">{{updated}}</time></td>
            </tr>
          {{/rows}}
          {{^rows}}<tr><td colspan="5" class="empty">You have no requests yet.</td></tr>{{/rows}}
          </tbody>
        </table>
        <nav class="pager" aria-label="Pages">
          {{#prevHref}}<a rel="prev" href="{{prevHref}}">← Previous</a>{{/prevHref}}
          {{#nextHref}}<a rel="next" href="{{nextHref}}">Next →</a>{{/nextHref}}
        </nav>
        {{/main}}
        {{/layout}}
        """#),
        ("portal-orders", #"""
        {{<layout}}
        {{$main}}
        <div class="list-head"><h1>Your orders</h1><a href="/portal">Your requests</a></div>
        {{#orders}}
        <section class="portal-order" data-order-id="{{id}}" aria-labelledby="order-{{id}}">
          <h2 id="order-{{id}}">Order #{{id}} <small>{{created}} · {{total}}</small></h2>
          <ul>
          {{#lines}}<li>{{quantity}} × {{sku}}: {{status}}
            {{#waiting}}<br>You are number <strong class="queue-place">{{position}}</strong> in line for it. Your choice: {{preference}}.
            <form class="preference" method="post" action="/portal/orders/{{orderID}}/preference">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}"><input type="hidden" name="entry_id" value="{{entryID}}">
              <fieldset><legend>While you wait</legend>
                <label><input type="radio" name="kind" value="wait"{{#wait}} checked{{/wait}}> Wait for this exact item</label>
                <label><input type="radio" name="kind" value="accept_substitutes"{{#substitutes}} checked{{/substitutes}}> Send another colour or variant as soon as there is one</label>
                <label><input type="radio" name="kind" value="cancel_and_refund"> Cancel it and refund me now</label>
                <label><input type="checkbox" name="partial"{{#partial}} checked{{/partial}}> Send part of it now if only some is in stock</label>
                <button type="submit">Save my choice</button>
              </fieldset>
            </form>{{/waiting}}</li>{{/lines}}
          </ul>
          {{#shipments}}<p class="shipment">Shipment: {{.}}</p>{{/shipments}}
        </section>
        {{/orders}}
        {{^orders}}<p class="empty">You have no orders with us yet.</p>{{/orders}}
        {{/main}}
        {{/layout}}
        """#),
        ("portal-new", #"""
        {{<layout}}
        {{$head}}<script src="/hc/deflection.js" defer></script>{{/head}}
        {{$main}}
        <div class="narrow">
        <h1>New request</h1>
        <form id="new-request-form" method="post" action="/portal/requests" enctype="multipart/form-data">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <input type="hidden" name="deflection_form" value="{{deflectionForm}}">
          <p><label for="subject">Subject</label> <input id="subject" name="subject" required maxlength="250" value="{{subject}}"></p>
          <div id="deflection-suggestions" class="deflection" data-deflection hidden></div>
          <p class="hc-hint">Your answer may already be in the <a href="/hc" id="portal-help-center">help center</a>.</p>
          <p><label for="body">How can we help?</label> <textarea id="body" name="body" rows="8" required>{{body}}</textarea></p>
          <p><label for="files">Attach files (photos, screenshots, invoices)</label> <input id="files" name="files" type="file" multiple></p>
          <p><button type="submit">Submit request</button></p>
        </form>
        </div>
        {{/main}}
        {{/layout}}
        """#),
        ("portal-request", #"""
        {{<layout}}
        {{$main}}
        <p class="crumbs"><a href="/portal">Your requests</a> › #{{request.id}}</p>
        <h1 id="request-subject">{{request.subject}}</h1>
        <p>Status: <span class="status status-{{request.status}}">{{request.statusLabel}}</span></p>
        <ol id="conversation" aria-label="Conversation">
        {{#messages}}
          <li class="message{{#fromSupport}} from-support{{/fromSupport}}">
            <div class="entry-head"><span class="author">{{author}}</span> <time datetime="{{whenISO}}">{{when}}</time></div>
            <div class="body">{{{html}}}</div>
            <ul class="attachments">{{#files}}<li><a href="{{path}}">{{name}}</a> <span class="size">{{size}}</span></li>{{/files}}</ul>
          </li>
        {{/messages}}
        </ol>
        {{#open}}
        <form id="reply-form" method="post" action="/portal/requests/{{request.id}}/comments" enctype="multipart/form-data">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="body">Your reply</label> <textarea id="body" name="body" rows="6">{{draft}}</textarea></p>
          <p><label for="files">Attach files</label> <input id="files" name="files" type="file" multiple></p>
          <p><label><input type="checkbox" name="solved" value="1"> This solves my request</label></p>
          <p><button type="submit">Send</button></p>
        </form>
        {{/open}}
        {{^open}}<p>This request is {{request.statusLabel}}. To follow up, <a href="/portal/requests/new">open a new request</a>.</p>{{/open}}
        {{#canRate}}<p id="satisfaction-prompt"><a href="/portal/requests/{{request.id}}/satisfaction">How would you rate the support you received?</a></p>{{/canRate}}
        {{/main}}
        {{/layout}}
        """#),
    ]
}
