package io.causeflow.receiver.store;

import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.StoredEvent;
import java.util.List;

/** Result of {@link ReceiverStore#change}. */
public sealed interface ChangeOutcome {
    /** Applied and committed. */
    record Applied(Incident incident, List<StoredEvent> events) implements ChangeOutcome {
        /** Copies. */
        public Applied {
            events = List.copyOf(events);
        }
    }

    /** The incident does not exist. */
    record Missing() implements ChangeOutcome {
    }

    /** The incident was not in a required status; nothing was written. */
    record Skipped(Incident incident) implements ChangeOutcome {
    }
}
