package io.causeflow.receiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.IncidentStatus;
import io.causeflow.receiver.model.StoredEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests the class {@link ReceiverStore}: the two reads the dashboard uses (status filter, one incident's events). */
class ReceiverStoreDashboardReadsTest {
    private ReceiverStore store;

    @BeforeEach
    void open() throws Exception {
        store = ReceiverStore.openInMemory(events -> { });
        create("inc_1", "acme");
        create("inc_2", "acme");
        create("inc_3", "globex");
        create("inc_4", "acme");
        store.change(new IncidentChange("acme", "inc_2", Set.of("triaging"), Optional.of("resolved"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(new EventDraft("incident.status_changed",
                        Map.of("incidentId", "inc_2", "previousStatus", "triaging", "newStatus", "resolved")))))
                .get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldListOnlyTheTenantsIncidentsWithTheGivenStatusesNewestFirst() {
        assertThat(store.incidents("acme", Set.of("triaging"), 10)).extracting(Incident::incidentId)
                .containsExactly("inc_4", "inc_1");
        assertThat(store.incidents("acme", Set.of("triaging", "resolved"), 10)).extracting(Incident::incidentId)
                .containsExactly("inc_4", "inc_2", "inc_1");
        assertThat(store.incidents("acme", Set.of("triaging", "resolved"), 2)).hasSize(2);
        assertThat(store.incidents("globex", Set.of("resolved"), 10)).isEmpty();
        assertThat(store.incidents("acme", Set.of(), 10)).isEmpty();
    }

    @Test
    void shouldReadOneIncidentsEventsInOrderAfterAnId() {
        List<StoredEvent> all = store.incidentEventsAfter("acme", "inc_2", 0, 100);
        assertThat(all).extracting(StoredEvent::name)
                .containsExactly("incident.created", "incident.status_changed", "incident.status_changed");
        assertThat(all).allMatch(event -> event.incidentId().equals("inc_2"));
        assertThat(store.incidentEventsAfter("acme", "inc_2", all.get(0).id(), 100)).hasSize(2);
        assertThat(store.incidentEventsAfter("acme", "inc_2", 0, 1)).hasSize(1);
        assertThat(store.incidentEventsAfter("globex", "inc_2", 0, 100)).as("scoped by tenant").isEmpty();
    }

    private void create(String incidentId, String tenantId) throws Exception {
        // Distinct creation times keep "newest first" unambiguous.
        Thread.sleep(5);
        store.create(new NewIncident(incidentId, tenantId, Optional.empty(), "Build failed " + incidentId,
                "ERROR: it broke", "high", Optional.empty(), Optional.empty(), Map.of(), "{}",
                IncidentStatus.TRIAGING.wireName(), List.of(new EventDraft("incident.created",
                        Map.of("incidentId", incidentId)), new EventDraft("incident.status_changed",
                        Map.of("incidentId", incidentId, "previousStatus", "open", "newStatus", "triaging")))))
                .get(20, TimeUnit.SECONDS);
    }
}
