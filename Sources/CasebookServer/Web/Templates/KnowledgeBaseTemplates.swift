extension PageTemplates {
    /// The public help center (`/hc…`) and the agents' knowledge-base pages (`/agent/kb…`).
    static let knowledgeBase: [(String, String)] = [
        ("hc-search-form", #"""
        <form id="hc-search" class="search hc-search" method="get" action="/hc/search" role="search">
          <label for="hc-query">Search the help center</label>
          <input id="hc-query" name="query" type="search" value="{{query}}" placeholder="e.g. printer configuration">
          <button type="submit">Search</button>
        </form>
        """#),
        ("hc-home", #"""
        {{<layout}}
        {{$main}}
        <h1>Help center</h1>
        {{> hc-search-form}}
        {{#categories}}
        <section class="hc-category" data-category-id="{{id}}">
          <h2><a href="/hc/categories/{{id}}">{{name}}</a></h2>
          {{#description}}<p>{{.}}</p>{{/description}}
          {{#sections}}
          <h3><a href="/hc/sections/{{id}}">{{name}}</a></h3>
          <ul class="hc-articles">{{#articles}}<li><a href="/hc/articles/{{id}}">{{title}}</a>{{#internal}} <small class="badge">agents only</small>{{/internal}}</li>{{/articles}}
          {{^articles}}<li class="empty">No articles yet.</li>{{/articles}}</ul>
          {{/sections}}
        </section>
        {{/categories}}
        {{^categories}}<p class="empty">The help center has no categories yet.</p>{{/categories}}
        {{/main}}
        {{/layout}}
        """#),
        ("hc-category", #"""
        {{<layout}}
        {{$main}}
        <p><a href="/hc">Help center</a></p>
        <h1>{{category.name}}</h1>
        {{#category.description}}<p>{{.}}</p>{{/category.description}}
        {{#sections}}
        <h2><a href="/hc/sections/{{id}}">{{name}}</a></h2>
        <ul class="hc-articles">{{#articles}}<li><a href="/hc/articles/{{id}}">{{title}}</a></li>{{/articles}}{{^articles}}<li class="empty">No articles yet.</li>{{/articles}}</ul>
        {{/sections}}
        {{/main}}
        {{/layout}}
        """#),
        ("hc-section", #"""
        {{<layout}}
        {{$main}}
        <p><a href="/hc">Help center</a> › <a href="/hc/categories/{{category.id}}">{{category.name}}</a></p>
        <h1>{{section.name}}</h1>
        {{#section.description}}<p>{{.}}</p>{{/section.description}}
        <ul class="hc-articles">{{#articles}}<li><a href="/hc/articles/{{id}}">{{title}}</a></li>{{/articles}}{{^articles}}<li class="empty">No articles yet.</li>{{/articles}}</ul>
        {{/main}}
        {{/layout}}
        """#),
        ("hc-article", #"""
        {{<layout}}
        {{$main}}
        <p><a href="/hc">Help center</a> › <a href="/hc/categories/{{category.id}}">{{category.name}}</a> › <a href="/hc/sections/{{section.id}}">{{section.name}}</a></p>
        <article class="hc-article" data-article-id="{{article.id}}">
          <h1>{{article.title}}</h1>
          <p class="meta">{{#article.draft}}<strong class="badge">Draft</strong> {{/article.draft}}{{#article.internal}}<strong class="badge">Agents only</strong> {{/article.internal}}Updated <time datetime="{{article.updatedISO}}">{{article.updated}}</time>{{#isStaff}} · <a href="/agent/kb/{{article.id}}/edit">Edit</a>{{/isStaff}}</p>
          <div class="article-body">{{{article.html}}}</div>
        </article>
        {{^article.draft}}
        <section id="article-votes" class="article-votes" aria-labelledby="votes-heading">
          <h2 id="votes-heading">Was this article helpful?</h2>
          <form method="post" action="/hc/articles/{{article.id}}/vote">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <button type="submit" name="value" value="up" id="vote-up"{{#votedUp}} aria-pressed="true"{{/votedUp}}>Yes</button>
            <button type="submit" name="value" value="down" id="vote-down"{{#votedDown}} aria-pressed="true"{{/votedDown}}>No</button>
          </form>
          <p id="vote-summary">{{article.helpful}} of {{article.voteCount}} found this helpful.{{#votedUp}} You said yes.{{/votedUp}}{{#votedDown}} You said no.{{/votedDown}}</p>
        </section>
        {{/article.draft}}
        {{#hasFiles}}<h2>Attachments</h2><ul>{{#files}}<li><a href="{{url}}">{{name}}</a></li>{{/files}}</ul>{{/hasFiles}}
        {{/main}}
        {{/layout}}
        """#),
        ("hc-search", #"""
        {{<layout}}
        {{$main}}
        <p><a href="/hc">Help center</a></p>
        <h1>Search results</h1>
        {{> hc-search-form}}
        {{#searched}}<p id="hc-result-count">{{count}} result{{^one}}s{{/one}} for “{{query}}”</p>{{/searched}}
        <ol class="hc-results">
          {{#results}}<li class="hc-result" data-article-id="{{id}}"><a href="/hc/articles/{{id}}">{{title}}</a><br><small>{{{snippet}}}</small></li>{{/results}}
        </ol>
        {{/main}}
        {{/layout}}
        """#),
        ("kb-list", #"""
        {{<layout}}
        {{$main}}
        <h1>Knowledge base</h1>
        <p><a href="/agent/kb/new">New article</a> · <a href="/hc">Open the help center</a></p>
        <form id="kb-filter" method="get" action="/agent/kb">
          <label for="kb-status">Status</label>
          <select id="kb-status" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select>
          <label for="kb-section">Section</label>
          <select id="kb-section" name="section_id"><option value="">Any</option>{{#sections}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sections}}</select>
          <label for="kb-label">Label</label> <input id="kb-label" name="label" value="{{label}}">
          <button type="submit">Filter</button>
        </form>
        <table class="kb-articles">
          <thead><tr><th>Title</th><th>Section</th><th>Status</th><th>Visible to</th><th>Votes</th><th>Updated</th></tr></thead>
          <tbody>
          {{#articles}}<tr data-article-id="{{id}}"><td><a href="/agent/kb/{{id}}/edit">{{title}}</a></td><td>{{section}}</td><td>{{status}}</td><td>{{visibility}}</td><td>{{votes}}</td><td><time datetime="{{updatedISO}}">{{updated}}</time></td></tr>{{/articles}}
          {{^articles}}<tr><td colspan="6" class="empty">No articles match.</td></tr>{{/articles}}
          </tbody>
        </table>
        {{#deflection}}
        <section id="kb-deflection" aria-labelledby="deflection-heading">
          <h2 id="deflection-heading">Requests avoided (last 30 days)</h2>
          <p>Articles suggested on <strong id="deflection-suggested">{{suggested}}</strong> new-request forms; a suggestion was opened on
             <strong id="deflection-opened">{{opened}}</strong>. <strong id="deflection-avoided">{{avoided}}</strong> times a customer read a
             suggestion and did not write in within a day (by any channel; once per customer a day).</p>
        </section>
        {{/deflection}}
        {{#canArrange}}
        <section id="kb-arrange" aria-labelledby="arrange-heading">
          <h2 id="arrange-heading">Categories and sections</h2>
          <p class="hint">Smaller positions come first in the help center. A category or section is deleted only once it holds no articles.</p>
          <ul id="kb-places" class="kb-places">
          {{#places}}
            <li class="kb-category" data-category-id="{{id}}">
              <form method="post" action="/agent/kb/categories/{{id}}" class="inline">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <label>Category <input name="name" value="{{name}}" required maxlength="255"></label>
                <label>Position <input name="position" type="number" min="0" max="9999" value="{{position}}"></label>
                <button type="submit">Save</button>
              </form>
              <form method="post" action="/agent/kb/categories/{{id}}/delete" class="inline">
                <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                <button type="submit" class="danger"{{#hasArticles}} disabled title="Move or delete its {{articles}} article(s) first"{{/hasArticles}}>Delete</button>
              </form>
              <ul>
              {{#sections}}
                <li class="kb-section" data-section-id="{{id}}">
                  <form method="post" action="/agent/kb/sections/{{id}}" class="inline">
                    <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                    <label>Section <input name="name" value="{{name}}" required maxlength="255"></label>
                    <label>Position <input name="position" type="number" min="0" max="9999" value="{{position}}"></label>
                    <label>In <select name="category_id">{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select></label>
                    <button type="submit">Save</button>
                  </form>
                  <form method="post" action="/agent/kb/sections/{{id}}/delete" class="inline">
                    <input type="hidden" name="csrf" value="{{chrome.csrf}}">
                    <button type="submit" class="danger"{{#hasArticles}} disabled title="Move or delete its {{articles}} article(s) first"{{/hasArticles}}>Delete</button>
                  </form>
                  <span class="meta">{{articles}} article(s)</span>
                </li>
              {{/sections}}
              </ul>
            </li>
          {{/places}}
          </ul>
          <form method="post" action="/agent/kb/categories">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="new-category">New category</label> <input id="new-category" name="name" required>
            <button type="submit">Add category</button>
          </form>
          <form method="post" action="/agent/kb/sections">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="new-section-category">In category</label>
            <select id="new-section-category" name="category_id">{{#categories}}<option value="{{value}}">{{label}}</option>{{/categories}}</select>
            <label for="new-section">New section</label> <input id="new-section" name="name" required>
            <button type="submit">Add section</button>
          </form>
        </section>
        {{/canArrange}}
        {{/main}}
        {{/layout}}
        """#),
        ("kb-editor", #"""
        {{<layout}}
        {{$main}}
        <p><a href="/agent/kb">Knowledge base</a>{{#article.id}} · <a href="/hc/articles/{{.}}">View in the help center</a> · <a href="/agent/kb/{{.}}/revisions">Revision history</a>{{/article.id}}</p>
        <h1>{{#article.id}}Edit article{{/article.id}}{{^article.id}}New article{{/article.id}}</h1>
        {{#article.id}}<p class="meta">Status: <strong id="article-status">{{article.status}}</strong>{{#article.tickets}} · from ticket <a href="/agent/tickets/{{.}}">#{{.}}</a>{{/article.tickets}}</p>{{/article.id}}
        <form id="kb-editor" method="post" action="{{action}}">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p><label for="article-title">Title</label> <input id="article-title" name="title" value="{{article.title}}" maxlength="255" required></p>
          <p><label for="article-section">Section</label>
            <select id="article-section" name="section_id">{{#sections}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sections}}</select></p>
          <p><label for="article-labels">Labels (comma-separated)</label> <input id="article-labels" name="label_names" value="{{article.labels}}"></p>
          <p><label for="article-visibility">Visible to</label>
            <select id="article-visibility" name="visibility">{{#visibilities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/visibilities}}</select></p>
          <p><label for="article-body">Body (Markdown)</label><br><textarea id="article-body" name="body" rows="18" cols="80">{{article.body}}</textarea></p>
          <p><label for="article-note">What changed (optional)</label> <input id="article-note" name="note"></p>
          <button type="submit" name="action" value="save" id="article-save">Save{{#article.draft}} draft{{/article.draft}}</button>
          <button type="submit" name="action" value="preview" id="article-preview-button">Preview</button>
          {{#canPublish}}{{#article.id}}{{#article.draft}}<button type="submit" name="action" value="publish" id="article-publish">Save and publish</button>{{/article.draft}}{{^article.draft}}<button type="submit" name="action" value="unpublish" id="article-unpublish">Unpublish</button>{{/article.draft}}{{/article.id}}{{/canPublish}}
          {{^canPublish}}<small>A lead reviews and publishes drafts.</small>{{/canPublish}}
        </form>
        {{#article.id}}
        <form id="kb-upload" method="post" action="/agent/kb/{{.}}/attachments" enctype="multipart/form-data">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <label for="article-file">Add an image or file</label> <input id="article-file" type="file" name="file" required>
          <button type="submit">Upload</button>
        </form>
        {{/article.id}}
        {{#hasFiles}}<h2>Files</h2><ul id="article-files">{{#files}}<li><a href="{{url}}">{{name}}</a> — <code>{{markdown}}</code></li>{{/files}}</ul>{{/hasFiles}}
        <section id="article-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <div class="article-body">{{{preview}}}</div>
        </section>
        {{/main}}
        {{/layout}}
        """#),
        ("kb-revisions", #"""
        {{<layout}}
        {{$main}}
        <p><a href="/agent/kb/{{article.id}}/edit">Back to the article</a></p>
        <h1>Revisions of “{{article.title}}”</h1>
        <form id="kb-compare" method="get" action="/agent/kb/{{article.id}}/revisions">
          <label for="rev-from">Compare</label>
          <select id="rev-from" name="from">{{#fromOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/fromOptions}}</select>
          <label for="rev-to">with</label>
          <select id="rev-to" name="to">{{#toOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/toOptions}}</select>
          <button type="submit">Show changes</button>
        </form>
        {{#diff}}<section id="revision-diff"><h2>Changes from {{from}} to {{to}}: {{added}} added, {{removed}} removed</h2>{{{html}}}</section>{{/diff}}
        <ol class="revisions" reversed>
          {{#revisions}}<li data-revision="{{number}}">#{{number}} · {{author}} · <time datetime="{{createdISO}}">{{created}}</time> · {{note}}{{#draft}} (draft){{/draft}}</li>{{/revisions}}
        </ol>
        {{/main}}
        {{/layout}}
        """#),
        ("kb-ticket-search", #"""
        {{<layout}}
        {{$main}}
        <p><a href="/agent/tickets/{{ticketID}}">Back to ticket #{{ticketID}}</a></p>
        <h1>Articles for the reply</h1>
        <form id="kb-composer-search" method="get" action="/agent/tickets/{{ticketID}}/articles/search">
          <label for="kb-composer-q">Search articles</label> <input id="kb-composer-q" name="q" value="{{query}}" type="search">
          <button type="submit">Search</button>
        </form>
        <ol class="kb-insert-results">
          {{#results}}<li data-article-id="{{id}}"><strong>{{title}}</strong>{{#draft}} (draft){{/draft}}
            <form method="get" action="/agent/tickets/{{ticketID}}" class="kb-insert">
              <input type="hidden" name="insert_article" value="{{id}}">
              <button type="submit" name="insert" value="link">Insert link</button>
              <button type="submit" name="insert" value="text">Insert text</button>
            </form></li>{{/results}}
          {{#searched}}{{^results}}<li class="empty">No articles match.</li>{{/results}}{{/searched}}
        </ol>
        {{/main}}
        {{/layout}}
        """#),
        ("knowledge-panel", #"""
        <section id="knowledge" class="knowledge-panel" aria-labelledby="knowledge-heading">
          <h2 id="knowledge-heading">Knowledge base</h2>
          {{#routing.knowledge}}
          {{#hasArticles}}<ul class="ticket-articles">{{#articles}}<li><a href="/agent/kb/{{id}}/edit">{{title}}</a> ({{status}})</li>{{/articles}}</ul>{{/hasArticles}}
          <form id="kb-panel-search" method="get" action="/agent/tickets/{{ticket.id}}/articles/search">
            <label for="kb-panel-q">Find an article for the reply</label> <input id="kb-panel-q" name="q" type="search">
            <button type="submit">Search articles</button>
          </form>
          {{#hasReplies}}
          <h3>Turn a reply into an article</h3>
          <ul class="kb-replies">{{#replies}}<li data-comment-id="{{id}}"><small>{{excerpt}}</small>
            <form method="post" action="/agent/tickets/{{ticket.id}}/comments/{{id}}/article">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <button type="submit" class="turn-into-article">Turn into article</button>
            </form></li>{{/replies}}</ul>
          {{/hasReplies}}
          {{/routing.knowledge}}
        </section>
        """#),
    ]
}
