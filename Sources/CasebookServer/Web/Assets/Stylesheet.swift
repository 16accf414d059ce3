/// The one stylesheet: readable on a laptop and a phone, visible focus, no framework.
enum Stylesheet {
    static let css = #"""
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #f6f7f9; --accent: #1f5fbf; --warn: #a4231b;
            --ok: #1d6b3a; --note: #fff6d6; --call: #eaf2ff; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.45; }
    a { color: var(--accent); }
    :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 9; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    header.top { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 16px; background: #14213d; color: #fff; }
    header.top a { color: #fff; text-decoration: none; }
    .brand { font-weight: 700; font-size: 1.1rem; }
    header nav { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; flex: 1; }
    .search input { width: min(340px, 60vw); padding: 4px 8px; }
    .who { display: flex; gap: 8px; align-items: center; }
    .who form { margin: 0; }
    main { padding: 16px; max-width: 1400px; margin: 0 auto; }
    h1 { font-size: 1.4rem; margin: 0.2em 0 0.6em; }
    button, .button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 6px 12px; cursor: pointer;
            text-decoration: none; display: inline-block; font: inherit; }
    input, select, textarea { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; max-width: 100%; }
    textarea { width: 100%; }
    label { font-weight: 600; }
    .flash { padding: 8px 12px; border-radius: 4px; margin: 0 0 12px; }
    .flash-error { background: #fde8e6; color: var(--warn); border: 1px solid #f1b5ae; }
    .flash-notice { background: #e6f4ea; color: var(--ok); border: 1px solid #b7dfc3; }
    .narrow { max-width: 420px; margin: 24px auto; background: #fff; padding: 16px 24px; border-radius: 8px; border: 1px solid var(--line); }
    .narrow input { width: 100%; }
    .workspace { display: grid; grid-template-columns: 240px 1fr; gap: 16px; }
    #views ul { list-style: none; margin: 0; padding: 0; }
    #views a { display: flex; justify-content: space-between; padding: 6px 8px; border-radius: 4px; text-decoration: none; color: var(--ink); }
    #views a.current { background: #dfe8f7; font-weight: 600; }
    .count { background: #e3e6ec; border-radius: 10px; padding: 0 8px; font-size: 0.85rem; }
    table { width: 100%; border-collapse: collapse; background: #fff; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    .empty { color: var(--muted); }
    .list-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap; }
    .pager { display: flex; gap: 12px; padding: 8px 0; }
    .query { color: var(--muted); }
    .status { border-radius: 3px; padding: 0 6px; font-size: 0.85rem; background: #e3e6ec; }
    .status-new { background: #fbe3b1; } .status-open { background: #f7c8c4; } .status-pending { background: #c9dcf7; }
    .status-solved, .status-closed { background: #d6ecd9; }
    .priority-urgent { color: var(--warn); font-weight: 700; } .priority-high { color: #b05a00; }
    .ticket-page { display: grid; grid-template-columns: 1fr 320px; gap: 16px; }
    .ticket-page .composer { grid-column: 1 / -1; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px;
            display: grid; grid-template-columns: 320px 1fr; gap: 16px; }
    .composer fieldset { border: 0; margin: 0; padding: 0; } .composer legend { font-weight: 700; margin-bottom: 6px; }
    .composer .fields p { display: grid; grid-template-columns: 90px 1fr; gap: 6px; align-items: center; margin: 4px 0; }
    .composer .actions { grid-column: 1 / -1; text-align: right; margin: 0; }
    .modes { display: flex; gap: 16px; flex-wrap: wrap; }
    .call-fields { display: flex; gap: 12px; flex-wrap: wrap; }
    .side section, .side form { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin-bottom: 12px; }
    .side h2 { font-size: 1rem; margin: 0 0 6px; } .side h3 { font-size: 0.9rem; margin: 8px 0 4px; }
    #requester-tickets { padding-left: 18px; margin: 0; }
    .summary { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 0 0 12px; } .summary div { display: flex; gap: 6px; }
    .summary dt { color: var(--muted); } .summary dd { margin: 0; }
    .presence { min-height: 1.5em; color: var(--accent); font-weight: 600; } .presence .viewer + .viewer::before { content: " · "; }
    #timeline, #conversation { list-style: none; padding: 0; margin: 0; }
    .timeline-entry, .message { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
    .comment-internal { background: var(--note); border-color: #ecd88a; }
    .call { background: var(--call); border-color: #b8cff2; }
    .event { background: transparent; border-style: dashed; font-size: 0.9rem; color: var(--muted); }
    .entry-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; font-size: 0.9rem; }
    .entry-head time { color: var(--muted); margin-left: auto; }
    .badge { font-size: 0.75rem; border-radius: 3px; padding: 0 6px; background: #e3e6ec; }
    .badge-internal { background: #f3dc7a; } .badge-call { background: #b8cff2; }
    .changes { margin: 4px 0 0; padding-left: 18px; font-size: 0.9rem; color: var(--muted); }
    .message.from-support { border-left: 4px solid var(--accent); }
    .crumbs { color: var(--muted); margin: 0; font-size: 0.9rem; }
    .who .presence { display: inline-flex; gap: 4px; align-items: center; color: inherit; font-weight: 400; min-height: 0; }
    .sla ul { list-style: none; padding: 0; margin: 0 0 12px; display: flex; flex-wrap: wrap; gap: 6px 14px; }
    .sla h2 { font-size: 1rem; margin: 0 0 4px; }
    .sla-breached, tr.sla-breached td:first-child { color: #a0181b; } tr.sla-breached { background: #fdecec; }
    .sla li.sla-breached, .sla li.sla-missed { font-weight: 600; } .sla-soon { color: #9a5b00; } .sla-paused { color: var(--muted); }
    .sla-badge { font-size: 0.85rem; white-space: nowrap; }
    .repeat { grid-column: 1 / -1; background: #fff7e6; border: 1px solid #f0c36d; border-radius: 8px; padding: 10px 14px; }
    .repeat h2 { font-size: 1rem; margin: 0 0 6px; } .repeat ol { margin: 0; padding-left: 20px; }
    .repeat .last-reply { margin: 6px 0; padding: 4px 10px; border-left: 3px solid #f0c36d; background: #fff; }
    .repeat .decisions { margin: 4px 0; font-size: 0.9rem; }
    .exclusion { color: #a0181b; } #exclusions ul { padding-left: 18px; margin: 0 0 8px; }
    .presence-badge { border-radius: 3px; padding: 0 6px; font-size: 0.85rem; background: #e3e6ec; }
    .presence-badge.presence-online { background: #cdeccf; } .presence-badge.presence-away { background: #f7e3a6; }
    .reachable { color: #1d7a32; font-size: 0.85rem; }
    .queue-board { list-style: none; padding: 0; }
    .queue-entry { border: 1px solid #d8dbe0; border-radius: 4px; padding: 0.5rem; margin: 0.25rem 0; background: #fff; }
    .queue-entry[draggable="true"] { cursor: grab; }
    .queue-position { display: inline-block; min-width: 2rem; font-weight: bold; }
    .queue-moves { font-size: 0.85rem; color: #555; margin: 0.25rem 0; }
    .queue-move { margin-top: 0.25rem; }
    @media (max-width: 800px) {
      .workspace, .ticket-page, .ticket-page .composer { grid-template-columns: 1fr; }
      th:nth-child(n+5), td:nth-child(n+5) { display: none; }
    }
    .decision-banner { background: #fdecec; border: 2px solid #a0181b; border-radius: 8px; padding: 10px 14px; margin: 0 0 12px; }
    .decision-banner h2 { font-size: 1rem; margin: 0 0 6px; color: #a0181b; } .decision-banner ul { margin: 0; padding-left: 18px; }
    .decision-banner li + li { margin-top: 6px; }
    .case-notes-owed { background: #fff7e6; border: 2px solid #e0a030; border-radius: 8px; padding: 8px 12px; margin: 0 0 12px; }
    .hardware-panel form { border: 0; padding: 0; margin: 8px 0; }
    .hardware-panel .asset { border-top: 1px solid var(--line); padding-top: 6px; }
    .asset-facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0; } .asset-facts div { display: contents; }
    .asset-facts dt { color: var(--muted); } .asset-facts dd { margin: 0; }
    .warranty-in_warranty strong { color: var(--ok); } .warranty-expired strong, .warranty-unknown strong { color: var(--warn); }
    .caveat { color: #9a5b00; } .verdict-allowed { color: var(--ok); } .verdict-incomplete { color: var(--warn); }
    .rma-due { color: #9a5b00; }
    .kb-places { list-style: none; padding: 0; } .kb-places ul { list-style: none; padding-left: 24px; }
    .kb-places li { margin: 6px 0; } .kb-places form.inline { display: inline-flex; gap: 6px; align-items: center; border: 0; padding: 0; margin: 0; }
    .kb-places input[type=number] { width: 5rem; } .kb-places button.danger { color: #a0181b; }
    """#
}
