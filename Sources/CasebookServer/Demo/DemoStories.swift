/// The five support stories in shared/stories, told as Brightbeam's support desk would have recorded them.
///
/// Brightbeam is a small software company (Flow workflow automation, Dispatch for depots) that also sells
/// hardware: the BeamTag Bluetooth tag in bright colours and multipacks, and the EdgeSwitch 24P network switch.
/// Every agent and admin is on brightbeam.example; each customer organization has its own domain.
/// Phone numbers are from the ranges reserved for fiction (800/202-555-01xx, 020 7946 0xxx);
/// +18005550142 is Brightbeam's support line.
extension DemoData {
    static let stories = DemoData(
        organizations: [
            DemoOrganization(
                name: "Northwind Traders",
                domains: ["northwind.example"],
                sharedTickets: true,
                notes: "Brightbeam Flow customer: nightly ERP-to-warehouse sync. Liaison: Seth Brennan (Workflows & Database)."
            ),
            DemoOrganization(
                name: "Harbor Logistics",
                domains: ["harborlogistics.example"],
                notes: "Brightbeam Dispatch at four UK depots (Leeds, Hull, Bristol, Felixstowe)."
            ),
            DemoOrganization(
                name: "Keystone Networks",
                domains: ["keystonenet.example"],
                sharedTickets: true,
                notes: "Reseller and installer, East Coast. Account executive: Dana Whitfield. Runs EdgeSwitch 24P at client sites."
            ),
            DemoOrganization(
                name: "Ridgeway Cycles",
                domains: ["ridgewaycycles.example"],
                notes: "Bike shop with a rental fleet; buys BeamTag Fleet packs for its rental bikes."
            ),
            DemoOrganization(
                name: "Lakeside Elementary School",
                domains: ["lakeside-elementary.example"],
                notes: "Buys BeamTag 8-packs for classroom orienteering projects."
            ),
        ],
        users: [
            // Staff: one domain for every agent and admin.
            DemoUser(
                email: "alex.mercer@brightbeam.example", name: "Alex Mercer", role: "admin",
                phone: "+18005550110", timeZone: "America/Chicago",
                notes: "Runs the support desk configuration: groups, macros, routing rules."
            ),
            DemoUser(
                email: "morgan.avery@brightbeam.example", name: "Morgan Avery", role: "lead",
                phone: "+18005550111", timeZone: "America/Chicago",
                notes: "Team lead, Orders & Fulfilment. Owns the BeamTag backorder queue; backorder escalations come to Morgan."
            ),
            DemoUser(
                email: "riley.quinn@brightbeam.example", name: "Riley Quinn", role: "agent",
                phone: "+18005550112", timeZone: "America/Chicago"
            ),
            DemoUser(
                email: "nadia.kowalski@brightbeam.example", name: "Nadia Kowalski", role: "manager",
                phone: "+18005550113", timeZone: "America/Chicago",
                notes: "Manager, Orders & Fulfilment (warehouse and shipping)."
            ),
            DemoUser(
                email: "rickey.dalton@brightbeam.example", name: "Rickey Dalton", role: "manager",
                phone: "+18005550114", timeZone: "America/Chicago",
                notes: "Manager, Customer Care. Spelled Rickey; goes by Rickey, not Rick."
            ),
            DemoUser(
                email: "jamie.cole@brightbeam.example", name: "Jamie Cole", role: "agent",
                phone: "+18005550115", timeZone: "America/Chicago",
                notes: "Senior agent, Customer Care; mentor to new agents."
            ),
            DemoUser(
                email: "owen.pryce@brightbeam.example", name: "Owen Pryce", role: "agent",
                phone: "+18005550116", timeZone: "America/Chicago",
                notes: "Joined Customer Care six months ago; mentor: Jamie Cole."
            ),
            DemoUser(
                email: "seth.brennan@brightbeam.example", name: "Seth Brennan", role: "agent",
                phone: "+18005550117", timeZone: "America/Chicago",
                notes: "Customer liaison for Workflows & Database. CC him on every customer-side Flow case."
            ),
            DemoUser(
                email: "ines.duarte@brightbeam.example", name: "Ines Duarte", role: "agent",
                phone: "+18005550118", timeZone: "America/Chicago",
                notes: "Engineer, Workflows & Database (Flow connectors)."
            ),
            DemoUser(
                email: "allen.reyes@brightbeam.example", name: "Allen Reyes", role: "agent",
                phone: "+18005550119", timeZone: "America/New_York"
            ),
            DemoUser(
                email: "victor.huang@brightbeam.example", name: "Victor Huang", role: "agent",
                phone: "+18005550120", timeZone: "America/New_York"
            ),
            DemoUser(
                email: "linda.marsh@brightbeam.example", name: "Linda Marsh", role: "agent",
                phone: "+18005550121", timeZone: "America/New_York"
            ),
            DemoUser(
                email: "greg.tillman@brightbeam.example", name: "Greg Tillman", role: "agent",
                phone: "+18005550122", timeZone: "America/New_York",
                notes: "Supervisor, Hardware Support. Approves exceptions to the troubleshoot-before-replace rule."
            ),
            DemoUser(
                email: "dana.whitfield@brightbeam.example", name: "Dana Whitfield", role: "agent",
                phone: "+18005550123", timeZone: "America/New_York",
                notes: "Account executive (sales) for reseller partners, including Keystone Networks."
            ),

            // Northwind Traders
            DemoUser(
                email: "gordon.blake@northwind.example", name: "Gordon Blake", role: "end-user",
                organization: "Northwind Traders", phone: "+12025550141", timeZone: "America/New_York",
                notes: "Operations systems lead. Calls are ended under the conduct policy if they turn personal; Rickey joins any further calls."
            ),
            DemoUser(
                email: "tim.albright@northwind.example", name: "Tim Albright", role: "end-user",
                organization: "Northwind Traders", phone: "+12025550142", timeZone: "America/New_York",
                notes: "Director of operations; Gordon's manager."
            ),
            // Harbor Logistics
            DemoUser(
                email: "nigel.ashcroft@harborlogistics.example", name: "Nigel Ashcroft", role: "end-user",
                organization: "Harbor Logistics", phone: "+442079460321", timeZone: "Europe/London",
                notes: "Leeds depot systems. Do not route his tickets to Owen Pryce (decision by Rickey Dalton, see demo-remote-access-1)."
            ),
            DemoUser(
                email: "fiona.grant@harborlogistics.example", name: "Fiona Grant", role: "end-user",
                organization: "Harbor Logistics", phone: "+442079460322", timeZone: "Europe/London",
                notes: "Head of depot operations; Nigel's manager."
            ),
            // Keystone Networks
            DemoUser(
                email: "marcus.bell@keystonenet.example", name: "Marcus Bell", role: "end-user",
                organization: "Keystone Networks", phone: "+12025550151", timeZone: "America/New_York",
                notes: "Field engineer. Based two and a half hours from the Brookfield clinic site."
            ),
            DemoUser(
                email: "priya.shah@keystonenet.example", name: "Priya Shah", role: "end-user",
                organization: "Keystone Networks", phone: "+12025550152", timeZone: "America/New_York",
                notes: "Network operations coordinator."
            ),
            // Ridgeway Cycles
            DemoUser(
                email: "derek.vaughn@ridgewaycycles.example", name: "Derek Vaughn", role: "end-user",
                organization: "Ridgeway Cycles", phone: "+12025550161", timeZone: "America/Denver"
            ),
            // Lakeside Elementary School
            DemoUser(
                email: "helen.ortiz@lakeside-elementary.example", name: "Helen Ortiz", role: "end-user",
                organization: "Lakeside Elementary School", phone: "+12025550171", timeZone: "America/Chicago",
                notes: "Fourth-grade teacher."
            ),
            // BeamTag buyers without an organization
            DemoUser(
                email: "rex@calloway.example", name: "Rex Calloway", role: "end-user",
                phone: "+12025550181", timeZone: "America/Los_Angeles",
                notes: "Order BB-48213 (Family 12-pack). Accepted any colour in writing; shipped Flamingo Pink."
            ),
            DemoUser(
                email: "june.park@parkfamily.example", name: "June Park", role: "end-user",
                timeZone: "America/Los_Angeles"
            ),
            DemoUser(
                email: "tomas.silva@silvahome.example", name: "Tomás Silva", role: "end-user",
                phone: "+12025550183", timeZone: "America/New_York"
            ),
            DemoUser(
                email: "carla.mendes@mendesstudio.example", name: "Carla Mendes", role: "end-user",
                timeZone: "America/Chicago"
            ),
        ],
        groups: [
            DemoGroup(
                name: "Orders & Fulfilment",
                description: "Orders, shipping, backorders, refunds and returns for BeamTag and EdgeSwitch.",
                members: [
                    "morgan.avery@brightbeam.example",
                    "riley.quinn@brightbeam.example",
                    "nadia.kowalski@brightbeam.example",
                ]
            ),
            DemoGroup(
                name: "Workflows & Database",
                description: "Specialist team for customer-side Flow workflows, connectors and databases. CC Seth Brennan on every case.",
                members: [
                    "seth.brennan@brightbeam.example",
                    "ines.duarte@brightbeam.example",
                ]
            ),
            DemoGroup(
                name: "Hardware Support",
                description: "EdgeSwitch and BeamTag hardware faults, firmware and warranty replacements (RMA).",
                members: [
                    "allen.reyes@brightbeam.example",
                    "victor.huang@brightbeam.example",
                    "linda.marsh@brightbeam.example",
                    "greg.tillman@brightbeam.example",
                ]
            ),
            DemoGroup(
                name: "Customer Care",
                description: "First line for Flow and Dispatch: calls, setup and configuration, complaints.",
                members: [
                    "rickey.dalton@brightbeam.example",
                    "jamie.cole@brightbeam.example",
                    "owen.pryce@brightbeam.example",
                ]
            ),
        ],
        tickets: backorderTickets + urgentTickets + wrongItemTickets + remoteAccessTickets + networkSwitchTickets
    )

