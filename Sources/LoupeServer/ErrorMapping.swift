import LoupeEngine
import LoupeProtocol

extension ProtocolError {
    /// The wire error for anything a request's execution throws: the one place where engine,
    /// index and storage errors become protocol codes.
    static func from(_ error: any Error) -> ProtocolError {
        switch error {
        case let error as ProtocolError: return error
        case let error as SearchError:
            switch error {
            case .syntax(let message, let column): return ProtocolError(.querySyntax, "column \(column): \(message)")
            case .limitExceeded(let message): return ProtocolError(.limitExceeded, message)
            case .invalidOption(let message): return ProtocolError(.badArgument, message)
            case .unknownDocument(let id): return ProtocolError(.notFound, "no document with id \(id)")
            case .timeout: return ProtocolError(.timeout, error.description)
            }
        default:
            return ProtocolError(.internalError, "\(error)")
        }
    }

    /// `ERR TIMEOUT` for a query that ran past the server's budget of `milliseconds`: the same
    /// words whichever stopped it, the budget timer or the engine at its deadline.
    static func overBudget(milliseconds: Int) -> ProtocolError {
        ProtocolError(.timeout, "the query took longer than the \(milliseconds) ms budget")
    }
}
