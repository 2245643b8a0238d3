package io.causeflow.receiver.events;

import io.causeflow.receiver.model.StoredEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed events out to the subscriptions of their tenant. {@link #publish} is called by the store's single
 * writer thread in id order and never blocks: a full subscriber buffer cuts that subscriber, not the publisher.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final int bufferCapacity;
    private final Map<String, Set<Subscription>> byTenant = new ConcurrentHashMap<>();
    private final AtomicLong disconnectedSlow = new AtomicLong();

    /**
     * @param bufferCapacity events a subscriber may lag behind before it is disconnected
     */
    public EventBus(int bufferCapacity) {
        if (bufferCapacity < 1) {
            throw new IllegalArgumentException("bufferCapacity must be at least 1");
        }
        this.bufferCapacity = bufferCapacity;
    }

    /**
     * Registers a subscription; events published from now on are queued for it.
     *
     * @param tenantId   tenant
     * @param disconnect closes the underlying connection (called at most once, from the publisher thread)
     * @return the subscription; end it with {@link #unsubscribe}
     */
    public Subscription subscribe(String tenantId, Runnable disconnect) {
        return subscribe(tenantId, disconnect, () -> { });
    }

    /**
     * Registers a subscription that announces waiting events (for writers that hold no thread while idle).
     *
     * @param tenantId    tenant
     * @param disconnect  closes the underlying connection (called at most once, from the publisher thread)
     * @param onAvailable called after each event is queued; must not block (it runs on the store's writer thread)
     * @return the subscription; end it with {@link #unsubscribe}
     */
    public Subscription subscribe(String tenantId, Runnable disconnect, Runnable onAvailable) {
        Subscription subscription = new Subscription(tenantId, bufferCapacity, disconnect, onAvailable);
        byTenant.computeIfAbsent(tenantId, t -> new CopyOnWriteArraySet<>()).add(subscription);
        return subscription;
    }

    /** Removes a subscription. */
    public void unsubscribe(Subscription subscription) {
        subscription.close();
        Set<Subscription> set = byTenant.get(subscription.tenantId());
        if (set != null) {
            set.remove(subscription);
        }
    }

    /** Delivers events (in id order) to their tenants' subscribers. */
    public void publish(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            Set<Subscription> subscribers = byTenant.get(event.tenantId());
            if (subscribers == null) {
                continue;
            }
            for (Subscription subscription : subscribers) {
                if (!subscription.offer(event) && !subscription.isClosed()) {
                    subscribers.remove(subscription);
                    disconnectedSlow.incrementAndGet();
                    LOG.warn("Disconnecting a slow SSE subscriber of tenant {} (buffer of {} events full at event {})",
                            subscription.tenantId(), bufferCapacity, event.wireId());
                    subscription.overflow();
                }
            }
        }
    }

    /** Ends every open stream (server shutdown), so stopping does not wait for idle streams. */
    public void closeAll() {
        for (Set<Subscription> subscriptions : byTenant.values()) {
            for (Subscription subscription : subscriptions) {
                subscriptions.remove(subscription);
                subscription.shutdown();
            }
        }
    }

    /** Open subscriptions across all tenants. */
    public int subscriberCount() {
        return byTenant.values().stream().mapToInt(Set::size).sum();
    }

    /** Subscribers cut for falling behind since start. */
    public long slowSubscribersDisconnected() {
        return disconnectedSlow.get();
    }
}
