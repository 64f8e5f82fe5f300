#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a helper program (``Extractor/helperProgram``) the way a shell does.
public enum ProgramLookup {
    /// The path of the executable regular file `name` in the first folder of `searchPath`
    /// that has one, or `nil`. A `nil` search path takes the folders of `PATH` from the
    /// environment; empty entries are skipped.
    public static func find(_ name: String, searchPath: [String]?) -> String? {
        let folders = searchPath ?? (getenv("PATH").map { String(cString: $0) } ?? "").split(separator: ":").map(String.init)
        for folder in folders where !folder.isEmpty {
            let candidate = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var status = stat()
            if stat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}
