package io.causeflow.receiver.store;

import io.causeflow.receiver.model.Incident;
import java.util.List;
import io.causeflow.receiver.model.StoredEvent;

/** Result of {@link ReceiverStore#create}: a committed new incident, or the incident that already had the key. */
public sealed interface CreateOutcome {
    /** The incident id the caller should report. */
    String incidentId();

    /** A new incident and its events are committed. */
    record Created(Incident incident, List<StoredEvent> events) implements CreateOutcome {
        /** Copies. */
        public Created {
            events = List.copyOf(events);
        }

        @Override
        public String incidentId() {
            return incident.incidentId();
        }
    }

    /** {@code (tenant, sourceAlertId)} already belonged to {@code incidentId}; nothing was written. */
    record Duplicate(String incidentId) implements CreateOutcome {
    }

    /** Named factory. */
    static CreateOutcome created(Incident incident, List<StoredEvent> events) {
        return new Created(incident, events);
    }

    /** Named factory. */
    static CreateOutcome duplicate(String incidentId) {
        return new Duplicate(incidentId);
    }
}