    // MARK: - Story 000: the Christmas BeamTag backorder

    private static let backorderTickets: [DemoTicket] = [
        DemoTicket(
            externalID: "demo-backorder-problem",
            subject: "Christmas shortfall: BeamTag under-delivery and defective units",
            type: "problem",
            priority: "high",
            status: "open",
            requester: "morgan.avery@brightbeam.example",
            assignee: "morgan.avery@brightbeam.example",
            group: "Orders & Fulfilment",
            tags: ["backorder", "christmas-shortage", "manufacturer"],
            followers: ["nadia.kowalski@brightbeam.example", "riley.quinn@brightbeam.example"],
            via: "web",
            daysAgo: 30,
            comments: [
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Parent ticket for the BeamTag shortage. Link every "where is my order" ticket here.

                    The manufacturer delivered about 3,100 of the 8,000 BeamTags we ordered for the Christmas season, and QA \
                    has failed roughly 1,400 of those (won't hold a charge, or drop pairing after a few minutes). Every \
                    colour and every multipack is affected. As of this morning 612 paid orders are on backorder.

                    What we tell customers: their order is delayed until after the holidays; they can have a full refund \
                    now, or wait and keep their place in the queue with a 20% credit. The queue is the backorder sheet, \
                    in the order orders were placed. Backorder escalations come to me.
                    """,
                    minutesAfterStart: 0,
                    changes: ["status": "open", "assignee": "morgan.avery@brightbeam.example", "group": "Orders & Fulfilment"]
                ),
                DemoComment(
                    author: "alex.mercer@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Macro "Backorder: refund or wait" is live, and it tags backorder and christmas-shortage. Use the \
                    refund-requested tag when a customer picks the refund. If a customer says in writing that any colour \
                    will do, tag any-colour so we can fill their order from whatever is in stock.
                    """,
                    minutesAfterStart: 95
                ),
                DemoComment(
                    author: "nadia.kowalski@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Update from management: the manufacturer has accepted responsibility for the defective lot (2312-B) and \
                    will run a replacement batch straight after the holidays, with air freight at their cost. Nothing new \
                    arrives before Christmas. Please keep offering refunds and be generous with the credit.
                    """,
                    minutesAfterStart: 4_320
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    The first replacement shipment arrived and passed QA: Coral, Lime, Sky and Flamingo Pink are in stock, \
                    with plenty of pink. Tangerine and Teal are due in about two weeks.

                    We're shipping in queue order, plus a few customers I've moved up (noted on their tickets). Mixed-colour \
                    multipacks wait for their colours unless the ticket is tagged any-colour.
                    """,
                    minutesAfterStart: 28_900
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-backorder-rex",
            subject: "Where is my 12-pack? Order BB-48213",
            type: "incident",
            priority: "normal",
            status: "solved",
            requester: "rex@calloway.example",
            assignee: "morgan.avery@brightbeam.example",
            group: "Orders & Fulfilment",
            tags: ["backorder", "christmas-shortage", "any-colour", "abusive"],
            daysAgo: 29,
            comments: [
                DemoComment(
                    author: "rex@calloway.example",
                    kind: .publicReply,
                    body: """
                    I ordered the BeamTag Family 12-pack (order BB-48213) nine days ago and paid for express shipping. \
                    Your website said IN STOCK. The tracking page still says "processing".

                    These are Christmas presents for my whole family. Where is my order?

                    Rex Calloway
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Rex,

                    I'm really sorry. Our manufacturer delivered far fewer BeamTags than we ordered, and a lot of what did \
                    arrive failed our quality checks. Your 12-pack is one of the orders we can't ship before the holidays.

                    You have two options:
                    1. A full refund, today, including the express shipping.
                    2. Keep your place in the queue. Your order ships as soon as new stock arrives after the holidays, and \
                    we'll add a 20% credit to your account.

                    Just reply with what you'd like.

                    Riley, Brightbeam Orders
                    """,
                    minutesAfterStart: 180,
                    changes: ["status": "pending", "assignee": "riley.quinn@brightbeam.example", "group": "Orders & Fulfilment"]
                ),
                DemoComment(
                    author: "rex@calloway.example",
                    kind: .publicReply,
                    body: """
                    I don't want a refund and I don't want a coupon. I want what I paid for.

                    My neighbour got his BeamTags yesterday, so don't tell me you have none. Put my order on the next truck.
                    """,
                    minutesAfterStart: 420,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Rex has emailed three times today and called twice. His neighbour's order was placed before the \
                    shortfall and was filled from the good stock. Escalating to Morgan under the backorder escalation rule.
                    """,
                    minutesAfterStart: 480,
                    changes: ["assignee": "morgan.avery@brightbeam.example"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Rex,

                    I'm Morgan and I lead the orders team. Orders placed before we knew about the shortfall were filled \
                    first. Everything after that is waiting in the order it was placed, and several hundred customers are \
                    ahead of you. I can't ship stock we don't have, and I won't skip you past people who have been waiting \
                    longer.

                    The refund is still on the table, any time you want it.

                    Morgan Avery, Team Lead, Orders & Fulfilment
                    """,
                    minutesAfterStart: 540,
                    changes: ["status": "pending"]
                ),
                DemoComment(
                    author: "rex@calloway.example",
                    kind: .publicReply,
                    body: """
                    Listen carefully. I am not "several hundred" anybody. You will ship my order tomorrow. I don't care who \
                    else has to wait.

                    If you can't manage that, put me through to someone who can actually make a decision instead of \
                    reading me a script.
                    """,
                    minutesAfterStart: 1_500,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Rex, I am the person who makes that decision, and nobody here can ship stock that hasn't arrived. The \
                    answer is the same: a refund now, or your order ships when its turn comes after the holidays.
                    """,
                    minutesAfterStart: 1_560,
                    changes: ["status": "pending"]
                ),
                DemoComment(
                    author: "rex@calloway.example",
                    kind: .publicReply,
                    body: """
                    Day SIX of this circus. You people are useless. I have told you every single day what you are going \
                    to do and you keep sending me the same garbage. Ship. My. Order. I'll be calling again tomorrow, and \
                    the day after that, until somebody there does their job.
                    """,
                    minutesAfterStart: 7_300,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Rex has emailed or called every day for a week with the same demand, and he's getting more personal \
                    each time. He has been offered a refund five times and turned it down every time. He wants to go \
                    first no matter who else waits.

                    I've moved BB-48213 to the bottom of the backorder sheet. Everyone else on that list has waited \
                    politely, and they ship first. Putting this ticket on hold until stock arrives. Send any new messages \
                    from him to me.
                    """,
                    minutesAfterStart: 7_380,
                    changes: ["status": "hold"]
                ),
                DemoComment(
                    author: "rex@calloway.example",
                    kind: .publicReply,
                    body: """
                    The holidays are over. Where is my 12-pack?
                    """,
                    minutesAfterStart: 29_000,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Rex,

                    Good stock has started to arrive, and we're shipping backorders in queue order, so some customers are \
                    getting theirs now. Your Family 12-pack is a mixed pack (3 Tangerine, 3 Teal, 3 Lime, 3 Sky). \
                    Tangerine and Teal haven't come in yet, so we can't complete your pack.

                    Morgan
                    """,
                    minutesAfterStart: 29_060,
                    changes: ["status": "pending"]
                ),
                DemoComment(
                    author: "rex@calloway.example",
                    kind: .publicReply,
                    body: """
                    I DON'T CARE WHAT COLOURS YOU SEND. YOU ARE TO SEND THEM TO ME IMMEDIATELY.

                    Is that simple enough for you?
                    """,
                    minutesAfterStart: 29_120,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Understood. Since any colour is fine, we can fill your 12-pack right away from the stock we have. It \
                    ships today by express, and the tracking number will follow by email.

                    Thanks for your patience, Rex.

                    Morgan
                    """,
                    minutesAfterStart: 29_180,
                    changes: ["status": "solved"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    The customer accepted any colour in writing (see above), so I tagged the ticket any-colour. Flamingo \
                    Pink is the only colour we have plenty of. Shipped 12 x Flamingo Pink by express and marked BB-48213 \
                    complete on the backorder sheet.
                    """,
                    minutesAfterStart: 29_190
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-backorder-rex-pink",
            subject: "Re: Your BeamTag order BB-48213 has shipped",
            type: "incident",
            priority: "low",
            status: "solved",
            requester: "rex@calloway.example",
            assignee: "morgan.avery@brightbeam.example",
            group: "Orders & Fulfilment",
            tags: ["backorder", "any-colour", "exchange-declined"],
            daysAgo: 7,
            comments: [
                DemoComment(
                    author: "rex@calloway.example",
                    kind: .publicReply,
                    body: """
                    I know I said I'd accept any colour, but really? You sent me, a grown man, twelve PINK tags? They're \
                    for my brothers and my father.

                    I want them replaced with something else. Send me a different colour, today.
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Rex,

                    You asked us to send any colour immediately. Flamingo Pink was the colour we had for you, and that is \
                    why your order went out the same day. We have no other colours to swap them for, so we won't be \
                    exchanging them.

                    Your order is complete, so this conversation is over. Enjoy your BeamTags.

                    Morgan Avery, Team Lead, Orders & Fulfilment
                    """,
                    minutesAfterStart: 95,
                    changes: ["status": "solved", "assignee": "morgan.avery@brightbeam.example", "group": "Orders & Fulfilment"]
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-backorder-refund",
            subject: "Please cancel and refund my order BB-47902",
            type: "incident",
            priority: "normal",
            status: "closed",
            requester: "june.park@parkfamily.example",
            assignee: "riley.quinn@brightbeam.example",
            group: "Orders & Fulfilment",
            tags: ["backorder", "christmas-shortage", "refund-requested"],
            daysAgo: 27,
            comments: [
                DemoComment(
                    author: "june.park@parkfamily.example",
                    kind: .publicReply,
                    body: """
                    Hello,

                    Your email says my BeamTag 4-pack (Coral) won't ship until after the holidays. It was a Christmas \
                    gift for my niece, so there isn't much point in it arriving in January. I'd rather have a refund, \
                    please.

                    Thanks for letting me know early, at least.
                    June
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi June,

                    Completely understood, and I'm sorry we let you down at Christmas. I've cancelled BB-47902 and \
                    refunded the full $59.96 to the card you paid with. It usually shows up within 5 to 7 business days.

                    Riley, Brightbeam Orders
                    """,
                    minutesAfterStart: 75,
                    changes: ["status": "solved", "assignee": "riley.quinn@brightbeam.example", "group": "Orders & Fulfilment"]
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-backorder-wait",
            subject: "Order BB-47760: happy to wait, please don't cancel",
            type: "incident",
            priority: "normal",
            status: "solved",
            requester: "helen.ortiz@lakeside-elementary.example",
            assignee: "morgan.avery@brightbeam.example",
            group: "Orders & Fulfilment",
            tags: ["backorder", "christmas-shortage", "priority-ship"],
            daysAgo: 25,
            comments: [
                DemoComment(
                    author: "helen.ortiz@lakeside-elementary.example",
                    kind: .publicReply,
                    body: """
                    Hi there,

                    We got your email about the delay to order BB-47760 (three BeamTag 8-packs). They're for my \
                    fourth-grade class's orienteering project, which doesn't start until the new term, so we're happy to \
                    wait. Please don't cancel the order. The PTA raised the money for it!

                    Best wishes,
                    Helen Ortiz
                    Lakeside Elementary
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Helen,

                    Thank you for being so understanding! The order stays in the queue and ships as soon as good stock \
                    arrives after the holidays. We've added a 20% credit to the school's account.

                    Riley, Brightbeam Orders
                    """,
                    minutesAfterStart: 140,
                    changes: ["status": "hold", "assignee": "riley.quinn@brightbeam.example", "group": "Orders & Fulfilment"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    This is a school order for a class project, paid for by the PTA, and the teacher has been patient and \
                    kind about it. I'm moving BB-47760 to the top of the backorder sheet for the first good stock, and \
                    taking the ticket.
                    """,
                    minutesAfterStart: 200,
                    changes: ["assignee": "morgan.avery@brightbeam.example"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Helen,

                    Good news: the first new stock passed QA this morning and your three 8-packs were the first order to \
                    ship. We've also put in a charging cradle for the classroom at no charge. Tracking: 1Z 999 4B7 03 \
                    1847 2210.

                    Morgan Avery, Team Lead, Orders & Fulfilment
                    """,
                    minutesAfterStart: 21_800,
                    changes: ["status": "pending"]
                ),
                DemoComment(
                    author: "helen.ortiz@lakeside-elementary.example",
                    kind: .publicReply,
                    body: """
                    They arrived today and the kids are thrilled with the colours. Thank you so much for the cradle!
                    """,
                    minutesAfterStart: 25_900,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "morgan.avery@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    That made our week. Good luck to the class with the orienteering!
                    """,
                    minutesAfterStart: 25_960,
                    changes: ["status": "solved"]
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-backorder-where",
            subject: "Is order BB-48977 ever going to arrive?",
            type: "question",
            priority: "normal",
            status: "pending",
            requester: "carla.mendes@mendesstudio.example",
            assignee: "riley.quinn@brightbeam.example",
            group: "Orders & Fulfilment",
            tags: ["backorder", "christmas-shortage"],
            via: "api",
            daysAgo: 1.5,
            comments: [
                DemoComment(
                    author: "carla.mendes@mendesstudio.example",
                    kind: .publicReply,
                    body: """
                    I ordered a BeamTag 4-pack in Sky (order BB-48977) weeks ago. Before Christmas I got an email saying \
                    it would be delayed. It's well past the holidays now and the order page still says "backordered".

                    Is it coming at all? If not, I'd like to know.
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Carla,

                    It's coming! Good stock is arriving again and we're shipping backorders in the order they were placed. \
                    Sky is in stock, your order is about 140 places from the front, and we're shipping a few hundred a day, \
                    so it should go out within a week. You'll get the tracking number by email.

                    If you'd rather have a refund, just reply to this email and I'll do it straight away.

                    Riley, Brightbeam Orders
                    """,
                    minutesAfterStart: 90,
                    changes: ["status": "pending", "assignee": "riley.quinn@brightbeam.example", "group": "Orders & Fulfilment"]
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-backorder-defective",
            subject: "One of my BeamTags won't hold a charge",
            type: "incident",
            priority: "normal",
            status: "hold",
            requester: "tomas.silva@silvahome.example",
            assignee: "riley.quinn@brightbeam.example",
            group: "Orders & Fulfilment",
            tags: ["backorder", "christmas-shortage", "defective-unit"],
            via: "web",
            daysAgo: 4,
            comments: [
                DemoComment(
                    author: "tomas.silva@silvahome.example",
                    kind: .publicReply,
                    body: """
                    Hi,

                    My BeamTag 2-pack (Teal) arrived before Christmas. One tag works fine. The other has been getting \
                    worse, and now it goes flat within a couple of hours and drops out of the app. I've reset it twice as the help page says, and it makes no \
                    difference. The serial number on the back is BT2-T-231277.

                    Can you replace it? Ideally in Teal, so it matches the other one.

                    Tomás
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Tomás,

                    Sorry about that. Your tag comes from a batch our manufacturer got wrong before Christmas, and a few \
                    bad units slipped past our checks. We'll replace it free, and you don't need to send it back.

                    Teal isn't back in stock yet; we expect it in about a week. I can send a different colour today, or hold the \
                    replacement until Teal arrives. Which would you prefer?

                    Riley
                    """,
                    minutesAfterStart: 120,
                    changes: ["status": "pending", "assignee": "riley.quinn@brightbeam.example", "group": "Orders & Fulfilment"]
                ),
                DemoComment(
                    author: "tomas.silva@silvahome.example",
                    kind: .publicReply,
                    body: """
                    I'll wait for Teal, thanks. It's one of a pair for our keys.
                    """,
                    minutesAfterStart: 400,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    The serial number is in the defective lot 2312-B. I've added one Teal single to the replacement queue \
                    (no return needed). Holding this ticket until Teal stock arrives.
                    """,
                    minutesAfterStart: 430,
                    changes: ["status": "hold"]
                ),
            ]
        ),
    ]

    // MARK: - Story 001: the urgent Flow case, the forgotten CC and the call that ended early

    private static let urgentTickets: [DemoTicket] = [
        DemoTicket(
            externalID: "demo-urgent-1",
            subject: "URGENT: nightly order sync writing duplicate orders to our warehouse database",
            type: "incident",
            priority: "urgent",
            status: "pending",
            requester: "gordon.blake@northwind.example",
            assignee: "ines.duarte@brightbeam.example",
            group: "Workflows & Database",
            tags: ["flow", "database", "duplicates", "urgent-escalation", "conduct-policy"],
            ccs: ["seth.brennan@brightbeam.example", "tim.albright@northwind.example"],
            followers: ["jamie.cole@brightbeam.example", "rickey.dalton@brightbeam.example"],
            daysAgo: 3.2,
            comments: [
                DemoComment(
                    author: "gordon.blake@northwind.example",
                    kind: .publicReply,
                    body: """
                    Jamie,

                    As I told you on the phone just now: for almost two weeks, our nightly "ERP to Warehouse" workflow in \
                    Flow has been writing duplicate order rows into our warehouse database. Every night there are \
                    somewhere between 200 and 400 duplicates, the warehouse has picked some orders twice, and my team \
                    cleans it up by hand every morning.

                    This is not the first time I've reported it. I raised it the morning it started and was told \
                    someone would look at it. Nobody did. I need someone who actually understands the database side, \
                    today.

                    Gordon Blake
                    Operations Systems Lead, Northwind Traders
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "jamie.cole@brightbeam.example",
                    kind: .call(
                        direction: "inbound", from: "+12025550141", to: "+18005550142",
                        participants: ["gordon.blake@northwind.example", "jamie.cole@brightbeam.example"],
                        durationSeconds: 840
                    ),
                    body: """
                    Gordon called at the end of the day. The nightly ERP-to-Warehouse workflow has been inserting duplicate \
                    orders for almost two weeks, and he says he reported it when it started (I can't find that ticket \
                    under his email). It's urgent: the warehouse is double-picking. I promised to escalate it tonight to the \
                    team that handles customer-side workflows and databases.
                    """,
                    minutesAfterStart: 10,
                    changes: ["status": "open", "priority": "urgent", "assignee": "jamie.cole@brightbeam.example", "group": "Customer Care"]
                ),
                DemoComment(
                    author: "jamie.cole@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    This one is for Workflows & Database. The run history shows the "Insert orders" step timing out \
                    against their warehouse database at about 02:10, then the retry re-runs the whole batch. That would \
                    explain the duplicates. Passing it to Ines. Urgent: the customer is double-shipping.
                    """,
                    minutesAfterStart: 25,
                    changes: ["group": "Workflows & Database", "assignee": "ines.duarte@brightbeam.example"]
                ),
                DemoComment(
                    author: "seth.brennan@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Morning. I only found this because Jamie messaged me directly. I'm the liaison for Northwind, so \
                    please CC me on anything customer-side in Flow. Gordon has been chasing this for two weeks, and I've \
                    let Rickey know.
                    """,
                    minutesAfterStart: 900
                ),
                DemoComment(
                    author: "jamie.cole@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    My fault, Seth. I meant to CC you last night and forgot. You're CC'd now, and I've added Gordon's \
                    manager Tim, who he copies on everything.
                    """,
                    minutesAfterStart: 915
                ),
                DemoComment(
                    author: "rickey.dalton@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Thanks, both. Jamie, please get Gordon on a follow-up call today and take a closer look at where this \
                    stands. He feels it has been dragging, and he's not wrong. Seth, please get Ines's status to Jamie \
                    before the call.
                    """,
                    minutesAfterStart: 940
                ),
                DemoComment(
                    author: "ines.duarte@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Confirmed. Their warehouse database hits its 30-second statement timeout on the bulk insert. The Flow \
                    SQL connector (3.8.1) retries the whole batch with no idempotency key, so every order that had already \
                    committed gets inserted again.

                    Fix: connector 3.8.2 upserts on the external order key by default, and I'm raising the batch timeout \
                    for their workspace. It goes out in tonight's release. I've written a dedupe query their DBA can run \
                    to clear the existing duplicates. It keeps the earliest row per order.
                    """,
                    minutesAfterStart: 1_010
                ),
                DemoComment(
                    author: "jamie.cole@brightbeam.example",
                    kind: .call(
                        direction: "outbound", from: "+18005550142", to: "+12025550141",
                        participants: [
                            "jamie.cole@brightbeam.example",
                            "gordon.blake@northwind.example",
                            "tim.albright@northwind.example",
                        ],
                        durationSeconds: 1_140
                    ),
                    body: """
                    Follow-up call, as Rickey asked. I explained the root cause and the fix from Ines's note, and that the \
                    connector patch ships tonight.

                    Gordon said this had been "a draconian ordeal", the worst he'd had in fifteen years, and asked for his \
                    manager, Tim Albright, to join. Tim raised his voice straight away and made personal remarks, including \
                    "if you worked for me you'd be fired by now". I stopped responding to the insults and answered only \
                    the technical questions. I warned them once that I would end the call if the personal remarks \
                    continued. They continued, so I ended the call under the customer conduct policy at 19 minutes. \
                    Recording kept. Written follow-up sent below.
                    """,
                    minutesAfterStart: 1_080
                ),
                DemoComment(
                    author: "jamie.cole@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Gordon, Tim,

                    Thank you for your time on the call. As I said, I end calls that turn personal. I want you to have \
                    everything in writing, though:

                    - Cause: your warehouse database times out on the nightly bulk insert, and our connector's retry \
                    inserts the whole batch again. That is our bug, not your setup.
                    - Fix: connector 3.8.2 goes to your workspace in tonight's release. It upserts on your order number, so \
                    a retry can't create duplicates.
                    - Clean-up: Ines Duarte from our Workflows & Database team has written a query that removes the \
                    existing duplicates. She'll send it once the patch is in.

                    Seth Brennan (CC'd) is your liaison with that team from now on.

                    Jamie Cole, Customer Care
                    """,
                    minutesAfterStart: 1_095
                ),
                DemoComment(
                    author: "rickey.dalton@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    I've listened to the recording. Jamie handled it well, and ending the call was exactly what the \
                    conduct policy says to do. I'll be on any further calls with Northwind myself.
                    """,
                    minutesAfterStart: 1_130
                ),
                DemoComment(
                    author: "ines.duarte@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hello Gordon,

                    Connector 3.8.2 is live in your workspace. Last night's ERP-to-Warehouse run hit one timeout, retried, \
                    and wrote no duplicates.

                    The attached dedupe query finds the 1,284 duplicate rows from the last fourteen nights and keeps the \
                    earliest row for each order. Please have your DBA run it inside a transaction and check the count \
                    before committing. Let us know once it's done and we'll close this out.

                    Ines Duarte, Workflows & Database
                    """,
                    minutesAfterStart: 2_500,
                    changes: ["status": "pending"]
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-urgent-complaint",
            subject: "Complaint about your support representative",
            type: "incident",
            priority: "high",
            status: "open",
            requester: "tim.albright@northwind.example",
            assignee: "rickey.dalton@brightbeam.example",
            group: "Customer Care",
            tags: ["complaint", "conduct-policy"],
            ccs: ["gordon.blake@northwind.example"],
            followers: ["seth.brennan@brightbeam.example"],
            daysAgo: 1.4,
            comments: [
                DemoComment(
                    author: "tim.albright@northwind.example",
                    kind: .publicReply,
                    body: """
                    Yesterday your representative, Jamie, refused to answer my questions on a call with Gordon and me, sat \
                    in silence, and then hung up on us. In any company I run, that would be a firing offence.

                    I expect an apology, and a call back from his manager.

                    Tim Albright
                    Director of Operations, Northwind Traders
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "rickey.dalton@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Mr Albright,

                    I'm Rickey Dalton, Jamie's manager. I've listened to the recording of yesterday's call. Jamie answered \
                    every technical question and did not respond to personal remarks. When they continued after a \
                    warning, he ended the call. That is our conduct policy, and he followed it. I won't be asking him to \
                    apologise.

                    The problem itself has been fixed: the connector patch is live in your workspace, and Ines's email \
                    has the clean-up query. I'm happy to go through it with you and Gordon myself, with Seth Brennan. \
                    Would Thursday at 10:00 Eastern work?

                    Rickey Dalton, Manager, Customer Care
                    """,
                    minutesAfterStart: 120,
                    changes: ["status": "pending", "assignee": "rickey.dalton@brightbeam.example", "group": "Customer Care"]
                ),
                DemoComment(
                    author: "tim.albright@northwind.example",
                    kind: .publicReply,
                    body: """
                    Fine. Thursday, 10am. Gordon will join.
                    """,
                    minutesAfterStart: 410,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "rickey.dalton@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Call booked for Thursday 10:00 ET with Tim, Gordon, Seth and me. Jamie isn't needed, and I've told him \
                    so. Keeping this open until after the call.
                    """,
                    minutesAfterStart: 430
                ),
            ]
        ),
    ]

    // MARK: - Story 002: the wrong item, and "fire whoever packed this"

    private static let wrongItemTickets: [DemoTicket] = [
        DemoTicket(
            externalID: "demo-wrong-item-1",
            subject: "Wrong item shipped on order BB-49120",
            type: "incident",
            priority: "high",
            status: "solved",
            requester: "derek.vaughn@ridgewaycycles.example",
            assignee: "nadia.kowalski@brightbeam.example",
            group: "Orders & Fulfilment",
            tags: ["wrong-item", "fulfilment-error", "escalated", "refund-requested", "expedited-replacement"],
            followers: ["riley.quinn@brightbeam.example"],
            daysAgo: 6,
            comments: [
                DemoComment(
                    author: "derek.vaughn@ridgewaycycles.example",
                    kind: .publicReply,
                    body: """
                    I ordered two BeamTag Fleet 12-packs in Graphite (order BB-49120) for our rental bikes. The rental \
                    season opens on Saturday. What arrived today is two boxes of BeamTag charging cradles. No tags at all.

                    I've been waiting on this order since before Christmas, and now this. Somebody in your warehouse \
                    can't read a label. I want a refund, and I want whoever packed this fired.

                    Derek Vaughn
                    Owner, Ridgeway Cycles
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Derek,

                    I'm very sorry. That's our mistake, start to finish. Here's what I've done:

                    - Refunded the full order, $479.76, to your card. You should see it in 3 to 5 business days.
                    - Sent the correct two Fleet 12-packs in Graphite by overnight express, free of charge, so they'll \
                    reach you tomorrow, well before Saturday. Tracking: 1Z 999 4B7 01 5520 3391.
                    - Attached a prepaid label for the cradles. Send them back whenever it suits you, with no rush.

                    Riley, Brightbeam Orders
                    """,
                    minutesAfterStart: 55,
                    changes: ["status": "pending", "assignee": "riley.quinn@brightbeam.example", "group": "Orders & Fulfilment"]
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Fulfilment error, for the record. During the post-holiday restock, the shelf labels for BT-FL12-GRA \
                    (Fleet 12-pack, Graphite) and BT-CRD-GRA (charging cradle, Graphite) were swapped. The two bins are \
                    next to each other, and the boxes are the same size and the same grey.

                    Steve packed the order. The receiving dock had borrowed the handheld scanner from the packing bench, \
                    so he picked by shelf label and the item barcode was never scanned. The packing station let the order \
                    close without a scan.

                    The labels are fixed. Nadia has been told, and a scan-the-item check is going onto the packing \
                    station.
                    """,
                    minutesAfterStart: 80
                ),
                DemoComment(
                    author: "derek.vaughn@ridgewaycycles.example",
                    kind: .publicReply,
                    body: """
                    The refund is fine. But you haven't answered my question. I want the person responsible fired. If \
                    you can't do that, put me through to your manager.
                    """,
                    minutesAfterStart: 210,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "riley.quinn@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    The customer is asking for a staff member to be fired and wants a manager. Escalating to Nadia.
                    """,
                    minutesAfterStart: 230,
                    changes: ["assignee": "nadia.kowalski@brightbeam.example", "group": "Orders & Fulfilment", "priority": "high"]
                ),
                DemoComment(
                    author: "nadia.kowalski@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Derek,

                    I'm Nadia Kowalski and I manage our orders and warehouse team. Thank you for pushing on this. You were \
                    right that something in the warehouse went wrong, and I've looked into it myself.

                    The man who packed your order has worked here for four years. He's one of the most careful people on \
                    the team, and this is his first mistake I know of. The cause was ours: during the restock after the \
                    holidays, two shelf labels were swapped on bins right next to each other, and the scanner he would \
                    normally have used was away on the receiving dock. I'm not going to fire someone for a label we got \
                    wrong. What we have done is fix the labels and change the packing station so an order can't close \
                    until every item has been scanned.

                    Your refund has gone through, and the replacements are on the overnight truck. If anything at all is \
                    wrong when they arrive, reply here and it comes straight to me.

                    Nadia Kowalski, Manager, Orders & Fulfilment
                    """,
                    minutesAfterStart: 400,
                    changes: ["status": "pending"]
                ),
                DemoComment(
                    author: "derek.vaughn@ridgewaycycles.example",
                    kind: .publicReply,
                    body: """
                    Nadia,

                    Fair enough, and I'm sorry. I was angry about the season opening and I took it out on someone I've \
                    never met. Please don't hold it against him. Tell him no hard feelings from Ridgeway.

                    The tags arrived this morning and they're all on the bikes. Cradles are going back today.

                    Derek
                    """,
                    minutesAfterStart: 1_320,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "nadia.kowalski@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Thanks, Derek. I'll pass that on, and it will mean a lot to him. Good luck with the season opening!
                    """,
                    minutesAfterStart: 1_360,
                    changes: ["status": "solved"]
                ),
            ]
        ),
    ]

    // MARK: - Story 003: the newcomer, the refused remote-access tool and the written guide

    private static let remoteAccessTickets: [DemoTicket] = [
        DemoTicket(
            externalID: "demo-remote-access-1",
            subject: "Leeds depot: Dispatch board lost all route templates after Sunday's update",
            type: "incident",
            priority: "high",
            status: "solved",
            requester: "nigel.ashcroft@harborlogistics.example",
            assignee: "owen.pryce@brightbeam.example",
            group: "Customer Care",
            tags: ["remote-access", "dispatch", "config-restore", "written-guide"],
            ccs: ["fiona.grant@harborlogistics.example"],
            followers: ["rickey.dalton@brightbeam.example", "jamie.cole@brightbeam.example"],
            via: "web",
            daysAgo: 16,
            comments: [
                DemoComment(
                    author: "nigel.ashcroft@harborlogistics.example",
                    kind: .publicReply,
                    body: """
                    Since Sunday's automatic update, the Dispatch board at our Leeds depot has come up with the default \
                    configuration. All 46 route templates and our shift patterns are gone. The drivers are being given \
                    routes off a printout.

                    Please call me on the number in my profile.

                    Nigel Ashcroft
                    Depot Systems, Harbor Logistics (Leeds)
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "owen.pryce@brightbeam.example",
                    kind: .call(
                        direction: "outbound", from: "+18005550142", to: "+442079460321",
                        participants: ["owen.pryce@brightbeam.example", "nigel.ashcroft@harborlogistics.example"],
                        durationSeconds: 1_980
                    ),
                    body: """
                    Friendly start. He asked me to call him Nigel and told me about his snowboarding weekend. The fix is \
                    simple: the update wrote a fresh dispatch.yaml, and the old config is still in the backup folder, so \
                    it only needs to be re-applied.

                    I asked him to install BrightAssist (our free remote-support client) so I could walk through it with \
                    him. His mood changed completely. He shouted that we always make him download software, that this is \
                    how we make our money, that I'm the worst and should be fired. I apologised several times, and he kept \
                    going for about fifteen minutes. I told him I would send a written guide instead, since he didn't want \
                    to install the free tool, and ended the call.
                    """,
                    minutesAfterStart: 50,
                    changes: ["status": "open", "assignee": "owen.pryce@brightbeam.example", "group": "Customer Care"]
                ),
                DemoComment(
                    author: "owen.pryce@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hello Nigel,

                    As promised, here is how to restore the Leeds depot's configuration without any remote-access \
                    software. Screenshots for each step are attached. It takes about ten minutes.

                    1. On the Dispatch server, open Services and note that "Dispatch Board" and "Dispatch Sync" are running.
                    2. Stop "Dispatch Sync" FIRST, then "Dispatch Board". This step matters: if Sync is still running, it \
                    writes the default configuration back over your restored files within a few seconds.
                    3. Open C:\\ProgramData\\Brightbeam\\Dispatch\\backup and find the folder with Saturday's date.
                    4. Copy dispatch.yaml and the routes folder from that backup into C:\\ProgramData\\Brightbeam\\Dispatch, \
                    replacing the existing files.
                    5. Start "Dispatch Board", wait for the status light to turn green, then start "Dispatch Sync".
                    6. Refresh the board. Your 46 route templates and shift patterns should be back.

                    If anything looks different from the screenshots, stop and reply here with a photo of the screen, and \
                    I'll tell you exactly where you are.

                    Owen Pryce, Customer Care
                    """,
                    minutesAfterStart: 240,
                    changes: ["status": "pending"]
                ),
                DemoComment(
                    author: "rickey.dalton@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Nigel rang the main line and asked for me. I told him that after the way he spoke to my engineer on \
                    the last call, we're doing this one in writing. Owen, please give him a quick call to confirm the guide \
                    has been sent, and keep it short.
                    """,
                    minutesAfterStart: 250
                ),
                DemoComment(
                    author: "owen.pryce@brightbeam.example",
                    kind: .call(
                        direction: "outbound", from: "+18005550142", to: "+442079460321",
                        participants: ["owen.pryce@brightbeam.example", "nigel.ashcroft@harborlogistics.example"],
                        durationSeconds: 210
                    ),
                    body: """
                    Called to confirm the guide was in his inbox. He went into another room and said he "knows people in \
                    this company" and will have me fired and make sure I never work again if the guide doesn't work. I \
                    told him he was welcome to raise any concerns with my manager. Call ended.
                    """,
                    minutesAfterStart: 262
                ),
                DemoComment(
                    author: "owen.pryce@brightbeam.example",
                    kind: .call(
                        direction: "inbound", from: "+442079460321", to: "+18005550142",
                        participants: [
                            "nigel.ashcroft@harborlogistics.example",
                            "owen.pryce@brightbeam.example",
                            "rickey.dalton@brightbeam.example",
                        ],
                        durationSeconds: 560
                    ),
                    body: """
                    Twenty-five minutes after the guide went out, Nigel called shouting "it isn't working" and demanded \
                    my manager. He wouldn't say which step failed. Transferred to Rickey.
                    """,
                    minutesAfterStart: 290,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "rickey.dalton@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Took the transfer. We've agreed on one call tomorrow at 08:30 UK time: Nigel, his manager Fiona Grant \
                    (now CC'd), Owen, Owen's mentor Jamie, and me. Owen is 100% sure of the fix and has triple-checked the \
                    guide. So am I.
                    """,
                    minutesAfterStart: 305
                ),
                DemoComment(
                    author: "owen.pryce@brightbeam.example",
                    kind: .call(
                        direction: "outbound", from: "+18005550142", to: "+442079460322",
                        participants: [
                            "owen.pryce@brightbeam.example",
                            "rickey.dalton@brightbeam.example",
                            "jamie.cole@brightbeam.example",
                            "nigel.ashcroft@harborlogistics.example",
                            "fiona.grant@harborlogistics.example",
                        ],
                        durationSeconds: 540
                    ),
                    body: """
                    Joint call. Nigel shared his screen and we went through the guide from the top. He had skipped step 2 \
                    (stop Dispatch Sync first), so Sync had been putting the defaults back each time. With Sync stopped, \
                    the restore worked, and the board came back with all 46 templates within five minutes.

                    Nigel said it was a conspiracy to get him fired. Fiona suggested we end the call there, and we did.
                    """,
                    minutesAfterStart: 1_230
                ),
                DemoComment(
                    author: "owen.pryce@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hello Nigel, hello Fiona,

                    Thanks for your time this morning. As we saw on the call, the Leeds board is back with all 46 route \
                    templates and the shift patterns. The guide above is the full procedure, in case the other depots get \
                    the same update.

                    I'm marking this solved. Reply here if anything comes back.

                    Owen Pryce, Customer Care
                    """,
                    minutesAfterStart: 1_250,
                    changes: ["status": "solved"]
                ),
                DemoComment(
                    author: "rickey.dalton@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Decision: tickets from Nigel Ashcroft must never be routed to Owen again. Nigel threatened Owen's job \
                    twice on this case. Alex, please add a routing exclusion.

                    Owen, the written guide is what fixed this. Well done. We're adding it to the help centre.
                    """,
                    minutesAfterStart: 1_280
                ),
                DemoComment(
                    author: "alex.mercer@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Exclusion added: tickets requested by nigel.ashcroft@harborlogistics.example will not be assigned to \
                    owen.pryce@brightbeam.example. It's also noted on Nigel's profile.
                    """,
                    minutesAfterStart: 1_330
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-remote-access-2",
            subject: "Can we use the Dispatch restore guide at our other depots?",
            type: "question",
            priority: "normal",
            status: "pending",
            requester: "fiona.grant@harborlogistics.example",
            assignee: "owen.pryce@brightbeam.example",
            group: "Customer Care",
            tags: ["dispatch", "config-restore", "written-guide"],
            daysAgo: 13,
            comments: [
                DemoComment(
                    author: "fiona.grant@harborlogistics.example",
                    kind: .publicReply,
                    body: """
                    Hello Owen,

                    Your restore guide fixed Leeds in five minutes once it was followed properly. Hull, Bristol and \
                    Felixstowe are on the same version and due the same update next weekend. Could you send it as a PDF \
                    we can give to each depot, and confirm that the same steps apply to Dispatch 4.x?

                    Thank you, and thank you for your patience last week.

                    Fiona Grant
                    Head of Depot Operations, Harbor Logistics
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "owen.pryce@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hello Fiona,

                    The PDF is attached. The steps are the same on 4.x, with one difference: the backup folder is under \
                    Dispatch\\data\\backup instead of Dispatch\\backup, and I've noted that in step 3.

                    Your depots can also skip the restore altogether: if each depot stops Dispatch Sync before the update \
                    and starts it again afterwards, the configuration survives. Let me know how the weekend goes.

                    Owen Pryce, Customer Care
                    """,
                    minutesAfterStart: 150,
                    changes: ["status": "pending", "assignee": "owen.pryce@brightbeam.example", "group": "Customer Care"]
                ),
            ]
        ),
    ]

    // MARK: - Story 004: the network switch 2.5 hours away, and the advance replacement

    private static let networkSwitchTickets: [DemoTicket] = [
        DemoTicket(
            externalID: "demo-network-switch-1",
            subject: "EdgeSwitch 24P dropping ports 13-24 at client site, need replacement",
            type: "incident",
            priority: "high",
            status: "solved",
            requester: "marcus.bell@keystonenet.example",
            assignee: "linda.marsh@brightbeam.example",
            group: "Hardware Support",
            tags: ["hardware", "advance-replacement", "warranty", "edgeswitch", "rma"],
            ccs: ["priya.shah@keystonenet.example"],
            followers: [
                "allen.reyes@brightbeam.example",
                "victor.huang@brightbeam.example",
                "greg.tillman@brightbeam.example",
                "dana.whitfield@brightbeam.example",
            ],
            via: "web",
            daysAgo: 8,
            comments: [
                DemoComment(
                    author: "marcus.bell@keystonenet.example",
                    kind: .publicReply,
                    body: """
                    EdgeSwitch 24P, serial ES24P-7731-0418, at our client's site (Brookfield Family Clinic). Ports 13 to \
                    24 keep dropping: the link lights go dark, the devices fall off the network, and a power cycle brings \
                    them back for a few hours. This is their production network, and the clinic has clear uptime \
                    expectations.

                    I was on site Monday. I replaced cables, moved devices to known-good patch panel ports, and swapped \
                    the uplink, and it's the same every time. I'm confident it's the switch.

                    The site is two and a half hours from me. There's no remote access (the clinic doesn't allow VPN) and \
                    we have no spare 24P in stock. I need a replacement shipped before I drive back out.

                    Marcus Bell
                    Field Engineer, Keystone Networks
                    """,
                    minutesAfterStart: 0
                ),
                DemoComment(
                    author: "allen.reyes@brightbeam.example",
                    kind: .call(
                        direction: "inbound", from: "+12025550151", to: "+18005550142",
                        participants: ["marcus.bell@keystonenet.example", "allen.reyes@brightbeam.example"],
                        durationSeconds: 1_320
                    ),
                    body: """
                    Marcus believes it's the hardware. The unit is on firmware 4.1.3, and 4.1.x has a known port-flap bug \
                    on ports 13-24 of the 24P that 4.2.1 fixes. I told him I believe him, but that a firmware upgrade may \
                    well resolve it, and I'd like to troubleshoot further before we replace hardware.

                    He explained he has no remote access and is 2.5 hours from the site. I still declined a replacement \
                    until we've tried 4.2.1 and have the show-tech output. The customer ended the call.
                    """,
                    minutesAfterStart: 45,
                    changes: ["status": "open", "priority": "high", "assignee": "allen.reyes@brightbeam.example", "group": "Hardware Support"]
                ),
                DemoComment(
                    author: "allen.reyes@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Marcus,

                    Thanks for your time on the phone. To recap: the symptoms match a known issue in firmware 4.1.x, fixed \
                    in 4.2.1. Before we replace the hardware, I'd like to:

                    1. Upgrade the switch to 4.2.1 (attached, with the upgrade steps).
                    2. Collect "show tech-support" output, ideally while ports are down.

                    I know getting to site is hard. If anyone at the clinic can plug in a laptop for us, I'm happy to walk \
                    them through it by phone.

                    Allen Reyes, Hardware Support
                    """,
                    minutesAfterStart: 60,
                    changes: ["status": "pending"]
                ),
                DemoComment(
                    author: "victor.huang@brightbeam.example",
                    kind: .call(
                        direction: "inbound", from: "+18005550123", to: "+18005550142",
                        participants: [
                            "dana.whitfield@brightbeam.example",
                            "marcus.bell@keystonenet.example",
                            "victor.huang@brightbeam.example",
                        ],
                        durationSeconds: 1_500
                    ),
                    body: """
                    Conf call, sales (Dana) + customer. Customer still wants an RMA. Declined: no hardware replacement \
                    without troubleshooting. Will follow up.
                    """,
                    minutesAfterStart: 1_470,
                    changes: ["status": "open", "assignee": "victor.huang@brightbeam.example"]
                ),
                DemoComment(
                    author: "linda.marsh@brightbeam.example",
                    kind: .call(
                        direction: "inbound", from: "+12025550151", to: "+18005550142",
                        participants: ["marcus.bell@keystonenet.example", "linda.marsh@brightbeam.example"],
                        durationSeconds: 1_680
                    ),
                    body: """
                    Third call on this case. Marcus is 2.5 hours from the equipment, has no spare, and has no remote \
                    access. The clinic is losing productivity every day, and he doesn't want to drive out without \
                    hardware in case it really is the switch.

                    I told him clearly that the warranty statement has a troubleshooting caveat: a warranty replacement \
                    assumes the customer works with us on troubleshooting, and we'll expect that from him in future. With \
                    that understood, I approved an advance replacement. On site, he'll upgrade the new unit to 4.2.1 and \
                    pull show-tech from the old one before he boxes it. He agreed to ship the original switch back if the \
                    fault turns out to be elsewhere.
                    """,
                    minutesAfterStart: 2_880,
                    changes: ["assignee": "linda.marsh@brightbeam.example"]
                ),
                DemoComment(
                    author: "linda.marsh@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Marcus,

                    As agreed on the phone, I've approved an advance replacement under warranty:

                    - RMA-20417: one EdgeSwitch 24P, shipping today by priority overnight to your office. Tracking to \
                    follow.
                    - Please upgrade it to 4.2.1 before you install it, and capture show-tech from the original unit \
                    before you power it down.
                    - A prepaid return label is attached. Please send the original unit back within 14 days. If the \
                    fault turns out to be elsewhere in the network, the warranty's troubleshooting caveat applies: the \
                    original comes back to us, and we'll work through the troubleshooting with you.

                    Linda Marsh, Hardware Support
                    """,
                    minutesAfterStart: 2_905,
                    changes: ["status": "pending"]
                ),
                DemoComment(
                    author: "linda.marsh@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Decision record, RMA-20417: advance replacement approved.

                    What I had: Allen's call and reply, then a one-line note from Victor's conference call, and nothing \
                    since. Before deciding, I went to find Greg and the service parts desk. Nobody was at their desk, and \
                    the customer was on hold. So I made the decision.

                    Why: the customer is 2.5 hours from the site, with no remote access and no spare, on a production \
                    network. A replacement on site is the fastest way to troubleshoot anyway. If the fault moves with the \
                    old switch, we know; if not, the original comes back under the caveat.

                    For everyone involved (Allen, Victor, Greg, Dana; you're all following this ticket): this is what I \
                    did and why. If something was agreed after the conference call, it wasn't in the case notes.
                    """,
                    minutesAfterStart: 2_915
                ),
                DemoComment(
                    author: "victor.huang@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    For the record: after the conference call I spoke to Greg and to service parts, and we agreed to hold \
                    the RMA until 4.2.1 had been tried. I didn't write that up. That's on me.
                    """,
                    minutesAfterStart: 3_000
                ),
                DemoComment(
                    author: "greg.tillman@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    The replacement is within the warranty terms, so the decision stands. My concern is that we've shown \
                    a customer he can keep calling until he reaches an agent who says yes. We'll talk about that at the \
                    team meeting.

                    Everyone: write up your case notes straight after every call, especially if you've talked to me or to \
                    service parts. And if you need me and I'm away from my desk, page me.
                    """,
                    minutesAfterStart: 3_120
                ),
                DemoComment(
                    author: "marcus.bell@keystonenet.example",
                    kind: .publicReply,
                    body: """
                    Linda, the replacement arrived this morning. I upgraded it to 4.2.1 and installed it this afternoon. \
                    All 24 ports have been up for three hours, and the clinic is happy. Show-tech from the old unit is \
                    attached. The old switch goes back with your label tomorrow.

                    Thank you. You saved me another five-hour round trip.
                    """,
                    minutesAfterStart: 4_420,
                    changes: ["status": "open"]
                ),
                DemoComment(
                    author: "linda.marsh@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Great news, Marcus. Once the original is here, we'll bench-test it and let you know what we find. \
                    Putting this on hold until then.
                    """,
                    minutesAfterStart: 4_470,
                    changes: ["status": "hold"]
                ),
                DemoComment(
                    author: "linda.marsh@brightbeam.example",
                    kind: .internalNote,
                    body: """
                    Bench test of ES24P-7731-0418: on 4.2.1, ports 13-24 lose link within 40 minutes under load. The \
                    PHY for that port bank has failed, so it was a hardware fault. Sent to the manufacturer's failure \
                    analysis. Allen, Victor, Greg, FYI.
                    """,
                    minutesAfterStart: 8_700
                ),
                DemoComment(
                    author: "linda.marsh@brightbeam.example",
                    kind: .publicReply,
                    body: """
                    Hi Marcus,

                    We've bench-tested the original switch. It still drops ports 13-24 on 4.2.1, so the fault was in the \
                    hardware, as you said. Nothing more is needed from you, and the replacement is yours to keep under \
                    warranty.

                    Thanks for working with us on this.

                    Linda Marsh, Hardware Support
                    """,
                    minutesAfterStart: 8_720,
                    changes: ["status": "solved"]
                ),
            ]
        ),
        DemoTicket(
            externalID: "demo-network-switch-firmware",
            subject: "Is firmware 4.2.1 safe for our other EdgeSwitch 24P units?",
            type: "question",
            priority: "low",
            status: "new",
            requester: "priya.shah@keystonenet.example",
            group: "Hardware Support",
            tags: ["hardware", "firmware", "edgeswitch"],
            via: "web",
            daysAgo: 0.4,
            comments: [
                DemoComment(
                    author: "priya.shah@keystonenet.example",
                    kind: .publicReply,
                    body: """
                    Hello,

                    After the Brookfield case, we'd like to move our other 24P units at client sites (eleven of them, all \
                    on 4.1.x) to 4.2.1 before they hit the same port-flap problem.

                    Are there any known issues with 4.2.1 on units that use LACP uplinks? And is there a way to schedule the \
                    upgrade for a maintenance window rather than applying it right away?

                    Thanks,
                    Priya Shah
                    Network Operations, Keystone Networks
                    """,
                    minutesAfterStart: 0
                ),
            ]
        ),
    ]
}
