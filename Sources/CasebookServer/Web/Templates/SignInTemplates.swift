extension PageTemplates {
    static let signIn: [(String, String)] = [
        ("sign-in", #"""
        {{<layout}}
        {{$main}}
        <div class="narrow">
        <h1>Sign in</h1>
        <form id="sign-in-form" method="post" action="/sign-in">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <input type="hidden" name="next" value="{{next}}">
          <p><label for="email">Email</label>
             <input id="email" name="email" type="email" autocomplete="username" required value="{{email}}"></p>
          <p><label for="password">Password</label>
             <input id="password" name="password" type="password" autocomplete="current-password" required></p>
          <p><button type="submit">Sign in</button></p>
        </form>
        <section class="alt" aria-labelledby="link-heading">
          <h2 id="link-heading">Customer? Sign in without a password</h2>
          <form id="link-form" method="post" action="/sign-in/link">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <p><label for="link-email">Email</label>
               <input id="link-email" name="email" type="email" autocomplete="email" required></p>
            <p><button type="submit">Email me a sign-in link</button></p>
          </form>
        </section>
        </div>
        {{/main}}
        {{/layout}}
        """#),
        ("link-confirm", #"""
        {{<layout}}
        {{$main}}
        <div class="narrow">
        <h1>Sign in</h1>
        {{#valid}}
        <form id="link-confirm-form" method="post" action="/sign-in/link/{{token}}">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <p>Continue to your support requests.</p>
          <p><button type="submit">Continue</button></p>
        </form>
        {{/valid}}
        {{^valid}}
        <p>This sign-in link has expired or has already been used. <a href="/sign-in">Ask for a new one</a>.</p>
        {{/valid}}
        </div>
        {{/main}}
        {{/layout}}
        """#),
    ]
}
