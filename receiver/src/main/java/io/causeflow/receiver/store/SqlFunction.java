package io.causeflow.receiver.store;

import java.sql.SQLException;

/** A function that may fail with {@link SQLException}. */
@FunctionalInterface
interface SqlFunction<A, R> {
    R apply(A argument) throws SQLException;
}
