package io.causeflow.client.investigation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Targets kept in memory, as the plugin keeps them in build actions; a target not in {@link #existing} is gone. */
final class MapTargets implements InvestigationTargets {
    final Map<String, InvestigationTimeline> timelines = new ConcurrentHashMap<>();
    final Set<String> existing = ConcurrentHashMap.newKeySet();
    int saves;

    MapTargets(final String... targets) {
        existing.addAll(Set.of(targets));
    }

    @Override
    public synchronized Optional<InvestigationTimeline> update(final String target, final String incidentId,
            final UnaryOperator<InvestigationTimeline> change) {
        if (!existing.contains(target)) {
            return Optional.empty();
        }
        InvestigationTimeline current = timelines.getOrDefault(target, InvestigationTimeline.empty(incidentId));
        InvestigationTimeline next = change.apply(current);
        if (next != current) {
            timelines.put(target, next);
            saves++;
        }
        return Optional.of(next);
    }

    Optional<InvestigationTimeline> timeline(final String target) {
        return Optional.ofNullable(timelines.get(target));
    }
}
