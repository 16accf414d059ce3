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
    ]
}
