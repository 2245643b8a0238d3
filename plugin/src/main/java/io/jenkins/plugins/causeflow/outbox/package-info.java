/**
 * The controller's durable outbox: where automatic alerts, the freestyle action and a Pipeline step whose delivery
 * failed leave their alerts so builds never wait for CauseFlow, and the one background sender that delivers them.
 */
package io.jenkins.plugins.causeflow.outbox;
