/// The Mustache templates, compiled into the binary. Each group of pages keeps its templates in its own file.
enum PageTemplates {
    static var all: [(String, String)] {
        frame + signIn + workspace + ticket + portal + admin + adminMail + team + adminRouting + user + orders + imports + rmas + conduct + followUps + knowledgeBase + warranties + satisfaction + reports
    }

    static let frame: [(String, String)] = [
        ("layout", #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{chrome.title}} · Casebook</title>
        <link rel="stylesheet" href="/assets/casebook.css">
        <script src="/assets/live.js" defer></script>
        {{$head}}{{/head}}
        </head>
        <body{{#chrome.live}} data-live="{{chrome.live}}"{{/chrome.live}}{{#chrome.ticketID}} data-ticket-id="{{chrome.ticketID}}"{{/chrome.ticketID}} data-csrf="{{chrome.csrf}}">
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <a class="brand" href="/">Casebook</a>
          <nav aria-label="Main">
            {{#chrome.isStaff}}
            <a href="/agent">Views</a>
            {{#chrome.canSeeTeam}}<a href="/agent/team">Team</a>{{/chrome.canSeeTeam}}
            <a href="/agent/catalogue">Catalogue</a>
            <a href="/agent/receipts">Receipts</a>
            {{#chrome.canManageInventory}}<a href="/agent/imports/shopify">Import orders</a>{{/chrome.canManageInventory}}
            <a href="/agent/backorders">Backorders</a>
            {{#chrome.canSeeTeam}}<a href="/agent/refunds">Refunds</a>{{/chrome.canSeeTeam}}
            <a href="/agent/rmas">RMAs</a> <a href="/agent/assets">Assets</a> <a href="/agent/warranties">Warranties</a> <a href="/agent/decisions">Decisions</a> <a href="/agent/follow-ups">Follow-ups</a> <a href="/agent/kb">Knowledge base</a> {{#chrome.canSeeTeam}}<a href="/agent/reports">Reports</a>{{/chrome.canSeeTeam}} <a id="nav-notifications" href="/agent/notifications">Notifications{{#chrome.unreadNotifications}} ({{.}} unread){{/chrome.unreadNotifications}}</a>
            <form id="search-form" class="search" method="get" action="/agent/search" role="search">
              <label for="q" class="visually-hidden">Search tickets</label>
              <input id="q" name="q" type="search" value="{{chrome.query}}" placeholder="Search: status:open printer">
              <button type="submit">Search</button>
            </form>
            {{/chrome.isStaff}}
            {{#chrome.isAdmin}}
            <a href="/admin/users">People</a>
            <a href="/admin/views">Views setup</a>
            <a href="/admin/macros">Macros</a>
            <a href="/admin/mail">Mail</a>
            <a href="/admin/routing">Routing</a>
            <a href="/admin/sla">SLAs</a>
            <a href="/admin/conduct">Conduct</a>
            <a href="/admin/rma-policy">RMA policy</a>
            <a href="/admin/satisfaction">Satisfaction</a>
            {{/chrome.isAdmin}}
            <a href="/hc" id="nav-help-center">Help center</a>
            {{#chrome.isCustomer}}
            <a href="/portal">My requests</a>
            <a href="/portal/requests/new">New request</a>
            {{/chrome.isCustomer}}
          </nav>
          {{#chrome.userName}}
          <div class="who">
            {{#chrome.isStaff}}
            <form id="presence-form" class="presence" method="post" action="/agent/presence">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <label for="presence-status" class="visually-hidden">My status</label>
              <select id="presence-status" name="status">{{#chrome.presence}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/chrome.presence}}</select>
              <button type="submit">Set</button>
              <a href="/agent/presence">Details</a>
            </form>
            {{/chrome.isStaff}}
            <span id="signed-in-as">{{chrome.userName}}</span>
            <form id="sign-out" method="post" action="/sign-out">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <button type="submit">Sign out</button>
            </form>
          </div>
          {{/chrome.userName}}
        </header>
        {{$beforeMain}}{{/beforeMain}}
        <main id="main">
          {{#chrome.errors}}<div class="flash flash-error" role="alert">{{.}}</div>{{/chrome.errors}}
          {{#chrome.notices}}<div class="flash flash-notice" role="status">{{.}}</div>{{/chrome.notices}}
          {{$main}}{{/main}}
        </main>
        </body>
        </html>
        """#),
        ("error", #"""
        {{<layout}}
        {{$main}}
        <h1>{{chrome.title}}</h1>
        <p><a href="/">Go to the start page</a></p>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
