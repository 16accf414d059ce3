extension NoiseDetector {
    /// Lowercased subject starts of delivery failure reports.
    static let bounceSubjects = [
        "undeliverable:", "undelivered mail returned to sender", "undeliverable mail", "delivery status notification",
        "mail delivery failed", "mail delivery failure", "delivery failure", "delivery has failed", "returned mail:",
        "failure notice", "message not delivered", "mail system error", "unzustellbar:", "nicht zustellbar",
        "non remis", "non distribuable", "no se puede entregar", "onbestelbaar:", "non recapitabile",
    ]

    /// Lowercased subject starts of out-of-office and other automatic replies.
    static let autoReplySubjects = [
        "out of office", "out of the office", "automatic reply", "auto reply", "auto-reply", "autoreply",
        "automatic response", "auto response", "autosvar", "abwesenheitsnotiz", "automatische antwort",
        "réponse automatique", "respuesta automática", "risposta automatica", "automatisch antwoord",
        "resposta automática", "automatyczna odpowiedź",
    ]
}
