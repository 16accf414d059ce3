import CasebookCore
import Foundation

/// Files sent with a web form (the composer, the portal) become an upload, used like the API's `comment.uploads`,
/// so both paths store and check files the same way.
enum FormUploads {
    static let maxFileBytes = MailSettings(environment: [:]).maxAttachmentBytes

    static func stage(_ files: [MultipartForm.File], actor: Actor, database: Database) async throws -> String {
        for file in files where file.data.count > maxFileBytes {
            throw APIError.invalid("uploads", "\(file.fileName) is larger than the \(maxFileBytes / 1_048_576) MB limit")
        }
        let token = WebTokens.generate()
        try await database.write { db in
            let store = AttachmentStore(db: db)
            for file in files {
                _ = try await store.insert(file.data, fileName: file.fileName, contentType: file.contentType,
                                           uploadToken: token, uploaderID: actor.id)
            }
        }
        return token
    }
}
