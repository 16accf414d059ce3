/// The OpenAPI 3 description of /api/v2, served at /api/v2/openapi.json.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.0.3",
      "info": {
        "title": "Casebook API",
        "version": "2",
        "description": "Casebook's REST API follows the [Zendesk Support API](https://developer.zendesk.com/api-reference/ticketing/introduction/):\nthe same paths, root keys (`{\"ticket\": {...}}`), field names, error bodies and pagination, so Zendesk\nclients such as zenpy work against it unchanged. This document describes the API **as Casebook implements it**;\nCasebook-only additions are marked as such.\n\n## Paths and the `.json` suffix\nEvery path may also be called with a `.json` suffix, exactly as Zendesk clients do:\n`GET /api/v2/tickets/42.json` is the same request as `GET /api/v2/tickets/42`, and\n`GET /healthz.json` the same as `GET /healthz`. Paths are listed here without the suffix. The one exception\nis this document itself, whose path is `/api/v2/openapi.json`.\n\n## Authentication\nSend an API token in one of two ways (password authentication is not accepted on the API):\n* HTTP Basic with the user name `{email}/token` and the token as password, e.g.\n  `Authorization: Basic base64(\"agent@example.com/token:cb_...\")` (scheme `basicAuth`);\n* `Authorization: Bearer {token}` (scheme `bearerAuth`).\n\nA request without credentials reaches the route, which answers **401** unless it is public (`/healthz`,\n`/api/v2/openapi.json`). Credentials that do not match an active user (an unknown token, a token of another\nemail, a suspended user, a malformed header) are refused with **401** on every `/api/v2` path.\nWhat a signed-in user may do depends on the role: `end-user`, `agent`, `lead`, `manager`, `admin`\n(lead and manager are agents with more authority). Staff (every role but end-user) see all tickets and\npeople; end-users see the tickets they requested, are CC'd on, or that belong to their organization when it\nshares tickets. Deleting tickets takes lead or above; managing staff, organizations, groups and memberships takes\nadmin. A missing permission answers **403**, a record the caller may not see answers **404**.\n\n## Errors\nErrors have Zendesk's shape `{\"error\": \"...\", \"description\": \"...\", \"details\": {...}}`:\n* **400** `InvalidJSON`: the body is missing, empty or not JSON, lacks its root object, or a query parameter\n  is malformed (e.g. `per_page=abc`, a bad cursor, missing `ids`); searches answer `InvalidSearch`.\n* **401** `Couldn't authenticate you`.\n* **403** `Forbidden`: the role lacks the permission.\n* **404** `RecordNotFound`: no such record, or not visible to the caller.\n* **409** `UpdateConflict`: a `safe_update` whose `updated_stamp` is stale.\n* **413** `RequestTooLarge`: the request body is over 1 MiB (raw mail to `POST /api/v2/inbound/email`: over\n  50 MB; a file to `POST /api/v2/uploads`: over 20 MB).\n* **422** `RecordInvalid` with `details` mapping each field to a list of `{\"error\", \"description\"}`\n  (`BlankValue`, `InvalidValue`, `DuplicateValue`, `PermissionDenied`), e.g.\n  `{\"error\": \"RecordInvalid\", \"description\": \"Record validation errors\", \"details\": {\"subject\": [{\"error\": \"BlankValue\", \"description\": \"Subject: cannot be blank\"}]}}`.\n* **429** `TooManyRequests`: over the per-token rate limit (700 requests a minute unless the server is configured\n  otherwise); wait the number of seconds in `Retry-After`. Authenticated responses carry `X-Rate-Limit` and\n  `X-Rate-Limit-Remaining`.\n\n## Pagination\nLists page in one of Zendesk's two ways; the parameters choose:\n* **Offset**: `page` (from 1) and `per_page` (default 100, at most 100). The response has `next_page` and\n  `previous_page` (absolute URLs or `null`) and `count`.\n* **Cursor**: `page[size]` (at most 100), `page[after]`, `page[before]` (opaque cursors from a previous response).\n  The response has `meta: {has_more, after_cursor, before_cursor}` and `links: {next, prev}` (absolute URLs or\n  `null`). Sending `page[after]` or `page[before]` without `page[size]` pages by 100.\n\nQuery keys may be sent with literal or percent-encoded brackets (`page%5Bsize%5D=100`).\n\n## Casebook extensions\n* **Call logs**: a comment with a `call` object (`direction`, `from`, `to`, `participants`, `duration` in seconds)\n  records a phone call; its body is the call summary. It comes back as a `VoiceComment` whose `data` holds the call,\n  and its audit's `via.channel` is `voice`.\n* **Idempotent creates**: `POST /api/v2/tickets` with an `Idempotency-Key` header returns the first answer again\n  for a retry with the same key and body, instead of creating a duplicate.\n* `casebook_role` on users gives the full Casebook role (`lead`, `manager`, ...); `role` keeps Zendesk's three values.\n* **Inbound mail**: `POST /api/v2/inbound/email` takes one raw RFC 5322 message (the door `casebook mailgate`\n  uses) and turns it into a ticket, a reply or an internal note. Every message is stored before it is processed;\n  admins list what came in, download originals and retry quarantined or held messages under `/api/v2/inbound/emails`.\n* **Outbox**: notification mail is queued in a durable outbox in the same transaction as the change that caused it,\n  then sent over SMTP with retries; admins list it at `GET /api/v2/outbox` and send a message again with\n  `POST /api/v2/outbox/{id}/retry`.\n* **Routing**: new unassigned tickets go through routing rules (`/api/v2/routing_rules`), then to an online agent\n  of the group (round robin or least loaded, within capacity and skills); a ticket nobody can take waits in\n  `GET /api/v2/routing/queue`. Agents set their presence at `/api/v2/presence/me`. Exclusion rules\n  (`/api/v2/exclusion_rules`) keep an agent away from a requester or organization: routing skips the agent, and a manual\n  assignment needs `override_exclusion` from a lead or above. Agents escalate with `POST /api/v2/tickets/{id}/escalations`;\n  `GET /api/v2/tickets/{id}/repeat_contacts` shows a requester's earlier tickets about the same thing. Audits record\n  these as `Notice` events.\n* **SLAs**: Zendesk's business-hours schedules and SLA policies, with Casebook's `pause_on`, `schedule_id` and\n  `escalation` (raise priority, move group, tag, mail leads before or at a breach); `GET /api/v2/tickets/{id}/slas`\n  shows a ticket's targets and `GET /api/v2/incremental/ticket_metric_events` is Zendesk's metric events feed. A durable job runner (the `jobs` table) checks SLAs every 30 s and retries waiting\n  tickets every 30 s and as soon as an agent comes online.\n* **Orders**: a product catalogue (`/api/v2/products`, variants by SKU) and a stock ledger (`GET /api/v2/stock`:\n  available, reserved, quarantined, shipped). `POST /api/v2/stock_receipts` books an inspected delivery (defects to\n  quarantine, claims against the supplier). `POST /api/v2/orders` reserves stock or puts a line in its SKU's\n  backorder queue (`GET /api/v2/backorders?sku=`), where leads move entries with a reason and staff record each\n  customer's preference (wait, refund, substitutes, partial shipment). `POST /api/v2/allocations` previews or commits\n  who gets the stock; linked tickets get a `Notice` for each step.\n* **Refunds and fulfilment errors**: `POST /api/v2/orders/{id}/refunds` gives a refund within the caller's limit or files it for\n  approval (`/api/v2/refunds`, approve/decline); `POST /api/v2/fulfilment_errors` records a wrong, damaged or missing item with an\n  expedited replacement and a refund; `GET /api/v2/order_events` lists them as webhook-ready events.\n"
      },
      "servers": [
        {
          "url": "/",
          "description": "This Casebook server (paths include `/api/v2`)."
        }
      ],
      "security": [
        {
          "basicAuth": []
        },
        {
          "bearerAuth": []
        }
      ],
      "tags": [
        {
          "name": "Tickets"
        },
        {
          "name": "Ticket Comments"
        },
        {
          "name": "Ticket Audits"
        },
        {
          "name": "Tags"
        },
        {
          "name": "Incremental Export"
        },
        {
          "name": "Job Statuses"
        },
        {
          "name": "Users"
        },
        {
          "name": "Organizations"
        },
        {
          "name": "Groups"
        },
        {
          "name": "Group Memberships"
        },
        {
          "name": "Search"
        },
        {
          "name": "Attachments"
        },
        {
          "name": "Inbound Mail"
        },
        {
          "name": "Outbox"
        },
        {
          "name": "Routing"
        },
        {
          "name": "SLAs"
        },
        {
          "name": "Orders"
        },
        {
          "name": "Service"
        },
        {
          "name": "Hardware",
          "description": "Assets, warranty terms, troubleshooting checklists and RMAs."
        },
        {
          "name": "Decisions",
          "description": "Exceptions on the record, notifications and case notes."
        },
        {
          "name": "Follow-ups",
          "description": "Follow-up tasks on tickets (owner, due time, reminders, escalation) and remote-assistance sessions."
        },
        {
          "name": "Satisfaction",
          "description": "Satisfaction ratings (CSAT), NPS answers, loyalty settings and the satisfaction-and-loyalty report."
        },
        {
          "name": "Help Center",
          "description": "Categories, sections and articles of the knowledge base (Zendesk Guide's Help Center API)."
        },
        {
          "name": "Reports",
          "description": "Built-in reports with charts, tables and CSV (Casebook extension)."
        }
      ],
      "paths": {
        "/api/v2/tickets": {
          "get": {
            "operationId": "listTickets",
            "summary": "List tickets",
            "tags": [
              "Tickets"
            ],
            "description": "The tickets the caller may see, by id. Offset pagination by default; `page[size]` switches to cursors.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketPage"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createTicket",
            "summary": "Create a ticket",
            "tags": [
              "Tickets"
            ],
            "description": "Creates a ticket whose first comment is `comment` (or `description`). The requester defaults to the caller; a `requester` email nobody has yet creates an end-user.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/TicketCreateRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketAuditResponse"
                    }
                  }
                },
                "headers": {
                  "x-idempotency-lookup": {
                    "description": "`hit` when this is the stored answer to an earlier request with the same `Idempotency-Key`.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "hit"
                      ]
                    }
                  }
                }
              },
              "422": {
                "description": "Validation failed (`RecordInvalid` with `details`), or the `Idempotency-Key` was used with a different body (`IdempotentRequestError`).",
                "content": {
                  "application/json": {
                    "schema": {
                      "oneOf": [
                        {
                          "$ref": "\u0023/components/schemas/ValidationError"
                        },
                        {
                          "type": "object",
                          "properties": {
                            "error": {
                              "type": "string",
                              "enum": [
                                "IdempotentRequestError"
                              ]
                            },
                            "description": {
                              "type": "string"
                            }
                          },
                          "required": [
                            "error",
                            "description"
                          ]
                        }
                      ]
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/create_many": {
          "post": {
            "operationId": "createManyTickets",
            "summary": "Create many tickets",
            "tags": [
              "Tickets"
            ],
            "description": "Creates up to 100 tickets (staff only), all or none. Casebook runs the job before answering, so the returned job status is already `completed`.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "type": "object",
                    "properties": {
                      "tickets": {
                        "type": "array",
                        "items": {
                          "$ref": "\u0023/components/schemas/TicketCreate"
                        },
                        "maxItems": 100
                      }
                    },
                    "required": [
                      "tickets"
                    ]
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/JobStatusResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/show_many": {
          "get": {
            "operationId": "showManyTickets",
            "summary": "Show many tickets",
            "tags": [
              "Tickets"
            ],
            "description": "The listed tickets the caller may see, by id; unknown ids are left out.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/TicketIds"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/update_many": {
          "put": {
            "operationId": "updateManyTickets",
            "summary": "Update many tickets",
            "tags": [
              "Tickets"
            ],
            "description": "Staff only, up to 100 tickets, all or none. Either the same change for every ticket in `ids` (`{\"ticket\": {...}}`) or one change per ticket (`{\"tickets\": [{\"id\": 1, ...}]}`). The returned job status is already `completed`.",
            "parameters": [
              {
                "name": "ids",
                "in": "query",
                "required": false,
                "description": "Comma-separated ticket ids (1 to 100), with a `{\"ticket\": {...}}` body.",
                "style": "form",
                "explode": false,
                "schema": {
                  "type": "array",
                  "items": {
                    "type": "integer",
                    "minimum": 1
                  },
                  "minItems": 1,
                  "maxItems": 100
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "oneOf": [
                      {
                        "type": "object",
                        "properties": {
                          "ticket": {
                            "$ref": "\u0023/components/schemas/TicketUpdate"
                          }
                        },
                        "required": [
                          "ticket"
                        ]
                      },
                      {
                        "type": "object",
                        "properties": {
                          "tickets": {
                            "type": "array",
                            "items": {
                              "allOf": [
                                {
                                  "$ref": "\u0023/components/schemas/TicketUpdate"
                                },
                                {
                                  "type": "object",
                                  "properties": {
                                    "id": {
                                      "type": "integer",
                                      "minimum": 1
                                    }
                                  },
                                  "required": [
                                    "id"
                                  ]
                                }
                              ]
                            },
                            "maxItems": 100
                          }
                        },
                        "required": [
                          "tickets"
                        ]
                      }
                    ]
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/JobStatusResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "409": {
                "$ref": "\u0023/components/responses/UpdateConflict"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}": {
          "get": {
            "operationId": "showTicket",
            "summary": "Show a ticket",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              },
              {
                "name": "include",
                "in": "query",
                "description": "`slas` (**Casebook extension** of Zendesk's sideload): for staff, the ticket gains `slas.policy_metrics`, the same objects as `GET /api/v2/tickets/{id}/slas` (`TicketSLAMetric`). Ignored for end-users.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "slas"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateTicket",
            "summary": "Update a ticket",
            "tags": [
              "Tickets"
            ],
            "description": "Changes fields and/or adds a comment, recorded as one audit. With `safe_update: true` and `updated_stamp`, the update only happens if nobody changed the ticket since `updated_stamp` (otherwise 409 `UpdateConflict`). Assigning an agent whom an exclusion rule keeps away from the requester or organization answers 422 `RecordInvalid` with error `ExclusionRule` on `assignee_id`, unless a lead or above sends `override_exclusion: true`.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/TicketUpdateRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketAuditResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "409": {
                "$ref": "\u0023/components/responses/UpdateConflict"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteTicket",
            "summary": "Delete a ticket",
            "tags": [
              "Tickets"
            ],
            "description": "Soft-deletes the ticket (lead and above).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/comments": {
          "get": {
            "operationId": "listTicketComments",
            "summary": "List a ticket's comments",
            "tags": [
              "Ticket Comments"
            ],
            "description": "Oldest first unless `sort_order=desc` (or `sort=-created_at`). End-users do not see internal notes.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              },
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "sort_order",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "asc",
                    "desc"
                  ],
                  "default": "asc"
                }
              },
              {
                "name": "sort",
                "in": "query",
                "description": "`-created_at` is the same as `sort_order=desc`.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "created_at",
                    "-created_at"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/CommentPage"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/audits": {
          "get": {
            "operationId": "listTicketAudits",
            "summary": "List a ticket's audits",
            "tags": [
              "Ticket Audits"
            ],
            "description": "The ticket's whole history, oldest first, in one page. End-users do not see internal-note events.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AuditList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/tags": {
          "get": {
            "operationId": "listTicketTags",
            "summary": "List a ticket's tags",
            "tags": [
              "Tags"
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TagList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "addTicketTags",
            "summary": "Add tags",
            "tags": [
              "Tags"
            ],
            "description": "Adds the tags (Casebook adds here, as with PUT). Staff only; recorded as an audited update, and `safe_update`/`updated_stamp` work as on a ticket update.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/TagsRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The ticket's tags after the change.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TagList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "409": {
                "$ref": "\u0023/components/responses/UpdateConflict"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "putTicketTags",
            "summary": "Add tags",
            "tags": [
              "Tags"
            ],
            "description": "Adds the tags to the ticket's. Staff only; recorded as an audited update, and `safe_update`/`updated_stamp` work as on a ticket update.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/TagsRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The ticket's tags after the change.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TagList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "409": {
                "$ref": "\u0023/components/responses/UpdateConflict"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "removeTicketTags",
            "summary": "Remove tags",
            "tags": [
              "Tags"
            ],
            "description": "Removes the tags from the ticket. Staff only; recorded as an audited update, and `safe_update`/`updated_stamp` work as on a ticket update.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/TagsRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The ticket's tags after the change.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TagList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "409": {
                "$ref": "\u0023/components/responses/UpdateConflict"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/incremental/tickets/cursor": {
          "get": {
            "operationId": "incrementalTicketExport",
            "summary": "Incremental ticket export",
            "tags": [
              "Incremental Export"
            ],
            "description": "Tickets changed since a time, oldest change first, for exports and sync (staff only; deleted tickets are left out). Start with `start_time`, then follow `after_url` (or pass `after_cursor` as `cursor`) until `end_of_stream` is true.",
            "parameters": [
              {
                "name": "start_time",
                "in": "query",
                "description": "Unix time in seconds; required without `cursor`.",
                "schema": {
                  "type": "integer",
                  "minimum": 0
                }
              },
              {
                "name": "cursor",
                "in": "query",
                "description": "The `after_cursor` of the previous batch.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "per_page",
                "in": "query",
                "description": "Tickets per batch (capped at 1000).",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 1000,
                  "default": 1000
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/IncrementalTicketExport"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/job_statuses/{id}": {
          "get": {
            "operationId": "showJobStatus",
            "summary": "Show a job status",
            "tags": [
              "Job Statuses"
            ],
            "description": "A bulk job from the last hour.",
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The job's id.",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/JobStatusResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users": {
          "get": {
            "operationId": "listUsers",
            "summary": "List users",
            "tags": [
              "Users"
            ],
            "description": "Staff only; by id.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "role",
                "in": "query",
                "description": "Only users with this Casebook role; `agent` includes leads and managers. An unknown role is ignored.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "end-user",
                    "agent",
                    "lead",
                    "manager",
                    "admin"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UserPage"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createUser",
            "summary": "Create a user",
            "tags": [
              "Users"
            ],
            "description": "Staff only; creating agents and admins takes an admin.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/UserRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UserResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/me": {
          "get": {
            "operationId": "showCurrentUser",
            "summary": "Show the signed-in user",
            "tags": [
              "Users"
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UserResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/search": {
          "get": {
            "operationId": "searchUsers",
            "summary": "Search users",
            "tags": [
              "Users"
            ],
            "description": "Staff only. Up to 100 users, by id, whose name or email contains the text (case-insensitive) or whose external id equals it.",
            "parameters": [
              {
                "name": "query",
                "in": "query",
                "description": "Text to look for; required unless `external_id`.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "external_id",
                "in": "query",
                "description": "Used when `query` is absent.",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UserSearchResults"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/show_many": {
          "get": {
            "operationId": "showManyUsers",
            "summary": "Show many users",
            "tags": [
              "Users"
            ],
            "description": "Staff only. The listed users (up to 100); unknown ids are left out.",
            "parameters": [
              {
                "name": "ids",
                "in": "query",
                "description": "Comma-separated user ids (without it the list is empty).",
                "style": "form",
                "explode": false,
                "schema": {
                  "type": "array",
                  "items": {
                    "type": "integer",
                    "minimum": 1
                  },
                  "maxItems": 100
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "properties": {
                        "users": {
                          "type": "array",
                          "items": {
                            "$ref": "\u0023/components/schemas/User"
                          }
                        }
                      },
                      "required": [
                        "users"
                      ]
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/create_or_update": {
          "post": {
            "operationId": "createOrUpdateUser",
            "summary": "Create or update a user",
            "tags": [
              "Users"
            ],
            "description": "Staff only. Updates the user with the same `email` (else the same `external_id`), or creates one.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/UserRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Updated an existing user.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UserResponse"
                    }
                  }
                }
              },
              "201": {
                "description": "Created a user.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UserResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/{id}": {
          "get": {
            "operationId": "showUser",
            "summary": "Show a user",
            "tags": [
              "Users"
            ],
            "description": "Staff may see anyone; end-users only themselves.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UserResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateUser",
            "summary": "Update a user",
            "tags": [
              "Users"
            ],
            "description": "Staff may change end-users, admins anyone; end-users only their own profile (not their role).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/UserRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UserResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/{id}/group_memberships": {
          "get": {
            "operationId": "listUserGroupMemberships",
            "summary": "List a user's group memberships",
            "tags": [
              "Group Memberships"
            ],
            "description": "Staff only; an unknown user has none.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupMembershipList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/{id}/password": {
          "post": {
            "operationId": "setUserPassword",
            "summary": "Set a user's password",
            "tags": [
              "Users"
            ],
            "description": "Admins only. The password must be at least 10 characters, not a common password and not contain the user's email or name; setting it signs the user out of every browser session.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "type": "object",
                    "required": [
                      "password"
                    ],
                    "properties": {
                      "password": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The password was set.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/organizations": {
          "get": {
            "operationId": "listOrganizations",
            "summary": "List organizations",
            "tags": [
              "Organizations"
            ],
            "description": "Staff only; by id.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrganizationPage"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createOrganization",
            "summary": "Create an organization",
            "tags": [
              "Organizations"
            ],
            "description": "Admin only.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/OrganizationRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrganizationResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/organizations/create_or_update": {
          "post": {
            "operationId": "createOrUpdateOrganization",
            "summary": "Create or update an organization",
            "tags": [
              "Organizations"
            ],
            "description": "Admin only. Updates the organization with the same `external_id` (else the same name), or creates one.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/OrganizationRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Updated an existing organization.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrganizationResponse"
                    }
                  }
                }
              },
              "201": {
                "description": "Created an organization.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrganizationResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/organizations/search": {
          "get": {
            "operationId": "searchOrganizations",
            "summary": "Search organizations",
            "tags": [
              "Organizations"
            ],
            "description": "Staff only. Up to 100 organizations, by id, whose name or one of whose domains contains the text (case-insensitive). The text is `name`, else `external_id`, else `query`; one is required.",
            "parameters": [
              {
                "name": "name",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "external_id",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "query",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrganizationSearchResults"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/organizations/{id}": {
          "get": {
            "operationId": "showOrganization",
            "summary": "Show an organization",
            "tags": [
              "Organizations"
            ],
            "description": "Staff may see any organization; end-users only their own (others answer 404).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrganizationResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateOrganization",
            "summary": "Update an organization",
            "tags": [
              "Organizations"
            ],
            "description": "Admin only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/OrganizationRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrganizationResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteOrganization",
            "summary": "Delete an organization",
            "tags": [
              "Organizations"
            ],
            "description": "Admin only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/groups": {
          "get": {
            "operationId": "listGroups",
            "summary": "List groups",
            "tags": [
              "Groups"
            ],
            "description": "Staff only; by id.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupPage"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createGroup",
            "summary": "Create a group",
            "tags": [
              "Groups"
            ],
            "description": "Admin only.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/GroupRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/groups/{id}": {
          "get": {
            "operationId": "showGroup",
            "summary": "Show a group",
            "tags": [
              "Groups"
            ],
            "description": "Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateGroup",
            "summary": "Update a group",
            "tags": [
              "Groups"
            ],
            "description": "Admin only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/GroupRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteGroup",
            "summary": "Delete a group",
            "tags": [
              "Groups"
            ],
            "description": "Admin only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/groups/{id}/memberships": {
          "get": {
            "operationId": "listGroupMembershipsOfGroup",
            "summary": "List a group's memberships",
            "tags": [
              "Group Memberships"
            ],
            "description": "Staff only; an unknown group has none.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupMembershipList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/group_memberships": {
          "get": {
            "operationId": "listGroupMemberships",
            "summary": "List group memberships",
            "tags": [
              "Group Memberships"
            ],
            "description": "Staff only; all of them.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupMembershipList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createGroupMembership",
            "summary": "Add an agent to a group",
            "tags": [
              "Group Memberships"
            ],
            "description": "Admin only.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/GroupMembershipRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupMembershipResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/group_memberships/{id}": {
          "delete": {
            "operationId": "deleteGroupMembership",
            "summary": "Remove a group membership",
            "tags": [
              "Group Memberships"
            ],
            "description": "Admin only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/search": {
          "get": {
            "operationId": "search",
            "summary": "Search",
            "tags": [
              "Search"
            ],
            "description": "Searches tickets, users, organizations and groups in Zendesk's query language (see `query`). End-users only find tickets they can see. Pages with `page`/`per_page` only, up to 1,000 results; use `/api/v2/search/export` for more.",
            "parameters": [
              {
                "name": "query",
                "in": "query",
                "description": "Zendesk's search language. Terms are separated by spaces and must all match; prefix a term with `-` to negate it.\n* Free words `printer` and quoted phrases `\"pink units\"` match, case-insensitively as substrings: for tickets\n  the subject, description and comments (end-users only public comments; a number also matches the ticket id);\n  for users the name, email and phone; for organizations and groups the name.\n* `field:value`, and for ordered fields also `field<value`, `field>value`, `field<=value`, `field>=value`.\n  Values may be quoted: `group:\"Tier 2\"`. Field names are case-insensitive. An unknown field (`foo:bar`) is\n  searched as free text.\n* `type:ticket|user|organization|group` limits the result type (only with `:`, never negated).\n* Tickets: `status:` (`new`, `open`, `pending`, `hold`, `solved`, `closed`; comparisons follow that order, so\n  `status<solved` is new, open, pending or hold), `priority:` (`low`, `normal`, `high`, `urgent`, ordered),\n  `ticket_type:` (`question`, `incident`, `problem`, `task`), `assignee:`, `requester:`, `submitter:` (`me`, `none`,\n  a user id, an email or part of a name), `group:`, `organization:` (`none`, an id or the exact name),\n  `tags:`/`tag:`, `subject:`, `description:` (substring), `via:` (`api`, `web`, `email`, `voice`), and the dates\n  `created`, `updated`, `solved`, `due_date`.\n* Users: `name:`, `email:` (substring), `role:` (`end-user`, `agent`, `admin`; `agent` includes leads and managers),\n  `organization:`, `created`, `updated`.\n* Dates (UTC): `YYYY-MM-DD` is that whole day (`created:2026-01-05`; `created<2026-01-05` is before it,\n  `created>2026-01-05` from the next day on); an ISO 8601 date-time (`2026-01-05T10:00:00Z`) stands for its finest\n  given unit; relative values `30minutes`, `4hours`, `2days`, `1week`, `3months`, `1year` mean \"within the last ...\"\n  with `:`, `>` and `>=`, and \"more than ... ago\" with `<` and `<=`.\n* A term that cannot apply to a result type (e.g. `status:open` for users) excludes that type unless negated.\n\nMalformed queries (unterminated quote, missing value, unknown status/priority/type/role/via value, an unsupported\noperator such as `tags>x`, a bad date, two different `type:` terms) answer 400 `InvalidSearch`.\n",
                "schema": {
                  "type": "string"
                },
                "example": "printer status<solved assignee:me created>7days -tags:spam"
              },
              {
                "name": "filter[type]",
                "in": "query",
                "description": "Limits results to one type (like `type:` in the query).",
                "schema": {
                  "type": "string",
                  "enum": [
                    "ticket",
                    "user",
                    "organization",
                    "group"
                  ]
                }
              },
              {
                "name": "sort_by",
                "in": "query",
                "description": "Order of the tickets among the results.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "updated_at",
                    "created_at",
                    "priority",
                    "status",
                    "ticket_type"
                  ],
                  "default": "updated_at"
                }
              },
              {
                "name": "sort_order",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "asc",
                    "desc"
                  ],
                  "default": "desc"
                }
              },
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SearchResults"
                    }
                  }
                }
              },
              "400": {
                "description": "A malformed query (`InvalidSearch`), an unknown `filter[type]`, bad paging parameters, or cursor parameters.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Error"
                    },
                    "example": {
                      "error": "InvalidSearch",
                      "description": "Unterminated quote in '\"pink'"
                    }
                  }
                }
              },
              "422": {
                "description": "A page beyond the first 1,000 results.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Error"
                    },
                    "example": {
                      "error": "InvalidSearch",
                      "description": "Search returns at most 1000 results"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/search/count": {
          "get": {
            "operationId": "searchCount",
            "summary": "Count search results",
            "tags": [
              "Search"
            ],
            "description": "The number of results of a search.",
            "parameters": [
              {
                "name": "query",
                "in": "query",
                "description": "Zendesk's search language. Terms are separated by spaces and must all match; prefix a term with `-` to negate it.\n* Free words `printer` and quoted phrases `\"pink units\"` match, case-insensitively as substrings: for tickets\n  the subject, description and comments (end-users only public comments; a number also matches the ticket id);\n  for users the name, email and phone; for organizations and groups the name.\n* `field:value`, and for ordered fields also `field<value`, `field>value`, `field<=value`, `field>=value`.\n  Values may be quoted: `group:\"Tier 2\"`. Field names are case-insensitive. An unknown field (`foo:bar`) is\n  searched as free text.\n* `type:ticket|user|organization|group` limits the result type (only with `:`, never negated).\n* Tickets: `status:` (`new`, `open`, `pending`, `hold`, `solved`, `closed`; comparisons follow that order, so\n  `status<solved` is new, open, pending or hold), `priority:` (`low`, `normal`, `high`, `urgent`, ordered),\n  `ticket_type:` (`question`, `incident`, `problem`, `task`), `assignee:`, `requester:`, `submitter:` (`me`, `none`,\n  a user id, an email or part of a name), `group:`, `organization:` (`none`, an id or the exact name),\n  `tags:`/`tag:`, `subject:`, `description:` (substring), `via:` (`api`, `web`, `email`, `voice`), and the dates\n  `created`, `updated`, `solved`, `due_date`.\n* Users: `name:`, `email:` (substring), `role:` (`end-user`, `agent`, `admin`; `agent` includes leads and managers),\n  `organization:`, `created`, `updated`.\n* Dates (UTC): `YYYY-MM-DD` is that whole day (`created:2026-01-05`; `created<2026-01-05` is before it,\n  `created>2026-01-05` from the next day on); an ISO 8601 date-time (`2026-01-05T10:00:00Z`) stands for its finest\n  given unit; relative values `30minutes`, `4hours`, `2days`, `1week`, `3months`, `1year` mean \"within the last ...\"\n  with `:`, `>` and `>=`, and \"more than ... ago\" with `<` and `<=`.\n* A term that cannot apply to a result type (e.g. `status:open` for users) excludes that type unless negated.\n\nMalformed queries (unterminated quote, missing value, unknown status/priority/type/role/via value, an unsupported\noperator such as `tags>x`, a bad date, two different `type:` terms) answer 400 `InvalidSearch`.\n",
                "schema": {
                  "type": "string"
                },
                "example": "printer status<solved assignee:me created>7days -tags:spam"
              },
              {
                "name": "filter[type]",
                "in": "query",
                "description": "Limits results to one type (like `type:` in the query).",
                "schema": {
                  "type": "string",
                  "enum": [
                    "ticket",
                    "user",
                    "organization",
                    "group"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SearchCount"
                    }
                  }
                }
              },
              "400": {
                "description": "A malformed query or `filter[type]`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Error"
                    },
                    "example": {
                      "error": "InvalidSearch",
                      "description": "Unknown status 'opn' in 'status:opn'"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/search/export": {
          "get": {
            "operationId": "searchExport",
            "summary": "Export search results",
            "tags": [
              "Search"
            ],
            "description": "Ticket search without the 1,000-result cap, cursor-paged by ticket id. Requires `filter[type]=ticket` (or `type:ticket` in the query). Offset parameters are ignored: it always pages by cursor, 100 tickets a page unless `page[size]` says otherwise.",
            "parameters": [
              {
                "name": "query",
                "in": "query",
                "description": "Zendesk's search language. Terms are separated by spaces and must all match; prefix a term with `-` to negate it.\n* Free words `printer` and quoted phrases `\"pink units\"` match, case-insensitively as substrings: for tickets\n  the subject, description and comments (end-users only public comments; a number also matches the ticket id);\n  for users the name, email and phone; for organizations and groups the name.\n* `field:value`, and for ordered fields also `field<value`, `field>value`, `field<=value`, `field>=value`.\n  Values may be quoted: `group:\"Tier 2\"`. Field names are case-insensitive. An unknown field (`foo:bar`) is\n  searched as free text.\n* `type:ticket|user|organization|group` limits the result type (only with `:`, never negated).\n* Tickets: `status:` (`new`, `open`, `pending`, `hold`, `solved`, `closed`; comparisons follow that order, so\n  `status<solved` is new, open, pending or hold), `priority:` (`low`, `normal`, `high`, `urgent`, ordered),\n  `ticket_type:` (`question`, `incident`, `problem`, `task`), `assignee:`, `requester:`, `submitter:` (`me`, `none`,\n  a user id, an email or part of a name), `group:`, `organization:` (`none`, an id or the exact name),\n  `tags:`/`tag:`, `subject:`, `description:` (substring), `via:` (`api`, `web`, `email`, `voice`), and the dates\n  `created`, `updated`, `solved`, `due_date`.\n* Users: `name:`, `email:` (substring), `role:` (`end-user`, `agent`, `admin`; `agent` includes leads and managers),\n  `organization:`, `created`, `updated`.\n* Dates (UTC): `YYYY-MM-DD` is that whole day (`created:2026-01-05`; `created<2026-01-05` is before it,\n  `created>2026-01-05` from the next day on); an ISO 8601 date-time (`2026-01-05T10:00:00Z`) stands for its finest\n  given unit; relative values `30minutes`, `4hours`, `2days`, `1week`, `3months`, `1year` mean \"within the last ...\"\n  with `:`, `>` and `>=`, and \"more than ... ago\" with `<` and `<=`.\n* A term that cannot apply to a result type (e.g. `status:open` for users) excludes that type unless negated.\n\nMalformed queries (unterminated quote, missing value, unknown status/priority/type/role/via value, an unsupported\noperator such as `tags>x`, a bad date, two different `type:` terms) answer 400 `InvalidSearch`.\n",
                "schema": {
                  "type": "string"
                },
                "example": "printer status<solved assignee:me created>7days -tags:spam"
              },
              {
                "name": "filter[type]",
                "in": "query",
                "description": "Limits results to one type (like `type:` in the query).",
                "schema": {
                  "type": "string",
                  "enum": [
                    "ticket",
                    "user",
                    "organization",
                    "group"
                  ]
                }
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SearchExport"
                    }
                  }
                }
              },
              "400": {
                "description": "A malformed query, no ticket type filter, or a bad cursor.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Error"
                    },
                    "example": {
                      "error": "InvalidSearch",
                      "description": "Export needs filter[type]=ticket"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/uploads": {
          "post": {
            "operationId": "uploadFile",
            "summary": "Upload a file",
            "tags": [
              "Attachments"
            ],
            "description": "Uploads one file to attach to a comment, as in Zendesk: the body is the file's bytes and the `Content-Type` header is the file's type (`application/octet-stream` when absent). Any signed-in user. Put the returned `token` in `comment.uploads` when creating or updating a ticket and the upload's files become that comment's attachments. To add another file to the same upload, send the `token` of your own upload that no comment has used yet. A file is at most 20 MB.",
            "parameters": [
              {
                "name": "filename",
                "in": "query",
                "required": true,
                "description": "The file's name (a path is reduced to its last part).",
                "schema": {
                  "type": "string"
                },
                "example": "screenshot.png"
              },
              {
                "name": "token",
                "in": "query",
                "description": "Adds the file to this upload of yours instead of starting a new one.",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "description": "The file's bytes, as is (not multipart).",
              "content": {
                "*/*": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Uploaded.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/UploadResponse"
                    }
                  }
                }
              },
              "400": {
                "description": "The body is empty.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Error"
                    },
                    "example": {
                      "error": "InvalidJSON",
                      "description": "The upload is empty"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "413": {
                "description": "The file is over 20 MB.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Error"
                    },
                    "example": {
                      "error": "RequestTooLarge",
                      "description": "The body is larger than the 20 MB limit"
                    }
                  }
                }
              },
              "422": {
                "description": "`filename` is missing (`BlankValue`), or `token` names no pending upload of yours (`InvalidValue`).",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ValidationError"
                    }
                  }
                }
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/uploads/{token}": {
          "delete": {
            "operationId": "deleteUpload",
            "summary": "Delete an upload",
            "tags": [
              "Attachments"
            ],
            "description": "Deletes the files of an upload no comment has used yet. Your own uploads; admins may delete anyone's.",
            "parameters": [
              {
                "name": "token",
                "in": "path",
                "required": true,
                "description": "The upload's `token`.",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/attachments/{id}": {
          "get": {
            "operationId": "showAttachment",
            "summary": "Show an attachment",
            "tags": [
              "Attachments"
            ],
            "description": "Visible to whoever may see the ticket the attachment's comment is on; end-users only when that comment is public (never on an internal note). An upload no comment has used yet is visible to its uploader and admins only. Anything else answers 404.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AttachmentResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/attachments/{id}/content": {
          "get": {
            "operationId": "getAttachmentContent",
            "summary": "Download an attachment",
            "tags": [
              "Attachments"
            ],
            "description": "**Casebook extension.** The file's bytes, under the same rules as the attachment itself (otherwise 404). PNG, JPEG, GIF and WebP images, PDF and plain text are served inline with their own type; everything else is served as `application/octet-stream` with `Content-Disposition: attachment`, a download. Every answer carries `X-Content-Type-Options: nosniff` and a sandboxing `Content-Security-Policy`, so a file is never run by the browser.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "The file.",
                "headers": {
                  "Content-Disposition": {
                    "description": "`inline` or `attachment`, with the file name.",
                    "schema": {
                      "type": "string"
                    }
                  },
                  "X-Content-Type-Options": {
                    "description": "Always `nosniff`.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "nosniff"
                      ]
                    }
                  },
                  "ETag": {
                    "description": "The SHA-256 of the content.",
                    "schema": {
                      "type": "string"
                    }
                  }
                },
                "content": {
                  "*/*": {
                    "schema": {
                      "type": "string",
                      "format": "binary"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/inbound/email": {
          "post": {
            "operationId": "receiveInboundEmail",
            "summary": "Receive a raw email",
            "tags": [
              "Inbound Mail"
            ],
            "description": "**Casebook extension.** The door for incoming mail: `casebook mailgate`, piped from the MTA, posts every message here. The body is one raw RFC 5322 message, sent as is (`Content-Type: message/rfc822`, though any type is accepted), at most 50 MB. Admin token only (permission `receiveMail`).\n\nThe message is stored first, then threaded and applied in one transaction: a reply to a ticket (by a Message-ID Casebook knows, the ticket token in the subject or the `support+ID@` plus-address) becomes a comment, anything else opens a ticket, and a reply to a closed ticket opens a follow-up. Mail from staff becomes an internal note with `action=comment` or when sent to the notes address.\n\nA message that cannot be processed is quarantined with the reason, one over the per-sender rate limit is held, and Casebook's own mail coming back is ignored. These are still accepted (202): nothing is lost, and an admin can retry them. A Message-ID received before answers 200 with `duplicate: true` and changes nothing.",
            "parameters": [
              {
                "name": "queue",
                "in": "query",
                "description": "The name of the group a new ticket goes to. A name that is not a group opens the ticket without a group (noted in `error`).",
                "schema": {
                  "type": "string"
                },
                "example": "Hardware"
              },
              {
                "name": "action",
                "in": "query",
                "description": "`correspond`: replies and new requests. `comment`: mail from staff about an existing ticket becomes an internal note.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "correspond",
                    "comment"
                  ],
                  "default": "correspond"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "description": "One raw RFC 5322 message.",
              "content": {
                "message/rfc822": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                },
                "*/*": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "A duplicate: a message with this Message-ID was received before. Nothing happened; the answer is the earlier message's record with `duplicate: true`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/InboundEmailResponse"
                    }
                  }
                }
              },
              "201": {
                "description": "Processed: `ticket_id` and `comment_id` name the ticket and comment it made.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/InboundEmailResponse"
                    }
                  }
                }
              },
              "202": {
                "description": "Stored but not processed: `status` is `quarantined`, `held` or `ignored` and `error` says why. Accepted all the same (nothing is lost; an admin can retry it).",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/InboundEmailResponse"
                    }
                  }
                }
              },
              "400": {
                "description": "The body is empty.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Error"
                    },
                    "example": {
                      "error": "InvalidJSON",
                      "description": "The request body is empty; a raw RFC 5322 message was expected"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "description": "The message is over 50 MB (the mailgate has the MTA bounce it).",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Error"
                    },
                    "example": {
                      "error": "RequestTooLarge",
                      "description": "The body is larger than the 50 MB limit"
                    }
                  }
                }
              },
              "422": {
                "description": "`action` is neither `correspond` nor `comment`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ValidationError"
                    }
                  }
                }
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/inbound/emails": {
          "get": {
            "operationId": "listInboundEmails",
            "summary": "List received emails",
            "tags": [
              "Inbound Mail"
            ],
            "description": "**Casebook extension.** Every message received, newest first. `status=quarantined` or `status=held` lists what waits for an admin; `count` is the total for the filter. Admin only (permission `manageMail`).",
            "parameters": [
              {
                "name": "status",
                "in": "query",
                "description": "Only messages with this status.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "received",
                    "processed",
                    "quarantined",
                    "held",
                    "ignored"
                  ]
                }
              },
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/InboundEmailList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/inbound/emails/{id}": {
          "get": {
            "operationId": "showInboundEmail",
            "summary": "Show a received email",
            "tags": [
              "Inbound Mail"
            ],
            "description": "**Casebook extension.** What became of one message. Admin only (permission `manageMail`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/InboundEmailResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/inbound/emails/{id}/raw": {
          "get": {
            "operationId": "getInboundEmailRaw",
            "summary": "Download the original message",
            "tags": [
              "Inbound Mail"
            ],
            "description": "**Casebook extension.** The message exactly as it was received, as `message-{id}.eml`. Admin only (permission `manageMail`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "The raw RFC 5322 message.",
                "headers": {
                  "Content-Disposition": {
                    "description": "`attachment; filename=\"message-{id}.eml\"`",
                    "schema": {
                      "type": "string"
                    }
                  }
                },
                "content": {
                  "message/rfc822": {
                    "schema": {
                      "type": "string",
                      "format": "binary"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/inbound/emails/{id}/retry": {
          "post": {
            "operationId": "retryInboundEmail",
            "summary": "Process a received email again",
            "tags": [
              "Inbound Mail"
            ],
            "description": "**Casebook extension.** Processes a quarantined or held message again (a held message is released from the per-sender limit) and answers with it as it is now: `processed`, or quarantined again with the new reason. A message that was processed or ignored cannot be retried (422). No request body. Admin only (permission `manageMail`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/InboundEmailResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/outbox": {
          "get": {
            "operationId": "listOutbox",
            "summary": "List outgoing mail",
            "tags": [
              "Outbox"
            ],
            "description": "**Casebook extension.** The newest 100 messages of the outbox. Notifications wait here as `queued` until they are sent over SMTP (without `SMTP_URL` they stay queued); a temporary failure is retried later, a permanent one (or running out of attempts) leaves the message `failed`. Admin only (permission `manageMail`).",
            "parameters": [
              {
                "name": "status",
                "in": "query",
                "description": "Only messages with this status.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "queued",
                    "sent",
                    "failed"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OutboxList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/outbox/{id}/retry": {
          "post": {
            "operationId": "retryOutboxMessage",
            "summary": "Send an outgoing message again",
            "tags": [
              "Outbox"
            ],
            "description": "**Casebook extension.** Queues a failed (or still waiting) message to be sent now. No request body. 404 when there is no such message or it was already sent. Admin only (permission `manageMail`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "Queued.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OutboxRetryResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/presence": {
          "get": {
            "operationId": "listAgentPresences",
            "summary": "List agents' presence",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Every active staff member with presence, open tickets and whether routing can reach them. Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AgentPresenceList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/presence/me": {
          "get": {
            "operationId": "showMyPresence",
            "summary": "Show my presence",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** The caller's presence. Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AgentPresenceResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateMyPresence",
            "summary": "Set my presence",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Sets the caller's status; going `online` lets waiting tickets be routed right away. Staff only.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/AgentPresenceRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AgentPresenceResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/routing_rules": {
          "get": {
            "operationId": "listRoutingRules",
            "summary": "List routing rules",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RoutingRuleList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createRoutingRule",
            "summary": "Create a routing rule",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Admin only (permission `manageRouting`).",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RoutingRuleRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RoutingRuleResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/routing_rules/{id}": {
          "get": {
            "operationId": "showRoutingRule",
            "summary": "Show a routing rule",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RoutingRuleResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateRoutingRule",
            "summary": "Update a routing rule",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Admin only (permission `manageRouting`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RoutingRuleRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RoutingRuleResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteRoutingRule",
            "summary": "Delete a routing rule",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Admin only (permission `manageRouting`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/exclusion_rules": {
          "get": {
            "operationId": "listExclusionRules",
            "summary": "List exclusion rules",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Staff only.",
            "parameters": [
              {
                "name": "agent_id",
                "in": "query",
                "description": "Only rules for this agent.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              },
              {
                "name": "requester_id",
                "in": "query",
                "description": "Only rules for this requester.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              },
              {
                "name": "organization_id",
                "in": "query",
                "description": "Only rules for this organization.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ExclusionRuleList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createExclusionRule",
            "summary": "Create an exclusion rule",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Keeps an agent away from a requester or an organization. Waiting and new tickets are routed around the agent; tickets already assigned keep their assignee. Lead and above (permission `manageExclusions`).",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ExclusionRuleRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ExclusionRuleResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/exclusion_rules/{id}": {
          "get": {
            "operationId": "showExclusionRule",
            "summary": "Show an exclusion rule",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ExclusionRuleResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteExclusionRule",
            "summary": "Delete an exclusion rule",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Lead and above (permission `manageExclusions`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/routing/groups": {
          "get": {
            "operationId": "listGroupRouting",
            "summary": "List groups' routing settings",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupRoutingList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/groups/{id}/routing": {
          "put": {
            "operationId": "updateGroupRouting",
            "summary": "Set a group's routing",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Sets the group's routing mode, business-hours schedule and required skills and routes waiting tickets. Answers every group's settings. Admin only (permission `manageRouting`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/GroupRoutingRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/GroupRoutingList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/{id}/routing": {
          "get": {
            "operationId": "showAgentRouting",
            "summary": "Show an agent's skills and capacity",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** 404 for an end-user. Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AgentRoutingResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateAgentRouting",
            "summary": "Set an agent's skills and capacity",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Routes waiting tickets afterwards. A user who is not staff (or does not exist) answers 422 on `user_id`. Admin only (permission `manageRouting`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/AgentRoutingRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AgentRoutingResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/routing/queue": {
          "get": {
            "operationId": "listRoutingQueue",
            "summary": "List tickets waiting for an agent",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Tickets routing could not assign yet (nobody online, at capacity, skilled or allowed); the `routing.retry` job offers them again every 30 s and as soon as an agent comes online. Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/WaitingTicketList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/escalations": {
          "post": {
            "operationId": "escalateTicket",
            "summary": "Escalate a ticket",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** Hands the ticket to another group (unassigned, then routed) or assigns it to a lead, manager or admin, in one audit with a `Notice` `escalation`; the previous assignee becomes a follower and the target is mailed. An escalation to a user an exclusion rule keeps away answers 422 `ExclusionRule`. Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/EscalationRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketAuditResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/repeat_contacts": {
          "get": {
            "operationId": "listRepeatContacts",
            "summary": "List a ticket's earlier contacts",
            "tags": [
              "Routing"
            ],
            "description": "**Casebook extension.** The requester's earlier tickets about the same thing: who handled them, the last public reply and the decisions recorded. Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RepeatContactList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/business_hours/schedules": {
          "get": {
            "operationId": "listSchedules",
            "summary": "List business-hours schedules",
            "tags": [
              "SLAs"
            ],
            "description": "Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ScheduleList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createSchedule",
            "summary": "Create a business-hours schedule",
            "tags": [
              "SLAs"
            ],
            "description": "Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ScheduleRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ScheduleResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/business_hours/schedules/{id}": {
          "get": {
            "operationId": "showSchedule",
            "summary": "Show a business-hours schedule",
            "tags": [
              "SLAs"
            ],
            "description": "Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ScheduleResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateSchedule",
            "summary": "Update a business-hours schedule",
            "tags": [
              "SLAs"
            ],
            "description": "Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ScheduleRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ScheduleResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteSchedule",
            "summary": "Delete a business-hours schedule",
            "tags": [
              "SLAs"
            ],
            "description": "Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/business_hours/schedules/{id}/workweek": {
          "put": {
            "operationId": "updateScheduleWorkweek",
            "summary": "Replace a schedule's open hours",
            "tags": [
              "SLAs"
            ],
            "description": "Replaces `intervals` (required). Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/Workweek"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Workweek"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/business_hours/schedules/{id}/holidays": {
          "get": {
            "operationId": "listScheduleHolidays",
            "summary": "List a schedule's holidays",
            "tags": [
              "SLAs"
            ],
            "description": "Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HolidayList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createScheduleHoliday",
            "summary": "Add a holiday to a schedule",
            "tags": [
              "SLAs"
            ],
            "description": "Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/HolidayRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HolidayResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/slas/policies": {
          "get": {
            "operationId": "listSLAPolicies",
            "summary": "List SLA policies",
            "tags": [
              "SLAs"
            ],
            "description": "Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SLAPolicyList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createSLAPolicy",
            "summary": "Create an SLA policy",
            "tags": [
              "SLAs"
            ],
            "description": "Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/SLAPolicyRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SLAPolicyResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/slas/policies/reorder": {
          "put": {
            "operationId": "reorderSLAPolicies",
            "summary": "Reorder SLA policies",
            "tags": [
              "SLAs"
            ],
            "description": "Sets every policy's position; answers the list. Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/SLAPolicyReorderRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SLAPolicyList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/slas/policies/{id}": {
          "get": {
            "operationId": "showSLAPolicy",
            "summary": "Show an SLA policy",
            "tags": [
              "SLAs"
            ],
            "description": "Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SLAPolicyResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateSLAPolicy",
            "summary": "Update an SLA policy",
            "tags": [
              "SLAs"
            ],
            "description": "Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/SLAPolicyRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SLAPolicyResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteSLAPolicy",
            "summary": "Delete an SLA policy",
            "tags": [
              "SLAs"
            ],
            "description": "Admin only (permission `manageSLAs`). Open tickets' targets are computed again in the background.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/slas": {
          "get": {
            "operationId": "showTicketSLAs",
            "summary": "Show a ticket's SLA targets",
            "tags": [
              "SLAs"
            ],
            "description": "**Casebook extension.** The policy that applies (the first by position whose filter matches) and each target for the ticket's priority. Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketSLAs"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/products": {
          "get": {
            "operationId": "listProducts",
            "summary": "List products",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** The catalogue. Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ProductList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createProduct",
            "summary": "Create a product",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Adds a product and its variants (SKUs). A SKU that exists already answers 422 `DuplicateValue`. Lead and above (permission `manageInventory`). A variant with `bundle` is a bundle or multipack of other variants.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ProductRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ProductResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/products/{id}": {
          "get": {
            "operationId": "showProduct",
            "summary": "Show a product",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ProductResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/stock": {
          "get": {
            "operationId": "listStockLevels",
            "summary": "List stock levels",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Every SKU's units by state, from the stock ledger. Staff only.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/StockLevelList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/stock_receipts": {
          "post": {
            "operationId": "createStockReceipt",
            "summary": "Record a delivery",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Records a delivery in one transaction. Inspected on arrival (with `inspection`): good units become available, defective ones go to quarantine; without, every received unit waits in quarantine for the inspection. Defects and short deliveries become claims against the supplier. With `allocate` (and an inspection), the received SKUs' backorder queues are allocated and committed too. Lead and above (permission `manageInventory`). With `expected_at` it announces a delivery instead (status `expected`): nothing moves until it arrives, and delay notices count it for their expected dates. With `CASEBOOK_ALLOCATE_ON_STOCK=1` an inspected delivery is allocated at once, `allocate` or not.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/StockReceiptRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/StockReceiptResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "get": {
            "operationId": "listStockReceipts",
            "summary": "List deliveries",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Newest first, 100 at most; `status=received` lists those awaiting inspection. Staff.",
            "parameters": [
              {
                "name": "status",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "string",
                  "enum": [
                    "expected",
                    "received",
                    "inspected"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/StockReceiptsResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/orders": {
          "get": {
            "operationId": "listOrders",
            "summary": "List orders",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Oldest first, in offset or cursor pages (100 at most). Staff.",
            "parameters": [
              {
                "name": "customer_id",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "integer"
                },
                "description": "Only this customer's orders."
              },
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderPage"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createOrder",
            "summary": "Create an order",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Each line is reserved from available stock when there is enough (then a shipment is ready to pick), else it joins its SKU's backorder queue. An unknown customer, SKU or ticket answers 422. Staff only.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/OrderRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/orders/{id}": {
          "get": {
            "operationId": "showOrder",
            "summary": "Show an order",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Staff only.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/backorders": {
          "get": {
            "operationId": "listBackorders",
            "summary": "List a SKU's backorder queue",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** The entries waiting for one SKU, in queue order, with each customer's preference and the moves made. Without `sku` answers 400; an unknown SKU has an empty queue. Staff only. The whole queue, or with `page`/`per_page` one page of it (`next_page`, `previous_page`; positions count from the front).",
            "parameters": [
              {
                "name": "sku",
                "in": "query",
                "required": true,
                "description": "The SKU whose queue to list.",
                "schema": {
                  "type": "string",
                  "minLength": 1
                },
                "example": "BT-PINK"
              },
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/BackorderList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/backorders/{id}/move": {
          "post": {
            "operationId": "moveBackorder",
            "summary": "Move an entry in its backorder queue",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Moves a waiting entry to the top, the bottom or a position of its SKU's queue; the move and its reason are kept and written on the order's tickets. An agent gets 403; a missing `reason` or a bad `to` answers 422; an unknown or no longer waiting entry answers 404. Lead and above (permission `reorderQueues`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/BackorderMoveRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/BackorderMoveResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/backorders/{id}/preference": {
          "put": {
            "operationId": "updateBackorderPreference",
            "summary": "Record a customer's backorder preference",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Records what the customer wants while waiting (wait, cancel and refund, or accept substitutes, and whether a partial shipment is fine), with who captured it and when; written on the order's tickets. An unknown or no longer waiting entry answers 404. Staff record it on the customer's behalf; a customer states their own (another customer's entry answers 404). Choosing `cancel_and_refund` cancels the entry and gives the refund of its units at once (reason `backorder_cancelled`, event `refund.approved`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/BackorderPreferenceRequest"
                  }
                }
              }
            },
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/allocations": {
          "post": {
            "operationId": "allocateBackorders",
            "summary": "Allocate stock to backorders",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Plans who gets the available stock in queue order, honouring preferences (substitutes, partial shipments, refunds). A preview (`commit: false`) changes nothing and is open to staff; committing books the plan in one transaction and takes a lead or above (permission `reorderQueues`), else 403.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/AllocationRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AllocationResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/openapi.json": {
          "get": {
            "operationId": "getOpenAPIDocument",
            "summary": "This OpenAPI document",
            "tags": [
              "Service"
            ],
            "description": "Public. Only this path is spelled with `.json`. Invalid credentials are still refused with 401.",
            "responses": {
              "200": {
                "description": "The OpenAPI 3 document.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "properties": {},
                      "additionalProperties": true
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              }
            },
            "security": []
          }
        },
        "/healthz": {
          "get": {
            "operationId": "healthz",
            "summary": "Health check",
            "tags": [
              "Service"
            ],
            "description": "Public. Whether the server can reach its database. Outside `/api/v2`; no rate limit.",
            "responses": {
              "200": {
                "description": "Healthy.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Health"
                    },
                    "example": {
                      "status": "ok"
                    }
                  }
                }
              },
              "503": {
                "description": "The database cannot be reached.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/Health"
                    },
                    "example": {
                      "status": "database unavailable"
                    }
                  }
                }
              }
            },
            "security": []
          }
        },
        "/api/v2/incremental/ticket_metric_events": {
          "get": {
            "operationId": "incrementalTicketMetricEvents",
            "summary": "Incremental ticket metric events",
            "tags": [
              "Incremental Export"
            ],
            "description": "Zendesk's ticket metric events: what happened to every ticket's SLA metrics, oldest first (staff only). Breach events are recorded ahead at the breach instant and appear once it has passed, with `deleted: true` when the metric was fulfilled or paused first. Start with `start_time`, then follow `next_page` until `end_of_stream` is true.",
            "parameters": [
              {
                "name": "start_time",
                "in": "query",
                "description": "Unix time in seconds; required without `cursor`.",
                "schema": {
                  "type": "integer",
                  "minimum": 0
                }
              },
              {
                "name": "cursor",
                "in": "query",
                "description": "The `after_cursor` of the previous batch.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "per_page",
                "in": "query",
                "description": "Events per batch (capped at 1000).",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 1000,
                  "default": 1000
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketMetricEventExport"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/metric_events": {
          "get": {
            "operationId": "listTicketMetricEvents",
            "summary": "One ticket's metric events",
            "tags": [
              "SLAs"
            ],
            "description": "**Casebook extension.** The metric events of one ticket (those whose time has come), oldest first, as in the incremental feed. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/TicketMetricEventList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/orders/{id}/refunds": {
          "get": {
            "operationId": "listOrderRefunds",
            "summary": "An order's refunds",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Every refund of the order and what it can still give back. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderRefundList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createRefund",
            "summary": "Refund an order",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Full, per line, a partial amount or the shipping, with a reason code. Within the caller's limit (agents 50.00, leads 500.00, managers unlimited by default; `CASEBOOK_REFUND_LIMIT_AGENT`/`_LEAD`/`_MANAGER` in minor units) it is given at once (`approved`); above it becomes a `requested` refund for the least senior role whose limit covers it. Never more than was paid. Linked tickets get a `Notice`; an `order_events` entry is written for a payment system.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RefundRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RefundResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/refunds": {
          "get": {
            "operationId": "listRefunds",
            "summary": "Refunds by status (the approvals queue)",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** `?status=requested` (the default) lists what waits for a decision; `approved`, `declined`. Staff.",
            "parameters": [
              {
                "name": "status",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "requested",
                    "approved",
                    "declined"
                  ],
                  "default": "requested"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RefundList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/refunds/{id}": {
          "get": {
            "operationId": "showRefund",
            "summary": "Show a refund",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RefundResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/refunds/{id}/approve": {
          "post": {
            "operationId": "approveRefund",
            "summary": "Approve a requested refund",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Lead or above whose limit covers the amount, and not the requester. The order is checked again (another refund may have come first). The body may be empty.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RefundResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/refunds/{id}/decline": {
          "post": {
            "operationId": "declineRefund",
            "summary": "Decline a requested refund",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Lead or above, with a reason (`{\"refund\": {\"reason\": \"...\"}}`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RefundDecision"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RefundResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/fulfilment_errors": {
          "get": {
            "operationId": "listFulfilmentErrors",
            "summary": "Fulfilment errors",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Newest last; `?order_id=` for one order. Staff.",
            "parameters": [
              {
                "name": "order_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FulfilmentErrorList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "recordFulfilmentError",
            "summary": "Record a fulfilment error",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** A wrong, damaged or missing item on an order line, with the packing station and root cause; optionally an expedited replacement shipment and a refund, all in one transaction (nothing is written when any part is refused). The ticket timeline shows it. A bundle's replacement is reserved whole from its components.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/FulfilmentErrorRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FulfilmentErrorCreated"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/fulfilment_errors/report": {
          "get": {
            "operationId": "fulfilmentErrorReport",
            "summary": "Fulfilment error rates",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Errors by station and kind with the station's shipped lines and the rate, and by root cause. Lead or above.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FulfilmentErrorReport"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/shipments/{id}/ship": {
          "post": {
            "operationId": "shipShipment",
            "summary": "Ship a shipment",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** The shipment leaves: reserved units become shipped in the ledger, lines become `shipped`, carrier, tracking and station are kept. Lead or above (inventory).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ShipmentShip"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/order_events": {
          "get": {
            "operationId": "listOrderEvents",
            "summary": "Order events (webhook-ready)",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Refunds, fulfilment errors and shipments as events, oldest first, 1,000 at a time after `since_id`. Staff.",
            "parameters": [
              {
                "name": "since_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderEventList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/imports/shopify_orders": {
          "post": {
            "operationId": "importShopifyOrders",
            "summary": "Import a Shopify order export",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** The body is the CSV of Shopify's order export (Admin → Orders → Export). Customers are matched by email (new ones become end-users), SKUs the catalogue lacks become products, fulfilled lines are recorded as shipped, open lines are reserved or backordered like new orders, cancelled orders as cancelled. All or nothing: any rejected row answers 422 with every problem (row, column, reason) and imports nothing. `dry_run=true` reports without writing. Importing the same export again skips the orders already there. Lead or above.",
            "parameters": [
              {
                "name": "dry_run",
                "in": "query",
                "schema": {
                  "type": "boolean"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "Dry run",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ShopifyImportReport"
                    }
                  }
                }
              },
              "201": {
                "description": "Imported",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ShopifyImportReport"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            },
            "requestBody": {
              "required": true,
              "content": {
                "text/csv": {
                  "schema": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "/api/v2/stock_receipts/{id}": {
          "get": {
            "operationId": "showStockReceipt",
            "summary": "Show a delivery",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** One delivery with its lines and claims. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/StockReceiptResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/stock_receipts/{id}/inspection": {
          "post": {
            "operationId": "inspectStockReceipt",
            "summary": "Inspect a delivery",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Inspects a delivery recorded on arrival: good units leave quarantine and become available, defective ones stay quarantined with a `defective` claim; good + defective must equal what was received, per SKU. Once per delivery (422 after). With `allocate` (a lead), the SKUs' backorder queues are allocated and committed. Permission `manageInventory`.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/StockReceiptInspectionRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/StockReceiptResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/stock_receipts/{id}/arrival": {
          "post": {
            "operationId": "arriveStockReceipt",
            "summary": "An announced delivery arrives",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Records what arrived of an announced delivery (status `expected`), per SKU announced; short deliveries are claimed. Inspected at once with `inspection` (then `allocate` works as for a receipt), else the units wait in quarantine for the inspection. Once per delivery (422 after). Permission `manageInventory`.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/StockReceiptArrivalRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/StockReceiptResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/users/{id}/incentives": {
          "get": {
            "operationId": "listUserIncentives",
            "summary": "A customer's incentives",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Store credit and discount codes given to the customer (with a delay notice), newest first. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/IncentivesResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/backorders/delay_notices": {
          "post": {
            "operationId": "sendDelayNotice",
            "summary": "Send a delay notice to everyone waiting on a SKU",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Every customer waiting on the SKU, in queue order, gets the text filled with their place in the queue and the date the announced deliveries cover them, as a public reply on the newest ticket linked to their order (a new ticket, linked to the order, when there is none) — so it is mailed to them and on the record, with a `delay_notice` notice in the audit. An incentive is recorded for each customer. One transaction: all or nothing. `dry_run` answers 200 with the texts and writes nothing; a send answers 201. Permission `manageInventory`.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/DelayNoticeRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Dry run",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/DelayNoticeResponse"
                    }
                  }
                }
              },
              "201": {
                "description": "Sent",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/DelayNoticeResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "get": {
            "operationId": "listDelayNotices",
            "summary": "Delay notices sent",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Newest first, 100 at most; `sku` narrows to one SKU. Staff.",
            "parameters": [
              {
                "name": "sku",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/DelayNoticesResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/products/{id}/variants": {
          "post": {
            "operationId": "createProductVariant",
            "summary": "Add a variant to a product",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** A new variant (or bundle) of an existing product, priced in the product's currency. Lead and above (permission `manageInventory`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/VariantRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/VariantResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/variants": {
          "get": {
            "operationId": "listVariants",
            "summary": "List variants with their stock",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Every variant by SKU, with its stock by state, or for a bundle the number of whole bundles in stock. Staff only.",
            "parameters": [
              {
                "name": "sku",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "string"
                },
                "description": "Comma-separated SKUs: only these."
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/VariantList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/variants/{sku}": {
          "get": {
            "operationId": "showVariant",
            "summary": "Show a variant with its stock",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Staff only.",
            "parameters": [
              {
                "name": "sku",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/VariantResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/orders/{id}/cancellation": {
          "post": {
            "operationId": "cancelOrderLines",
            "summary": "Cancel order lines",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Lines that have not shipped are cancelled with the reason: units reserved for them go back to available stock (a shipment left with no lines is cancelled), a place in a backorder queue is given up. A shipped line answers 422 (record a return). Emits `order_line.cancelled`; written on the order's tickets. Staff. Refunds are recorded separately. With `CASEBOOK_ALLOCATE_ON_STOCK=1` the units that become available are allocated to the backorder queues at once (`allocation`, else `null`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/OrderCancellationRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderChangeResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/orders/{id}/returns": {
          "post": {
            "operationId": "recordOrderReturn",
            "summary": "Record a return",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** Units of a shipped line came back; `restock` of them return to available stock. The line is `returned` once every unit is. Emits `return.recorded`; written on the order's tickets. Lead and above (permission `manageInventory`). With `CASEBOOK_ALLOCATE_ON_STOCK=1` the units that become available are allocated to the backorder queues at once (`allocation`, else `null`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/OrderReturnRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderReturnResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/shipments/{id}/delivery": {
          "post": {
            "operationId": "deliverShipment",
            "summary": "Record a delivery",
            "tags": [
              "Orders"
            ],
            "description": "**Casebook extension.** A shipped shipment reached the customer: it and its shipped lines become `delivered`. Emits `shipment.delivered`. Lead and above (permission `manageInventory`).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/OrderResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/assets": {
          "get": {
            "operationId": "listAssets",
            "summary": "List assets",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Units in customers' hands with their warranty status. Staff. Offset or cursor pages.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "customer_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "organization_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "serial",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AssetList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createAsset",
            "summary": "Create an asset",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Serial (unique), sku (sets the product), customer_id (sets the organization), site, purchased_at (date), order_id, firmware, status. Staff.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/AssetEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AssetResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/assets/{id}": {
          "get": {
            "operationId": "showAsset",
            "summary": "Show an asset",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** With warranty status and expiry, the tickets about it and its RMAs. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AssetResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateAsset",
            "summary": "Update an asset",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Fields as on create; only those sent change. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/AssetEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AssetResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/imports/assets": {
          "post": {
            "operationId": "importAssets",
            "summary": "Import assets from CSV",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** The body is a CSV file with a header row (serial, sku, customer_email, organization, site, purchased_at, order_id, firmware, status). `?dry_run=true` checks without writing. All or nothing: a 422 lists every rejected row with its reason. Lead or above.",
            "parameters": [
              {
                "name": "dry_run",
                "in": "query",
                "schema": {
                  "type": "boolean"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "text/csv": {
                  "schema": {
                    "type": "string"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AssetImportResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/warranties": {
          "get": {
            "operationId": "listWarranties",
            "summary": "List warranty terms",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Per product: months, coverage, caveats, return days for advance replacements, and the troubleshooting checklist. Staff.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/WarrantyList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/warranties/{id}": {
          "get": {
            "operationId": "showWarranty",
            "summary": "Show a product's warranty terms",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** The id is the product's. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/WarrantyResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "saveWarranty",
            "summary": "Set a product's warranty terms and checklist",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Replaces the terms and the checklist whole. Each checklist step names the RMA kinds it must be complete before. Lead or above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/WarrantyEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/WarrantyResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/assets": {
          "get": {
            "operationId": "listTicketAssets",
            "summary": "The assets a ticket is about",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Linked by a serial in the subject or body, an agent's pick, or an RMA. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AssetList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "linkTicketAsset",
            "summary": "Link an asset to a ticket",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** `{\"asset\": {\"asset_id\": 1}}` or `{\"asset\": {\"serial\": \"MS24-00417\"}}`. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/AssetLinkEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/AssetResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/assets/{asset_id}": {
          "delete": {
            "operationId": "unlinkTicketAsset",
            "summary": "Unlink an asset from a ticket",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              },
              {
                "name": "asset_id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/checklist": {
          "get": {
            "operationId": "showTicketChecklist",
            "summary": "A ticket's troubleshooting checklist",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** The steps of the first linked asset's product with this ticket's results, and for each RMA kind whether the checklist allows it and which steps are missing. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ChecklistResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "recordTicketChecklist",
            "summary": "Record troubleshooting results",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** `{\"checklist\": {\"results\": [{\"key\", \"result\": \"done\"|\"not_possible\"|\"failed\", \"note\"}]}}`. Not possible needs a note saying why; it does not complete a step. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ChecklistEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ChecklistResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas": {
          "get": {
            "operationId": "listRMAs",
            "summary": "List RMAs",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Filters: status, ticket_id, asset_id, customer_id; `?awaiting=me` is the approvals queue (requests the caller's role may approve). Staff. Offset or cursor pages.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "status",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "requested",
                    "approved",
                    "declined",
                    "cancelled",
                    "replacement_shipped",
                    "unit_due",
                    "received",
                    "inspected",
                    "closed"
                  ]
                }
              },
              {
                "name": "ticket_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "asset_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "customer_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "awaiting",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "me"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createRMA",
            "summary": "Open an RMA",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Kind, asset (asset_id or serial), value in minor units, obligation (defaults for an advance replacement). Refused with 422 `ChecklistIncomplete` while the checklist lacks steps the kind needs, unless someone of the checklist override role (lead by default) gives `override_reason`: then it is created and a decision is recorded and sent to everyone involved. Approved at once within the requester's limit (`/rma_policy`), else it waits for an approver.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}": {
          "get": {
            "operationId": "showRMA",
            "summary": "Show an RMA",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** With its history (`events`) and the actions its status allows. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}/approve": {
          "post": {
            "operationId": "approveRMA",
            "summary": "Approve a requested RMA",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** A reason is required. The approver's role must cover the RMA (`/rma_policy`); the requester cannot approve their own. Recorded as a decision (approval above the requester's limit) and sent to everyone involved. Fields in an `rma` object or at the top level; the body may be empty. Moves the life cycle only where it allows (422 `InvalidTransition`). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAAction"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}/decline": {
          "post": {
            "operationId": "declineRMA",
            "summary": "Decline a requested RMA",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** A reason is required; same authority as approving. Fields in an `rma` object or at the top level; the body may be empty. Moves the life cycle only where it allows (422 `InvalidTransition`). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAAction"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}/ship": {
          "post": {
            "operationId": "shipRMA",
            "summary": "Ship the replacement (or the repaired unit)",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** `tracking` is required. For an advance replacement the faulty unit is then due back within the product's return days. Fields in an `rma` object or at the top level; the body may be empty. Moves the life cycle only where it allows (422 `InvalidTransition`). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAAction"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}/receive": {
          "post": {
            "operationId": "receiveRMA",
            "summary": "The customer's unit arrived",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Optional `note`. Fields in an `rma` object or at the top level; the body may be empty. Moves the life cycle only where it allows (422 `InvalidTransition`). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAAction"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}/inspect": {
          "post": {
            "operationId": "inspectRMA",
            "summary": "Record the inspection",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** `outcome`: fault_confirmed, no_fault_found or customer_damage; optional `note`. Unless the fault is confirmed, the customer's recorded obligation applies. Fields in an `rma` object or at the top level; the body may be empty. Moves the life cycle only where it allows (422 `InvalidTransition`). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAAction"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}/close": {
          "post": {
            "operationId": "closeRMA",
            "summary": "Close the RMA",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Optional `note`. The asset becomes replaced, returned or stays in service. Fields in an `rma` object or at the top level; the body may be empty. Moves the life cycle only where it allows (422 `InvalidTransition`). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAAction"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}/cancel": {
          "post": {
            "operationId": "cancelRMA",
            "summary": "Cancel the RMA",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Before anything shipped; a reason is required. Fields in an `rma` object or at the top level; the body may be empty. Moves the life cycle only where it allows (422 `InvalidTransition`). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAAction"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rmas/{id}/obligation_acceptance": {
          "post": {
            "operationId": "acceptRMAObligation",
            "summary": "Record the customer's acceptance of the obligation",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** `{\"acceptance\": {\"via\": \"portal\"}}` by the customer themself, or `{\"acceptance\": {\"via\": \"verbal\", \"note\": \"...\"}}` by an agent (the note says when and how).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/AcceptanceEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/rma_policy": {
          "get": {
            "operationId": "showRMAPolicy",
            "summary": "RMA approval limits",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Tiers per kind (up to a value in minor units, the least role that approves), the role out-of-warranty RMAs need, and who may override an incomplete checklist. Staff.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAPolicyResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "saveRMAPolicy",
            "summary": "Set the RMA approval limits",
            "tags": [
              "Hardware"
            ],
            "description": "**Casebook extension.** Replaced whole. Admins.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RMAPolicyEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RMAPolicyResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/decisions": {
          "get": {
            "operationId": "listDecisions",
            "summary": "List decisions",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** Exceptions on the record: policy overrides, approvals above the requester's limit, exclusion overrides, refunds above limits, queue moves and exceptions recorded by hand. Filters: ticket_id, customer_id, decided_by_id, kind. Staff. Offset or cursor pages.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "ticket_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "customer_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "decided_by_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "kind",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "policy_override",
                    "approval_above_limit",
                    "exclusion_override",
                    "refund_above_limit",
                    "queue_move",
                    "exception"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/DecisionList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createDecision",
            "summary": "Record an exception by hand",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** `{\"decision\": {\"ticket_id\", \"rule\", \"what\", \"reason\"}}`, all required. Everyone involved in the ticket is notified (workspace and email). Staff.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/DecisionEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/DecisionResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/decisions/report": {
          "get": {
            "operationId": "decisionReport",
            "summary": "Decisions by person, rule and outcome",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** Counts over `from`/`to` (dates; the last 90 days by default), e.g. advance replacements where no fault was found. Lead or above.",
            "parameters": [
              {
                "name": "from",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "to",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/DecisionReportResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/decisions/{id}": {
          "get": {
            "operationId": "showDecision",
            "summary": "Show a decision",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/DecisionResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/notifications": {
          "get": {
            "operationId": "listNotifications",
            "summary": "My notifications",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** The caller's latest 100 (decisions, overdue RMA tasks, conduct records), with the unread count; `?unread=true` for unread only. Staff.",
            "parameters": [
              {
                "name": "unread",
                "in": "query",
                "schema": {
                  "type": "boolean"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/NotificationList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/notifications/read": {
          "post": {
            "operationId": "markNotificationsRead",
            "summary": "Mark notifications read",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** `{\"ids\": [1, 2]}`, or no body for all. Staff.",
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/NotificationRead"
                  }
                }
              }
            },
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/case_notes/owed": {
          "get": {
            "operationId": "listNotesOwed",
            "summary": "Tickets whose last call has no notes",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** Unsolved tickets holding a call logged without a summary (`call.summary_pending`) and no internal note since, oldest first. Such a ticket cannot be solved or handed to another agent without an internal note in the same update (422 `CaseNotes`). Lead or above.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/NotesOwedList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/follow_ups": {
          "get": {
            "operationId": "listFollowUps",
            "summary": "List follow-ups",
            "tags": [
              "Follow-ups"
            ],
            "description": "**Casebook extension.** Follow-up tasks, oldest first. Filters: `owner_id` (a number, or `me`), `ticket_id`, `status`. Staff. Offset or cursor pages.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "owner_id",
                "in": "query",
                "schema": {
                  "type": "string"
                },
                "description": "A user id, or `me`"
              },
              {
                "name": "ticket_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "status",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "open",
                    "done",
                    "cancelled"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FollowUpList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/follow_ups/{id}": {
          "get": {
            "operationId": "showFollowUp",
            "summary": "Show a follow-up",
            "tags": [
              "Follow-ups"
            ],
            "description": "**Casebook extension.** With the reminders and escalation already sent and when the next notice falls due. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FollowUpResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/follow_ups/{id}/complete": {
          "post": {
            "operationId": "completeFollowUp",
            "summary": "Complete a follow-up",
            "tags": [
              "Follow-ups"
            ],
            "description": "**Casebook extension.** `{\"note\": \"...\"}` (required): what came of it. The note is added to the ticket as an internal note. The owner, whoever assigned it, or a lead and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/FollowUpNote"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FollowUpResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/follow_ups/{id}/cancel": {
          "post": {
            "operationId": "cancelFollowUp",
            "summary": "Cancel a follow-up",
            "tags": [
              "Follow-ups"
            ],
            "description": "**Casebook extension.** `{\"reason\": \"...\"}` (required); the reason goes on the ticket's timeline. The owner, whoever assigned it, or a lead and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/FollowUpCancel"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FollowUpResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/follow_ups/{id}/reassign": {
          "post": {
            "operationId": "reassignFollowUp",
            "summary": "Reassign a follow-up",
            "tags": [
              "Follow-ups"
            ],
            "description": "**Casebook extension.** `{\"owner_id\": 5, \"due_at\": \"...\"}` (due time optional). The reminders start over for the new owner. The owner, whoever assigned it, or a lead and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/FollowUpReassign"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FollowUpResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/follow_ups": {
          "post": {
            "operationId": "createFollowUp",
            "summary": "Assign a follow-up on a ticket",
            "tags": [
              "Follow-ups"
            ],
            "description": "**Casebook extension.** `{\"follow_up\": {\"title\", \"due_at\", \"owner_id\", \"note\"}}`. The title is required (at most 200 characters), the due time must be in the future, the owner must be active staff. The owner is reminded 30 minutes before and again at the due time; 15 minutes past due, whoever assigned it is told it was missed (workspace notification and email, each once). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/FollowUpEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/FollowUpResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/remote_sessions": {
          "get": {
            "operationId": "listRemoteSessions",
            "summary": "A ticket's remote-assistance sessions",
            "tags": [
              "Follow-ups"
            ],
            "description": "**Casebook extension.** Newest first. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RemoteSessionList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "recordRemoteSession",
            "summary": "Record a remote-assistance session",
            "tags": [
              "Follow-ups"
            ],
            "description": "**Casebook extension.** `{\"remote_session\": {\"session_code\", \"started_at\", \"ended_at\", \"outcome\"}}`. The code and the start are required; the end may not be before the start. `tool_url` is the configured `CASEBOOK_REMOTE_SUPPORT_URL` with `{code}` replaced. Each session adds a notice to the ticket's timeline. Casebook does not control the remote session itself. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/RemoteSessionEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/RemoteSessionResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/conduct_outcomes": {
          "get": {
            "operationId": "listConductOutcomes",
            "summary": "The conduct policy's outcomes",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** What an agent may choose when flagging abusive conduct; `?active=true` for the active ones. Staff.",
            "parameters": [
              {
                "name": "active",
                "in": "query",
                "schema": {
                  "type": "boolean"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ConductOutcomeList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createConductOutcome",
            "summary": "Add an outcome to the conduct policy",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** `label` (unique), `action` (warning_sent, interaction_ended, email_only — the customer is then contacted only by email —, or exclusion — an exclusion rule keeps the customer from the affected agent), `description`. Admins.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ConductOutcomeEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ConductOutcomeResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/conduct_outcomes/{id}": {
          "put": {
            "operationId": "updateConductOutcome",
            "summary": "Change or retire an outcome",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** Fields as on create, and `active`. Admins.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ConductOutcomeEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ConductOutcomeResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/conduct_records": {
          "get": {
            "operationId": "listConductRecords",
            "summary": "Conduct records",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** Filters: customer_id, ticket_id. Staff only; never shown to customers. Offset or cursor pages.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "customer_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "ticket_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ConductRecordList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "flagConduct",
            "summary": "Flag abusive conduct",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** `{\"conduct_record\": {\"ticket_id\", \"kind\": \"threat\"|\"insult\"|\"harassment\", \"comment_id\" (the evidence: a comment or call log on that ticket), \"outcome_id\", \"note\", \"affected_agent_id\"}}`. In one transaction: the record, what the outcome does (an exclusion rule, or the customer marked contact-by-email-only), an internal notice on the ticket, and a notification and email to the leads of the ticket's group. Staff.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ConductRecordEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ConductRecordResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/conduct_records/{id}": {
          "get": {
            "operationId": "showConductRecord",
            "summary": "Show a conduct record",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ConductRecordResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/conduct_records/{id}/handover": {
          "post": {
            "operationId": "handOverAfterConduct",
            "summary": "Hand the ticket over",
            "tags": [
              "Decisions"
            ],
            "description": "**Casebook extension.** `{\"handover\": {\"note\"}}`, the body optional: the ticket leaves the agent (back to its group's queue; exclusion rules keep it from the affected agent), the note becoming an internal note. A note is required while the case notes are owed. The agent who flagged it, the assignee, or a lead.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/ConductHandoverEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ConductHandoverResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/satisfaction_ratings": {
          "get": {
            "operationId": "listSatisfactionRatings",
            "summary": "List satisfaction ratings",
            "tags": [
              "Satisfaction"
            ],
            "description": "Ratings offered when tickets were solved and the answers requesters gave, oldest first. Filters: `score` (`offered`, `good`, `bad`, `received` = good or bad), `start_time`/`end_time` (Unix seconds, on when the survey was offered). Staff. Offset or cursor pages.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "score",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "offered",
                    "good",
                    "bad",
                    "received"
                  ]
                }
              },
              {
                "name": "start_time",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "end_time",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SatisfactionRatingList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/satisfaction_ratings/{id}": {
          "get": {
            "operationId": "showSatisfactionRating",
            "summary": "Show a satisfaction rating",
            "tags": [
              "Satisfaction"
            ],
            "description": "Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SatisfactionRatingResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/satisfaction_rating": {
          "post": {
            "operationId": "createTicketSatisfactionRating",
            "summary": "Rate a solved ticket (its requester)",
            "tags": [
              "Satisfaction"
            ],
            "description": "`{\"satisfaction_rating\": {\"score\": \"good|bad\", \"comment\", \"reason_code\"}}`, by the ticket's requester once it is solved. One rating per ticket, changeable for 7 days after it was first given (then 422). A change to bad notifies the leads of the ticket's group (workspace notification and email).",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/SatisfactionRatingEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SatisfactionRatingResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/satisfaction_reasons": {
          "get": {
            "operationId": "listSatisfactionReasons",
            "summary": "List satisfaction reasons",
            "tags": [
              "Satisfaction"
            ],
            "description": "Zendesk's default reasons for a bad rating (codes 0, 5, 6, 7, 8, 100). Anyone signed in.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SatisfactionReasonList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/satisfaction_reasons/{id}": {
          "get": {
            "operationId": "showSatisfactionReason",
            "summary": "Show a satisfaction reason",
            "tags": [
              "Satisfaction"
            ],
            "description": "By reason code.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SatisfactionReasonResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/nps_responses": {
          "get": {
            "operationId": "listNPSResponses",
            "summary": "List NPS answers",
            "tags": [
              "Satisfaction"
            ],
            "description": "**Casebook extension.** Answers to \"How likely are you to recommend us? (0–10)\", asked after a solve at most once a quarter per customer when NPS is on. Staff. Offset or cursor pages.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/NPSResponseList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/satisfaction/settings": {
          "get": {
            "operationId": "showSatisfactionSettings",
            "summary": "Show the loyalty windows and NPS setting",
            "tags": [
              "Satisfaction"
            ],
            "description": "**Casebook extension.** Staff.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SatisfactionSettings"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateSatisfactionSettings",
            "summary": "Change the loyalty windows and NPS setting",
            "tags": [
              "Satisfaction"
            ],
            "description": "**Casebook extension.** `{\"satisfaction_settings\": {\"bought_again_days\": 90, \"silence_days\": 180, \"nps_enabled\": true}}`; fields left out keep their value. The silence window is at least the bought-again window. Admins.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/SatisfactionSettings"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/SatisfactionSettings"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/satisfaction/loyalty_report": {
          "get": {
            "operationId": "satisfactionLoyaltyReport",
            "summary": "Satisfaction and loyalty, side by side",
            "tags": [
              "Satisfaction"
            ],
            "description": "**Casebook extension.** For tickets solved now whose last solve was between `start_time` and `end_time` (Unix seconds or dates; the last 30 days by default), one row per `by` value (`group`, `agent`, `ticket_type`, `contact_reason` = the ticket's `reason_…` tag, \"(none)\" without one): tickets solved, ratings offered, good, bad, CSAT %, customers, and what they did after the solve within the loyalty windows: bought again, cancelled or refunded, silent, active, pending; \"satisfied but leaving\" (rated good, then cancelled, refunded or silent), NPS answers and score. Filters: `group_id`, `assignee_id`, `channel`, `priority`, `tags`, `organization_id` (comma-separated). Figures come from the report facts the reports job keeps every minute, so a change shows within about two minutes (a change of the windows within a few). Leads, managers and admins.",
            "parameters": [
              {
                "name": "by",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "group",
                    "agent",
                    "ticket_type",
                    "contact_reason"
                  ]
                }
              },
              {
                "name": "start_time",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "end_time",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "group_id",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "assignee_id",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "channel",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "priority",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "tags",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "organization_id",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/LoyaltyReport"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/categories": {
          "get": {
            "operationId": "listHelpCenterCategories",
            "summary": "List categories",
            "tags": [
              "Help Center"
            ],
            "description": "Categories in their order. Public.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterCategoryList"
                    }
                  }
                }
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createHelpCenterCategory",
            "summary": "Create a category",
            "tags": [
              "Help Center"
            ],
            "description": "`{\"category\": {\"name\", \"description\", \"position\"}}`. Leads and above.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/HelpCenterCategoryEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterCategoryEnvelope"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/categories/{id}": {
          "get": {
            "operationId": "showHelpCenterCategory",
            "summary": "Show a category",
            "tags": [
              "Help Center"
            ],
            "description": "Public.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterCategoryEnvelope"
                    }
                  }
                }
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateHelpCenterCategory",
            "summary": "Update a category",
            "tags": [
              "Help Center"
            ],
            "description": "Leads and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/HelpCenterCategoryEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterCategoryEnvelope"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteHelpCenterCategory",
            "summary": "Delete a category",
            "tags": [
              "Help Center"
            ],
            "description": "With its sections and their articles. Leads and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/categories/{id}/sections": {
          "get": {
            "operationId": "listHelpCenterCategorySections",
            "summary": "List a category's sections",
            "tags": [
              "Help Center"
            ],
            "description": "Public.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterSectionList"
                    }
                  }
                }
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createHelpCenterSection",
            "summary": "Create a section",
            "tags": [
              "Help Center"
            ],
            "description": "`{\"section\": {\"name\", \"description\", \"position\"}}`. Leads and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/HelpCenterSectionEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterSectionEnvelope"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/categories/{id}/articles": {
          "get": {
            "operationId": "listHelpCenterCategoryArticles",
            "summary": "List a category's articles",
            "tags": [
              "Help Center"
            ],
            "description": "Anyone, signed in or not: visitors and customers see published public articles only; staff see drafts and internal articles too.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              },
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/sections": {
          "get": {
            "operationId": "listHelpCenterSections",
            "summary": "List sections",
            "tags": [
              "Help Center"
            ],
            "description": "Public.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterSectionList"
                    }
                  }
                }
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/sections/{id}": {
          "get": {
            "operationId": "showHelpCenterSection",
            "summary": "Show a section",
            "tags": [
              "Help Center"
            ],
            "description": "Public.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterSectionEnvelope"
                    }
                  }
                }
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateHelpCenterSection",
            "summary": "Update a section",
            "tags": [
              "Help Center"
            ],
            "description": "`category_id` moves it. Leads and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/HelpCenterSectionEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterSectionEnvelope"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteHelpCenterSection",
            "summary": "Delete a section",
            "tags": [
              "Help Center"
            ],
            "description": "With its articles. Leads and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/sections/{id}/articles": {
          "get": {
            "operationId": "listHelpCenterSectionArticles",
            "summary": "List a section's articles",
            "tags": [
              "Help Center"
            ],
            "description": "Anyone, signed in or not: visitors and customers see published public articles only; staff see drafts and internal articles too.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              },
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createHelpCenterArticle",
            "summary": "Create an article",
            "tags": [
              "Help Center"
            ],
            "description": "`{\"article\": {\"title\", \"body\" (Markdown), \"label_names\", \"draft\", \"visibility\": \"public\"|\"internal\", \"position\", \"note\"}}`. Agents create drafts; `draft: false` (publishing) needs a lead or above. Every save is a revision.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/HelpCenterArticleEnvelope"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleEnvelope"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/articles": {
          "get": {
            "operationId": "listHelpCenterArticles",
            "summary": "List articles",
            "tags": [
              "Help Center"
            ],
            "description": "Anyone, signed in or not: visitors and customers see published public articles only; staff see drafts and internal articles too. Filters: `label_names`, and for staff `draft`, `author_id`. Offset or cursor pages.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              },
              {
                "$ref": "\u0023/components/parameters/PageSize"
              },
              {
                "$ref": "\u0023/components/parameters/PageAfter"
              },
              {
                "$ref": "\u0023/components/parameters/PageBefore"
              },
              {
                "name": "label_names",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "draft",
                "in": "query",
                "schema": {
                  "type": "boolean"
                }
              },
              {
                "name": "author_id",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/articles/search": {
          "get": {
            "operationId": "searchHelpCenterArticles",
            "summary": "Search articles",
            "tags": [
              "Help Center"
            ],
            "description": "Every word must match, the last also as a prefix; the same results on SQLite (FTS5) and PostgreSQL. Each result has a `snippet` with the matches in `<em>`. Anyone, signed in or not: visitors and customers see published public articles only; staff see drafts and internal articles too.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "name": "query",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string"
                },
                "example": "printer"
              },
              {
                "$ref": "\u0023/components/parameters/Page"
              },
              {
                "$ref": "\u0023/components/parameters/PerPage"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterSearchResults"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/articles/{id}": {
          "get": {
            "operationId": "showHelpCenterArticle",
            "summary": "Show an article",
            "tags": [
              "Help Center"
            ],
            "description": "`body` is the rendered, sanitized HTML; `markdown` the source. Anyone, signed in or not: visitors and customers see published public articles only; staff see drafts and internal articles too.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleEnvelope"
                    }
                  }
                }
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "put": {
            "operationId": "updateHelpCenterArticle",
            "summary": "Update an article",
            "tags": [
              "Help Center"
            ],
            "description": "Staff edit; publishing or unpublishing (`draft`) needs a lead or above, who becomes the reviewer. A change of text, labels, draft state or visibility is a new revision.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "\u0023/components/schemas/HelpCenterArticleEnvelope"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleEnvelope"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "delete": {
            "operationId": "deleteHelpCenterArticle",
            "summary": "Delete an article",
            "tags": [
              "Help Center"
            ],
            "description": "Leads and above.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "204": {
                "$ref": "\u0023/components/responses/NoContent"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/articles/{id}/up": {
          "post": {
            "operationId": "voteHelpCenterArticleUp",
            "summary": "Vote an article up",
            "tags": [
              "Help Center"
            ],
            "description": "\"Was this article helpful? Yes.\" One vote per person; voting again replaces it. Published articles the caller may read.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterVoteResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/articles/{id}/down": {
          "post": {
            "operationId": "voteHelpCenterArticleDown",
            "summary": "Vote an article down",
            "tags": [
              "Help Center"
            ],
            "description": "\"No.\" As voting up.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterVoteResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/articles/{id}/attachments": {
          "get": {
            "operationId": "listHelpCenterArticleAttachments",
            "summary": "List an article's files",
            "tags": [
              "Help Center"
            ],
            "description": "Served at `content_url` as the article is. Anyone, signed in or not: visitors and customers see published public articles only; staff see drafts and internal articles too.",
            "security": [
              {},
              {
                "basicAuth": []
              },
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleAttachmentList"
                    }
                  }
                }
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          },
          "post": {
            "operationId": "createHelpCenterArticleAttachment",
            "summary": "Add a file to an article",
            "tags": [
              "Help Center"
            ],
            "description": "The file is the body, `?filename=` its name, `Content-Type` its type. Staff. Reference an image from the Markdown as `![alt](content_url)`.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              },
              {
                "name": "filename",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string"
                },
                "example": "screen.png"
              }
            ],
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleAttachmentEnvelope"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "413": {
                "$ref": "\u0023/components/responses/PayloadTooLarge"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/articles/{id}/revisions": {
          "get": {
            "operationId": "listHelpCenterArticleRevisions",
            "summary": "List an article's revisions",
            "tags": [
              "Help Center"
            ],
            "description": "**Casebook extension.** Newest first; `?from=&to=` (revision numbers) adds the line diff between them. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              },
              {
                "name": "from",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "to",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterRevisionList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/help_center/deflection": {
          "get": {
            "operationId": "showHelpCenterDeflection",
            "summary": "Requests avoided",
            "tags": [
              "Help Center"
            ],
            "description": "**Casebook extension.** Over the last `days` (30): new-request forms where the portal suggested articles, where one of those suggestions was opened, and where the request was submitted; `avoided` counts, once per customer a day, a suggestion opened in a form that was not submitted with no request from that customer by any channel in the 24 hours after. Only signed-in customers count, each event once per form. Leads and above.",
            "parameters": [
              {
                "name": "days",
                "in": "query",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterDeflection"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/comments/{comment_id}/article": {
          "post": {
            "operationId": "createHelpCenterArticleFromReply",
            "summary": "Turn a reply into an article",
            "tags": [
              "Help Center"
            ],
            "description": "**Casebook extension.** A draft from a public agent reply: the ticket's subject as title, the reply as the body, its images copied and shown; the ticket is linked. Optional `{\"section_id\": 3}` (else the first section). Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              },
              {
                "name": "comment_id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            ],
            "responses": {
              "201": {
                "description": "Created",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleEnvelope"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "422": {
                "$ref": "\u0023/components/responses/RecordInvalid"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/tickets/{id}/articles": {
          "get": {
            "operationId": "listTicketArticles",
            "summary": "List a ticket's articles",
            "tags": [
              "Help Center"
            ],
            "description": "**Casebook extension.** Articles made from or linked to the ticket. Staff.",
            "parameters": [
              {
                "$ref": "\u0023/components/parameters/RecordId"
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/HelpCenterArticleList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/reports": {
          "get": {
            "operationId": "listReports",
            "summary": "List the built-in reports",
            "tags": [
              "Reports"
            ],
            "description": "**Casebook extension.** Every built-in report: first reply and resolution time (median and 90th percentile in business hours), first-contact resolution, reopens, backlog by age, created vs solved, SLA achievement, satisfaction and loyalty, backorders, fulfilment errors, decisions, workload and presence. Lead or above.",
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ReportListResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/reports/{id}": {
          "get": {
            "operationId": "showReport",
            "summary": "Run a report",
            "tags": [
              "Reports"
            ],
            "description": "**Casebook extension.** The report's headline figures, chart data, table and definitions for the filter. Reports read per-ticket facts that a background job keeps current (about a minute behind). A bad filter answers 400 with `details` naming each bad parameter. Lead or above.",
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The report's id, e.g. `first-reply-time` (see `GET /api/v2/reports`).",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "from",
                "in": "query",
                "description": "First day (YYYY-MM-DD, UTC), included. Default: 30 days before `to`.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "to",
                "in": "query",
                "description": "Last day (YYYY-MM-DD, UTC), included. Default: today.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "group_id",
                "in": "query",
                "description": "Group ids, comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "agent_id",
                "in": "query",
                "description": "Assignee ids, comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "channel",
                "in": "query",
                "description": "Channels (`web`, `email`, `api`, `voice`), comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "priority",
                "in": "query",
                "description": "Priorities, comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "tags",
                "in": "query",
                "description": "Tags, comma-separated (any of them).",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "organization_id",
                "in": "query",
                "description": "Organization ids, comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "by",
                "in": "query",
                "description": "For reports that break down several ways (`satisfaction-loyalty`: `group`, `agent`, `ticket_type`, `contact_reason`).",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "\u0023/components/schemas/ReportResponse"
                    }
                  }
                }
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v2/reports/{id}/csv": {
          "get": {
            "operationId": "exportReportCSV",
            "summary": "A report's table as CSV",
            "tags": [
              "Reports"
            ],
            "description": "**Casebook extension.** The report's table as RFC 4180 CSV with a header row of column keys. Lead or above.",
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The report's id, e.g. `first-reply-time` (see `GET /api/v2/reports`).",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "from",
                "in": "query",
                "description": "First day (YYYY-MM-DD, UTC), included. Default: 30 days before `to`.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "to",
                "in": "query",
                "description": "Last day (YYYY-MM-DD, UTC), included. Default: today.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "group_id",
                "in": "query",
                "description": "Group ids, comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "agent_id",
                "in": "query",
                "description": "Assignee ids, comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "channel",
                "in": "query",
                "description": "Channels (`web`, `email`, `api`, `voice`), comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "priority",
                "in": "query",
                "description": "Priorities, comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "tags",
                "in": "query",
                "description": "Tags, comma-separated (any of them).",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "organization_id",
                "in": "query",
                "description": "Organization ids, comma-separated.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "by",
                "in": "query",
                "description": "For reports that break down several ways (`satisfaction-loyalty`: `group`, `agent`, `ticket_type`, `contact_reason`).",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "CSV",
                "content": {
                  "text/csv": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "404": {
                "$ref": "\u0023/components/responses/NotFound"
              },
              "400": {
                "$ref": "\u0023/components/responses/BadRequest"
              },
              "401": {
                "$ref": "\u0023/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "\u0023/components/responses/Forbidden"
              },
              "429": {
                "$ref": "\u0023/components/responses/TooManyRequests"
              }
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "basicAuth": {
            "type": "http",
            "scheme": "basic",
            "description": "User name `{email}/token` (e.g. `agent@example.com/token`), password the API token."
          },
          "bearerAuth": {
            "type": "http",
            "scheme": "bearer",
            "description": "`Authorization: Bearer {token}`."
          }
        },
        "parameters": {
          "Page": {
            "name": "page",
            "in": "query",
            "description": "Offset pagination: the page number, from 1.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "default": 1
            }
          },
          "PerPage": {
            "name": "per_page",
            "in": "query",
            "description": "Offset pagination: records per page (larger values are capped at 100).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 100
            }
          },
          "PageSize": {
            "name": "page[size]",
            "in": "query",
            "description": "Cursor pagination: records per page (larger values are capped at 100). Choosing any `page[...]` parameter switches to cursor pagination.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            }
          },
          "PageAfter": {
            "name": "page[after]",
            "in": "query",
            "description": "Cursor pagination: the `meta.after_cursor` of the previous page.",
            "schema": {
              "type": "string"
            }
          },
          "PageBefore": {
            "name": "page[before]",
            "in": "query",
            "description": "Cursor pagination: the `meta.before_cursor` of the following page.",
            "schema": {
              "type": "string"
            }
          },
          "RecordId": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The record's id.",
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          },
          "TicketIds": {
            "name": "ids",
            "in": "query",
            "required": true,
            "description": "Comma-separated ticket ids, 1 to 100.",
            "style": "form",
            "explode": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "integer",
                "minimum": 1
              },
              "minItems": 1,
              "maxItems": 100
            },
            "example": [
              1,
              2,
              3
            ]
          },
          "IdempotencyKey": {
            "name": "Idempotency-Key",
            "in": "header",
            "description": "**Casebook extension.** A client-chosen key (per user) that makes the create safe to retry: a repeat with the same key and body returns the stored answer (marked `x-idempotency-lookup: hit`) instead of creating another ticket; the same key with a different body answers 422 `IdempotentRequestError`.",
            "schema": {
              "type": "string",
              "maxLength": 255
            },
            "example": "3f1c8a2e-0b5d-4e7a-9c61-2d8f4b7e9a10"
          }
        },
        "responses": {
          "BadRequest": {
            "description": "Malformed request: bad or missing JSON body, missing root object, or a malformed query parameter.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "\u0023/components/schemas/Error"
                },
                "example": {
                  "error": "InvalidJSON",
                  "description": "The request body is not valid JSON"
                }
              }
            }
          },
          "Unauthorized": {
            "description": "No valid credentials.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "\u0023/components/schemas/Error"
                },
                "example": {
                  "error": "Couldn't authenticate you",
                  "description": "Authentication required: send `email/token:TOKEN` basic credentials or a Bearer token"
                }
              }
            }
          },
          "Forbidden": {
            "description": "The caller's role lacks the permission.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "\u0023/components/schemas/Error"
                },
                "example": {
                  "error": "Forbidden",
                  "description": "You do not have access to this page (needs manageGroups)"
                }
              }
            }
          },
          "NotFound": {
            "description": "No such record, or the caller may not see it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "\u0023/components/schemas/Error"
                },
                "example": {
                  "error": "RecordNotFound",
                  "description": "Not found"
                }
              }
            }
          },
          "UpdateConflict": {
            "description": "`safe_update` with a stale `updated_stamp`: fetch the ticket and try again.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "\u0023/components/schemas/Error"
                },
                "example": {
                  "error": "UpdateConflict",
                  "description": "Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again."
                }
              }
            }
          },
          "PayloadTooLarge": {
            "description": "The request body is over 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "\u0023/components/schemas/Error"
                },
                "example": {
                  "error": "RequestTooLarge",
                  "description": "The request body is larger than 1048576 bytes"
                }
              }
            }
          },
          "RecordInvalid": {
            "description": "Validation failed; `details` names each field's errors.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "\u0023/components/schemas/ValidationError"
                }
              }
            }
          },
          "TooManyRequests": {
            "description": "Over the per-token rate limit.",
            "headers": {
              "Retry-After": {
                "description": "Seconds to wait before retrying.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              },
              "X-Rate-Limit": {
                "description": "Requests allowed a minute.",
                "schema": {
                  "type": "integer"
                }
              },
              "X-Rate-Limit-Remaining": {
                "description": "Always 0 here.",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "\u0023/components/schemas/Error"
                },
                "example": {
                  "error": "TooManyRequests",
                  "description": "Rate limit of 700 requests a minute exceeded; retry after 1 s"
                }
              }
            }
          },
          "NoContent": {
            "description": "Deleted."
          }
        },
        "schemas": {
          "Ticket": {
            "type": "object",
            "properties": {
              "url": {
                "type": "string",
                "description": "This ticket's API URL.",
                "format": "uri"
              },
              "id": {
                "type": "integer"
              },
              "external_id": {
                "type": "string",
                "nullable": true
              },
              "via": {
                "$ref": "\u0023/components/schemas/Via"
              },
              "via_followup_source_id": {
                "type": "integer",
                "description": "Only on a follow-up (an email reply to a closed ticket opens one): the closed ticket's id."
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              },
              "type": {
                "type": "string",
                "enum": [
                  "question",
                  "incident",
                  "problem",
                  "task",
                  null
                ],
                "nullable": true
              },
              "subject": {
                "type": "string"
              },
              "raw_subject": {
                "type": "string",
                "description": "Same as `subject`."
              },
              "description": {
                "type": "string",
                "description": "The first comment's body."
              },
              "priority": {
                "type": "string",
                "enum": [
                  "low",
                  "normal",
                  "high",
                  "urgent",
                  null
                ],
                "nullable": true
              },
              "status": {
                "type": "string",
                "enum": [
                  "new",
                  "open",
                  "pending",
                  "hold",
                  "solved",
                  "closed"
                ]
              },
              "requester_id": {
                "type": "integer"
              },
              "submitter_id": {
                "type": "integer"
              },
              "assignee_id": {
                "type": "integer",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "nullable": true
              },
              "group_id": {
                "type": "integer",
                "nullable": true
              },
              "collaborator_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "The CCs."
              },
              "follower_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "email_cc_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Same as `collaborator_ids`."
              },
              "has_incidents": {
                "type": "boolean",
                "description": "Always `false`."
              },
              "is_public": {
                "type": "boolean",
                "description": "Always `true`."
              },
              "due_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "custom_fields": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {},
                  "additionalProperties": true
                },
                "description": "Always empty."
              },
              "satisfaction_rating": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "score": {
                    "type": "string",
                    "enum": [
                      "unoffered",
                      "offered",
                      "good",
                      "bad"
                    ]
                  },
                  "comment": {
                    "type": "string",
                    "nullable": true
                  },
                  "reason_code": {
                    "type": "integer"
                  }
                },
                "additionalProperties": true,
                "description": "The requester's rating, as `GET /api/v2/satisfaction_ratings/{id}` shows it; `{\"score\": \"unoffered\"}` before a survey was offered. On every ticket the API returns: lists, search results, exports and updates."
              },
              "sharing_agreement_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Always empty."
              },
              "allow_channelback": {
                "type": "boolean",
                "description": "Always `false`."
              },
              "allow_attachments": {
                "type": "boolean",
                "description": "Always `true`."
              }
            },
            "required": [
              "url",
              "id",
              "via",
              "created_at",
              "updated_at",
              "subject",
              "description",
              "status",
              "requester_id",
              "submitter_id",
              "tags"
            ]
          },
          "TicketCreate": {
            "type": "object",
            "properties": {
              "external_id": {
                "type": "string",
                "description": "Your own id for the ticket.",
                "nullable": true
              },
              "type": {
                "type": "string",
                "enum": [
                  "question",
                  "incident",
                  "problem",
                  "task",
                  null
                ],
                "nullable": true
              },
              "subject": {
                "type": "string",
                "description": "On create, defaults to the first line (up to 150 characters) of the description."
              },
              "status": {
                "type": "string",
                "description": "`new` becomes `open` once the ticket is assigned or an agent replies publicly; a ticket cannot go back to `new` once opened, is closed only from `solved`, and a closed ticket cannot change. Solving assigns an unassigned ticket to the solving agent.",
                "enum": [
                  "new",
                  "open",
                  "pending",
                  "hold",
                  "solved",
                  "closed"
                ]
              },
              "priority": {
                "type": "string",
                "enum": [
                  "low",
                  "normal",
                  "high",
                  "urgent",
                  null
                ],
                "nullable": true
              },
              "due_at": {
                "type": "string",
                "description": "An ISO 8601 date or date-time; only tasks (`type: task`) have a due date.",
                "nullable": true
              },
              "tags": {
                "description": "Replaces the tags. Tags are lowercased; a string with spaces or commas holds several tags.",
                "oneOf": [
                  {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  {
                    "type": "string"
                  }
                ]
              },
              "additional_tags": {
                "description": "Tags to add.",
                "oneOf": [
                  {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  {
                    "type": "string"
                  }
                ]
              },
              "assignee_id": {
                "type": "integer",
                "description": "An active agent (staff only; ignored when an end-user creates a ticket). `null` unassigns.",
                "nullable": true
              },
              "assignee_email": {
                "type": "string",
                "description": "Assigns the agent with this email.",
                "format": "email"
              },
              "group_id": {
                "type": "integer",
                "description": "An existing group (staff only). `null` clears it.",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "description": "An existing organization; on create it defaults to the requester's.",
                "nullable": true
              },
              "collaborator_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Replaces the CCs (existing user ids)."
              },
              "email_cc_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Same as `collaborator_ids` (used when that is absent)."
              },
              "collaborators": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/UserReference"
                },
                "description": "Replaces the CCs with these people (ids, emails or `{name, email}`)."
              },
              "additional_collaborators": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/UserReference"
                },
                "description": "Adds these people to the CCs."
              },
              "follower_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Replaces the followers; each must be an agent."
              },
              "comment": {
                "$ref": "\u0023/components/schemas/CommentInput"
              },
              "requester": {
                "$ref": "\u0023/components/schemas/UserReference"
              },
              "requester_id": {
                "type": "integer",
                "description": "The requester (default: the caller). Same as `requester` with an id.",
                "minimum": 1
              },
              "description": {
                "type": "string",
                "description": "The first comment's body, used when `comment` is absent."
              }
            },
            "description": "A new ticket. Either `comment` or `description` is required: it becomes the first comment. End-users' tickets ignore `assignee_id`, `group_id` and `follower_ids`.",
            "example": {
              "subject": "Printer on fire",
              "comment": {
                "body": "The printer in room 2 is on fire."
              },
              "requester": {
                "name": "Pat Customer",
                "email": "pat@example.com"
              },
              "priority": "urgent",
              "tags": [
                "hardware"
              ]
            }
          },
          "TicketUpdate": {
            "type": "object",
            "properties": {
              "external_id": {
                "type": "string",
                "description": "Your own id for the ticket.",
                "nullable": true
              },
              "type": {
                "type": "string",
                "enum": [
                  "question",
                  "incident",
                  "problem",
                  "task",
                  null
                ],
                "nullable": true
              },
              "subject": {
                "type": "string",
                "description": "On create, defaults to the first line (up to 150 characters) of the description."
              },
              "status": {
                "type": "string",
                "description": "`new` becomes `open` once the ticket is assigned or an agent replies publicly; a ticket cannot go back to `new` once opened, is closed only from `solved`, and a closed ticket cannot change. Solving assigns an unassigned ticket to the solving agent.",
                "enum": [
                  "new",
                  "open",
                  "pending",
                  "hold",
                  "solved",
                  "closed"
                ]
              },
              "priority": {
                "type": "string",
                "enum": [
                  "low",
                  "normal",
                  "high",
                  "urgent",
                  null
                ],
                "nullable": true
              },
              "due_at": {
                "type": "string",
                "description": "An ISO 8601 date or date-time; only tasks (`type: task`) have a due date.",
                "nullable": true
              },
              "tags": {
                "description": "Replaces the tags. Tags are lowercased; a string with spaces or commas holds several tags.",
                "oneOf": [
                  {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  {
                    "type": "string"
                  }
                ]
              },
              "additional_tags": {
                "description": "Tags to add.",
                "oneOf": [
                  {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  {
                    "type": "string"
                  }
                ]
              },
              "assignee_id": {
                "type": "integer",
                "description": "An active agent (staff only; ignored when an end-user creates a ticket). `null` unassigns.",
                "nullable": true
              },
              "assignee_email": {
                "type": "string",
                "description": "Assigns the agent with this email.",
                "format": "email"
              },
              "group_id": {
                "type": "integer",
                "description": "An existing group (staff only). `null` clears it.",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "description": "An existing organization; on create it defaults to the requester's.",
                "nullable": true
              },
              "collaborator_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Replaces the CCs (existing user ids)."
              },
              "email_cc_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Same as `collaborator_ids` (used when that is absent)."
              },
              "collaborators": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/UserReference"
                },
                "description": "Replaces the CCs with these people (ids, emails or `{name, email}`)."
              },
              "additional_collaborators": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/UserReference"
                },
                "description": "Adds these people to the CCs."
              },
              "follower_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Replaces the followers; each must be an agent."
              },
              "comment": {
                "$ref": "\u0023/components/schemas/CommentInput"
              },
              "id": {
                "type": "integer",
                "description": "Ignored (zenpy sends it); the path names the ticket."
              },
              "requester": {
                "$ref": "\u0023/components/schemas/UserReference"
              },
              "requester_id": {
                "type": "integer",
                "description": "Changes the requester.",
                "minimum": 1
              },
              "remove_tags": {
                "description": "Tags to remove.",
                "oneOf": [
                  {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  {
                    "type": "string"
                  }
                ]
              },
              "safe_update": {
                "type": "boolean",
                "description": "With `true`, the update is refused with 409 `UpdateConflict` unless `updated_stamp` equals the ticket's current `updated_at` (to the second)."
              },
              "updated_stamp": {
                "type": "string",
                "format": "date-time",
                "description": "The `updated_at` the client last saw; required with `safe_update`."
              },
              "override_exclusion": {
                "type": "boolean",
                "description": "**Casebook extension.** `true` lets a lead or above assign an agent whom an exclusion rule keeps away from this requester or organization; the override is recorded in the audit (`Notice` `exclusion_override`). Without it (or from an agent) such an assignment answers 422 with `ExclusionRule` on `assignee_id`."
              },
              "override_reason": {
                "type": "string",
                "description": "**Casebook extension.** Why the exclusion is overridden; recorded in the audit."
              }
            },
            "description": "Changes to a ticket; absent fields stay as they are, `null` clears a nullable field. End-users may only add public comments to their tickets (any other change is refused with 422 `PermissionDenied` on `base`).",
            "example": {
              "status": "pending",
              "comment": {
                "body": "Could you send a photo?",
                "public": true
              },
              "safe_update": true,
              "updated_stamp": "2026-01-05T10:00:00Z"
            }
          },
          "TicketCreateRequest": {
            "type": "object",
            "properties": {
              "ticket": {
                "$ref": "\u0023/components/schemas/TicketCreate"
              }
            },
            "required": [
              "ticket"
            ]
          },
          "TicketUpdateRequest": {
            "type": "object",
            "properties": {
              "ticket": {
                "$ref": "\u0023/components/schemas/TicketUpdate"
              }
            },
            "required": [
              "ticket"
            ]
          },
          "TicketResponse": {
            "type": "object",
            "properties": {
              "ticket": {
                "$ref": "\u0023/components/schemas/Ticket"
              }
            },
            "required": [
              "ticket"
            ]
          },
          "TicketAuditResponse": {
            "type": "object",
            "properties": {
              "ticket": {
                "$ref": "\u0023/components/schemas/Ticket"
              },
              "audit": {
                "$ref": "\u0023/components/schemas/Audit"
              }
            },
            "required": [
              "ticket"
            ],
            "description": "The ticket and the audit recording the write (absent when an update changed nothing)."
          },
          "TicketPage": {
            "description": "A page of tickets.",
            "allOf": [
              {
                "type": "object",
                "properties": {
                  "tickets": {
                    "type": "array",
                    "items": {
                      "$ref": "\u0023/components/schemas/Ticket"
                    }
                  }
                },
                "required": [
                  "tickets"
                ]
              },
              {
                "oneOf": [
                  {
                    "$ref": "\u0023/components/schemas/OffsetPage"
                  },
                  {
                    "$ref": "\u0023/components/schemas/CursorPage"
                  }
                ]
              }
            ]
          },
          "TicketList": {
            "type": "object",
            "properties": {
              "tickets": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Ticket"
                }
              }
            },
            "required": [
              "tickets"
            ]
          },
          "UserReference": {
            "description": "A person: a user id, an email address (an unknown address creates an end-user, placed in the organization that owns the address's domain), or an object `{\"id\"}` or `{\"name\", \"email\"}`.",
            "oneOf": [
              {
                "type": "integer",
                "description": "A user id.",
                "minimum": 1
              },
              {
                "type": "string",
                "description": "An email address.",
                "format": "email"
              },
              {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer",
                    "minimum": 1
                  },
                  "name": {
                    "type": "string"
                  },
                  "email": {
                    "type": "string",
                    "format": "email"
                  }
                }
              }
            ]
          },
          "CommentInput": {
            "type": "object",
            "properties": {
              "body": {
                "type": "string",
                "description": "Plain-text body. Either `body` or `html_body` must be non-blank (for a call log: the summary)."
              },
              "html_body": {
                "type": "string",
                "description": "HTML body; sanitized before it is kept. Used when `body` is absent."
              },
              "public": {
                "type": "boolean",
                "description": "A public reply (`true`, the default) or an internal note (`false`; staff only).",
                "default": true
              },
              "author_id": {
                "type": "integer",
                "description": "Writes the comment on behalf of this user (staff only; default: the caller).",
                "minimum": 1
              },
              "uploads": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Tokens from `POST /api/v2/uploads`: their files become this comment's attachments. Only your own uploads not yet used (admins: anyone's); a token that names none fails the request with 422."
              },
              "call": {
                "$ref": "\u0023/components/schemas/CallLogInput"
              }
            },
            "description": "A comment to add: a public reply, an internal note or (with `call`) a call log.",
            "example": {
              "body": "Thanks, we are looking into it.",
              "public": true
            }
          },
          "CallLogInput": {
            "type": "object",
            "properties": {
              "direction": {
                "type": "string",
                "description": "Who placed the call.",
                "enum": [
                  "inbound",
                  "outbound"
                ]
              },
              "from": {
                "type": "string",
                "description": "The calling number or address.",
                "example": "+15551230001"
              },
              "to": {
                "type": "string",
                "description": "The called number or address.",
                "example": "+15551239999"
              },
              "participants": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Everyone on the call (names or numbers)."
              },
              "duration": {
                "type": "integer",
                "description": "The call's length in seconds.",
                "minimum": 0
              },
              "summary_pending": {
                "type": "boolean",
                "description": "A call logged by a phone system before anyone wrote its summary: the comment body may be blank, and the ticket owes its case notes until an internal note is added."
              }
            },
            "required": [
              "direction",
              "duration"
            ],
            "description": "**Casebook extension.** Makes the comment a call log: a `VoiceComment` whose body is the call summary and whose audit comes `via` `voice`."
          },
          "Comment": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "type": {
                "type": "string",
                "description": "`VoiceComment` for a call log.",
                "enum": [
                  "Comment",
                  "VoiceComment"
                ]
              },
              "author_id": {
                "type": "integer"
              },
              "body": {
                "type": "string"
              },
              "html_body": {
                "type": "string",
                "description": "Sanitized HTML."
              },
              "plain_body": {
                "type": "string"
              },
              "public": {
                "type": "boolean",
                "description": "`false` for an internal note."
              },
              "attachments": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Attachment"
                },
                "description": "The comment's files (from `comment.uploads`, or from the email it came from)."
              },
              "audit_id": {
                "type": "integer",
                "description": "The audit that added the comment."
              },
              "via": {
                "$ref": "\u0023/components/schemas/Via"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "data": {
                "$ref": "\u0023/components/schemas/CallData"
              }
            },
            "required": [
              "id",
              "type",
              "author_id",
              "body",
              "html_body",
              "plain_body",
              "public",
              "audit_id",
              "via",
              "created_at"
            ]
          },
          "CallData": {
            "type": "object",
            "properties": {
              "direction": {
                "type": "string",
                "enum": [
                  "inbound",
                  "outbound"
                ]
              },
              "from": {
                "type": "string"
              },
              "to": {
                "type": "string"
              },
              "participants": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "call_duration": {
                "type": "integer",
                "description": "Seconds."
              },
              "summary": {
                "type": "string",
                "description": "Same as the comment's `body`."
              }
            },
            "description": "**Casebook extension.** The call of a `VoiceComment`."
          },
          "CommentPage": {
            "description": "A page of comments.",
            "allOf": [
              {
                "type": "object",
                "properties": {
                  "comments": {
                    "type": "array",
                    "items": {
                      "$ref": "\u0023/components/schemas/Comment"
                    }
                  }
                },
                "required": [
                  "comments"
                ]
              },
              {
                "oneOf": [
                  {
                    "$ref": "\u0023/components/schemas/OffsetPage"
                  },
                  {
                    "$ref": "\u0023/components/schemas/CursorPage"
                  }
                ]
              }
            ]
          },
          "Audit": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer"
              },
              "author_id": {
                "type": "integer"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "via": {
                "$ref": "\u0023/components/schemas/Via"
              },
              "metadata": {
                "type": "object",
                "properties": {},
                "additionalProperties": true
              },
              "events": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/AuditEvent"
                }
              }
            },
            "required": [
              "id",
              "ticket_id",
              "author_id",
              "created_at",
              "via",
              "events"
            ],
            "description": "One create or update of a ticket: who, when, how, and its events. Audits never change."
          },
          "AuditEvent": {
            "description": "One event of an audit: a field change, the comment added, or a notice.",
            "oneOf": [
              {
                "$ref": "\u0023/components/schemas/AuditChangeEvent"
              },
              {
                "$ref": "\u0023/components/schemas/AuditCommentEvent"
              },
              {
                "$ref": "\u0023/components/schemas/AuditNoticeEvent"
              },
              {
                "$ref": "\u0023/components/schemas/AuditSatisfactionRatingEvent"
              }
            ]
          },
          "AuditChangeEvent": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "type": {
                "type": "string",
                "description": "`Create`: a field set when the ticket was made; `Change`: a field changed; `TagsChange`: the tags changed (`field_name` `tags`); `CollaboratorChange`: `collaborator_ids` or `follower_ids` changed.",
                "enum": [
                  "Create",
                  "Change",
                  "TagsChange",
                  "CollaboratorChange"
                ]
              },
              "field_name": {
                "type": "string",
                "description": "e.g. `status`, `assignee_id`, `tags`, `collaborator_ids`."
              },
              "value": {
                "description": "A JSON value: a string, a number, a list, or `null`.",
                "nullable": true
              },
              "previous_value": {
                "description": "The value before (absent on `Create` events).",
                "nullable": true
              }
            },
            "required": [
              "id",
              "type",
              "value"
            ]
          },
          "AuditCommentEvent": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer",
                "description": "The event's id."
              },
              "type": {
                "type": "string",
                "description": "`VoiceComment` for a call log.",
                "enum": [
                  "Comment",
                  "VoiceComment"
                ]
              },
              "author_id": {
                "type": "integer"
              },
              "body": {
                "type": "string"
              },
              "html_body": {
                "type": "string",
                "description": "Sanitized HTML."
              },
              "plain_body": {
                "type": "string"
              },
              "public": {
                "type": "boolean",
                "description": "`false` for an internal note."
              },
              "attachments": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Attachment"
                },
                "description": "The comment's files (from `comment.uploads`, or from the email it came from)."
              },
              "audit_id": {
                "type": "integer",
                "description": "The audit that added the comment."
              },
              "via": {
                "$ref": "\u0023/components/schemas/Via"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "data": {
                "$ref": "\u0023/components/schemas/CallData"
              },
              "comment_id": {
                "type": "integer",
                "description": "The comment's id."
              }
            },
            "required": [
              "id",
              "type",
              "comment_id",
              "author_id",
              "body",
              "public"
            ],
            "description": "The comment added by this audit, with the comment's fields."
          },
          "AuditList": {
            "type": "object",
            "properties": {
              "audits": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Audit"
                }
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "audits",
              "next_page",
              "previous_page",
              "count"
            ],
            "description": "All audits of a ticket, oldest first (one page; `next_page` is always `null`)."
          },
          "TagList": {
            "type": "object",
            "properties": {
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            },
            "required": [
              "tags"
            ]
          },
          "TagsRequest": {
            "type": "object",
            "properties": {
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Tags to add (POST, PUT) or remove (DELETE)."
              },
              "safe_update": {
                "type": "boolean",
                "description": "See `TicketUpdate.safe_update`."
              },
              "updated_stamp": {
                "type": "string",
                "format": "date-time",
                "description": "See `TicketUpdate.updated_stamp`."
              }
            },
            "required": [
              "tags"
            ],
            "example": {
              "tags": [
                "vip",
                "billing"
              ]
            }
          },
          "IncrementalTicketExport": {
            "type": "object",
            "properties": {
              "tickets": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Ticket"
                }
              },
              "after_cursor": {
                "type": "string",
                "description": "Pass as `cursor` for the next batch."
              },
              "before_cursor": {
                "type": "string",
                "description": "Always `null`.",
                "nullable": true
              },
              "after_url": {
                "type": "string",
                "description": "The next batch's absolute URL.",
                "format": "uri"
              },
              "end_of_stream": {
                "type": "boolean",
                "description": "`true` when this batch was the last (fewer than `per_page` tickets)."
              },
              "end_time": {
                "type": "integer",
                "description": "The Unix time (seconds) of the last ticket's `updated_at`."
              }
            },
            "required": [
              "tickets",
              "after_cursor",
              "after_url",
              "end_of_stream",
              "end_time"
            ]
          },
          "Via": {
            "type": "object",
            "properties": {
              "channel": {
                "type": "string",
                "description": "How the record reached Casebook.",
                "enum": [
                  "api",
                  "web",
                  "email",
                  "voice"
                ]
              },
              "source": {
                "type": "object",
                "properties": {
                  "from": {
                    "type": "object",
                    "properties": {},
                    "additionalProperties": true
                  },
                  "to": {
                    "type": "object",
                    "properties": {},
                    "additionalProperties": true
                  },
                  "rel": {
                    "type": "string",
                    "nullable": true
                  }
                },
                "description": "`{\"from\": {}, \"to\": {}, \"rel\": null}`, except on a follow-up ticket: `{\"from\": {\"ticket_id\": 42}, \"to\": {}, \"rel\": \"follow_up\"}` naming the closed ticket."
              }
            },
            "required": [
              "channel",
              "source"
            ]
          },
          "User": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "name": {
                "type": "string"
              },
              "email": {
                "type": "string",
                "format": "email",
                "nullable": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              },
              "time_zone": {
                "type": "string",
                "example": "UTC"
              },
              "iana_time_zone": {
                "type": "string"
              },
              "phone": {
                "type": "string",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "nullable": true
              },
              "role": {
                "type": "string",
                "description": "Zendesk's role: leads and managers are `agent`.",
                "enum": [
                  "end-user",
                  "agent",
                  "admin"
                ]
              },
              "casebook_role": {
                "type": "string",
                "description": "**Casebook extension.** The full role.",
                "enum": [
                  "end-user",
                  "agent",
                  "lead",
                  "manager",
                  "admin"
                ]
              },
              "verified": {
                "type": "boolean",
                "description": "Always `true`."
              },
              "external_id": {
                "type": "string",
                "nullable": true
              },
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Always empty."
              },
              "active": {
                "type": "boolean"
              },
              "suspended": {
                "type": "boolean",
                "description": "`true` when not active."
              },
              "notes": {
                "type": "string"
              },
              "details": {
                "type": "string"
              },
              "shared": {
                "type": "boolean"
              },
              "moderator": {
                "type": "boolean",
                "description": "`true` for staff."
              },
              "user_fields": {
                "type": "object",
                "properties": {},
                "additionalProperties": true
              }
            },
            "required": [
              "id",
              "url",
              "name",
              "role",
              "active",
              "created_at",
              "updated_at"
            ]
          },
          "UserWrite": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "description": "Required when creating."
              },
              "email": {
                "type": "string",
                "description": "Unique (422 `DuplicateValue`); stored lowercased. `null` removes it.",
                "format": "email",
                "nullable": true
              },
              "role": {
                "type": "string",
                "description": "Default `end-user`. Creating or changing staff, and any role change, takes an admin.",
                "enum": [
                  "end-user",
                  "agent",
                  "lead",
                  "manager",
                  "admin"
                ]
              },
              "phone": {
                "type": "string",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "description": "An existing organization; on create it defaults to the one owning the email's domain.",
                "nullable": true
              },
              "time_zone": {
                "type": "string",
                "description": "Default `UTC`."
              },
              "external_id": {
                "type": "string",
                "description": "Unique.",
                "nullable": true
              },
              "notes": {
                "type": "string"
              },
              "suspended": {
                "type": "boolean",
                "description": "Suspends (`true`) or reactivates an existing user (staff only; ignored on create)."
              }
            },
            "example": {
              "name": "Pat Customer",
              "email": "pat@example.com",
              "role": "end-user"
            }
          },
          "UserRequest": {
            "type": "object",
            "properties": {
              "user": {
                "$ref": "\u0023/components/schemas/UserWrite"
              }
            },
            "required": [
              "user"
            ]
          },
          "UserResponse": {
            "type": "object",
            "properties": {
              "user": {
                "$ref": "\u0023/components/schemas/User"
              }
            },
            "required": [
              "user"
            ]
          },
          "UserPage": {
            "description": "A page of users.",
            "allOf": [
              {
                "type": "object",
                "properties": {
                  "users": {
                    "type": "array",
                    "items": {
                      "$ref": "\u0023/components/schemas/User"
                    }
                  }
                },
                "required": [
                  "users"
                ]
              },
              {
                "oneOf": [
                  {
                    "$ref": "\u0023/components/schemas/OffsetPage"
                  },
                  {
                    "$ref": "\u0023/components/schemas/CursorPage"
                  }
                ]
              }
            ]
          },
          "UserSearchResults": {
            "type": "object",
            "properties": {
              "users": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/User"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              }
            },
            "required": [
              "users",
              "count"
            ]
          },
          "Organization": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "name": {
                "type": "string"
              },
              "external_id": {
                "type": "string",
                "nullable": true
              },
              "domain_names": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Emails at these domains (and their subdomains) join the organization."
              },
              "details": {
                "type": "string"
              },
              "notes": {
                "type": "string"
              },
              "shared_tickets": {
                "type": "boolean",
                "description": "Members see each other's tickets."
              },
              "shared_comments": {
                "type": "boolean",
                "description": "Same as `shared_tickets`."
              },
              "group_id": {
                "type": "integer",
                "description": "Always `null`.",
                "nullable": true
              },
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Always empty."
              },
              "organization_fields": {
                "type": "object",
                "properties": {},
                "additionalProperties": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              },
              "account_owner_id": {
                "type": "integer",
                "nullable": true,
                "description": "**Casebook extension.** The staff member who owns the account; told of every decision on the organization's tickets."
              }
            },
            "required": [
              "id",
              "url",
              "name",
              "domain_names",
              "shared_tickets",
              "created_at",
              "updated_at"
            ]
          },
          "OrganizationWrite": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "description": "Required when creating; unique (case-insensitive)."
              },
              "external_id": {
                "type": "string",
                "nullable": true
              },
              "details": {
                "type": "string"
              },
              "notes": {
                "type": "string"
              },
              "shared_tickets": {
                "type": "boolean"
              },
              "domain_names": {
                "description": "Replaces the domains; each must be a domain (`example.com`) no other organization owns. On create, end-users without an organization whose email is at one of them join.",
                "oneOf": [
                  {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  {
                    "type": "string"
                  }
                ]
              },
              "account_owner_id": {
                "type": "integer",
                "nullable": true,
                "description": "**Casebook extension.** The staff member who owns the account; told of every decision on the organization's tickets."
              }
            },
            "example": {
              "name": "Acme",
              "domain_names": [
                "acme.example"
              ],
              "shared_tickets": true
            }
          },
          "OrganizationRequest": {
            "type": "object",
            "properties": {
              "organization": {
                "$ref": "\u0023/components/schemas/OrganizationWrite"
              }
            },
            "required": [
              "organization"
            ]
          },
          "OrganizationResponse": {
            "type": "object",
            "properties": {
              "organization": {
                "$ref": "\u0023/components/schemas/Organization"
              }
            },
            "required": [
              "organization"
            ]
          },
          "OrganizationPage": {
            "description": "A page of organizations.",
            "allOf": [
              {
                "type": "object",
                "properties": {
                  "organizations": {
                    "type": "array",
                    "items": {
                      "$ref": "\u0023/components/schemas/Organization"
                    }
                  }
                },
                "required": [
                  "organizations"
                ]
              },
              {
                "oneOf": [
                  {
                    "$ref": "\u0023/components/schemas/OffsetPage"
                  },
                  {
                    "$ref": "\u0023/components/schemas/CursorPage"
                  }
                ]
              }
            ]
          },
          "OrganizationSearchResults": {
            "type": "object",
            "properties": {
              "organizations": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Organization"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              }
            },
            "required": [
              "organizations",
              "count"
            ]
          },
          "Group": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "default": {
                "type": "boolean",
                "description": "Always `false`."
              },
              "deleted": {
                "type": "boolean",
                "description": "Always `false`."
              },
              "is_public": {
                "type": "boolean",
                "description": "Always `true`."
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "url",
              "name",
              "created_at",
              "updated_at"
            ]
          },
          "GroupWrite": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "description": "Required when creating; unique."
              },
              "description": {
                "type": "string"
              }
            },
            "example": {
              "name": "Tier 2",
              "description": "Escalations"
            }
          },
          "GroupRequest": {
            "type": "object",
            "properties": {
              "group": {
                "$ref": "\u0023/components/schemas/GroupWrite"
              }
            },
            "required": [
              "group"
            ]
          },
          "GroupResponse": {
            "type": "object",
            "properties": {
              "group": {
                "$ref": "\u0023/components/schemas/Group"
              }
            },
            "required": [
              "group"
            ]
          },
          "GroupPage": {
            "description": "A page of groups.",
            "allOf": [
              {
                "type": "object",
                "properties": {
                  "groups": {
                    "type": "array",
                    "items": {
                      "$ref": "\u0023/components/schemas/Group"
                    }
                  }
                },
                "required": [
                  "groups"
                ]
              },
              {
                "oneOf": [
                  {
                    "$ref": "\u0023/components/schemas/OffsetPage"
                  },
                  {
                    "$ref": "\u0023/components/schemas/CursorPage"
                  }
                ]
              }
            ]
          },
          "GroupMembership": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "user_id": {
                "type": "integer"
              },
              "group_id": {
                "type": "integer"
              },
              "default": {
                "type": "boolean"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "url",
              "user_id",
              "group_id",
              "default",
              "created_at"
            ]
          },
          "GroupMembershipCreate": {
            "type": "object",
            "properties": {
              "user_id": {
                "type": "integer",
                "description": "An agent (staff user).",
                "minimum": 1
              },
              "group_id": {
                "type": "integer",
                "description": "An existing group.",
                "minimum": 1
              },
              "default": {
                "type": "boolean",
                "default": false
              }
            },
            "required": [
              "user_id",
              "group_id"
            ],
            "example": {
              "user_id": 2,
              "group_id": 1
            }
          },
          "GroupMembershipRequest": {
            "type": "object",
            "properties": {
              "group_membership": {
                "$ref": "\u0023/components/schemas/GroupMembershipCreate"
              }
            },
            "required": [
              "group_membership"
            ]
          },
          "GroupMembershipResponse": {
            "type": "object",
            "properties": {
              "group_membership": {
                "$ref": "\u0023/components/schemas/GroupMembership"
              }
            },
            "required": [
              "group_membership"
            ]
          },
          "GroupMembershipList": {
            "type": "object",
            "properties": {
              "group_memberships": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/GroupMembership"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              }
            },
            "required": [
              "group_memberships",
              "count"
            ]
          },
          "JobStatus": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "description": "A hex id.",
                "example": "6d1c2f0a9b8e4c7da1f3e5b7c9d2a4f6"
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "total": {
                "type": "integer"
              },
              "progress": {
                "type": "integer"
              },
              "status": {
                "type": "string",
                "description": "Casebook finishes bulk jobs before answering, so this is always `completed`.",
                "enum": [
                  "queued",
                  "working",
                  "completed",
                  "failed",
                  "killed"
                ]
              },
              "message": {
                "type": "string"
              },
              "results": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "index": {
                      "type": "integer",
                      "description": "Position in the request."
                    },
                    "id": {
                      "type": "integer",
                      "description": "The ticket's id."
                    },
                    "action": {
                      "type": "string",
                      "description": "`update` for update_many."
                    },
                    "status": {
                      "type": "string",
                      "enum": [
                        "Created",
                        "Updated"
                      ]
                    },
                    "success": {
                      "type": "boolean"
                    }
                  },
                  "required": [
                    "index",
                    "id",
                    "status",
                    "success"
                  ]
                }
              }
            },
            "required": [
              "id",
              "url",
              "total",
              "progress",
              "status",
              "results"
            ],
            "description": "A bulk job. Kept for an hour after it completes."
          },
          "JobStatusResponse": {
            "type": "object",
            "properties": {
              "job_status": {
                "$ref": "\u0023/components/schemas/JobStatus"
              }
            },
            "required": [
              "job_status"
            ]
          },
          "SearchResult": {
            "description": "A ticket, user, organization or group, with `result_type` naming which.",
            "oneOf": [
              {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/Ticket"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "result_type": {
                        "type": "string",
                        "enum": [
                          "ticket"
                        ]
                      }
                    },
                    "required": [
                      "result_type"
                    ]
                  }
                ]
              },
              {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/User"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "result_type": {
                        "type": "string",
                        "enum": [
                          "user"
                        ]
                      }
                    },
                    "required": [
                      "result_type"
                    ]
                  }
                ]
              },
              {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/Organization"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "result_type": {
                        "type": "string",
                        "enum": [
                          "organization"
                        ]
                      }
                    },
                    "required": [
                      "result_type"
                    ]
                  }
                ]
              },
              {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/Group"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "result_type": {
                        "type": "string",
                        "enum": [
                          "group"
                        ]
                      }
                    },
                    "required": [
                      "result_type"
                    ]
                  }
                ]
              }
            ]
          },
          "SearchResults": {
            "type": "object",
            "properties": {
              "results": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SearchResult"
                }
              },
              "facets": {
                "nullable": true,
                "description": "Always `null`."
              },
              "next_page": {
                "type": "string",
                "format": "uri",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "format": "uri",
                "nullable": true
              },
              "count": {
                "type": "integer",
                "description": "All matches, even beyond the 1,000 that can be paged to."
              }
            },
            "required": [
              "results",
              "next_page",
              "previous_page",
              "count"
            ],
            "description": "Tickets first (in the requested order), then users, organizations and groups (by id)."
          },
          "SearchCount": {
            "type": "object",
            "properties": {
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "count"
            ]
          },
          "SearchExport": {
            "allOf": [
              {
                "type": "object",
                "properties": {
                  "results": {
                    "type": "array",
                    "items": {
                      "allOf": [
                        {
                          "$ref": "\u0023/components/schemas/Ticket"
                        },
                        {
                          "type": "object",
                          "properties": {
                            "result_type": {
                              "type": "string",
                              "enum": [
                                "ticket"
                              ]
                            }
                          },
                          "required": [
                            "result_type"
                          ]
                        }
                      ]
                    }
                  }
                },
                "required": [
                  "results"
                ]
              },
              {
                "$ref": "\u0023/components/schemas/CursorPage"
              }
            ]
          },
          "Attachment": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "file_name": {
                "type": "string"
              },
              "content_url": {
                "type": "string",
                "format": "uri",
                "description": "Where the file is served on this server: `/attachments/{id}/{file_name}`."
              },
              "content_type": {
                "type": "string",
                "description": "The file's type; `application/octet-stream` when unknown."
              },
              "size": {
                "type": "integer",
                "description": "In bytes."
              },
              "inline": {
                "type": "boolean",
                "description": "`true` for an image shown inside an email's body."
              },
              "url": {
                "type": "string",
                "format": "uri",
                "description": "This attachment in the API."
              },
              "mapped_content_url": {
                "type": "string",
                "format": "uri",
                "description": "The same as `content_url`."
              },
              "deleted": {
                "type": "boolean",
                "description": "Always `false`."
              },
              "malware_access_override": {
                "type": "boolean",
                "description": "Always `false`."
              },
              "malware_scan_result": {
                "type": "string",
                "description": "Always `not_scanned`.",
                "enum": [
                  "not_scanned"
                ]
              },
              "thumbnails": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {},
                  "additionalProperties": true
                },
                "description": "Always empty."
              }
            },
            "required": [
              "id",
              "file_name",
              "content_url",
              "content_type",
              "size",
              "inline",
              "url",
              "mapped_content_url",
              "deleted",
              "malware_access_override",
              "malware_scan_result",
              "thumbnails"
            ],
            "description": "A file on a comment (uploaded, or from an email), in Zendesk's shape."
          },
          "AttachmentResponse": {
            "type": "object",
            "properties": {
              "attachment": {
                "$ref": "\u0023/components/schemas/Attachment"
              }
            },
            "required": [
              "attachment"
            ]
          },
          "Upload": {
            "type": "object",
            "properties": {
              "token": {
                "type": "string",
                "description": "Names the upload in `comment.uploads`."
              },
              "expires_at": {
                "type": "string",
                "description": "Three days after the upload.",
                "format": "date-time"
              },
              "attachments": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Attachment"
                },
                "description": "Every file of the upload."
              },
              "attachment": {
                "$ref": "\u0023/components/schemas/Attachment"
              }
            },
            "required": [
              "token",
              "expires_at",
              "attachments",
              "attachment"
            ],
            "description": "An upload: one or more files waiting to be attached to a comment. `attachment` is the file just uploaded."
          },
          "UploadResponse": {
            "type": "object",
            "properties": {
              "upload": {
                "$ref": "\u0023/components/schemas/Upload"
              }
            },
            "required": [
              "upload"
            ]
          },
          "InboundEmail": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "message_id": {
                "type": "string",
                "description": "The `Message-ID` header; a second message with the same one is a duplicate.",
                "nullable": true
              },
              "from": {
                "type": "string",
                "description": "The sender's address (from `From:`).",
                "nullable": true
              },
              "subject": {
                "type": "string",
                "description": "The decoded subject."
              },
              "size": {
                "type": "integer",
                "description": "The raw message's size in bytes."
              },
              "source": {
                "type": "string",
                "description": "How it arrived: `http` (this API, which the mailgate uses)."
              },
              "queue": {
                "type": "string",
                "description": "The `queue` it was posted with.",
                "nullable": true
              },
              "action": {
                "type": "string",
                "enum": [
                  "correspond",
                  "comment"
                ]
              },
              "status": {
                "type": "string",
                "enum": [
                  "received",
                  "processed",
                  "quarantined",
                  "held",
                  "ignored"
                ],
                "description": "`received`: stored, not yet processed (a message left so when the server stopped is processed at start); `processed`: applied to `ticket_id`; `quarantined`: could not be parsed or applied, kept with the reason for an admin to retry; `held`: over the per-sender rate limit (a mail loop or a flood), retry to release it; `ignored`: Casebook's own mail coming back, kept but never answered."
              },
              "error": {
                "type": "string",
                "description": "Why the message was quarantined, held or ignored; for a processed message, notes such as a follow-up to a closed ticket, an attachment over the 20 MB limit (the original keeps it), a `queue` that is not a group or a ticket token that was ignored.",
                "nullable": true
              },
              "classification": {
                "type": "string",
                "description": "Why the message looks automatic (an auto-reply, a bounce, bulk mail), `; `-separated. Automatic mail causes no notification mail.",
                "nullable": true
              },
              "ticket_id": {
                "type": "integer",
                "description": "The ticket it went to.",
                "nullable": true
              },
              "comment_id": {
                "type": "integer",
                "description": "The comment it made.",
                "nullable": true
              },
              "attempts": {
                "type": "integer",
                "description": "How many times processing has finished."
              },
              "received_at": {
                "type": "string",
                "format": "date-time"
              },
              "processed_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "duplicate": {
                "type": "boolean",
                "description": "Only in answers to `POST /api/v2/inbound/email`: `true` when the Message-ID was received before."
              }
            },
            "required": [
              "id",
              "message_id",
              "from",
              "subject",
              "size",
              "source",
              "queue",
              "action",
              "status",
              "error",
              "classification",
              "ticket_id",
              "comment_id",
              "attempts",
              "received_at",
              "processed_at"
            ],
            "description": "**Casebook extension.** One message received, and what became of it."
          },
          "InboundEmailResponse": {
            "type": "object",
            "properties": {
              "inbound_email": {
                "$ref": "\u0023/components/schemas/InboundEmail"
              }
            },
            "required": [
              "inbound_email"
            ]
          },
          "InboundEmailList": {
            "type": "object",
            "properties": {
              "inbound_emails": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/InboundEmail"
                }
              },
              "count": {
                "type": "integer",
                "description": "How many messages match the filter in all."
              }
            },
            "required": [
              "inbound_emails",
              "count"
            ]
          },
          "OutboxMessage": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "kind": {
                "type": "string",
                "description": "Which notification: `request_received`, `public_reply`, `internal_note`, `assignment` or `sign_in_link`.",
                "example": "public_reply"
              },
              "to": {
                "type": "string",
                "description": "The recipients (To and Cc), comma-separated."
              },
              "subject": {
                "type": "string"
              },
              "message_id": {
                "type": "string",
                "nullable": true
              },
              "ticket_id": {
                "type": "integer",
                "description": "The ticket it is about (`null` for a sign-in link).",
                "nullable": true
              },
              "status": {
                "type": "string",
                "enum": [
                  "queued",
                  "sent",
                  "failed"
                ],
                "description": "`queued`: waiting for its first or next attempt (or for SMTP to be configured); `sent`; `failed`: refused for good or out of attempts, an admin can send it again."
              },
              "attempts": {
                "type": "integer"
              },
              "last_error": {
                "type": "string",
                "description": "The last failure; for a sent message, the recipients the server refused, if any.",
                "nullable": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "sent_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "next_attempt_at": {
                "type": "string",
                "description": "When a queued message is tried next.",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "kind",
              "to",
              "subject",
              "message_id",
              "ticket_id",
              "status",
              "attempts",
              "last_error",
              "created_at",
              "sent_at",
              "next_attempt_at"
            ],
            "description": "**Casebook extension.** One message of the outbox."
          },
          "OutboxList": {
            "type": "object",
            "properties": {
              "outbox": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/OutboxMessage"
                }
              }
            },
            "required": [
              "outbox"
            ]
          },
          "OutboxRetryResponse": {
            "type": "object",
            "properties": {
              "outbox_message": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "queued"
                    ]
                  }
                },
                "required": [
                  "id",
                  "status"
                ]
              }
            },
            "required": [
              "outbox_message"
            ]
          },
          "Health": {
            "type": "object",
            "properties": {
              "status": {
                "type": "string",
                "description": "`ok`, or `database unavailable` with status 503.",
                "enum": [
                  "ok",
                  "database unavailable"
                ]
              }
            },
            "required": [
              "status"
            ]
          },
          "OffsetPage": {
            "type": "object",
            "properties": {
              "next_page": {
                "type": "string",
                "description": "The next page's absolute URL, or `null` on the last page.",
                "format": "uri",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "description": "The previous page's absolute URL, or `null` on the first.",
                "format": "uri",
                "nullable": true
              },
              "count": {
                "type": "integer",
                "description": "The total number of records."
              }
            },
            "required": [
              "next_page",
              "previous_page",
              "count"
            ],
            "description": "Offset pagination (`page`, `per_page`)."
          },
          "CursorPage": {
            "type": "object",
            "properties": {
              "meta": {
                "type": "object",
                "properties": {
                  "has_more": {
                    "type": "boolean"
                  },
                  "after_cursor": {
                    "type": "string",
                    "nullable": true
                  },
                  "before_cursor": {
                    "type": "string",
                    "nullable": true
                  }
                },
                "required": [
                  "has_more",
                  "after_cursor",
                  "before_cursor"
                ]
              },
              "links": {
                "type": "object",
                "properties": {
                  "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": true
                  },
                  "prev": {
                    "type": "string",
                    "format": "uri",
                    "nullable": true
                  }
                },
                "required": [
                  "next",
                  "prev"
                ]
              }
            },
            "required": [
              "meta",
              "links"
            ],
            "description": "Cursor pagination (`page[size]`, `page[after]`, `page[before]`)."
          },
          "Error": {
            "type": "object",
            "properties": {
              "error": {
                "type": "string",
                "description": "The error code, e.g. `InvalidJSON`, `RecordNotFound`, `UpdateConflict`, `Forbidden`, `RequestTooLarge`, `TooManyRequests`, `InvalidSearch`, `IdempotentRequestError`."
              },
              "description": {
                "type": "string",
                "description": "A human-readable explanation."
              },
              "details": {
                "$ref": "\u0023/components/schemas/FieldErrors"
              }
            },
            "required": [
              "error",
              "description"
            ],
            "example": {
              "error": "RecordNotFound",
              "description": "Not found"
            }
          },
          "FieldError": {
            "type": "object",
            "properties": {
              "error": {
                "type": "string",
                "description": "`BlankValue`, `InvalidValue`, `DuplicateValue`, `PermissionDenied`, `TooLong`, or `ExclusionRule` (an assignment an exclusion rule forbids)."
              },
              "description": {
                "type": "string"
              }
            },
            "required": [
              "error",
              "description"
            ]
          },
          "FieldErrors": {
            "type": "object",
            "properties": {},
            "description": "Per-field errors: field name (or `base`) to a list of errors.",
            "additionalProperties": {
              "type": "array",
              "items": {
                "$ref": "\u0023/components/schemas/FieldError"
              }
            }
          },
          "ValidationError": {
            "type": "object",
            "properties": {
              "error": {
                "type": "string",
                "enum": [
                  "RecordInvalid"
                ]
              },
              "description": {
                "type": "string",
                "example": "Record validation errors"
              },
              "details": {
                "$ref": "\u0023/components/schemas/FieldErrors"
              }
            },
            "required": [
              "error",
              "description",
              "details"
            ],
            "example": {
              "error": "RecordInvalid",
              "description": "Record validation errors",
              "details": {
                "subject": [
                  {
                    "error": "BlankValue",
                    "description": "Subject: cannot be blank"
                  }
                ]
              }
            }
          },
          "AgentPresence": {
            "type": "object",
            "properties": {
              "user_id": {
                "type": "integer"
              },
              "name": {
                "type": "string"
              },
              "role": {
                "type": "string",
                "description": "The Casebook role (`agent`, `lead`, `manager`, `admin`)."
              },
              "status": {
                "type": "string",
                "enum": [
                  "online",
                  "away",
                  "offline"
                ],
                "description": "What the agent chose (`offline` if never set)."
              },
              "effective_status": {
                "type": "string",
                "enum": [
                  "online",
                  "away",
                  "offline"
                ],
                "description": "`status`, except that an `online` agent with no activity for the idle time counts as `away`."
              },
              "back_at": {
                "type": "string",
                "format": "date-time",
                "description": "When an away or offline agent expects to be back.",
                "nullable": true
              },
              "note": {
                "type": "string",
                "description": "Where to reach the agent; at most 200 characters."
              },
              "last_active_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "changed_at": {
                "type": "string",
                "format": "date-time",
                "description": "When the status was last set.",
                "nullable": true
              },
              "open_tickets": {
                "type": "integer",
                "description": "Unsolved tickets assigned to the agent."
              },
              "reachable": {
                "type": "boolean",
                "description": "Whether routing may assign the agent now (`effective_status` is `online`)."
              }
            },
            "required": [
              "user_id",
              "name",
              "role",
              "status",
              "effective_status",
              "back_at",
              "note",
              "last_active_at",
              "changed_at",
              "open_tickets",
              "reachable"
            ],
            "description": "**Casebook extension.** An agent's presence."
          },
          "AgentPresenceList": {
            "type": "object",
            "properties": {
              "agent_presences": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/AgentPresence"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "agent_presences",
              "count"
            ],
            "description": "Every active staff member: online first, then away, then offline, by name."
          },
          "AgentPresenceResponse": {
            "type": "object",
            "properties": {
              "agent_presence": {
                "$ref": "\u0023/components/schemas/AgentPresence"
              }
            },
            "required": [
              "agent_presence"
            ]
          },
          "AgentPresenceWrite": {
            "type": "object",
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "online",
                  "away",
                  "offline"
                ]
              },
              "back_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true,
                "description": "An ISO 8601 time in the future; ignored when going `online`."
              },
              "note": {
                "type": "string",
                "maxLength": 200,
                "description": "Replaces the note; absent clears it."
              }
            },
            "required": [
              "status"
            ],
            "example": {
              "status": "away",
              "back_at": "2026-11-24T14:30:00Z",
              "note": "At the dentist, phone 555-0100"
            }
          },
          "AgentPresenceRequest": {
            "type": "object",
            "properties": {
              "agent_presence": {
                "$ref": "\u0023/components/schemas/AgentPresenceWrite"
              }
            },
            "required": [
              "agent_presence"
            ]
          },
          "RoutingCondition": {
            "type": "object",
            "properties": {
              "field": {
                "type": "string",
                "enum": [
                  "channel",
                  "requester_id",
                  "organization_id",
                  "tags",
                  "priority",
                  "subject"
                ]
              },
              "operator": {
                "type": "string",
                "enum": [
                  "is",
                  "is_not",
                  "includes",
                  "not_includes",
                  "less_than",
                  "greater_than",
                  "contains_words",
                  "not_contains_words"
                ],
                "description": "`channel`, `requester_id`, `organization_id`: `is`, `is_not`; `tags`: `includes` (every tag), `not_includes` (none of them); `priority`: `is`, `is_not`, `less_than`, `greater_than`; `subject`: `contains_words` (any of the words), `not_contains_words`."
              },
              "value": {
                "type": "string",
                "description": "A channel (`api`, `web`, `email`, `voice`), an id, space-separated tags, a priority, or words (a number is accepted for ids)."
              }
            },
            "required": [
              "field",
              "operator",
              "value"
            ],
            "description": "One test on a new ticket.",
            "example": {
              "field": "subject",
              "operator": "contains_words",
              "value": "refund money back"
            }
          },
          "RoutingActions": {
            "type": "object",
            "properties": {
              "group_id": {
                "type": "integer",
                "nullable": true,
                "description": "An existing group."
              },
              "skills": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Skills the assigned agent must all have (lowercased)."
              },
              "priority": {
                "type": "string",
                "enum": [
                  "low",
                  "normal",
                  "high",
                  "urgent",
                  null
                ],
                "nullable": true
              },
              "add_tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            },
            "description": "What a matching rule does; at least one action is required."
          },
          "RoutingRule": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              },
              "position": {
                "type": "integer",
                "description": "Rules run by position; the first active rule that matches decides."
              },
              "active": {
                "type": "boolean"
              },
              "conditions": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/RoutingCondition"
                },
                "description": "All must match; no conditions matches every ticket."
              },
              "actions": {
                "$ref": "\u0023/components/schemas/RoutingActions"
              }
            },
            "required": [
              "id",
              "title",
              "position",
              "active",
              "conditions",
              "actions"
            ],
            "description": "**Casebook extension.** A routing rule, applied to new unassigned tickets."
          },
          "RoutingRuleWrite": {
            "type": "object",
            "properties": {
              "title": {
                "type": "string",
                "description": "Required."
              },
              "position": {
                "type": "integer",
                "minimum": 1,
                "description": "Defaults to after the last rule."
              },
              "active": {
                "type": "boolean",
                "default": true
              },
              "conditions": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/RoutingCondition"
                }
              },
              "actions": {
                "$ref": "\u0023/components/schemas/RoutingActions"
              }
            },
            "description": "On update, absent fields stay as they are; `conditions` is replaced as a whole.",
            "example": {
              "title": "Refunds to billing",
              "conditions": [
                {
                  "field": "subject",
                  "operator": "contains_words",
                  "value": "refund"
                }
              ],
              "actions": {
                "group_id": 3,
                "skills": [
                  "billing"
                ],
                "priority": "high",
                "add_tags": [
                  "refund"
                ]
              }
            }
          },
          "RoutingRuleRequest": {
            "type": "object",
            "properties": {
              "routing_rule": {
                "$ref": "\u0023/components/schemas/RoutingRuleWrite"
              }
            },
            "required": [
              "routing_rule"
            ]
          },
          "RoutingRuleResponse": {
            "type": "object",
            "properties": {
              "routing_rule": {
                "$ref": "\u0023/components/schemas/RoutingRule"
              }
            },
            "required": [
              "routing_rule"
            ]
          },
          "RoutingRuleList": {
            "type": "object",
            "properties": {
              "routing_rules": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/RoutingRule"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "routing_rules",
              "count"
            ],
            "description": "Every rule, by position."
          },
          "ExclusionRule": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "agent_id": {
                "type": "integer",
                "description": "The agent to keep away."
              },
              "requester_id": {
                "type": "integer",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "nullable": true
              },
              "reason": {
                "type": "string"
              },
              "created_by_id": {
                "type": "integer"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "url",
              "agent_id",
              "requester_id",
              "organization_id",
              "reason",
              "created_by_id",
              "created_at"
            ],
            "description": "**Casebook extension.** Never assign this requester's (or organization's) tickets to this agent: routing skips the agent, and a manual assignment needs a lead's override."
          },
          "ExclusionRuleCreate": {
            "type": "object",
            "properties": {
              "agent_id": {
                "type": "integer",
                "description": "An agent (staff)."
              },
              "requester_id": {
                "type": "integer",
                "description": "A user; give this or `organization_id`, not both."
              },
              "organization_id": {
                "type": "integer",
                "description": "An organization; give this or `requester_id`, not both."
              },
              "reason": {
                "type": "string",
                "maxLength": 500,
                "description": "Why; shown to whoever tries to assign the agent."
              },
              "ticket_id": {
                "type": "integer",
                "description": "Optional: the ticket that prompted the rule; its audit records the rule (`Notice` `exclusion`)."
              }
            },
            "required": [
              "agent_id",
              "reason"
            ],
            "example": {
              "agent_id": 12,
              "requester_id": 345,
              "reason": "Complaint about this agent",
              "ticket_id": 42
            }
          },
          "ExclusionRuleRequest": {
            "type": "object",
            "properties": {
              "exclusion_rule": {
                "$ref": "\u0023/components/schemas/ExclusionRuleCreate"
              }
            },
            "required": [
              "exclusion_rule"
            ]
          },
          "ExclusionRuleResponse": {
            "type": "object",
            "properties": {
              "exclusion_rule": {
                "$ref": "\u0023/components/schemas/ExclusionRule"
              }
            },
            "required": [
              "exclusion_rule"
            ]
          },
          "ExclusionRuleList": {
            "type": "object",
            "properties": {
              "exclusion_rules": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/ExclusionRule"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "exclusion_rules",
              "count"
            ],
            "description": "The matching rules, by id."
          },
          "GroupRouting": {
            "type": "object",
            "properties": {
              "group_id": {
                "type": "integer"
              },
              "name": {
                "type": "string"
              },
              "mode": {
                "type": "string",
                "enum": [
                  "manual",
                  "round_robin",
                  "least_loaded"
                ],
                "description": "`manual`: routing only files tickets in the group; `round_robin`: members take turns; `least_loaded`: the member with the fewest open tickets."
              },
              "schedule_id": {
                "type": "integer",
                "nullable": true,
                "description": "The group's business-hours schedule, used by SLA policies without a `schedule_id` of their own."
              },
              "member_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Active members, in round-robin order."
              },
              "waiting": {
                "type": "integer",
                "description": "Tickets of this group waiting in the routing queue."
              },
              "skills": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Skills every ticket of the group needs of its assignee."
              }
            },
            "required": [
              "group_id",
              "name",
              "mode",
              "schedule_id",
              "member_ids",
              "waiting",
              "skills"
            ]
          },
          "GroupRoutingList": {
            "type": "object",
            "properties": {
              "group_routings": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/GroupRouting"
                }
              }
            },
            "required": [
              "group_routings"
            ],
            "description": "**Casebook extension.** Every group's routing settings, by group id."
          },
          "GroupRoutingWrite": {
            "type": "object",
            "properties": {
              "mode": {
                "type": "string",
                "enum": [
                  "manual",
                  "round_robin",
                  "least_loaded"
                ]
              },
              "schedule_id": {
                "type": "integer",
                "nullable": true,
                "description": "A business-hours schedule; `null` clears it."
              },
              "skills": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Skills every ticket of the group needs of its assignee, on top of the routing rule's (normalized like tags)."
              }
            },
            "description": "Absent fields stay as they are.",
            "example": {
              "mode": "least_loaded",
              "schedule_id": 1,
              "skills": [
                "language:de"
              ]
            }
          },
          "GroupRoutingRequest": {
            "type": "object",
            "properties": {
              "routing": {
                "$ref": "\u0023/components/schemas/GroupRoutingWrite"
              }
            },
            "required": [
              "routing"
            ]
          },
          "AgentRouting": {
            "type": "object",
            "properties": {
              "user_id": {
                "type": "integer"
              },
              "skills": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "capacity": {
                "type": "integer",
                "nullable": true,
                "description": "The most open tickets routing gives the agent; `null`: no limit."
              }
            },
            "required": [
              "user_id",
              "skills",
              "capacity"
            ],
            "description": "**Casebook extension.** An agent's routing settings."
          },
          "AgentRoutingResponse": {
            "type": "object",
            "properties": {
              "routing": {
                "$ref": "\u0023/components/schemas/AgentRouting"
              }
            },
            "required": [
              "routing"
            ]
          },
          "AgentRoutingWrite": {
            "type": "object",
            "properties": {
              "skills": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Replaces the skills (lowercased), e.g. `hardware`, `language:de`."
              },
              "capacity": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10000,
                "nullable": true,
                "description": "`null`: no limit."
              }
            },
            "description": "Absent fields stay as they are.",
            "example": {
              "skills": [
                "hardware",
                "language:de"
              ],
              "capacity": 12
            }
          },
          "AgentRoutingRequest": {
            "type": "object",
            "properties": {
              "routing": {
                "$ref": "\u0023/components/schemas/AgentRoutingWrite"
              }
            },
            "required": [
              "routing"
            ]
          },
          "WaitingTicket": {
            "type": "object",
            "properties": {
              "ticket_id": {
                "type": "integer"
              },
              "group_id": {
                "type": "integer",
                "nullable": true
              },
              "skills": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Skills the agent must have."
              },
              "reason": {
                "type": "string",
                "description": "Why nobody has it yet, e.g. nobody in the group is online."
              },
              "queued_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "ticket_id",
              "group_id",
              "skills",
              "reason",
              "queued_at"
            ]
          },
          "WaitingTicketList": {
            "type": "object",
            "properties": {
              "waiting_tickets": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/WaitingTicket"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "waiting_tickets",
              "count"
            ],
            "description": "**Casebook extension.** Tickets waiting for an agent, oldest first (at most 1000)."
          },
          "EscalationWrite": {
            "type": "object",
            "properties": {
              "group_id": {
                "type": "integer",
                "description": "Escalate to this group: the ticket moves there unassigned and is routed."
              },
              "user_id": {
                "type": "integer",
                "description": "Escalate to this active lead, manager or admin: the ticket is assigned to them."
              },
              "reason": {
                "type": "string",
                "maxLength": 2000,
                "description": "Required."
              }
            },
            "required": [
              "reason"
            ],
            "description": "Exactly one of `group_id` and `user_id`.",
            "example": {
              "group_id": 7,
              "reason": "Needs a firmware specialist"
            }
          },
          "EscalationRequest": {
            "type": "object",
            "properties": {
              "escalation": {
                "$ref": "\u0023/components/schemas/EscalationWrite"
              }
            },
            "required": [
              "escalation"
            ]
          },
          "RepeatContact": {
            "type": "object",
            "properties": {
              "ticket_id": {
                "type": "integer"
              },
              "subject": {
                "type": "string"
              },
              "status": {
                "type": "string"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "assignee": {
                "type": "string",
                "nullable": true,
                "description": "The assignee's name."
              },
              "last_public_reply": {
                "type": "object",
                "nullable": true,
                "description": "The last public reply by staff.",
                "properties": {
                  "author": {
                    "type": "string"
                  },
                  "body": {
                    "type": "string"
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "author",
                  "body",
                  "created_at"
                ]
              },
              "decisions": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "The texts of its `Notice` audit events of kind `decision`, `escalation`, `exclusion`, `exclusion_override`, `sla_escalation`."
              }
            },
            "required": [
              "ticket_id",
              "subject",
              "status",
              "created_at",
              "assignee",
              "last_public_reply",
              "decisions"
            ],
            "description": "An earlier ticket of the same requester about the same thing."
          },
          "RepeatContactList": {
            "type": "object",
            "properties": {
              "repeat_contacts": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/RepeatContact"
                },
                "description": "Oldest first; empty if this is not a repeat contact."
              },
              "summary": {
                "type": "string",
                "nullable": true,
                "example": "This customer has contacted us 3 times in 5 days about this"
              }
            },
            "required": [
              "repeat_contacts",
              "summary"
            ],
            "description": "**Casebook extension.** A ticket's earlier contacts, linked when routing saw the ticket created."
          },
          "AuditNoticeEvent": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "type": {
                "type": "string",
                "enum": [
                  "Notice"
                ]
              },
              "field_name": {
                "type": "string",
                "enum": [
                  "routing",
                  "repeat_contact",
                  "escalation",
                  "exclusion",
                  "exclusion_override",
                  "sla_escalation"
                ],
                "description": "The kind of notice."
              },
              "value": {
                "type": "string",
                "description": "What happened, in words."
              },
              "previous_value": {
                "nullable": true,
                "description": "Always `null`."
              }
            },
            "required": [
              "id",
              "type",
              "field_name",
              "value"
            ],
            "description": "**Casebook extension.** Something Casebook or a person did that is not a field change: routed (`routing`), linked as a repeat contact, escalated, an exclusion rule added or overridden, an SLA escalation.",
            "example": {
              "id": 991,
              "type": "Notice",
              "field_name": "escalation",
              "value": "Lara Lead escalated this to the Hardware group: needs a specialist",
              "previous_value": null
            }
          },
          "AuditSatisfactionRatingEvent": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "type": {
                "type": "string",
                "enum": [
                  "SatisfactionRating"
                ]
              },
              "score": {
                "type": "string",
                "enum": [
                  "good",
                  "bad"
                ]
              },
              "previous_score": {
                "type": "string",
                "enum": [
                  "offered",
                  "good",
                  "bad"
                ],
                "description": "**Casebook extension.** The score before this answer: `offered` the first time."
              },
              "body": {
                "type": "string",
                "description": "The requester's comment, empty when none."
              },
              "assignee_id": {
                "type": "integer",
                "nullable": true,
                "description": "The agent assigned when the ticket was solved."
              }
            },
            "required": [
              "id",
              "type",
              "score",
              "body"
            ],
            "description": "The requester rated the ticket or changed the rating. The audit author is the requester; a repeated, unchanged answer adds no event.",
            "example": {
              "id": 1204,
              "type": "SatisfactionRating",
              "score": "bad",
              "previous_score": "good",
              "body": "It broke again",
              "assignee_id": 7
            }
          },
          "ScheduleInterval": {
            "type": "object",
            "properties": {
              "start_time": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10080
              },
              "end_time": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10080
              }
            },
            "required": [
              "start_time",
              "end_time"
            ],
            "description": "Open hours in minutes from Sunday 00:00 in the schedule's time zone; `end_time` after `start_time`, intervals must not overlap. Monday 09:00-17:00 is 1980-2460.",
            "example": {
              "start_time": 1980,
              "end_time": 2460
            }
          },
          "HolidayWrite": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "start_date": {
                "type": "string",
                "format": "date",
                "description": "YYYY-MM-DD."
              },
              "end_date": {
                "type": "string",
                "format": "date",
                "description": "YYYY-MM-DD, inclusive; not before `start_date`."
              }
            },
            "required": [
              "name",
              "start_date",
              "end_date"
            ],
            "description": "Whole local days on which the schedule is closed.",
            "example": {
              "name": "New Year",
              "start_date": "2027-01-01",
              "end_date": "2027-01-01"
            }
          },
          "Holiday": {
            "allOf": [
              {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer",
                    "description": "The holiday's position in the schedule's list, from 1."
                  }
                },
                "required": [
                  "id"
                ]
              },
              {
                "$ref": "\u0023/components/schemas/HolidayWrite"
              }
            ]
          },
          "Schedule": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "name": {
                "type": "string"
              },
              "time_zone": {
                "type": "string",
                "description": "An IANA time zone, e.g. `Europe/Berlin`."
              },
              "intervals": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/ScheduleInterval"
                }
              },
              "holidays": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Holiday"
                }
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "name",
              "time_zone",
              "intervals",
              "holidays",
              "created_at",
              "updated_at"
            ],
            "description": "A business-hours schedule."
          },
          "ScheduleWrite": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "description": "Required."
              },
              "time_zone": {
                "type": "string",
                "default": "UTC"
              },
              "intervals": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/ScheduleInterval"
                },
                "description": "Defaults to Monday to Friday, 09:00-17:00."
              },
              "holidays": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/HolidayWrite"
                },
                "description": "Replaces the holidays."
              }
            },
            "description": "On update, absent fields stay as they are.",
            "example": {
              "name": "Berlin office",
              "time_zone": "Europe/Berlin",
              "intervals": [
                {
                  "start_time": 1980,
                  "end_time": 2460
                },
                {
                  "start_time": 3420,
                  "end_time": 3900
                }
              ]
            }
          },
          "ScheduleRequest": {
            "type": "object",
            "properties": {
              "schedule": {
                "$ref": "\u0023/components/schemas/ScheduleWrite"
              }
            },
            "required": [
              "schedule"
            ]
          },
          "ScheduleResponse": {
            "type": "object",
            "properties": {
              "schedule": {
                "$ref": "\u0023/components/schemas/Schedule"
              }
            },
            "required": [
              "schedule"
            ]
          },
          "ScheduleList": {
            "type": "object",
            "properties": {
              "schedules": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Schedule"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "schedules",
              "count"
            ]
          },
          "Workweek": {
            "type": "object",
            "properties": {
              "workweek": {
                "type": "object",
                "properties": {
                  "intervals": {
                    "type": "array",
                    "items": {
                      "$ref": "\u0023/components/schemas/ScheduleInterval"
                    }
                  }
                },
                "required": [
                  "intervals"
                ]
              }
            },
            "required": [
              "workweek"
            ]
          },
          "HolidayRequest": {
            "type": "object",
            "properties": {
              "holiday": {
                "$ref": "\u0023/components/schemas/HolidayWrite"
              }
            },
            "required": [
              "holiday"
            ]
          },
          "HolidayResponse": {
            "type": "object",
            "properties": {
              "holiday": {
                "$ref": "\u0023/components/schemas/Holiday"
              }
            },
            "required": [
              "holiday"
            ]
          },
          "HolidayList": {
            "type": "object",
            "properties": {
              "holidays": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Holiday"
                }
              }
            },
            "required": [
              "holidays"
            ]
          },
          "SLACondition": {
            "type": "object",
            "properties": {
              "field": {
                "type": "string",
                "enum": [
                  "priority",
                  "status",
                  "group_id",
                  "organization_id",
                  "via",
                  "type",
                  "tags"
                ]
              },
              "operator": {
                "type": "string",
                "enum": [
                  "is",
                  "is_not",
                  "less_than",
                  "greater_than",
                  "includes",
                  "not_includes"
                ],
                "description": "`priority`, `status`: `is`, `is_not`, `less_than`, `greater_than`; `group_id`, `organization_id`, `via`, `type`: `is`, `is_not`; `tags`: `includes` (any of them), `not_includes` (none of them)."
              },
              "value": {
                "type": "string",
                "description": "A priority, status, id, channel (`api`, `web`, `email`, `voice`), ticket type or space-separated tags; `\"\"` means none (priority, ids, type)."
              }
            },
            "required": [
              "field",
              "operator",
              "value"
            ],
            "example": {
              "field": "priority",
              "operator": "is",
              "value": "urgent"
            }
          },
          "SLAFilter": {
            "type": "object",
            "properties": {
              "all": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SLACondition"
                },
                "description": "Every one must hold."
              },
              "any": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SLACondition"
                },
                "description": "When not empty, at least one must hold."
              }
            },
            "description": "Which tickets the policy covers; the first policy by position whose filter matches applies."
          },
          "SLAPolicyMetric": {
            "type": "object",
            "properties": {
              "priority": {
                "type": "string",
                "enum": [
                  "low",
                  "normal",
                  "high",
                  "urgent"
                ]
              },
              "metric": {
                "type": "string",
                "enum": [
                  "first_reply_time",
                  "next_reply_time",
                  "periodic_update_time",
                  "requester_wait_time",
                  "full_resolution_time"
                ]
              },
              "target": {
                "type": "integer",
                "minimum": 1,
                "maximum": 525600,
                "description": "Minutes."
              },
              "business_hours": {
                "type": "boolean",
                "default": false,
                "description": "Count only open hours of the business-hours schedule."
              }
            },
            "required": [
              "priority",
              "metric",
              "target"
            ],
            "description": "A target for tickets of one priority (a ticket without priority has none)."
          },
          "SLAEscalation": {
            "type": "object",
            "properties": {
              "lead_minutes": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10080,
                "default": 0,
                "description": "Escalate this many minutes before the breach (0: at the breach)."
              },
              "raise_priority_to": {
                "type": "string",
                "enum": [
                  "low",
                  "normal",
                  "high",
                  "urgent",
                  null
                ],
                "nullable": true,
                "description": "Raises a lower priority."
              },
              "group_id": {
                "type": "integer",
                "nullable": true,
                "description": "Moves the ticket to this group."
              },
              "notify_leads": {
                "type": "boolean",
                "default": false,
                "description": "Mails the leads and managers of the ticket's group (else every manager)."
              },
              "add_tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            },
            "description": "**Casebook extension.** What happens once per target that is about to be missed or breached: one audit by Casebook with a `Notice` `sla_escalation`."
          },
          "SLAPolicy": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "title": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "position": {
                "type": "integer",
                "minimum": 1
              },
              "filter": {
                "$ref": "\u0023/components/schemas/SLAFilter"
              },
              "policy_metrics": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SLAPolicyMetric"
                }
              },
              "pause_on": {
                "type": "array",
                "items": {
                  "type": "string",
                  "enum": [
                    "pending",
                    "hold"
                  ]
                },
                "description": "**Casebook extension.** Statuses during which first reply, next reply, periodic update and full resolution stand still."
              },
              "schedule_id": {
                "type": "integer",
                "nullable": true,
                "description": "**Casebook extension.** The business-hours schedule for `business_hours` targets; `null`: the ticket's group's schedule, else every hour counts."
              },
              "escalation": {
                "$ref": "\u0023/components/schemas/SLAEscalation"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "url",
              "title",
              "description",
              "position",
              "filter",
              "policy_metrics",
              "pause_on",
              "schedule_id",
              "escalation",
              "created_at",
              "updated_at"
            ],
            "description": "An SLA policy."
          },
          "SLAPolicyWrite": {
            "type": "object",
            "properties": {
              "title": {
                "type": "string",
                "description": "Required."
              },
              "description": {
                "type": "string"
              },
              "position": {
                "type": "integer",
                "minimum": 1,
                "description": "Defaults to after the last policy."
              },
              "filter": {
                "$ref": "\u0023/components/schemas/SLAFilter"
              },
              "policy_metrics": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SLAPolicyMetric"
                }
              },
              "pause_on": {
                "type": "array",
                "items": {
                  "type": "string",
                  "enum": [
                    "pending",
                    "hold"
                  ]
                },
                "description": "**Casebook extension.** Statuses during which first reply, next reply, periodic update and full resolution stand still.",
                "default": []
              },
              "schedule_id": {
                "type": "integer",
                "nullable": true,
                "description": "**Casebook extension.** The business-hours schedule for `business_hours` targets; `null`: the ticket's group's schedule, else every hour counts."
              },
              "escalation": {
                "$ref": "\u0023/components/schemas/SLAEscalation"
              }
            },
            "description": "On update, absent fields stay as they are; lists are replaced as a whole.",
            "example": {
              "title": "Urgent tickets",
              "filter": {
                "all": [
                  {
                    "field": "priority",
                    "operator": "is",
                    "value": "urgent"
                  }
                ],
                "any": []
              },
              "policy_metrics": [
                {
                  "priority": "urgent",
                  "metric": "first_reply_time",
                  "target": 30,
                  "business_hours": false
                }
              ],
              "pause_on": [
                "pending"
              ],
              "escalation": {
                "lead_minutes": 10,
                "raise_priority_to": null,
                "group_id": null,
                "notify_leads": true,
                "add_tags": [
                  "sla_risk"
                ]
              }
            }
          },
          "SLAPolicyRequest": {
            "type": "object",
            "properties": {
              "sla_policy": {
                "$ref": "\u0023/components/schemas/SLAPolicyWrite"
              }
            },
            "required": [
              "sla_policy"
            ]
          },
          "SLAPolicyResponse": {
            "type": "object",
            "properties": {
              "sla_policy": {
                "$ref": "\u0023/components/schemas/SLAPolicy"
              }
            },
            "required": [
              "sla_policy"
            ]
          },
          "SLAPolicyList": {
            "type": "object",
            "properties": {
              "sla_policies": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SLAPolicy"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true,
                "description": "Always `null`."
              },
              "previous_page": {
                "type": "string",
                "nullable": true,
                "description": "Always `null`."
              }
            },
            "required": [
              "sla_policies",
              "count",
              "next_page",
              "previous_page"
            ],
            "description": "Every policy, by position (one page)."
          },
          "SLAPolicyReorderRequest": {
            "type": "object",
            "properties": {
              "sla_policy_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "minItems": 1,
                "description": "Every policy's id exactly once, in the new order."
              }
            },
            "required": [
              "sla_policy_ids"
            ],
            "example": {
              "sla_policy_ids": [
                3,
                1,
                2
              ]
            }
          },
          "TicketSLAMetric": {
            "type": "object",
            "properties": {
              "metric": {
                "type": "string",
                "enum": [
                  "first_reply_time",
                  "next_reply_time",
                  "periodic_update_time",
                  "requester_wait_time",
                  "full_resolution_time"
                ]
              },
              "target": {
                "type": "integer",
                "description": "Minutes."
              },
              "business_hours": {
                "type": "boolean"
              },
              "stage": {
                "type": "string",
                "enum": [
                  "active",
                  "paused",
                  "breached",
                  "achieved",
                  "not_started"
                ]
              },
              "breach_at": {
                "type": "string",
                "format": "date-time",
                "description": "When the target is (`active`) or was (`breached`) missed; `null` in the other stages.",
                "nullable": true
              },
              "minutes_left": {
                "type": "integer",
                "description": "`active` and `paused` only."
              },
              "fulfilled_at": {
                "type": "string",
                "format": "date-time",
                "description": "`achieved` only."
              },
              "breached": {
                "type": "boolean",
                "description": "`achieved` only: whether it was met late."
              }
            },
            "required": [
              "metric",
              "target",
              "business_hours",
              "stage",
              "breach_at"
            ]
          },
          "TicketSLAs": {
            "type": "object",
            "properties": {
              "sla_policy": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "title": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  }
                },
                "required": [
                  "id",
                  "title",
                  "description"
                ],
                "nullable": true,
                "description": "`null` when no policy applies."
              },
              "policy_metrics": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/TicketSLAMetric"
                }
              }
            },
            "required": [
              "sla_policy",
              "policy_metrics"
            ],
            "description": "**Casebook extension.** The policy that applies to a ticket and where each target stands."
          },
          "ProductVariant": {
            "type": "object",
            "properties": {
              "sku": {
                "type": "string",
                "description": "The stock-keeping unit: a code without spaces, unique across the catalogue."
              },
              "name": {
                "type": "string"
              },
              "options": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                },
                "description": "What sets the variant apart, e.g. `{\"colour\": \"pink\"}`."
              },
              "price": {
                "type": "integer",
                "description": "In minor units (cents) of `currency`."
              },
              "currency": {
                "type": "string",
                "description": "A three-letter code such as `EUR`."
              },
              "product_id": {
                "type": "integer"
              },
              "bundle": {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/Bundle"
                  }
                ],
                "nullable": true,
                "description": "`null` for a variant that holds stock."
              },
              "stock": {
                "type": "object",
                "description": "`GET /api/v2/variants` only, not for bundles: units by state.",
                "properties": {
                  "available": {
                    "type": "integer"
                  },
                  "reserved": {
                    "type": "integer"
                  },
                  "quarantined": {
                    "type": "integer"
                  },
                  "shipped": {
                    "type": "integer"
                  }
                }
              },
              "buildable": {
                "type": "integer",
                "description": "`GET /api/v2/variants` only, bundles only: how many whole bundles the components' available stock makes."
              }
            },
            "required": [
              "sku",
              "name",
              "options",
              "price",
              "currency",
              "product_id",
              "bundle"
            ],
            "description": "A variant of a product: one SKU."
          },
          "Product": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "variants": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/ProductVariant"
                },
                "description": "By SKU."
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "name",
              "description",
              "variants",
              "created_at"
            ],
            "description": "**Casebook extension.** A product of the catalogue with its variants."
          },
          "ProductList": {
            "type": "object",
            "properties": {
              "products": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Product"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "products",
              "count"
            ],
            "description": "Every product, by id."
          },
          "ProductResponse": {
            "type": "object",
            "properties": {
              "product": {
                "$ref": "\u0023/components/schemas/Product"
              }
            },
            "required": [
              "product"
            ]
          },
          "ProductWrite": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "description": "Required."
              },
              "description": {
                "type": "string"
              },
              "currency": {
                "type": "string",
                "description": "A three-letter code for every variant's price; `EUR` when absent."
              },
              "variants": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "sku": {
                      "type": "string",
                      "description": "Required; no spaces, not used by another variant."
                    },
                    "name": {
                      "type": "string",
                      "description": "The product's name when absent."
                    },
                    "options": {
                      "type": "object",
                      "additionalProperties": {
                        "type": "string"
                      }
                    },
                    "price": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "In minor units (cents); required."
                    },
                    "bundle": {
                      "allOf": [
                        {
                          "$ref": "\u0023/components/schemas/Bundle"
                        }
                      ],
                      "description": "Makes this variant a bundle of existing variants (or of variants earlier in this request that are not bundles). A component that is unknown or a bundle answers 422."
                    }
                  },
                  "required": [
                    "sku",
                    "price"
                  ]
                },
                "description": "At least one."
              }
            },
            "required": [
              "name",
              "variants"
            ],
            "example": {
              "name": "Baby tee",
              "description": "Organic cotton",
              "currency": "EUR",
              "variants": [
                {
                  "sku": "BT-PINK",
                  "name": "Baby tee, pink",
                  "options": {
                    "colour": "pink"
                  },
                  "price": 1999
                },
                {
                  "sku": "BT-BLUE",
                  "name": "Baby tee, blue",
                  "options": {
                    "colour": "blue"
                  },
                  "price": 1999
                }
              ]
            }
          },
          "ProductRequest": {
            "type": "object",
            "properties": {
              "product": {
                "$ref": "\u0023/components/schemas/ProductWrite"
              }
            },
            "required": [
              "product"
            ]
          },
          "StockLevel": {
            "type": "object",
            "properties": {
              "sku": {
                "type": "string"
              },
              "available": {
                "type": "integer",
                "description": "Good units on the shelf that nobody has claimed yet."
              },
              "reserved": {
                "type": "integer",
                "description": "Held for order lines."
              },
              "quarantined": {
                "type": "integer",
                "description": "Defective or suspect; never allocated."
              },
              "shipped": {
                "type": "integer",
                "description": "Gone to customers."
              }
            },
            "required": [
              "sku",
              "available",
              "reserved",
              "quarantined",
              "shipped"
            ],
            "description": "Units of one SKU in each state, the sums of the stock ledger's movements."
          },
          "StockLevelList": {
            "type": "object",
            "properties": {
              "stock": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/StockLevel"
                },
                "description": "Every SKU the ledger has seen, by SKU."
              }
            },
            "required": [
              "stock"
            ],
            "description": "**Casebook extension.** The stock ledger's levels."
          },
          "StockReceiptWrite": {
            "type": "object",
            "properties": {
              "supplier": {
                "type": "string",
                "description": "Required."
              },
              "reference": {
                "type": "string",
                "description": "The supplier's delivery note or similar."
              },
              "lines": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "sku": {
                      "type": "string",
                      "description": "A SKU of the catalogue."
                    },
                    "expected": {
                      "type": "integer"
                    },
                    "received": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "sku",
                    "expected",
                    "received"
                  ]
                },
                "description": "At least one. Fewer units received than expected make a `shortDelivery` claim."
              },
              "inspection": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "sku": {
                      "type": "string"
                    },
                    "good": {
                      "type": "integer"
                    },
                    "defective": {
                      "type": "integer"
                    },
                    "reason": {
                      "type": "string",
                      "description": "Why units are defective."
                    }
                  },
                  "required": [
                    "sku",
                    "good",
                    "defective"
                  ]
                },
                "description": "What inspection found per SKU: good units become available, defective ones go to quarantine with a `defective` claim. Leave it out to record the delivery on arrival: every received unit waits in quarantine until `POST /api/v2/stock_receipts/{id}/inspection`."
              },
              "allocate": {
                "type": "boolean",
                "description": "Also commit an allocation for the received SKUs' backorder queues (as `POST /api/v2/allocations`)."
              },
              "expected_at": {
                "type": "string",
                "description": "An ISO 8601 date or time: announces a delivery instead of recording one. Lines then give `sku` and `expected` only; no stock moves until `POST /api/v2/stock_receipts/{id}/arrival`. Delay notices take their expected dates from announced deliveries."
              }
            },
            "required": [
              "supplier",
              "lines"
            ],
            "example": {
              "supplier": "Acme Textiles",
              "reference": "DN-2041",
              "lines": [
                {
                  "sku": "BT-PINK",
                  "expected": 20,
                  "received": 18
                }
              ],
              "inspection": [
                {
                  "sku": "BT-PINK",
                  "good": 16,
                  "defective": 2,
                  "reason": "stained"
                }
              ],
              "allocate": true
            }
          },
          "StockReceiptRequest": {
            "type": "object",
            "properties": {
              "stock_receipt": {
                "$ref": "\u0023/components/schemas/StockReceiptWrite"
              }
            },
            "required": [
              "stock_receipt"
            ]
          },
          "SupplierClaim": {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "defective",
                  "shortDelivery"
                ]
              },
              "sku": {
                "type": "string"
              },
              "quantity": {
                "type": "integer"
              },
              "reason": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "sku",
              "quantity",
              "reason"
            ],
            "description": "A claim against the supplier."
          },
          "StockReceiptResponse": {
            "type": "object",
            "properties": {
              "stock_receipt": {
                "$ref": "\u0023/components/schemas/StockReceipt"
              }
            },
            "required": [
              "stock_receipt"
            ]
          },
          "OrderLine": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "sku": {
                "type": "string"
              },
              "quantity": {
                "type": "integer"
              },
              "price": {
                "type": "integer",
                "description": "Unit price in minor units of the order's currency."
              },
              "status": {
                "type": "string",
                "description": "`allocated` (reserved from stock), `backordered` (waiting in the SKU's backorder queue), `shipped`, `delivered`, `cancelled`, `refunded`, `returned` (every unit came back)."
              },
              "returned_quantity": {
                "type": "integer",
                "description": "Units that came back."
              },
              "cancel_reason": {
                "type": "string",
                "description": "Why the line was cancelled (empty otherwise)."
              }
            },
            "required": [
              "id",
              "sku",
              "quantity",
              "price",
              "status",
              "returned_quantity",
              "cancel_reason"
            ]
          },
          "Shipment": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "status": {
                "type": "string",
                "description": "`ready` (to pick), `shipped`, `delivered`, `cancelled` (every line in it was cancelled)."
              },
              "expedited": {
                "type": "boolean"
              },
              "lines": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/ShipmentLine"
                }
              }
            },
            "required": [
              "id",
              "status",
              "expedited",
              "lines"
            ]
          },
          "Order": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "external_id": {
                "type": "string",
                "nullable": true,
                "description": "The shop's own order number."
              },
              "customer_id": {
                "type": "integer",
                "description": "The user who ordered."
              },
              "currency": {
                "type": "string"
              },
              "lines": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/OrderLine"
                }
              },
              "shipments": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Shipment"
                },
                "description": "One per allocation that reserved units."
              },
              "ticket_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Linked tickets; what happens to the order is written on them as `Notice` events."
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "returns": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/OrderReturn"
                }
              }
            },
            "required": [
              "id",
              "external_id",
              "customer_id",
              "currency",
              "lines",
              "shipments",
              "ticket_ids",
              "created_at",
              "returns"
            ],
            "description": "**Casebook extension.** A customer's order."
          },
          "OrderResponse": {
            "type": "object",
            "properties": {
              "order": {
                "$ref": "\u0023/components/schemas/Order"
              }
            },
            "required": [
              "order"
            ]
          },
          "OrderWrite": {
            "type": "object",
            "properties": {
              "customer_id": {
                "type": "integer",
                "description": "Required: an existing user."
              },
              "lines": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "sku": {
                      "type": "string",
                      "description": "A SKU of the catalogue."
                    },
                    "quantity": {
                      "type": "integer",
                      "minimum": 1
                    },
                    "price": {
                      "type": "integer",
                      "description": "Unit price in minor units; the catalogue price when absent."
                    }
                  },
                  "required": [
                    "sku",
                    "quantity"
                  ]
                },
                "description": "At least one. A line is reserved from available stock when there is enough, else it joins the SKU's backorder queue."
              },
              "currency": {
                "type": "string",
                "description": "A three-letter code; `EUR` when absent."
              },
              "shipping_address": {
                "type": "string"
              },
              "shipping": {
                "type": "integer",
                "description": "Shipping cost in minor units."
              },
              "external_id": {
                "type": "string"
              },
              "ticket_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Existing tickets to link."
              }
            },
            "required": [
              "customer_id",
              "lines"
            ],
            "example": {
              "customer_id": 17,
              "lines": [
                {
                  "sku": "BT-PINK",
                  "quantity": 2
                }
              ],
              "currency": "EUR",
              "shipping_address": "1 Main St, Springfield",
              "shipping": 495,
              "external_id": "SHOP-1001",
              "ticket_ids": [
                42
              ]
            }
          },
          "OrderRequest": {
            "type": "object",
            "properties": {
              "order": {
                "$ref": "\u0023/components/schemas/OrderWrite"
              }
            },
            "required": [
              "order"
            ]
          },
          "BackorderPreference": {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "wait",
                  "cancel_and_refund",
                  "accept_substitutes"
                ]
              },
              "substitutes": {
                "type": "string",
                "description": "`accept_substitutes` only: `*` for any variant of the product, else space-separated SKUs; empty otherwise."
              },
              "partial_allowed": {
                "type": "boolean",
                "description": "Whether a partial shipment is accepted."
              },
              "captured_by_id": {
                "type": "integer",
                "nullable": true,
                "description": "Who recorded the preference."
              },
              "by_customer": {
                "type": "boolean",
                "description": "Whether the customer stated it."
              },
              "captured_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "kind",
              "substitutes",
              "partial_allowed",
              "captured_by_id",
              "by_customer",
              "captured_at"
            ],
            "description": "What the customer wants while waiting (`wait` until recorded otherwise)."
          },
          "BackorderMove": {
            "type": "object",
            "properties": {
              "from": {
                "type": "integer",
                "description": "1-based position before the move."
              },
              "to": {
                "type": "integer",
                "description": "1-based position after the move."
              },
              "reason": {
                "type": "string"
              },
              "by": {
                "type": "string",
                "description": "The name of who moved it."
              },
              "at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "from",
              "to",
              "reason",
              "by",
              "at"
            ],
            "description": "A move a lead made in the queue."
          },
          "BackorderEntry": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "position": {
                "type": "integer",
                "description": "1-based place in the SKU's queue."
              },
              "order_id": {
                "type": "integer"
              },
              "line_id": {
                "type": "integer",
                "description": "The order line waiting."
              },
              "customer_id": {
                "type": "integer"
              },
              "customer": {
                "type": "string",
                "description": "The customer's name."
              },
              "sku": {
                "type": "string"
              },
              "quantity": {
                "type": "integer",
                "description": "Units still waiting."
              },
              "waiting_minutes": {
                "type": "integer"
              },
              "preference": {
                "$ref": "\u0023/components/schemas/BackorderPreference"
              },
              "moves": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/BackorderMove"
                },
                "description": "Oldest first."
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "position",
              "order_id",
              "line_id",
              "customer_id",
              "customer",
              "sku",
              "quantity",
              "waiting_minutes",
              "preference",
              "moves",
              "created_at"
            ],
            "description": "**Casebook extension.** An order line waiting for stock."
          },
          "BackorderList": {
            "type": "object",
            "properties": {
              "backorders": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/BackorderEntry"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true,
                "description": "With `page`/`per_page` only."
              },
              "previous_page": {
                "type": "string",
                "nullable": true,
                "description": "With `page`/`per_page` only."
              }
            },
            "required": [
              "backorders",
              "count"
            ],
            "description": "A SKU's waiting entries in queue order."
          },
          "BackorderMoveWrite": {
            "type": "object",
            "properties": {
              "to": {
                "oneOf": [
                  {
                    "type": "string",
                    "enum": [
                      "top",
                      "bottom"
                    ]
                  },
                  {
                    "type": "integer",
                    "minimum": 1
                  }
                ],
                "description": "`top`, `bottom`, or a 1-based position sent as a JSON number."
              },
              "reason": {
                "type": "string",
                "description": "Required; recorded and written on the order's tickets."
              }
            },
            "required": [
              "to",
              "reason"
            ],
            "example": {
              "to": "top",
              "reason": "Replacement for a defective unit"
            }
          },
          "BackorderMoveRequest": {
            "type": "object",
            "properties": {
              "move": {
                "$ref": "\u0023/components/schemas/BackorderMoveWrite"
              }
            },
            "required": [
              "move"
            ]
          },
          "BackorderMoveResponse": {
            "type": "object",
            "properties": {
              "move": {
                "type": "object",
                "properties": {
                  "entry_id": {
                    "type": "integer"
                  },
                  "from": {
                    "type": "integer",
                    "description": "1-based."
                  },
                  "to": {
                    "type": "integer",
                    "description": "1-based."
                  },
                  "reason": {
                    "type": "string"
                  }
                },
                "required": [
                  "entry_id",
                  "from",
                  "to",
                  "reason"
                ]
              }
            },
            "required": [
              "move"
            ]
          },
          "BackorderPreferenceWrite": {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "wait",
                  "cancel_and_refund",
                  "accept_substitutes"
                ]
              },
              "substitutes": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "`accept_substitutes` only: the SKUs accepted instead; omit (or send empty) for any variant of the product."
              },
              "partial_allowed": {
                "type": "boolean",
                "description": "`false` when absent."
              },
              "by_customer": {
                "type": "boolean",
                "description": "Whether the customer stated it; `false` when absent."
              }
            },
            "required": [
              "kind"
            ],
            "example": {
              "kind": "accept_substitutes",
              "substitutes": [
                "BT-BLUE"
              ],
              "partial_allowed": true,
              "by_customer": true
            }
          },
          "BackorderPreferenceRequest": {
            "type": "object",
            "properties": {
              "preference": {
                "$ref": "\u0023/components/schemas/BackorderPreferenceWrite"
              }
            },
            "required": [
              "preference"
            ]
          },
          "AllocationPlan": {
            "type": "object",
            "properties": {
              "allocations": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "entry_id": {
                      "type": "integer"
                    },
                    "lines": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "sku": {
                            "type": "string"
                          },
                          "quantity": {
                            "type": "integer"
                          }
                        },
                        "required": [
                          "sku",
                          "quantity"
                        ]
                      },
                      "description": "Units reserved, by SKU (a substitute's SKU may differ)."
                    },
                    "partial": {
                      "type": "boolean",
                      "description": "Fewer units than wanted, as the customer allowed; the rest keeps waiting."
                    },
                    "substitute": {
                      "type": "boolean",
                      "description": "Whether a substitute the customer accepted was used."
                    }
                  },
                  "required": [
                    "entry_id",
                    "lines",
                    "partial",
                    "substitute"
                  ]
                }
              },
              "skipped": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "entry_id": {
                      "type": "integer"
                    },
                    "reason": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "entry_id",
                    "reason"
                  ]
                },
                "description": "Entries left waiting, and why."
              },
              "refunds": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Entries whose customer chose `cancel_and_refund` (cancelled on commit)."
              },
              "remaining_stock": {
                "type": "object",
                "additionalProperties": {
                  "type": "integer"
                },
                "description": "Available units left per SKU."
              },
              "preview": {
                "type": "string",
                "description": "The plan as readable text."
              }
            },
            "required": [
              "allocations",
              "skipped",
              "refunds",
              "remaining_stock",
              "preview"
            ],
            "description": "**Casebook extension.** Who gets the available stock, in queue order, honouring each entry's preference."
          },
          "AllocationWrite": {
            "type": "object",
            "properties": {
              "skus": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "The queues to allocate; empty or absent for every SKU with waiting entries."
              },
              "commit": {
                "type": "boolean",
                "description": "`false` (default) previews; `true` books the plan: reservations, shipments ready to pick, refunds, notices on tickets."
              }
            },
            "example": {
              "skus": [
                "BT-PINK"
              ],
              "commit": false
            }
          },
          "AllocationRequest": {
            "type": "object",
            "properties": {
              "allocation": {
                "$ref": "\u0023/components/schemas/AllocationWrite"
              }
            },
            "required": [
              "allocation"
            ]
          },
          "AllocationResponse": {
            "type": "object",
            "properties": {
              "allocation": {
                "$ref": "\u0023/components/schemas/AllocationPlan"
              },
              "committed": {
                "type": "boolean"
              }
            },
            "required": [
              "allocation",
              "committed"
            ]
          },
          "TicketMetricEvent": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer"
              },
              "metric": {
                "type": "string",
                "enum": [
                  "reply_time",
                  "periodic_update_time",
                  "requester_wait_time",
                  "resolution_time"
                ],
                "description": "Zendesk's metric names: first and next reply are both `reply_time` (instance 1 is the first reply)."
              },
              "instance_id": {
                "type": "integer",
                "description": "Counts the metric's cycles: first reply 1, each next reply from 2; each periodic update cycle."
              },
              "type": {
                "type": "string",
                "enum": [
                  "apply_sla",
                  "activate",
                  "pause",
                  "fulfill",
                  "breach"
                ],
                "description": "`apply_sla`: a policy (or a different one) now measures the metric; `activate`: the clock starts or resumes; `pause`: it stops (a pausing status); `fulfill`: the target is met (or met late); `breach`: the instant the target is missed."
              },
              "time": {
                "type": "string",
                "format": "date-time"
              },
              "sla": {
                "type": "object",
                "properties": {
                  "target": {
                    "type": "integer",
                    "description": "Minutes."
                  },
                  "business_hours": {
                    "type": "boolean"
                  },
                  "policy": {
                    "type": "object",
                    "properties": {
                      "id": {
                        "type": "integer"
                      },
                      "title": {
                        "type": "string"
                      },
                      "description": {
                        "type": "string"
                      }
                    }
                  }
                },
                "description": "Only on `apply_sla` events."
              },
              "deleted": {
                "type": "boolean",
                "description": "Only on `breach` events: a breach recorded ahead that did not happen because the metric was fulfilled or paused first."
              }
            },
            "required": [
              "id",
              "ticket_id",
              "metric",
              "instance_id",
              "type",
              "time"
            ],
            "description": "One change of one SLA metric of a ticket, as Zendesk's ticket metric events."
          },
          "TicketMetricEventExport": {
            "type": "object",
            "properties": {
              "ticket_metric_events": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/TicketMetricEvent"
                }
              },
              "count": {
                "type": "integer"
              },
              "end_of_stream": {
                "type": "boolean",
                "description": "True when this batch holds every event up to now."
              },
              "end_time": {
                "type": "integer",
                "description": "Unix time (seconds) of the last event in the batch."
              },
              "after_cursor": {
                "type": "string"
              },
              "next_page": {
                "type": "string",
                "description": "The URL of the next batch (it carries the cursor, so events sharing a second are neither repeated nor skipped)."
              }
            },
            "required": [
              "ticket_metric_events",
              "count",
              "end_of_stream",
              "end_time",
              "after_cursor",
              "next_page"
            ]
          },
          "TicketMetricEventList": {
            "type": "object",
            "properties": {
              "ticket_metric_events": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/TicketMetricEvent"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "ticket_metric_events",
              "count"
            ]
          },
          "Refund": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "order_id": {
                "type": "integer"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "full",
                  "lines",
                  "amount",
                  "shipping"
                ]
              },
              "lines": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "line_id": {
                      "type": "integer"
                    },
                    "quantity": {
                      "type": "integer"
                    }
                  }
                }
              },
              "amount": {
                "type": "integer",
                "description": "Minor units (cents) of `currency`."
              },
              "currency": {
                "type": "string"
              },
              "amount_text": {
                "type": "string",
                "description": "For people: `12.50 EUR`."
              },
              "reason": {
                "type": "string",
                "enum": [
                  "wrong_item",
                  "damaged",
                  "missing",
                  "late",
                  "backorder_cancelled",
                  "goodwill",
                  "other"
                ]
              },
              "note": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "approved",
                  "requested",
                  "declined"
                ],
                "description": "`approved`: given (within the giver's limit, or approved); `requested`: over the requester's limit, waiting for `approver_role` or above; `declined`."
              },
              "approver_role": {
                "type": "string",
                "nullable": true,
                "enum": [
                  "lead",
                  "manager",
                  "admin"
                ]
              },
              "requested_by_id": {
                "type": "integer"
              },
              "decided_by_id": {
                "type": "integer",
                "nullable": true
              },
              "decided_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "decline_reason": {
                "type": "string"
              },
              "ticket_id": {
                "type": "integer",
                "nullable": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "order_id",
              "kind",
              "amount",
              "currency",
              "reason",
              "status"
            ],
            "description": "**Casebook extension.** A refund Casebook records; it never moves money itself (see `order_events`)."
          },
          "RefundWrite": {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "full",
                  "lines",
                  "amount",
                  "shipping"
                ],
                "description": "Defaults to `lines` when `lines` are given, else `amount`."
              },
              "lines": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "line_id": {
                      "type": "integer"
                    },
                    "quantity": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "line_id",
                    "quantity"
                  ]
                }
              },
              "amount": {
                "type": "integer",
                "description": "Minor units; defaults to what the kind is worth (everything still refundable, the units' price, the shipping)."
              },
              "reason": {
                "type": "string",
                "enum": [
                  "wrong_item",
                  "damaged",
                  "missing",
                  "late",
                  "backorder_cancelled",
                  "goodwill",
                  "other"
                ]
              },
              "note": {
                "type": "string"
              },
              "ticket_id": {
                "type": "integer"
              }
            },
            "required": [
              "reason"
            ],
            "example": {
              "kind": "amount",
              "amount": 5200,
              "reason": "goodwill",
              "note": "Arrived after Christmas"
            }
          },
          "RefundRequest": {
            "type": "object",
            "properties": {
              "refund": {
                "$ref": "\u0023/components/schemas/RefundWrite"
              }
            },
            "required": [
              "refund"
            ]
          },
          "RefundResponse": {
            "type": "object",
            "properties": {
              "refund": {
                "$ref": "\u0023/components/schemas/Refund"
              }
            },
            "required": [
              "refund"
            ]
          },
          "RefundList": {
            "type": "object",
            "properties": {
              "refunds": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Refund"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "refunds",
              "count"
            ]
          },
          "OrderRefundList": {
            "type": "object",
            "properties": {
              "refunds": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Refund"
                }
              },
              "count": {
                "type": "integer"
              },
              "refundable": {
                "type": "integer",
                "description": "What the order can still give back, minor units."
              },
              "currency": {
                "type": "string"
              }
            },
            "required": [
              "refunds",
              "count",
              "refundable",
              "currency"
            ]
          },
          "RefundDecision": {
            "type": "object",
            "properties": {
              "refund": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string",
                    "description": "Required to decline."
                  }
                }
              }
            }
          },
          "FulfilmentErrorWrite": {
            "type": "object",
            "properties": {
              "order_id": {
                "type": "integer"
              },
              "line_id": {
                "type": "integer"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "wrong_item",
                  "damaged",
                  "missing"
                ]
              },
              "station": {
                "type": "string",
                "description": "Where it was packed."
              },
              "packer_id": {
                "type": "integer"
              },
              "root_cause": {
                "type": "string",
                "description": "How it happened (at most 500 characters)."
              },
              "ticket_id": {
                "type": "integer",
                "description": "The customer's ticket; linked to the order and told."
              },
              "replacement": {
                "type": "object",
                "properties": {
                  "quantity": {
                    "type": "integer",
                    "description": "Units to send again (default 1)."
                  }
                },
                "description": "An expedited replacement: reserved at once from free stock; units backordered customers wait for need a lead or above."
              },
              "refund": {
                "$ref": "\u0023/components/schemas/RefundWrite"
              }
            },
            "required": [
              "order_id",
              "line_id",
              "kind",
              "station",
              "root_cause"
            ],
            "example": {
              "order_id": 12,
              "line_id": 30,
              "kind": "wrong_item",
              "station": "Packing 2",
              "root_cause": "pink and rose bins swapped",
              "replacement": {
                "quantity": 1
              },
              "refund": {
                "kind": "shipping",
                "reason": "wrong_item"
              }
            }
          },
          "FulfilmentErrorRequest": {
            "type": "object",
            "properties": {
              "fulfilment_error": {
                "$ref": "\u0023/components/schemas/FulfilmentErrorWrite"
              }
            },
            "required": [
              "fulfilment_error"
            ]
          },
          "FulfilmentError": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "order_id": {
                "type": "integer"
              },
              "line_id": {
                "type": "integer"
              },
              "kind": {
                "type": "string"
              },
              "station": {
                "type": "string"
              },
              "packer_id": {
                "type": "integer",
                "nullable": true
              },
              "root_cause": {
                "type": "string"
              },
              "recorded_by_id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer",
                "nullable": true
              },
              "replacement_shipment_id": {
                "type": "integer",
                "nullable": true
              },
              "refund_id": {
                "type": "integer",
                "nullable": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "order_id",
              "line_id",
              "kind",
              "station",
              "root_cause"
            ]
          },
          "FulfilmentErrorCreated": {
            "type": "object",
            "properties": {
              "fulfilment_error": {
                "$ref": "\u0023/components/schemas/FulfilmentErrorOutcome"
              }
            },
            "required": [
              "fulfilment_error"
            ]
          },
          "FulfilmentErrorOutcome": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "order_id": {
                "type": "integer"
              },
              "line_id": {
                "type": "integer"
              },
              "kind": {
                "type": "string"
              },
              "replacement_shipment_id": {
                "type": "integer",
                "nullable": true
              },
              "refund": {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/Refund"
                  }
                ],
                "nullable": true
              }
            },
            "required": [
              "id",
              "order_id",
              "line_id",
              "kind"
            ]
          },
          "FulfilmentErrorList": {
            "type": "object",
            "properties": {
              "fulfilment_errors": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/FulfilmentError"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "fulfilment_errors",
              "count"
            ]
          },
          "FulfilmentErrorReport": {
            "type": "object",
            "properties": {
              "fulfilment_error_report": {
                "type": "object",
                "properties": {
                  "by_station": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "station": {
                          "type": "string"
                        },
                        "kind": {
                          "type": "string"
                        },
                        "count": {
                          "type": "integer"
                        },
                        "shipped_lines": {
                          "type": "integer"
                        },
                        "rate": {
                          "type": "number",
                          "nullable": true,
                          "description": "Errors per shipped line; null when the station shipped nothing."
                        }
                      }
                    }
                  },
                  "by_root_cause": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "root_cause": {
                          "type": "string"
                        },
                        "kind": {
                          "type": "string"
                        },
                        "count": {
                          "type": "integer"
                        },
                        "share": {
                          "type": "number",
                          "description": "Share of all errors of this kind."
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "ShipmentShip": {
            "type": "object",
            "properties": {
              "shipment": {
                "type": "object",
                "properties": {
                  "carrier": {
                    "type": "string"
                  },
                  "tracking": {
                    "type": "string"
                  },
                  "station": {
                    "type": "string",
                    "description": "The packing station (for the error report's rates)."
                  }
                },
                "required": [
                  "carrier",
                  "station"
                ]
              }
            },
            "required": [
              "shipment"
            ]
          },
          "OrderEvent": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "event": {
                "type": "string",
                "enum": [
                  "refund.approved",
                  "refund.requested",
                  "refund.declined",
                  "fulfilment_error.recorded",
                  "shipment.shipped"
                ]
              },
              "order_id": {
                "type": "integer"
              },
              "payload": {
                "type": "object"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "event",
              "order_id",
              "payload",
              "created_at"
            ]
          },
          "OrderEventList": {
            "type": "object",
            "properties": {
              "order_events": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/OrderEvent"
                }
              },
              "count": {
                "type": "integer"
              },
              "end_of_stream": {
                "type": "boolean"
              }
            },
            "required": [
              "order_events",
              "count",
              "end_of_stream"
            ]
          },
          "ShopifyImportReport": {
            "type": "object",
            "properties": {
              "import": {
                "type": "object",
                "properties": {
                  "dry_run": {
                    "type": "boolean"
                  },
                  "rows": {
                    "type": "integer",
                    "description": "Data rows read."
                  },
                  "orders_in_file": {
                    "type": "integer"
                  },
                  "file_error": {
                    "type": "string",
                    "nullable": true
                  },
                  "rejected": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "row": {
                          "type": "integer",
                          "description": "As a spreadsheet numbers it: the header is row 1."
                        },
                        "column": {
                          "type": "string"
                        },
                        "value": {
                          "type": "string"
                        },
                        "reason": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "new_orders": {
                    "type": "integer"
                  },
                  "already_imported": {
                    "type": "integer",
                    "description": "Orders imported before (same Shopify id or order name), skipped."
                  },
                  "new_customers": {
                    "type": "integer"
                  },
                  "new_products": {
                    "type": "integer"
                  },
                  "open_lines": {
                    "type": "integer",
                    "description": "Unfulfilled lines of open orders."
                  },
                  "backordered_lines": {
                    "type": "integer",
                    "description": "Of those, lines that joined a backorder queue (real imports)."
                  },
                  "imported": {
                    "type": "boolean"
                  }
                }
              }
            },
            "required": [
              "import"
            ]
          },
          "StockReceipt": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "supplier": {
                "type": "string"
              },
              "reference": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "expected",
                  "received",
                  "inspected"
                ],
                "description": "`expected`: announced by the supplier, not arrived; `received`: arrived, units in quarantine awaiting inspection."
              },
              "created_by_id": {
                "type": "integer"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "inspected_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "lines": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "sku": {
                      "type": "string"
                    },
                    "expected": {
                      "type": "integer"
                    },
                    "received": {
                      "type": "integer"
                    },
                    "good": {
                      "type": "integer",
                      "nullable": true,
                      "description": "`null` until inspected."
                    },
                    "defective": {
                      "type": "integer",
                      "nullable": true
                    },
                    "defect_reason": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "sku",
                    "expected",
                    "received",
                    "good",
                    "defective",
                    "defect_reason"
                  ]
                }
              },
              "supplier_claims": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SupplierClaim"
                }
              },
              "allocation": {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/AllocationPlan"
                  }
                ],
                "nullable": true,
                "description": "The committed allocation when `allocate` was sent, else `null`."
              },
              "expected_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true,
                "description": "When an announced delivery is expected (`null` for one recorded on arrival)."
              }
            },
            "required": [
              "id",
              "supplier",
              "reference",
              "status",
              "created_by_id",
              "created_at",
              "inspected_at",
              "lines",
              "supplier_claims",
              "expected_at"
            ]
          },
          "StockReceiptsResponse": {
            "type": "object",
            "properties": {
              "stock_receipts": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/StockReceipt"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "stock_receipts",
              "count"
            ]
          },
          "StockReceiptInspectionRequest": {
            "type": "object",
            "properties": {
              "stock_receipt": {
                "type": "object",
                "properties": {
                  "inspection": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "sku": {
                          "type": "string"
                        },
                        "good": {
                          "type": "integer"
                        },
                        "defective": {
                          "type": "integer"
                        },
                        "reason": {
                          "type": "string",
                          "description": "Why units are defective."
                        }
                      },
                      "required": [
                        "sku",
                        "good",
                        "defective"
                      ]
                    },
                    "description": "What inspection found per SKU: good units become available, defective ones go to quarantine with a `defective` claim. Leave it out to record the delivery on arrival: every received unit waits in quarantine until `POST /api/v2/stock_receipts/{id}/inspection`."
                  },
                  "allocate": {
                    "type": "boolean",
                    "description": "Also commit an allocation for the received SKUs' backorder queues (as `POST /api/v2/allocations`)."
                  }
                },
                "required": [
                  "inspection"
                ],
                "example": {
                  "inspection": [
                    {
                      "sku": "BT-PINK",
                      "good": 16,
                      "defective": 2,
                      "reason": "stained"
                    }
                  ],
                  "allocate": true
                }
              }
            },
            "required": [
              "stock_receipt"
            ]
          },
          "StockReceiptArrivalRequest": {
            "type": "object",
            "properties": {
              "stock_receipt": {
                "type": "object",
                "properties": {
                  "lines": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "sku": {
                          "type": "string"
                        },
                        "received": {
                          "type": "integer",
                          "minimum": 0
                        }
                      },
                      "required": [
                        "sku",
                        "received"
                      ]
                    }
                  },
                  "inspection": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "sku": {
                          "type": "string"
                        },
                        "good": {
                          "type": "integer"
                        },
                        "defective": {
                          "type": "integer"
                        },
                        "reason": {
                          "type": "string",
                          "description": "Why units are defective."
                        }
                      },
                      "required": [
                        "sku",
                        "good",
                        "defective"
                      ]
                    },
                    "description": "What inspection found per SKU: good units become available, defective ones go to quarantine with a `defective` claim. Leave it out to record the delivery on arrival: every received unit waits in quarantine until `POST /api/v2/stock_receipts/{id}/inspection`."
                  },
                  "allocate": {
                    "type": "boolean",
                    "description": "Also commit an allocation for the received SKUs' backorder queues (as `POST /api/v2/allocations`)."
                  }
                },
                "required": [
                  "lines"
                ],
                "example": {
                  "lines": [
                    {
                      "sku": "BT-BLACK",
                      "received": 40
                    }
                  ],
                  "inspection": [
                    {
                      "sku": "BT-BLACK",
                      "good": 38,
                      "defective": 2,
                      "reason": "cracked"
                    }
                  ],
                  "allocate": true
                }
              }
            },
            "required": [
              "stock_receipt"
            ]
          },
          "Incentive": {
            "type": "object",
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "store_credit",
                  "discount_code"
                ]
              },
              "amount_minor": {
                "type": "integer",
                "description": "Store credit, in the currency's minor units."
              },
              "currency": {
                "type": "string"
              },
              "code": {
                "type": "string",
                "description": "Discount code."
              },
              "description": {
                "type": "string",
                "description": "What a discount code is worth, in words."
              },
              "text": {
                "type": "string",
                "description": "As the customer reads it, e.g. `store credit of 10.00 EUR`."
              }
            },
            "required": [
              "type",
              "text"
            ]
          },
          "IncentiveRecord": {
            "allOf": [
              {
                "$ref": "\u0023/components/schemas/Incentive"
              },
              {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "user_id": {
                    "type": "integer"
                  },
                  "order_id": {
                    "type": "integer",
                    "nullable": true
                  },
                  "delay_notice_id": {
                    "type": "integer",
                    "nullable": true
                  },
                  "created_by_id": {
                    "type": "integer"
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "id",
                  "user_id",
                  "order_id",
                  "delay_notice_id",
                  "created_by_id",
                  "created_at"
                ]
              }
            ]
          },
          "IncentivesResponse": {
            "type": "object",
            "properties": {
              "incentives": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/IncentiveRecord"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "incentives",
              "count"
            ]
          },
          "DelayNoticeRequest": {
            "type": "object",
            "properties": {
              "delay_notice": {
                "type": "object",
                "properties": {
                  "sku": {
                    "type": "string"
                  },
                  "body": {
                    "type": "string",
                    "description": "A Mustache template filled per customer: `{{customer.name}}`, `{{customer.first_name}}`, `{{order}}`, `{{sku}}`, `{{product}}`, `{{position}}`, `{{waiting}}`, `{{quantity}}`, `{{expected_date}}` (false when the announced deliveries do not reach the customer), `{{incentive}}`. Casebook's own text when left out."
                  },
                  "incentive": {
                    "type": "object",
                    "properties": {
                      "type": {
                        "type": "string",
                        "enum": [
                          "store_credit",
                          "discount_code"
                        ]
                      },
                      "amount": {
                        "type": "string",
                        "description": "Store credit as a decimal, e.g. `10.00`."
                      },
                      "currency": {
                        "type": "string"
                      },
                      "code": {
                        "type": "string",
                        "description": "A discount code; left out, each customer gets one of their own (`CB-XXXX-XXXX`)."
                      },
                      "description": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "type"
                    ]
                  },
                  "dry_run": {
                    "type": "boolean",
                    "description": "Answer with every customer's text and write nothing."
                  }
                },
                "required": [
                  "sku"
                ],
                "example": {
                  "sku": "BT-BLACK",
                  "incentive": {
                    "type": "discount_code",
                    "description": "15 % off your next order"
                  }
                }
              }
            },
            "required": [
              "delay_notice"
            ]
          },
          "DelayNoticeRecipient": {
            "type": "object",
            "properties": {
              "backorder_id": {
                "type": "integer"
              },
              "order_id": {
                "type": "integer"
              },
              "customer_id": {
                "type": "integer"
              },
              "customer_name": {
                "type": "string"
              },
              "position": {
                "type": "integer"
              },
              "quantity": {
                "type": "integer"
              },
              "expected_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true,
                "description": "When the announced deliveries (and those awaiting inspection) cover this customer; `null`: not yet."
              },
              "incentive": {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/Incentive"
                  }
                ],
                "nullable": true
              },
              "body": {
                "type": "string"
              },
              "ticket_id": {
                "type": "integer",
                "nullable": true,
                "description": "Where the notice was written (`null` in a dry run)."
              }
            },
            "required": [
              "backorder_id",
              "order_id",
              "customer_id",
              "customer_name",
              "position",
              "quantity",
              "expected_at",
              "incentive",
              "body",
              "ticket_id"
            ]
          },
          "DelayNoticeResponse": {
            "type": "object",
            "properties": {
              "delay_notice": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer",
                    "nullable": true
                  },
                  "sku": {
                    "type": "string"
                  },
                  "dry_run": {
                    "type": "boolean"
                  },
                  "recipients_count": {
                    "type": "integer"
                  },
                  "recipients": {
                    "type": "array",
                    "items": {
                      "$ref": "\u0023/components/schemas/DelayNoticeRecipient"
                    }
                  }
                },
                "required": [
                  "id",
                  "sku",
                  "dry_run",
                  "recipients_count",
                  "recipients"
                ]
              }
            },
            "required": [
              "delay_notice"
            ]
          },
          "DelayNoticesResponse": {
            "type": "object",
            "properties": {
              "delay_notices": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "id": {
                      "type": "integer"
                    },
                    "sku": {
                      "type": "string"
                    },
                    "body": {
                      "type": "string"
                    },
                    "incentive_type": {
                      "type": "string",
                      "nullable": true
                    },
                    "recipients_count": {
                      "type": "integer"
                    },
                    "sent_by_id": {
                      "type": "integer"
                    },
                    "sent_at": {
                      "type": "string",
                      "format": "date-time"
                    }
                  },
                  "required": [
                    "id",
                    "sku",
                    "body",
                    "incentive_type",
                    "recipients_count",
                    "sent_by_id",
                    "sent_at"
                  ]
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "delay_notices",
              "count"
            ]
          },
          "BundleComponent": {
            "type": "object",
            "description": "One part of a bundle: `quantity` units of `sku`, or of any of the SKUs in `any_of` (\"3 BeamTags, any colour\"). Components never share a SKU, and a component is never itself a bundle.",
            "properties": {
              "sku": {
                "type": "string"
              },
              "any_of": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "quantity": {
                "type": "integer",
                "minimum": 1,
                "description": "1 when absent."
              }
            },
            "required": [
              "quantity"
            ]
          },
          "Bundle": {
            "type": "object",
            "description": "A variant sold as units of other variants. It holds no stock of its own: an order reserves its components, a backorder of it is allocated only whole, and a delivery names its components.",
            "properties": {
              "components": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/BundleComponent"
                },
                "minItems": 1
              }
            },
            "required": [
              "components"
            ],
            "example": {
              "components": [
                {
                  "any_of": [
                    "BT-BLACK",
                    "BT-WHITE"
                  ],
                  "quantity": 3
                }
              ]
            }
          },
          "VariantWrite": {
            "type": "object",
            "properties": {
              "sku": {
                "type": "string",
                "description": "Required; no spaces, not used by another variant."
              },
              "name": {
                "type": "string",
                "description": "The product's name when absent."
              },
              "options": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "price": {
                "type": "integer",
                "minimum": 0,
                "description": "In minor units (cents); required."
              },
              "bundle": {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/Bundle"
                  }
                ],
                "description": "Makes this variant a bundle of existing variants (or of variants earlier in this request that are not bundles). A component that is unknown or a bundle answers 422."
              }
            },
            "required": [
              "sku",
              "price"
            ]
          },
          "VariantRequest": {
            "type": "object",
            "properties": {
              "variant": {
                "$ref": "\u0023/components/schemas/VariantWrite"
              }
            },
            "required": [
              "variant"
            ],
            "example": {
              "variant": {
                "sku": "BT-2-PINK",
                "name": "Two pink BeamTags",
                "price": 5500,
                "bundle": {
                  "components": [
                    {
                      "sku": "BT-PINK",
                      "quantity": 2
                    }
                  ]
                }
              }
            }
          },
          "VariantResponse": {
            "type": "object",
            "properties": {
              "variant": {
                "$ref": "\u0023/components/schemas/ProductVariant"
              }
            },
            "required": [
              "variant"
            ]
          },
          "VariantList": {
            "type": "object",
            "properties": {
              "variants": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/ProductVariant"
                }
              },
              "count": {
                "type": "integer"
              }
            },
            "required": [
              "variants",
              "count"
            ]
          },
          "ShipmentLine": {
            "type": "object",
            "description": "What to pick: a bundle's order line is picked as its components.",
            "properties": {
              "line_id": {
                "type": "integer"
              },
              "sku": {
                "type": "string"
              },
              "quantity": {
                "type": "integer"
              }
            },
            "required": [
              "line_id",
              "sku",
              "quantity"
            ]
          },
          "OrderReturn": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "order_id": {
                "type": "integer"
              },
              "line_id": {
                "type": "integer"
              },
              "quantity": {
                "type": "integer"
              },
              "restocked": {
                "type": "integer",
                "description": "Of `quantity`, the units put back into available stock."
              },
              "reason": {
                "type": "string"
              }
            },
            "required": [
              "id",
              "order_id",
              "line_id",
              "quantity",
              "restocked",
              "reason"
            ]
          },
          "OrderChangeResponse": {
            "type": "object",
            "properties": {
              "order": {
                "$ref": "\u0023/components/schemas/Order"
              },
              "allocation": {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/AllocationPlan"
                  }
                ],
                "nullable": true
              }
            },
            "required": [
              "order",
              "allocation"
            ]
          },
          "OrderReturnResponse": {
            "type": "object",
            "properties": {
              "return": {
                "$ref": "\u0023/components/schemas/OrderReturn"
              },
              "order": {
                "$ref": "\u0023/components/schemas/Order"
              },
              "allocation": {
                "allOf": [
                  {
                    "$ref": "\u0023/components/schemas/AllocationPlan"
                  }
                ],
                "nullable": true
              }
            },
            "required": [
              "return",
              "order",
              "allocation"
            ]
          },
          "OrderCancellationRequest": {
            "type": "object",
            "required": [
              "cancellation"
            ],
            "properties": {
              "cancellation": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string",
                    "description": "Required."
                  },
                  "line_ids": {
                    "type": "array",
                    "items": {
                      "type": "integer"
                    },
                    "description": "The lines to cancel; every line not yet shipped when absent."
                  }
                },
                "required": [
                  "reason"
                ]
              }
            },
            "example": {
              "cancellation": {
                "reason": "Ordered twice by mistake"
              }
            }
          },
          "OrderReturnRequest": {
            "type": "object",
            "required": [
              "return"
            ],
            "properties": {
              "return": {
                "type": "object",
                "properties": {
                  "line_id": {
                    "type": "integer"
                  },
                  "quantity": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "1 when absent; at most the units still out."
                  },
                  "restock": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Units good enough to sell again (a bundle's go back as its components); 0 when absent."
                  },
                  "reason": {
                    "type": "string",
                    "description": "Required."
                  }
                },
                "required": [
                  "line_id",
                  "reason"
                ]
              }
            },
            "example": {
              "return": {
                "line_id": 12,
                "quantity": 1,
                "restock": 1,
                "reason": "Unwanted gift"
              }
            }
          },
          "OrderPage": {
            "type": "object",
            "description": "Offset pages carry `next_page`, `previous_page` and `count`; cursor pages `meta` and `links`.",
            "properties": {
              "orders": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Order"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              },
              "meta": {
                "type": "object"
              },
              "links": {
                "type": "object"
              }
            },
            "required": [
              "orders"
            ]
          },
          "Asset": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "serial": {
                "type": "string"
              },
              "sku": {
                "type": "string"
              },
              "product_id": {
                "type": "integer",
                "nullable": true
              },
              "customer_id": {
                "type": "integer",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "nullable": true
              },
              "site": {
                "type": "string"
              },
              "purchased_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "order_id": {
                "type": "integer",
                "nullable": true
              },
              "firmware": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "in_service",
                  "replaced",
                  "returned",
                  "scrapped"
                ]
              },
              "warranty": {
                "type": "object",
                "properties": {
                  "status": {
                    "type": "string",
                    "enum": [
                      "in_warranty",
                      "expired",
                      "unknown"
                    ]
                  },
                  "expires_at": {
                    "type": "string",
                    "format": "date-time",
                    "nullable": true
                  },
                  "months": {
                    "type": "integer",
                    "nullable": true
                  },
                  "coverage": {
                    "type": "string",
                    "nullable": true
                  },
                  "caveats": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              },
              "ticket_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "rmas": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/RMA"
                }
              },
              "created_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "updated_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              }
            }
          },
          "AssetInput": {
            "type": "object",
            "properties": {
              "serial": {
                "type": "string"
              },
              "sku": {
                "type": "string"
              },
              "product_id": {
                "type": "integer",
                "nullable": true
              },
              "customer_id": {
                "type": "integer",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "nullable": true
              },
              "site": {
                "type": "string"
              },
              "purchased_at": {
                "type": "string",
                "example": "2025-06-01"
              },
              "order_id": {
                "type": "integer",
                "nullable": true
              },
              "firmware": {
                "type": "string"
              },
              "status": {
                "type": "string"
              }
            }
          },
          "AssetEnvelope": {
            "type": "object",
            "properties": {
              "asset": {
                "$ref": "\u0023/components/schemas/AssetInput"
              }
            },
            "required": [
              "asset"
            ]
          },
          "AssetLinkEnvelope": {
            "type": "object",
            "properties": {
              "asset": {
                "type": "object",
                "properties": {
                  "asset_id": {
                    "type": "integer"
                  },
                  "serial": {
                    "type": "string"
                  }
                }
              }
            },
            "required": [
              "asset"
            ]
          },
          "AssetResponse": {
            "type": "object",
            "properties": {
              "asset": {
                "$ref": "\u0023/components/schemas/Asset"
              }
            }
          },
          "AssetList": {
            "type": "object",
            "properties": {
              "assets": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Asset"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              },
              "meta": {
                "type": "object"
              },
              "links": {
                "type": "object"
              }
            }
          },
          "AssetImportResponse": {
            "type": "object",
            "properties": {
              "import": {
                "type": "object",
                "properties": {
                  "rows": {
                    "type": "integer"
                  },
                  "imported": {
                    "type": "integer"
                  },
                  "dry_run": {
                    "type": "boolean"
                  },
                  "file_error": {
                    "type": "string",
                    "nullable": true
                  },
                  "rejected": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "row": {
                          "type": "integer"
                        },
                        "column": {
                          "type": "string"
                        },
                        "value": {
                          "type": "string"
                        },
                        "reason": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "Warranty": {
            "type": "object",
            "properties": {
              "product_id": {
                "type": "integer"
              },
              "months": {
                "type": "integer"
              },
              "coverage": {
                "type": "string"
              },
              "caveats": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "return_days": {
                "type": "integer"
              },
              "checklist": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "key": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    },
                    "required_for": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "enum": [
                          "repair",
                          "refund",
                          "replacement",
                          "advance_replacement"
                        ]
                      }
                    }
                  }
                }
              },
              "updated_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              }
            }
          },
          "WarrantyEnvelope": {
            "type": "object",
            "properties": {
              "warranty": {
                "type": "object",
                "properties": {
                  "months": {
                    "type": "integer"
                  },
                  "coverage": {
                    "type": "string"
                  },
                  "caveats": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "return_days": {
                    "type": "integer"
                  },
                  "checklist": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "key": {
                          "type": "string"
                        },
                        "title": {
                          "type": "string"
                        },
                        "required_for": {
                          "type": "array",
                          "items": {
                            "type": "string",
                            "enum": [
                              "repair",
                              "refund",
                              "replacement",
                              "advance_replacement"
                            ]
                          }
                        }
                      }
                    }
                  }
                },
                "required": [
                  "months"
                ]
              }
            },
            "required": [
              "warranty"
            ]
          },
          "WarrantyResponse": {
            "type": "object",
            "properties": {
              "warranty": {
                "$ref": "\u0023/components/schemas/Warranty"
              }
            }
          },
          "WarrantyList": {
            "type": "object",
            "properties": {
              "warranties": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Warranty"
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "Checklist": {
            "type": "object",
            "properties": {
              "ticket_id": {
                "type": "integer"
              },
              "asset_id": {
                "type": "integer",
                "nullable": true
              },
              "product_id": {
                "type": "integer",
                "nullable": true
              },
              "steps": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "key": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    },
                    "required_for": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "result": {
                      "type": "string",
                      "nullable": true,
                      "enum": [
                        "done",
                        "not_possible",
                        "failed",
                        null
                      ]
                    },
                    "note": {
                      "type": "string"
                    },
                    "recorded_by_id": {
                      "type": "integer",
                      "nullable": true
                    },
                    "recorded_at": {
                      "type": "string",
                      "format": "date-time",
                      "nullable": true
                    }
                  }
                }
              },
              "rma_kinds": {
                "type": "object",
                "additionalProperties": {
                  "type": "object",
                  "properties": {
                    "complete": {
                      "type": "boolean"
                    },
                    "missing": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          },
          "ChecklistResponse": {
            "type": "object",
            "properties": {
              "checklist": {
                "$ref": "\u0023/components/schemas/Checklist"
              }
            }
          },
          "ChecklistEnvelope": {
            "type": "object",
            "properties": {
              "checklist": {
                "type": "object",
                "properties": {
                  "results": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "key": {
                          "type": "string"
                        },
                        "result": {
                          "type": "string",
                          "enum": [
                            "done",
                            "not_possible",
                            "failed"
                          ]
                        },
                        "note": {
                          "type": "string"
                        }
                      },
                      "required": [
                        "key",
                        "result"
                      ]
                    }
                  }
                },
                "required": [
                  "results"
                ]
              }
            },
            "required": [
              "checklist"
            ]
          },
          "RMA": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer"
              },
              "asset_id": {
                "type": "integer"
              },
              "serial": {
                "type": "string"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "repair",
                  "refund",
                  "replacement",
                  "advance_replacement"
                ]
              },
              "kind_text": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "requested",
                  "approved",
                  "declined",
                  "cancelled",
                  "replacement_shipped",
                  "unit_due",
                  "received",
                  "inspected",
                  "closed"
                ]
              },
              "status_text": {
                "type": "string"
              },
              "value": {
                "type": "integer"
              },
              "currency": {
                "type": "string"
              },
              "value_text": {
                "type": "string"
              },
              "in_warranty": {
                "type": "boolean"
              },
              "approver_role": {
                "type": "string",
                "nullable": true
              },
              "requested_by_id": {
                "type": "integer"
              },
              "owner_id": {
                "type": "integer",
                "nullable": true
              },
              "decided_by_id": {
                "type": "integer",
                "nullable": true
              },
              "decided_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "decision_reason": {
                "type": "string"
              },
              "tracking": {
                "type": "string"
              },
              "shipped_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "return_due_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "received_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "outcome": {
                "type": "string",
                "nullable": true,
                "enum": [
                  "fault_confirmed",
                  "no_fault_found",
                  "customer_damage",
                  null
                ]
              },
              "inspection_note": {
                "type": "string"
              },
              "obligation": {
                "type": "object",
                "properties": {
                  "text": {
                    "type": "string"
                  },
                  "accepted_via": {
                    "type": "string",
                    "nullable": true,
                    "enum": [
                      "portal",
                      "verbal",
                      null
                    ]
                  },
                  "accepted_at": {
                    "type": "string",
                    "format": "date-time",
                    "nullable": true
                  },
                  "note": {
                    "type": "string"
                  },
                  "applies": {
                    "type": "boolean",
                    "nullable": true
                  }
                }
              },
              "actions": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "events": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "event": {
                      "type": "string"
                    },
                    "status": {
                      "type": "string"
                    },
                    "actor_id": {
                      "type": "integer",
                      "nullable": true
                    },
                    "note": {
                      "type": "string"
                    },
                    "created_at": {
                      "type": "string",
                      "format": "date-time",
                      "nullable": true
                    }
                  }
                }
              },
              "reminded_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "closed_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "updated_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              }
            }
          },
          "RMAEnvelope": {
            "type": "object",
            "properties": {
              "rma": {
                "type": "object",
                "properties": {
                  "ticket_id": {
                    "type": "integer"
                  },
                  "asset_id": {
                    "type": "integer"
                  },
                  "serial": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "repair",
                      "refund",
                      "replacement",
                      "advance_replacement"
                    ]
                  },
                  "value": {
                    "type": "integer"
                  },
                  "currency": {
                    "type": "string"
                  },
                  "obligation": {
                    "type": "string"
                  },
                  "override_reason": {
                    "type": "string"
                  }
                },
                "required": [
                  "ticket_id",
                  "kind"
                ]
              }
            },
            "required": [
              "rma"
            ]
          },
          "RMAAction": {
            "type": "object",
            "properties": {
              "reason": {
                "type": "string"
              },
              "tracking": {
                "type": "string"
              },
              "note": {
                "type": "string"
              },
              "outcome": {
                "type": "string",
                "enum": [
                  "fault_confirmed",
                  "no_fault_found",
                  "customer_damage"
                ]
              },
              "rma": {
                "type": "object"
              }
            }
          },
          "AcceptanceEnvelope": {
            "type": "object",
            "properties": {
              "acceptance": {
                "type": "object",
                "properties": {
                  "via": {
                    "type": "string",
                    "enum": [
                      "portal",
                      "verbal"
                    ]
                  },
                  "note": {
                    "type": "string"
                  }
                },
                "required": [
                  "via"
                ]
              }
            },
            "required": [
              "acceptance"
            ]
          },
          "RMAResponse": {
            "type": "object",
            "properties": {
              "rma": {
                "$ref": "\u0023/components/schemas/RMA"
              }
            }
          },
          "RMAList": {
            "type": "object",
            "properties": {
              "rmas": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/RMA"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              },
              "meta": {
                "type": "object"
              },
              "links": {
                "type": "object"
              }
            }
          },
          "RMAPolicy": {
            "type": "object",
            "properties": {
              "tiers": {
                "type": "object",
                "additionalProperties": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "up_to": {
                        "type": "integer",
                        "nullable": true
                      },
                      "role": {
                        "type": "string",
                        "enum": [
                          "agent",
                          "lead",
                          "manager",
                          "admin"
                        ]
                      }
                    }
                  }
                }
              },
              "out_of_warranty": {
                "type": "string"
              },
              "checklist_override_role": {
                "type": "string"
              }
            }
          },
          "RMAPolicyResponse": {
            "type": "object",
            "properties": {
              "rma_policy": {
                "$ref": "\u0023/components/schemas/RMAPolicy"
              }
            }
          },
          "RMAPolicyEnvelope": {
            "type": "object",
            "properties": {
              "rma_policy": {
                "$ref": "\u0023/components/schemas/RMAPolicy"
              }
            },
            "required": [
              "rma_policy"
            ]
          },
          "Decision": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "kind": {
                "type": "string"
              },
              "kind_text": {
                "type": "string"
              },
              "rule": {
                "type": "string"
              },
              "what": {
                "type": "string"
              },
              "reason": {
                "type": "string"
              },
              "outcome": {
                "type": "string",
                "nullable": true
              },
              "ticket_id": {
                "type": "integer",
                "nullable": true
              },
              "customer_id": {
                "type": "integer",
                "nullable": true
              },
              "organization_id": {
                "type": "integer",
                "nullable": true
              },
              "subject_type": {
                "type": "string",
                "nullable": true
              },
              "subject_id": {
                "type": "integer",
                "nullable": true
              },
              "decided_by_id": {
                "type": "integer"
              },
              "notified_user_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "created_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              }
            }
          },
          "DecisionResponse": {
            "type": "object",
            "properties": {
              "decision": {
                "$ref": "\u0023/components/schemas/Decision"
              }
            }
          },
          "DecisionEnvelope": {
            "type": "object",
            "properties": {
              "decision": {
                "type": "object",
                "properties": {
                  "ticket_id": {
                    "type": "integer"
                  },
                  "rule": {
                    "type": "string"
                  },
                  "what": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  }
                },
                "required": [
                  "ticket_id",
                  "rule",
                  "what",
                  "reason"
                ]
              }
            },
            "required": [
              "decision"
            ]
          },
          "DecisionList": {
            "type": "object",
            "properties": {
              "decisions": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/Decision"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              },
              "meta": {
                "type": "object"
              },
              "links": {
                "type": "object"
              }
            }
          },
          "DecisionReportResponse": {
            "type": "object",
            "properties": {
              "decision_report": {
                "type": "object",
                "properties": {
                  "from": {
                    "type": "string",
                    "format": "date-time",
                    "nullable": true
                  },
                  "to": {
                    "type": "string",
                    "format": "date-time",
                    "nullable": true
                  },
                  "total": {
                    "type": "integer"
                  },
                  "rows": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "decided_by_id": {
                          "type": "integer"
                        },
                        "decided_by": {
                          "type": "string"
                        },
                        "kind": {
                          "type": "string"
                        },
                        "rule": {
                          "type": "string"
                        },
                        "outcome": {
                          "type": "string",
                          "nullable": true
                        },
                        "count": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "NotificationList": {
            "type": "object",
            "properties": {
              "notifications": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "id": {
                      "type": "integer"
                    },
                    "kind": {
                      "type": "string"
                    },
                    "text": {
                      "type": "string"
                    },
                    "ticket_id": {
                      "type": "integer",
                      "nullable": true
                    },
                    "link": {
                      "type": "string"
                    },
                    "created_at": {
                      "type": "string",
                      "format": "date-time",
                      "nullable": true
                    },
                    "read_at": {
                      "type": "string",
                      "format": "date-time",
                      "nullable": true
                    }
                  }
                }
              },
              "unread_count": {
                "type": "integer"
              }
            }
          },
          "NotificationRead": {
            "type": "object",
            "properties": {
              "ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              }
            }
          },
          "NotesOwedList": {
            "type": "object",
            "properties": {
              "tickets": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "id": {
                      "type": "integer"
                    },
                    "subject": {
                      "type": "string"
                    },
                    "status": {
                      "type": "string"
                    },
                    "assignee_id": {
                      "type": "integer",
                      "nullable": true
                    },
                    "notes_owed_since": {
                      "type": "string",
                      "format": "date-time",
                      "nullable": true
                    }
                  }
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "FollowUp": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              },
              "note": {
                "type": "string"
              },
              "owner_id": {
                "type": "integer"
              },
              "assigned_by_id": {
                "type": "integer"
              },
              "due_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "status": {
                "type": "string",
                "enum": [
                  "open",
                  "done",
                  "cancelled"
                ]
              },
              "overdue": {
                "type": "boolean"
              },
              "reminded_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "due_notified_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "escalated_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "next_notice_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "completion_note": {
                "type": "string",
                "nullable": true
              },
              "closed_by_id": {
                "type": "integer",
                "nullable": true
              },
              "closed_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "updated_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              }
            }
          },
          "FollowUpResponse": {
            "type": "object",
            "properties": {
              "follow_up": {
                "$ref": "\u0023/components/schemas/FollowUp"
              }
            }
          },
          "FollowUpList": {
            "type": "object",
            "properties": {
              "follow_ups": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/FollowUp"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              },
              "meta": {
                "type": "object"
              },
              "links": {
                "type": "object"
              }
            }
          },
          "FollowUpEnvelope": {
            "type": "object",
            "properties": {
              "follow_up": {
                "type": "object",
                "properties": {
                  "title": {
                    "type": "string"
                  },
                  "due_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "owner_id": {
                    "type": "integer"
                  },
                  "note": {
                    "type": "string"
                  }
                },
                "required": [
                  "title",
                  "due_at",
                  "owner_id"
                ]
              }
            },
            "required": [
              "follow_up"
            ]
          },
          "FollowUpNote": {
            "type": "object",
            "properties": {
              "note": {
                "type": "string"
              }
            },
            "required": [
              "note"
            ]
          },
          "FollowUpCancel": {
            "type": "object",
            "properties": {
              "reason": {
                "type": "string"
              }
            },
            "required": [
              "reason"
            ]
          },
          "FollowUpReassign": {
            "type": "object",
            "properties": {
              "owner_id": {
                "type": "integer"
              },
              "due_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "owner_id"
            ]
          },
          "RemoteSession": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer"
              },
              "agent_id": {
                "type": "integer"
              },
              "session_code": {
                "type": "string"
              },
              "tool_url": {
                "type": "string",
                "nullable": true
              },
              "started_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "ended_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              },
              "outcome": {
                "type": "string"
              },
              "created_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              }
            }
          },
          "RemoteSessionResponse": {
            "type": "object",
            "properties": {
              "remote_session": {
                "$ref": "\u0023/components/schemas/RemoteSession"
              }
            }
          },
          "RemoteSessionList": {
            "type": "object",
            "properties": {
              "remote_sessions": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/RemoteSession"
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "RemoteSessionEnvelope": {
            "type": "object",
            "properties": {
              "remote_session": {
                "type": "object",
                "properties": {
                  "session_code": {
                    "type": "string"
                  },
                  "started_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "ended_at": {
                    "type": "string",
                    "format": "date-time",
                    "nullable": true
                  },
                  "outcome": {
                    "type": "string"
                  }
                },
                "required": [
                  "session_code",
                  "started_at"
                ]
              }
            },
            "required": [
              "remote_session"
            ]
          },
          "ConductOutcome": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "label": {
                "type": "string"
              },
              "action": {
                "type": "string",
                "enum": [
                  "warning_sent",
                  "interaction_ended",
                  "email_only",
                  "exclusion"
                ]
              },
              "action_text": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "active": {
                "type": "boolean"
              },
              "created_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              }
            }
          },
          "ConductOutcomeEnvelope": {
            "type": "object",
            "properties": {
              "conduct_outcome": {
                "type": "object",
                "properties": {
                  "label": {
                    "type": "string"
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "warning_sent",
                      "interaction_ended",
                      "email_only",
                      "exclusion"
                    ]
                  },
                  "description": {
                    "type": "string"
                  },
                  "active": {
                    "type": "boolean"
                  }
                }
              }
            },
            "required": [
              "conduct_outcome"
            ]
          },
          "ConductOutcomeResponse": {
            "type": "object",
            "properties": {
              "conduct_outcome": {
                "$ref": "\u0023/components/schemas/ConductOutcome"
              }
            }
          },
          "ConductOutcomeList": {
            "type": "object",
            "properties": {
              "conduct_outcomes": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/ConductOutcome"
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "ConductRecord": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer"
              },
              "customer_id": {
                "type": "integer"
              },
              "affected_agent_id": {
                "type": "integer",
                "nullable": true
              },
              "flagged_by_id": {
                "type": "integer"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "threat",
                  "insult",
                  "harassment"
                ]
              },
              "comment_id": {
                "type": "integer",
                "nullable": true
              },
              "outcome_id": {
                "type": "integer"
              },
              "outcome": {
                "type": "object",
                "properties": {
                  "label": {
                    "type": "string"
                  },
                  "action": {
                    "type": "string"
                  }
                }
              },
              "note": {
                "type": "string"
              },
              "exclusion_rule_id": {
                "type": "integer",
                "nullable": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time",
                "nullable": true
              }
            }
          },
          "ConductRecordEnvelope": {
            "type": "object",
            "properties": {
              "conduct_record": {
                "type": "object",
                "properties": {
                  "ticket_id": {
                    "type": "integer"
                  },
                  "kind": {
                    "type": "string"
                  },
                  "comment_id": {
                    "type": "integer"
                  },
                  "outcome_id": {
                    "type": "integer"
                  },
                  "note": {
                    "type": "string"
                  },
                  "affected_agent_id": {
                    "type": "integer"
                  }
                },
                "required": [
                  "ticket_id",
                  "kind",
                  "outcome_id"
                ]
              }
            },
            "required": [
              "conduct_record"
            ]
          },
          "ConductRecordResponse": {
            "type": "object",
            "properties": {
              "conduct_record": {
                "$ref": "\u0023/components/schemas/ConductRecord"
              }
            }
          },
          "ConductRecordList": {
            "type": "object",
            "properties": {
              "conduct_records": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/ConductRecord"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              },
              "meta": {
                "type": "object"
              },
              "links": {
                "type": "object"
              }
            }
          },
          "ConductHandoverEnvelope": {
            "type": "object",
            "properties": {
              "handover": {
                "type": "object",
                "properties": {
                  "note": {
                    "type": "string"
                  }
                }
              }
            }
          },
          "ConductHandoverResponse": {
            "type": "object",
            "properties": {
              "conduct_record": {
                "$ref": "\u0023/components/schemas/ConductRecord"
              },
              "ticket": {
                "type": "object"
              }
            }
          },
          "SatisfactionRating": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string"
              },
              "score": {
                "type": "string",
                "enum": [
                  "offered",
                  "unoffered",
                  "good",
                  "bad"
                ]
              },
              "comment": {
                "type": "string",
                "nullable": true
              },
              "reason": {
                "type": "string"
              },
              "reason_code": {
                "type": "integer"
              },
              "reason_id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer"
              },
              "requester_id": {
                "type": "integer"
              },
              "assignee_id": {
                "type": "integer",
                "nullable": true
              },
              "group_id": {
                "type": "integer",
                "nullable": true
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "SatisfactionRatingResponse": {
            "type": "object",
            "properties": {
              "satisfaction_rating": {
                "$ref": "\u0023/components/schemas/SatisfactionRating"
              }
            }
          },
          "SatisfactionRatingList": {
            "type": "object",
            "properties": {
              "satisfaction_ratings": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SatisfactionRating"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              }
            }
          },
          "SatisfactionRatingEnvelope": {
            "type": "object",
            "required": [
              "satisfaction_rating"
            ],
            "properties": {
              "satisfaction_rating": {
                "type": "object",
                "properties": {
                  "score": {
                    "type": "string",
                    "enum": [
                      "good",
                      "bad"
                    ]
                  },
                  "comment": {
                    "type": "string"
                  },
                  "reason_code": {
                    "type": "integer"
                  }
                }
              }
            }
          },
          "SatisfactionReason": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string"
              },
              "reason_code": {
                "type": "integer"
              },
              "value": {
                "type": "string"
              },
              "raw_value": {
                "type": "string"
              },
              "deleted_at": {
                "type": "string",
                "nullable": true
              }
            }
          },
          "SatisfactionReasonList": {
            "type": "object",
            "properties": {
              "reasons": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/SatisfactionReason"
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "SatisfactionReasonResponse": {
            "type": "object",
            "properties": {
              "reason": {
                "$ref": "\u0023/components/schemas/SatisfactionReason"
              }
            }
          },
          "NPSResponse": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "customer_id": {
                "type": "integer"
              },
              "ticket_id": {
                "type": "integer",
                "nullable": true
              },
              "score": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10
              },
              "category": {
                "type": "string",
                "enum": [
                  "promoter",
                  "passive",
                  "detractor"
                ]
              },
              "comment": {
                "type": "string",
                "nullable": true
              },
              "asked_at": {
                "type": "string",
                "format": "date-time"
              },
              "answered_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "NPSResponseList": {
            "type": "object",
            "properties": {
              "nps_responses": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/NPSResponse"
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "SatisfactionSettings": {
            "type": "object",
            "properties": {
              "satisfaction_settings": {
                "type": "object",
                "properties": {
                  "bought_again_days": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 3650
                  },
                  "silence_days": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 3650
                  },
                  "nps_enabled": {
                    "type": "boolean"
                  }
                }
              }
            }
          },
          "LoyaltyReport": {
            "type": "object",
            "properties": {
              "by": {
                "type": "string"
              },
              "start_time": {
                "type": "string"
              },
              "end_time": {
                "type": "string"
              },
              "windows": {
                "type": "object"
              },
              "count": {
                "type": "integer"
              },
              "rows": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "tickets_solved": {
                      "type": "integer"
                    },
                    "ratings_offered": {
                      "type": "integer"
                    },
                    "good": {
                      "type": "integer"
                    },
                    "bad": {
                      "type": "integer"
                    },
                    "customers": {
                      "type": "integer"
                    },
                    "bought_again": {
                      "type": "integer"
                    },
                    "cancelled_or_refunded": {
                      "type": "integer"
                    },
                    "silent": {
                      "type": "integer"
                    },
                    "active": {
                      "type": "integer"
                    },
                    "pending": {
                      "type": "integer"
                    },
                    "satisfied_but_leaving": {
                      "type": "integer"
                    },
                    "nps_responses": {
                      "type": "integer"
                    },
                    "key": {
                      "type": "string"
                    },
                    "id": {
                      "type": "integer",
                      "nullable": true
                    },
                    "name": {
                      "type": "string"
                    },
                    "csat_percent": {
                      "type": "number",
                      "nullable": true
                    },
                    "nps_score": {
                      "type": "number",
                      "nullable": true
                    }
                  }
                }
              }
            }
          },
          "HelpCenterCategory": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string"
              },
              "html_url": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "position": {
                "type": "integer"
              },
              "locale": {
                "type": "string"
              },
              "source_locale": {
                "type": "string"
              },
              "outdated": {
                "type": "boolean"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "HelpCenterSection": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string"
              },
              "html_url": {
                "type": "string"
              },
              "category_id": {
                "type": "integer"
              },
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "position": {
                "type": "integer"
              },
              "sorting": {
                "type": "string"
              },
              "locale": {
                "type": "string"
              },
              "source_locale": {
                "type": "string"
              },
              "outdated": {
                "type": "boolean"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "HelpCenterArticle": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "url": {
                "type": "string"
              },
              "html_url": {
                "type": "string"
              },
              "title": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "body": {
                "type": "string",
                "description": "Rendered, sanitized HTML"
              },
              "markdown": {
                "type": "string"
              },
              "draft": {
                "type": "boolean"
              },
              "visibility": {
                "type": "string",
                "enum": [
                  "public",
                  "internal"
                ]
              },
              "label_names": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "section_id": {
                "type": "integer"
              },
              "author_id": {
                "type": "integer"
              },
              "reviewer_id": {
                "type": "integer",
                "nullable": true
              },
              "position": {
                "type": "integer"
              },
              "vote_sum": {
                "type": "integer"
              },
              "vote_count": {
                "type": "integer"
              },
              "locale": {
                "type": "string"
              },
              "source_locale": {
                "type": "string"
              },
              "promoted": {
                "type": "boolean"
              },
              "comments_disabled": {
                "type": "boolean"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              },
              "edited_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "HelpCenterCategoryEnvelope": {
            "type": "object",
            "properties": {
              "category": {
                "$ref": "\u0023/components/schemas/HelpCenterCategory"
              }
            },
            "required": [
              "category"
            ]
          },
          "HelpCenterSectionEnvelope": {
            "type": "object",
            "properties": {
              "section": {
                "$ref": "\u0023/components/schemas/HelpCenterSection"
              }
            },
            "required": [
              "section"
            ]
          },
          "HelpCenterArticleEnvelope": {
            "type": "object",
            "properties": {
              "article": {
                "$ref": "\u0023/components/schemas/HelpCenterArticle"
              }
            },
            "required": [
              "article"
            ]
          },
          "HelpCenterCategoryList": {
            "type": "object",
            "properties": {
              "categories": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/HelpCenterCategory"
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "HelpCenterSectionList": {
            "type": "object",
            "properties": {
              "sections": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/HelpCenterSection"
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "HelpCenterArticleList": {
            "type": "object",
            "properties": {
              "articles": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/HelpCenterArticle"
                }
              },
              "count": {
                "type": "integer"
              },
              "next_page": {
                "type": "string",
                "nullable": true
              },
              "previous_page": {
                "type": "string",
                "nullable": true
              }
            }
          },
          "HelpCenterSearchResults": {
            "type": "object",
            "properties": {
              "results": {
                "type": "array",
                "items": {
                  "allOf": [
                    {
                      "$ref": "\u0023/components/schemas/HelpCenterArticle"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "snippet": {
                          "type": "string"
                        },
                        "result_type": {
                          "type": "string"
                        }
                      }
                    }
                  ]
                }
              },
              "count": {
                "type": "integer"
              },
              "page": {
                "type": "integer"
              },
              "per_page": {
                "type": "integer"
              },
              "page_count": {
                "type": "integer"
              }
            }
          },
          "HelpCenterVoteResponse": {
            "type": "object",
            "properties": {
              "vote": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "user_id": {
                    "type": "integer"
                  },
                  "value": {
                    "type": "integer"
                  },
                  "item_id": {
                    "type": "integer"
                  },
                  "item_type": {
                    "type": "string"
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updated_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "article": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "vote_sum": {
                    "type": "integer"
                  },
                  "vote_count": {
                    "type": "integer"
                  }
                }
              }
            }
          },
          "HelpCenterArticleAttachment": {
            "type": "object",
            "properties": {
              "id": {
                "type": "integer"
              },
              "article_id": {
                "type": "integer"
              },
              "file_name": {
                "type": "string"
              },
              "content_url": {
                "type": "string"
              },
              "content_type": {
                "type": "string"
              },
              "size": {
                "type": "integer"
              },
              "inline": {
                "type": "boolean"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "HelpCenterArticleAttachmentList": {
            "type": "object",
            "properties": {
              "article_attachments": {
                "type": "array",
                "items": {
                  "$ref": "\u0023/components/schemas/HelpCenterArticleAttachment"
                }
              }
            }
          },
          "HelpCenterArticleAttachmentEnvelope": {
            "type": "object",
            "properties": {
              "article_attachment": {
                "$ref": "\u0023/components/schemas/HelpCenterArticleAttachment"
              }
            }
          },
          "HelpCenterRevisionList": {
            "type": "object",
            "properties": {
              "revisions": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "number": {
                      "type": "integer"
                    },
                    "title": {
                      "type": "string"
                    },
                    "body": {
                      "type": "string"
                    },
                    "label_names": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "draft": {
                      "type": "boolean"
                    },
                    "author_id": {
                      "type": "integer"
                    },
                    "note": {
                      "type": "string"
                    },
                    "created_at": {
                      "type": "string",
                      "format": "date-time"
                    }
                  }
                }
              },
              "diff": {
                "type": "object",
                "properties": {
                  "added": {
                    "type": "integer"
                  },
                  "removed": {
                    "type": "integer"
                  },
                  "html": {
                    "type": "string"
                  },
                  "lines": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "kind": {
                          "type": "string",
                          "enum": [
                            "same",
                            "added",
                            "removed"
                          ]
                        },
                        "text": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "HelpCenterDeflection": {
            "type": "object",
            "properties": {
              "deflection": {
                "type": "object",
                "properties": {
                  "days": {
                    "type": "integer"
                  },
                  "suggested": {
                    "type": "integer"
                  },
                  "opened": {
                    "type": "integer"
                  },
                  "submitted": {
                    "type": "integer"
                  },
                  "avoided": {
                    "type": "integer"
                  }
                }
              }
            }
          },
          "ReportListResponse": {
            "type": "object",
            "properties": {
              "reports": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    },
                    "description": {
                      "type": "string"
                    },
                    "uses_date_range": {
                      "type": "boolean"
                    },
                    "url": {
                      "type": "string"
                    },
                    "html_url": {
                      "type": "string"
                    }
                  }
                }
              },
              "count": {
                "type": "integer"
              }
            }
          },
          "ReportResponse": {
            "type": "object",
            "properties": {
              "report": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "filter": {
                    "type": "object",
                    "description": "The filter the report ran with."
                  },
                  "summary": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "label": {
                          "type": "string"
                        },
                        "value": {
                          "description": "A number (counts, percentages 0–100, hours) or text; null when there is nothing to compute."
                        },
                        "display": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "chart": {
                    "type": "object",
                    "properties": {
                      "kind": {
                        "type": "string",
                        "enum": [
                          "bars",
                          "stacked",
                          "lines"
                        ]
                      },
                      "title": {
                        "type": "string"
                      },
                      "unit": {
                        "type": "string"
                      },
                      "categories": {
                        "type": "array",
                        "items": {
                          "type": "string"
                        }
                      },
                      "series": {
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "name": {
                              "type": "string"
                            },
                            "values": {
                              "type": "array",
                              "items": {
                                "type": "number",
                                "nullable": true
                              }
                            }
                          }
                        }
                      }
                    }
                  },
                  "table": {
                    "type": "object",
                    "properties": {
                      "columns": {
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "key": {
                              "type": "string"
                            },
                            "title": {
                              "type": "string"
                            }
                          }
                        }
                      },
                      "rows": {
                        "type": "array",
                        "items": {
                          "type": "array",
                          "items": {}
                        }
                      }
                    }
                  },
                  "definitions": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "How each number is counted."
                  },
                  "csv_url": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
      }
    }
    """#
}
