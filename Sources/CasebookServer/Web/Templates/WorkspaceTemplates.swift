extension PageTemplates {
    static let workspace: [(String, String)] = [
        ("views-nav", #"""
        <nav id="views" aria-label="Views">
          <h2 class="visually-hidden">Views</h2>
          <ul>
          {{#views}}
            <li><a class="view-link{{#current}} current{{/current}}" data-view="{{key}}" href="/agent/views/{{key}}"{{#current}} aria-current="page"{{/current}}>{{title}} <span class="count" data-count-for="{{key}}">{{count}}</span></a></li>
          {{/views}}
          </ul>
        </nav>
        """#),
        ("ticket-table", #"""
        <table id="ticket-list">
          <caption class="visually-hidden">Tickets</caption>
          <thead><tr><th scope="col">#</th><th scope="col">Subject</th><th scope="col">Requester</th><th scope="col">Status</th>
            <th scope="col">Priority</th><th scope="col">Group</th><th scope="col">Assignee</th><th scope="col">SLA</th><th scope="col">Updated</th></tr></thead>
          <tbody>
          {{#rows}}
            <tr data-ticket-id="{{id}}"{{#slaClass}} class="{{slaClass}}"{{/slaClass}}>
              <td>{{id}}</td>
              <td><a class="ticket-link" href="/agent/tickets/{{id}}">{{subject}}</a></td>
              <td>{{requester}}</td>
              <td><span class="status status-{{status}}">{{status}}</span></td>
              <td>{{#priority}}<span class="priority priority-{{priority}}">{{priority}}</span>{{/priority}}</td>
              <td>{{group}}</td>
              <td>{{assignee}}</td>
              <td>{{#sla}}<span class="sla-badge">{{sla}}</span>{{/sla}}</td>
              <td><time datetime="{{updatedISO}}">{{updated}}</time></td>
            </tr>
          {{/rows}}
          {{^rows}}<tr><td colspan="9" class="empty">No tickets here.</td></tr>{{/rows}}
          </tbody>
        </table>
        <nav class="pager" aria-label="Pages">
          {{#prevHref}}<a rel="prev" href="{{prevHref}}">← Previous</a>{{/prevHref}}
          <span>Page {{page}} of {{pages}}</span>
          {{#nextHref}}<a rel="next" href="{{nextHref}}">Next →</a>{{/nextHref}}
        </nav>
        """#),
        ("view", #"""
        {{<layout}}
        {{$main}}
        <div class="workspace">
          {{> views-nav}}
          <section class="list" aria-labelledby="view-title">
            <div class="list-head">
              <h1 id="view-title">{{title}}</h1>
              <form class="sort" method="get" action="/agent/views/{{key}}">
                <label for="sort">Sort by</label>
                <select id="sort" name="sort">{{#sorts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sorts}}</select>
                <button type="submit">Sort</button>
              </form>
            </div>
            <p class="query">Query: <code>{{query}}</code> · <span id="result-count">{{total}} tickets</span></p>
            {{> ticket-table}}
          </section>
        </div>
        {{/main}}
        {{/layout}}
        """#),
        ("search", #"""
        {{<layout}}
        {{$main}}
        <div class="workspace">
          {{> views-nav}}
          <section class="list" aria-labelledby="search-title">
            <h1 id="search-title">Search</h1>
            <form class="search-page" method="get" action="/agent/search" role="search">
              <label for="search-q">Query</label>
              <input id="search-q" name="q" type="search" value="{{query}}">
              <button type="submit">Search</button>
            </form>
            <p class="help">Words, "phrases", and fields: <code>status:open</code> <code>status&lt;solved</code> <code>priority:urgent</code>
              <code>assignee:me</code> <code>assignee:none</code> <code>group:"Workflows"</code> <code>tags:backorder</code>
              <code>requester:rex@example.com</code> <code>created&gt;2days</code>; a leading <code>-</code> negates.</p>
            {{#hasQuery}}<p id="result-count">{{total}} results</p>
            {{> ticket-table}}{{/hasQuery}}
          </section>
        </div>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
