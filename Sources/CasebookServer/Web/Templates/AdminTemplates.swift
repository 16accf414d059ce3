extension PageTemplates {
    static let admin: [(String, String)] = [
        ("admin-users", #"""
        {{<layout}}
        {{$main}}
        <h1>People</h1>
        <table id="user-list">
          <caption class="visually-hidden">People</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">State</th></tr></thead>
          <tbody>
          {{#users}}<tr data-user-id="{{id}}"><td><a href="/admin/users/{{id}}">{{name}}</a></td><td>{{email}}</td><td>{{role}}</td>
            <td>{{#active}}Active{{/active}}{{^active}}Disabled{{/active}}</td></tr>{{/users}}
          </tbody>
        </table>
        <nav class="pager" aria-label="Pages">
          {{#prevHref}}<a rel="prev" href="{{prevHref}}">← Previous</a>{{/prevHref}}
          {{#nextHref}}<a rel="next" href="{{nextHref}}">Next →</a>{{/nextHref}}
        </nav>
        <h2>Add a person</h2>
        <form id="new-user-form" method="post" action="/admin/users">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="name">Name</label> <input id="name" name="name" required></p>
          <p><label for="email">Email</label> <input id="email" name="email" type="email" required></p>
          <p><label for="role">Role</label> <select id="role" name="role">{{#roles}}<option value="{{.}}">{{.}}</option>{{/roles}}</select></p>
          <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="new-password" aria-describedby="pw-help">
             <small id="pw-help">At least 10 characters; leave empty for customers who sign in by link.</small></p>
          <p><button type="submit">Add</button></p>
        </form>
        {{/main}}
        {{/layout}}
        """#),
        ("admin-user", #"""
        {{<layout}}
        {{$main}}
        <p class="crumbs"><a href="/admin/users">People</a> › {{user.name}}</p>
        <h1>{{user.name}}</h1>
        <p>{{user.email}} · {{user.role}} · {{#user.active}}Active{{/user.active}}{{^user.active}}Disabled{{/user.active}}</p>
        {{#newToken}}<div class="flash flash-notice" role="status">New API token (shown once): <code id="new-token">{{newToken}}</code></div>{{/newToken}}
        <section aria-labelledby="pw-heading">
          <h2 id="pw-heading">Reset password</h2>
          <form id="reset-password-form" method="post" action="/admin/users/{{user.id}}/password">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="password">New password</label> <input id="password" name="password" type="password" autocomplete="new-password" required></p>
            <p><button type="submit">Set password</button> <small>Signs them out everywhere.</small></p>
          </form>
        </section>
        <section aria-labelledby="state-heading">
          <h2 id="state-heading">Access</h2>
          {{#user.active}}
          <form id="disable-form" method="post" action="/admin/users/{{user.id}}/disable">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <button type="submit">Disable this person</button>
          </form>
          {{/user.active}}
          {{^user.active}}
          <form id="enable-form" method="post" action="/admin/users/{{user.id}}/enable">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <button type="submit">Enable this person</button>
          </form>
          {{/user.active}}
        </section>
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">API tokens</h2>
          <table id="token-list">
            <thead><tr><th scope="col">Description</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"></th></tr></thead>
            <tbody>
            {{#tokens}}<tr data-token-id="{{id}}"><td>{{description}}</td><td>{{created}}</td><td>{{lastUsed}}</td>
              <td><form class="revoke-token-form" method="post" action="/admin/users/{{userID}}/tokens/{{id}}/revoke">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Revoke</button></form></td></tr>{{/tokens}}
            {{^tokens}}<tr><td colspan="4" class="empty">No tokens.</td></tr>{{/tokens}}
            </tbody>
          </table>
          <form id="new-token-form" method="post" action="/admin/users/{{user.id}}/tokens">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="description">Description</label> <input id="description" name="description" required></p>
            <p><button type="submit">Issue token</button></p>
          </form>
        </section>
        {{/main}}
        {{/layout}}
        """#),
        ("admin-views", #"""
        {{<layout}}
        {{$main}}
        <h1>Views</h1>
        <p>Built-in views (My open tickets, Unassigned, Urgent, Recently updated, Solved this week and one per group) are always there.
           Shared views below are defined by a search query.</p>
        <table id="view-list">
          <thead><tr><th scope="col">Title</th><th scope="col">Query</th><th scope="col">Sort</th><th scope="col"></th></tr></thead>
          <tbody>
          {{#views}}<tr data-view-id="{{id}}"><td><a href="/agent/views/custom-{{id}}">{{title}}</a></td><td><code>{{query}}</code></td><td>{{sort}}</td>
            <td><form method="post" action="/admin/views/{{id}}/delete"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Delete</button></form></td></tr>{{/views}}
          {{^views}}<tr><td colspan="4" class="empty">No shared views yet.</td></tr>{{/views}}
          </tbody>
        </table>
        <h2>New view</h2>
        <form id="new-view-form" method="post" action="/admin/views">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="title">Title</label> <input id="title" name="title" required value="{{draft.title}}"></p>
          <p><label for="query">Query</label> <input id="query" name="query" required value="{{draft.query}}" placeholder="status&lt;solved tags:backorder"></p>
          <p><label for="sort">Sort by</label> <select id="sort" name="sort">{{#sorts}}<option value="{{.}}">{{.}}</option>{{/sorts}}</select></p>
          <p><button type="submit">Add view</button></p>
        </form>
        {{/main}}
        {{/layout}}
        """#),
        ("admin-macros", #"""
        {{<layout}}
        {{$main}}
        <h1>Macros</h1>
        <table id="macro-list">
          <thead><tr><th scope="col">Title</th><th scope="col">Actions</th><th scope="col"></th></tr></thead>
          <tbody>
          {{#macros}}<tr data-macro-id="{{id}}"><td>{{title}}</td><td>{{summary}}</td>
            <td><form method="post" action="/admin/macros/{{id}}/delete"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Delete</button></form></td></tr>{{/macros}}
          {{^macros}}<tr><td colspan="3" class="empty">No macros yet.</td></tr>{{/macros}}
          </tbody>
        </table>
        <h2>New macro</h2>
        <form id="new-macro-form" method="post" action="/admin/macros">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="title">Title</label> <input id="title" name="title" required></p>
          <p><label for="body">Reply text</label> <textarea id="body" name="body" rows="5" aria-describedby="ph-help"></textarea>
             <small id="ph-help">Placeholders: {{#placeholders}}<code>{{.}}</code> {{/placeholders}}</small></p>
          <p><label><input type="checkbox" name="internal" value="1"> Add as an internal note</label></p>
          <p><label for="status">Set status</label> <select id="status" name="status"><option value="">(unchanged)</option>{{#statuses}}<option value="{{.}}">{{.}}</option>{{/statuses}}</select></p>
          <p><label for="priority">Set priority</label> <select id="priority" name="priority"><option value="">(unchanged)</option>{{#priorities}}<option value="{{.}}">{{.}}</option>{{/priorities}}</select></p>
          <p><label for="group_id">Set group</label> <select id="group_id" name="group_id"><option value="">(unchanged)</option>{{#groups}}<option value="{{id}}">{{name}}</option>{{/groups}}</select></p>
          <p><label for="add_tags">Add tags</label> <input id="add_tags" name="add_tags"></p>
          <p><label for="remove_tags">Remove tags</label> <input id="remove_tags" name="remove_tags"></p>
          <p><button type="submit">Add macro</button></p>
        </form>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
