package io.causeflow.receiver.store;

import io.causeflow.receiver.model.StoredEvent;
import java.util.List;

/** Result of {@link ReceiverStore#change}. */
public sealed interface ChangeOutcome {
    /** Applied and committed; read the incident again for its new state. */
    record Applied(List<StoredEvent> events) implements ChangeOutcome {
        /** Copies. */
        public Applied {
            events = List.copyOf(events);
        }
    }

    /** The incident does not exist. */
    record Missing() implements ChangeOutcome {
    }

    /** The incident was not in a required status; nothing was written. */
    record Skipped(String status) implements ChangeOutcome {
    }
}
