package com.checkupflow;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests of work that runs in one transaction: a template whose transaction rolls back after the work. */
public final class RollingBackTransactions {

    private RollingBackTransactions() {
    }

    /** Runs the work in a new transaction, then rolls it back (as a failure after the work would). */
    public static TransactionTemplate rollingBack(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return super.execute((TransactionStatus status) -> {
                    T result = action.doInTransaction(status);
                    status.setRollbackOnly();
                    return result;
                });
            }
        };
    }
}
