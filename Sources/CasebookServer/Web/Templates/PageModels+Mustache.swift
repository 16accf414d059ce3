import Mustache

// Mustache looks up every `{{name}}` on the model; without help it reflects the value with `Mirror`, which costs
// more than everything else on a page of 200 timeline entries. The page models the workspace renders in bulk
// answer lookups directly instead. Each `child(named:)` lists exactly the stored properties (a test checks).

extension Chrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "userName": userName
        case "csrf": csrf
        case "isStaff": isStaff
        case "isAdmin": isAdmin
        case "isCustomer": isCustomer
        case "query": query
        case "errors": errors
        case "notices": notices
        case "live": live
        case "ticketID": ticketID
        case "presence": presence
        case "canSeeTeam": canSeeTeam
        case "canManageInventory": canManageInventory
        case "unreadNotifications": unreadNotifications
        default: nil
        }
    }
}

extension Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension TicketPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "ticket": ticket
        case "requester": requester
        case "others": others
        case "timelineHTML": timelineHTML
        case "form": form
        case "conflict": conflict
        case "macros": macros
        case "hasMacros": hasMacros
        case "routing": routing
        default: nil
        }
    }
}

extension TicketPage.Summary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "subject": subject
        case "status": status
        case "priority": priority
        case "assignee": assignee
        case "group": group
        case "updated": updated
        case "updatedISO": updatedISO
        default: nil
        }
    }
}

extension TicketForm.View: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "seenAudit": seenAudit
        case "was": was
        case "selects": selects
        case "tags": tags
        case "followers": followers
        case "ccs": ccs
        case "modeReply": modeReply
        case "modeNote": modeNote
        case "modeCall": modeCall
        case "body": body
        case "callDirections": callDirections
        case "callFrom": callFrom
        case "callTo": callTo
        case "callDuration": callDuration
        default: nil
        }
    }
}

extension TicketForm.View.Select: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "options": options
        default: nil
        }
    }
}

extension TicketRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sla": sla
        case "slaClass": slaClass
        case "id": id
        case "subject": subject
        case "status": status
        case "priority": priority
        case "requester": requester
        case "assignee": assignee
        case "group": group
        case "updated": updated
        case "updatedISO": updatedISO
        default: nil
        }
    }
}

extension ViewLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "title": title
        case "count": count
        case "current": current
        default: nil
        }
    }
}

extension WorkspaceRoutes.ListPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "views": views
        case "key": key
        case "title": title
        case "query": query
        case "hasQuery": hasQuery
        case "total": total
        case "sorts": sorts
        case "rows": rows
        case "page": page
        case "pages": pages
        case "prevHref": prevHref
        case "nextHref": nextHref
        default: nil
        }
    }
}
