package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.API_KEY;
import static io.causeflow.receiver.Fixtures.OTHER_API_KEY;
import static io.causeflow.receiver.Fixtures.alert;
import static io.causeflow.receiver.Fixtures.get;
import static io.causeflow.receiver.Fixtures.post;
import static io.causeflow.receiver.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests the class {@link ReceiverServer}'s incident reads and resolve over real HTTP. */
class IncidentsITest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ReceiverServer server;
    private static String firstId;
    private static String secondId;

    @BeforeAll
    static void startServer() throws Exception {
        server = ReceiverServer.create(Fixtures.config().build()).start();
        firstId = JSON.readTree(send(server, alert("inc-1")).body()).path("incidentId").asText();
        secondId = JSON.readTree(send(server, alert("inc-2")).body()).path("incidentId").asText();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.incident(secondId).orElseThrow().rootCause().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void shouldReadAnIncidentWithTheProtocolFields() throws Exception {
        HttpResponse<String> response = get(server, "/v1/incidents/" + secondId, Map.of("X-API-Key", API_KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode incident = json(response);
        assertThat(incident.path("incidentId").asText()).isEqualTo(secondId);
        assertThat(incident.path("title").asText()).isEqualTo("Build failed: app #inc-2");
        assertThat(incident.path("severity").asText()).isEqualTo("high");
        assertThat(incident.path("status").asText()).isEqualTo("investigating");
        assertThat(incident.path("source").asText()).isEqualTo("automated");
        assertThat(incident.path("assignedAgents").size()).isPositive();
        assertThat(incident.path("rootCause").asText()).isEqualTo("ERROR: compilation failed in module core");
        assertThat(incident.path("recommendedActions").size()).isPositive();
        assertThat(incident.path("createdAt").asText()).isNotBlank();
        assertThat(incident.path("updatedAt").asText()).isNotBlank();
        assertThat(incident.path("sourceAlertId").asText()).isEqualTo("inc-2");
    }

    @Test
    void shouldListNewestFirstWithLimit() throws Exception {
        JsonNode list = json(get(server, "/v1/incidents?limit=1", Map.of("X-API-Key", API_KEY)));

        assertThat(list.path("incidents").size()).isEqualTo(1);
        assertThat(list.path("incidents").get(0).path("incidentId").asText()).isEqualTo(secondId);
        assertThat(json(get(server, "/v1/incidents", Map.of("X-API-Key", API_KEY))).path("incidents").size())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRejectInvalidLimit() throws Exception {
        for (String limit : new String[] {"0", "101", "x"}) {
            HttpResponse<String> response = get(server, "/v1/incidents?limit=" + limit, Map.of("X-API-Key", API_KEY));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("field").asText()).isEqualTo("limit");
        }
    }

    @Test
    void shouldRequireTheApiKey() throws Exception {
        assertThat(json(get(server, "/v1/incidents", Map.of())).path("error").asText()).isEqualTo("invalid_api_key");
        assertThat(get(server, "/v1/incidents/" + firstId, Map.of("X-API-Key", "nope")).statusCode()).isEqualTo(401);
        assertThat(post(server, "/v1/incidents/" + firstId + "/resolve", "", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldHideOtherTenantsIncidents() throws Exception {
        HttpResponse<String> response = get(server, "/v1/incidents/" + firstId, Map.of("X-API-Key", OTHER_API_KEY));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).isEqualTo("incident_not_found");
        assertThat(json(get(server, "/v1/incidents", Map.of("X-API-Key", OTHER_API_KEY))).path("incidents").size())
                .isZero();
    }

    @Test
    void shouldAnswer404ForUnknownIncident() throws Exception {
        assertThat(get(server, "/v1/incidents/inc_nope", Map.of("X-API-Key", API_KEY)).statusCode()).isEqualTo(404);
        assertThat(post(server, "/v1/incidents/inc_nope/resolve", "", Map.of("X-API-Key", API_KEY)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldResolveOnceAndStayIdempotent() throws Exception {
        HttpResponse<String> first = post(server, "/v1/incidents/" + firstId + "/resolve", "",
                Map.of("X-API-Key", API_KEY));
        HttpResponse<String> again = post(server, "/v1/incidents/" + firstId + "/resolve", "",
                Map.of("X-API-Key", API_KEY));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).path("status").asText()).isEqualTo("resolved");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(server.events(Fixtures.TENANT)).filteredOn(e -> e.incidentId().equals(firstId)
                && e.envelopeJson().contains("\"newStatus\":\"resolved\"")).hasSize(1);
    }

    @Test
    void shouldAnswerHealth() throws Exception {
        assertThat(json(get(server, "/health", Map.of())).path("status").asText()).isEqualTo("ok");
    }
}
