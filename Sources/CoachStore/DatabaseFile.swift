import CoachCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the database file lives and how it is made: coaching data is personal.
enum DatabaseFile {
    /// Coaching data is personal: the folder is 0700, the file and its WAL companions 0600.
    static func prepare(at path: String) throws(StoreError) {
        umask(0o077)
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let fm = FileManager.default
        if !fm.fileExists(atPath: dir) {
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotCreate(path: path, reason: "its folder cannot be created")
            }
        }
        if fm.fileExists(atPath: path) {
            if access(path, R_OK | W_OK) != 0 || access(dir, W_OK) != 0 { throw .readOnly(path: path) }
            return
        }
        let fd = Glibc.open(path, O_CREAT | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw errno == EACCES || errno == EROFS ? .readOnly(path: path) : .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
    }

}
