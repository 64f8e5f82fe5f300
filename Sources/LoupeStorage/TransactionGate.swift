import Glibc

/// Keeps the memory map from being resized while any transaction of this process is open.
///
/// LMDB may only change the map size when no transaction is active in the process, and a resize
/// unmaps the old mapping under every borrowed buffer. Each transaction holds a share of the gate
/// for its lifetime; a resize waits until all shares are returned and blocks new ones meanwhile.
/// Shares may be returned from another thread than the one that took them (`MDB_NOTLS` snapshots
/// move between threads), which is why this is a mutex and a condition rather than a rwlock.
final class TransactionGate: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var shares = 0
    private var resizing = false

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// Takes one share; waits while a resize is in progress.
    func enter() {
        pthread_mutex_lock(&mutex)
        while resizing { pthread_cond_wait(&changed, &mutex) }
        shares += 1
        pthread_mutex_unlock(&mutex)
    }

    /// Returns one share taken with ``enter()``.
    func leave() {
        pthread_mutex_lock(&mutex)
        shares -= 1
        if shares == 0 { pthread_cond_broadcast(&changed) }
        pthread_mutex_unlock(&mutex)
    }

    /// Runs `body` once no share is held, keeping new ones out until it returns.
    func exclusively<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        while resizing || shares > 0 { pthread_cond_wait(&changed, &mutex) }
        resizing = true
        pthread_mutex_unlock(&mutex)
        defer {
            pthread_mutex_lock(&mutex)
            resizing = false
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }
        return try body()
    }
}
