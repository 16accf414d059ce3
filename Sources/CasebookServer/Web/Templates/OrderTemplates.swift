extension PageTemplates {
    static let orders: [(String, String)] = [
        ("backorder-queues", #"""
        {{<layout}}
        {{$main}}
        <h1>Backorders</h1>
        <table id="backorder-queues">
          <thead><tr><th scope="col">SKU</th><th scope="col">Waiting customers</th><th scope="col">Units</th></tr></thead>
          <tbody>
          {{#queues}}<tr><td><a href="/agent/backorders/{{sku}}">{{sku}}</a></td><td>{{entries}}</td><td>{{units}}</td></tr>{{/queues}}
          {{^hasQueues}}<tr><td colspan="3" class="empty">Nobody is waiting for stock.</td></tr>{{/hasQueues}}
          </tbody>
        </table>
        {{/main}}
        {{/layout}}
        """#),
        ("backorder-board", #"""
        {{<layout}}
        {{$main}}
        <h1>Backorder queue {{sku}}</h1>
        <p>{{count}} waiting, served top to bottom when stock arrives.{{#canReorder}} Drag a row, use its ↑ ↓ buttons, or the form, to move a customer; every move needs a reason and goes on their tickets.{{/canReorder}}</p>
        <ol id="backorder-board" class="queue-board" data-sku="{{sku}}">
          {{#rows}}<li class="queue-entry" data-entry-id="{{id}}" data-position="{{position}}"{{#canReorder}} draggable="true"{{/canReorder}}>
            <span class="queue-position">{{position}}</span>
            <strong>{{customer}}</strong> · order <span class="order">#{{orderID}}</span> · {{quantity}} × {{sku}} · waiting {{waiting}}
            <br><span class="preference">{{preference}}</span>
            {{#hasMoves}}<ul class="queue-moves">{{#moves}}<li>{{.}}</li>{{/moves}}</ul>{{/hasMoves}}
            {{#canReorder}}
            <form class="queue-move" method="post" action="/agent/backorders/{{sku}}/move">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <input type="hidden" name="entry_id" value="{{id}}">
              <button type="button" class="move-up" hidden aria-label="Move {{customer}} up one place">↑</button>
              <button type="button" class="move-down" hidden aria-label="Move {{customer}} down one place">↓</button>
              <label for="to-{{id}}">Move to</label>
              <input id="to-{{id}}" name="to" list="queue-destinations" size="6" placeholder="top, bottom or 3" required>
              <label for="reason-{{id}}">because</label>
              <input id="reason-{{id}}" name="reason" required maxlength="500">
              <button type="submit">Move</button>
            </form>
            {{/canReorder}}
          </li>{{/rows}}
        </ol>
        {{^hasRows}}<p class="empty">Nobody is waiting for {{sku}}.</p>{{/hasRows}}
        <datalist id="queue-destinations"><option value="top"><option value="bottom"></datalist>
        {{#notice}}{{#allowed}}
        <section id="delay-notice" aria-labelledby="delay-notice-title">
          <h2 id="delay-notice-title">Tell everyone waiting</h2>
          <p>Each customer gets this text as a public reply on their order's ticket (a new ticket when the order has
          none), by mail. <code>&#123;&#123;position&#125;&#125;, &#123;&#123;waiting&#125;&#125;, &#123;&#123;expected_date&#125;&#125;, &#123;&#123;incentive&#125;&#125;, &#123;&#123;product&#125;&#125;, &#123;&#123;order&#125;&#125;, &#123;&#123;customer.first_name&#125;&#125;</code>
          are filled in for each; the expected date comes from the deliveries announced for {{sku}}.</p>
          <form method="post" action="/agent/backorders/{{sku}}/delay_notice">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="notice-body">Text</label>
            <textarea id="notice-body" name="body" rows="12" cols="80" required>{{body}}</textarea>
            <fieldset><legend>Incentive for each customer</legend>
              <label><input type="radio" name="incentive" value="none"{{#isNone}} checked{{/isNone}}> None</label>
              <label><input type="radio" name="incentive" value="store_credit"{{#isCredit}} checked{{/isCredit}}> Store credit</label>
              <label for="notice-amount">amount</label> <input id="notice-amount" name="amount" value="{{amount}}" size="8" inputmode="decimal">
              <label for="notice-currency">currency</label> <input id="notice-currency" name="currency" value="{{currency}}" size="4" maxlength="3">
              <label><input type="radio" name="incentive" value="discount_code"{{#isDiscount}} checked{{/isDiscount}}> Discount code</label>
              <label for="notice-code">code (empty: one of its own for each customer)</label> <input id="notice-code" name="code" value="{{code}}" size="16">
              <label for="notice-code-description">worth</label> <input id="notice-code-description" name="code_description" value="{{codeDescription}}" size="24" placeholder="15 % off">
            </fieldset>
            <button type="submit" name="action" value="preview">Preview</button>
            <button type="submit" name="action" value="send">Send to {{count}} customers</button>
          </form>
          {{#hasPreview}}
          <h3>Preview</h3>
          <ol id="delay-notice-preview">{{#preview}}<li><strong>{{customer}}</strong>, number {{position}}: expected {{expected}}{{#hasOffer}}; {{offer}}{{/hasOffer}}
            <pre>{{text}}</pre></li>{{/preview}}</ol>
          {{/hasPreview}}
          {{#hasSent}}<h3>Sent before</h3><ul id="delay-notices-sent">{{#sent}}<li>{{.}}</li>{{/sent}}</ul>{{/hasSent}}
        </section>
        {{/allowed}}{{/notice}}
        {{/main}}
        {{/layout}}
        """#),
        ("refund-approvals", #"""
        {{<layout}}
        {{$main}}
        <h1>Refund approvals</h1>
        <p>Refunds over the requester's limit wait here for someone whose limit covers them.</p>
        <table id="refund-approvals">
          <thead><tr><th scope="col">Refund</th><th scope="col">Order</th><th scope="col">Amount</th><th scope="col">Reason</th>
            <th scope="col">Requested by</th><th scope="col">Needs</th><th scope="col">Decide</th></tr></thead>
          <tbody>
          {{#rows}}<tr data-refund-id="{{id}}"><td>#{{id}} <small>{{requestedAt}}</small></td><td>#{{orderID}}</td><td>{{amount}}</td>
            <td>{{reason}}{{#note}}<br><small>{{note}}</small>{{/note}}</td><td>{{requestedBy}}</td><td>{{approver}}</td>
            <td><form method="post" action="/agent/refunds/{{id}}/approve"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Approve</button></form>
                <form method="post" action="/agent/refunds/{{id}}/decline"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
                  <label for="decline-{{id}}" class="visually-hidden">Why decline refund #{{id}}</label>
                  <input id="decline-{{id}}" name="reason" placeholder="Why not" required><button type="submit">Decline</button></form></td></tr>{{/rows}}
          {{^hasRows}}<tr><td colspan="7" class="empty">Nothing waits for approval.</td></tr>{{/hasRows}}
          </tbody>
        </table>
        {{/main}}
        {{/layout}}
        """#),
        ("order", #"""
        {{<layout}}
        {{$main}}
        <h1>Order #{{id}}{{#externalID}} <small>({{.}})</small>{{/externalID}}</h1>
        <p>{{#ticketID}}<a href="/agent/tickets/{{.}}">← back to ticket #{{.}}</a> · {{/ticketID}}Customer <a href="/agent/users/{{customerID}}">{{customer}}</a> · ordered {{created}} · total {{total}} (shipping {{shipping}})
        {{#address}}<br>Ships to {{.}}{{/address}}</p>
        <h2>Lines</h2>
        <table id="order-lines">
          <thead><tr><th scope="col">SKU</th><th scope="col">Units</th><th scope="col">Price</th><th scope="col">State</th><th scope="col">Backorder</th></tr></thead>
          <tbody>
          {{#lines}}<tr data-line-id="{{id}}"><td>{{sku}}</td><td>{{quantity}}{{#refunded}} <small>({{.}})</small>{{/refunded}}</td><td>{{price}}</td>
            <td><span class="status">{{status}}</span></td>
            <td>{{#waiting}}place <strong class="queue-place">{{position}}</strong> in the <a href="/agent/backorders/{{sku}}">{{sku}} queue</a> · {{preference}}
              {{#canAct}}<form class="preference" method="post" action="/agent/orders/{{orderID}}/preference">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}"><input type="hidden" name="entry_id" value="{{entryID}}">{{#ticketID}}<input type="hidden" name="ticket" value="{{.}}">{{/ticketID}}
                <label for="kind-{{entryID}}">The customer wants</label>
                <select id="kind-{{entryID}}" name="kind"><option value="wait">to wait</option><option value="accept_substitutes">any variant now</option><option value="cancel_and_refund">a refund (given now)</option></select>
                <label><input type="checkbox" name="partial"> part now is fine</label>
                <label><input type="checkbox" name="by_customer" checked> the customer said so</label>
                <button type="submit">Record</button>
              </form>{{/canAct}}{{/waiting}}</td></tr>{{/lines}}
          </tbody>
        </table>
        <h2>Shipments</h2>
        <ul id="order-shipments">{{#shipments}}<li>#{{id}} {{items}} · {{status}}{{#expedited}} · <strong>expedited</strong>{{/expedited}}{{#carrier}} · {{.}}{{/carrier}}{{#tracking}} {{.}}{{/tracking}}</li>{{/shipments}}
          {{^hasShipments}}<li class="empty">Nothing shipped or ready to pick yet</li>{{/hasShipments}}</ul>
        <h2>Refunds</h2>
        <ul id="order-refunds">{{#refunds}}<li>#{{id}} {{amount}} · {{reason}} · <span class="status">{{status}}</span> · {{at}}{{#note}}<br><small>{{.}}</small>{{/note}}</li>{{/refunds}}
          {{^hasRefunds}}<li class="empty">No refunds</li>{{/hasRefunds}}</ul>
        {{#canAct}}
        <form id="refund-form" method="post" action="/agent/orders/{{id}}/refunds">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">{{#ticketID}}<input type="hidden" name="ticket" value="{{.}}">{{/ticketID}}
          <fieldset><legend>Give a refund</legend>
          <p><label for="refund-kind">What</label>
            <select id="refund-kind" name="kind"><option value="lines">units of a line</option><option value="full">everything left</option>
              <option value="shipping">shipping</option><option value="amount">an amount</option></select></p>
          <p><label for="refund-line">Line</label> <select id="refund-line" name="line_id">{{#lines}}<option value="{{id}}">{{sku}} ({{quantity}} × {{price}})</option>{{/lines}}</select>
            <label for="refund-quantity">units</label> <input id="refund-quantity" name="quantity" type="number" min="1" value="1" size="4"></p>
          <p><label for="refund-amount">Amount</label> <input id="refund-amount" name="amount" inputmode="decimal" placeholder="12.50" value="{{form.amount}}" size="8"></p>
          <p><label for="refund-reason">Reason</label> <select id="refund-reason" name="reason">{{#reasons}}<option value="{{value}}">{{label}}</option>{{/reasons}}</select></p>
          <p><label for="refund-note">Note</label> <input id="refund-note" name="note" maxlength="500" value="{{form.note}}"></p>
          <p><button type="submit">Refund</button> <small>Over your limit it becomes a request for approval.</small></p>
          </fieldset>
        </form>
        {{/canAct}}
        <p>Tickets: {{#tickets}}<a href="/agent/tickets/{{.}}">#{{.}}</a> {{/tickets}}{{^tickets}}none linked{{/tickets}}</p>
        {{/main}}
        {{/layout}}
        """#),
        ("catalogue", #"""
        {{<layout}}
        {{$main}}
        <h1>Catalogue</h1>
        {{#products}}
        <section class="product" aria-labelledby="product-{{id}}">
          <h2 id="product-{{id}}">{{name}}</h2>{{#description}}<p>{{.}}</p>{{/description}}
          <table class="variants">
            <thead><tr><th scope="col">SKU</th><th scope="col">Variant</th><th scope="col">Price</th><th scope="col">Available</th>
              <th scope="col">Reserved</th><th scope="col">Quarantined</th><th scope="col">Shipped</th><th scope="col">Waiting customers</th></tr></thead>
            <tbody>{{#variants}}<tr data-sku="{{sku}}"><td>{{sku}}</td><td>{{name}}{{#options}} <small>({{.}})</small>{{/options}}{{#bundle}}<br><small class="bundle">Bundle of {{.}}</small>{{/bundle}}</td><td>{{price}}</td>
              <td class="available">{{available}}{{#bundle}} <small>whole, from its components</small>{{/bundle}}</td><td>{{reserved}}</td><td>{{quarantined}}</td><td>{{shipped}}</td>
              <td>{{#hasWaiting}}<a href="/agent/backorders/{{sku}}">{{waiting}} in the queue</a>{{/hasWaiting}}{{^hasWaiting}}none{{/hasWaiting}}</td></tr>{{/variants}}</tbody>
          </table>
        </section>
        {{/products}}
        {{^products}}<p class="empty">No products yet: add them through the API or a Shopify order export.</p>{{/products}}
        {{/main}}
        {{/layout}}
        """#),
        ("receipts", #"""
        {{<layout}}
        {{$main}}
        <h1>Stock receipts</h1>
        {{#canReceive}}
        <form id="receive-form" method="post" action="/agent/receipts">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <fieldset><legend>Record a delivery</legend>
          <label for="supplier">Supplier</label> <input id="supplier" name="supplier" required maxlength="200">
          <label for="reference">Reference</label> <input id="reference" name="reference" maxlength="100">
          <label for="sku">SKU</label> <select id="sku" name="sku">{{#skus}}<option>{{.}}</option>{{/skus}}</select>
          <label for="expected">Expected</label> <input id="expected" name="expected" type="number" min="0" required size="5">
          <label for="received">Received</label> <input id="received" name="received" type="number" min="0" required size="5">
          <button type="submit">Record</button> <small>The units wait in quarantine until inspected.</small>
          </fieldset>
        </form>
        <form id="announce-form" method="post" action="/agent/receipts/announce">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <fieldset><legend>Announce a delivery</legend>
          <label for="announce-supplier">Supplier</label> <input id="announce-supplier" name="supplier" required maxlength="200">
          <label for="announce-reference">Reference</label> <input id="announce-reference" name="reference" maxlength="100">
          <label for="announce-sku">SKU</label> <select id="announce-sku" name="sku">{{#skus}}<option>{{.}}</option>{{/skus}}</select>
          <label for="announce-expected">Expected</label> <input id="announce-expected" name="expected" type="number" min="1" required size="5">
          <label for="announce-on">on</label> <input id="announce-on" name="expected_on" type="date" required>
          <button type="submit">Announce</button> <small>Nothing moves until it arrives; delay notices count it for expected dates.</small>
          </fieldset>
        </form>
        {{/canReceive}}
        {{#receipts}}
        <section class="receipt" data-receipt-id="{{id}}" aria-labelledby="receipt-{{id}}">
          <h2 id="receipt-{{id}}">#{{id}} {{supplier}}{{#reference}} · {{.}}{{/reference}} <small>{{created}} · <span class="status">{{status}}</span></small></h2>
          {{#canInspect}}<form class="inspection" method="post" action="/agent/receipts/{{id}}/inspection"><input type="hidden" name="csrf" value="{{chrome.csrf}}">{{/canInspect}}
          <table>
            <thead><tr><th scope="col">SKU</th><th scope="col">Expected</th><th scope="col">Received</th><th scope="col">Inspection</th></tr></thead>
            <tbody>{{#lines}}<tr><td>{{sku}}</td><td>{{expected}}</td><td>{{received}}</td>
              <td>{{#inspected}}{{.}}{{/inspected}}{{^inspected}}{{#canInspect}}<input type="hidden" name="sku_{{index}}" value="{{sku}}">
                <label for="good-{{id}}-{{index}}">good</label> <input id="good-{{id}}-{{index}}" name="good_{{index}}" type="number" min="0" value="{{received}}" size="5">
                <label for="defective-{{id}}-{{index}}">defective</label> <input id="defective-{{id}}-{{index}}" name="defective_{{index}}" type="number" min="0" value="0" size="5">
                <label for="reason-{{id}}-{{index}}">what is wrong</label> <input id="reason-{{id}}-{{index}}" name="reason_{{index}}" maxlength="300">{{/canInspect}}{{^canInspect}}awaiting inspection{{/canInspect}}{{/inspected}}</td></tr>{{/lines}}</tbody>
          </table>
          {{#canArrive}}<form class="arrival" method="post" action="/agent/receipts/{{id}}/arrival"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
            {{#lines}}<input type="hidden" name="sku_{{index}}" value="{{sku}}"><label for="arrived-{{id}}-{{index}}">{{sku}} received</label>
            <input id="arrived-{{id}}-{{index}}" name="received_{{index}}" type="number" min="0" value="{{expected}}" size="5"> {{/lines}}
            <button type="submit">It arrived</button> <small>The units wait in quarantine until inspected.</small></form>{{/canArrive}}
          {{#canInspect}}{{#canAllocate}}<label><input type="checkbox" name="allocate" checked> allocate the good units to the queue now</label>{{/canAllocate}}
            <button type="submit">Record the inspection</button></form>{{/canInspect}}
          {{#claims}}<p class="claim">{{.}}</p>{{/claims}}
        </section>
        {{/receipts}}
        {{^receipts}}<p class="empty">No deliveries recorded yet.</p>{{/receipts}}
        {{/main}}
        {{/layout}}
        """#),
    ]
}
