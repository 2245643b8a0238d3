package io.jenkins.plugins.causeflow.snapshot;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.causeflow.client.failure.FailedNode;
import io.causeflow.client.failure.LogSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.actions.ErrorAction;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.LogAction;
import org.jenkinsci.plugins.workflow.actions.ThreadNameAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.graph.AtomNode;
import org.jenkinsci.plugins.workflow.graph.BlockEndNode;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;

/**
 * Finds the failed Pipeline stages and parallel branches, the failing step's function name and that step's own log,
 * from the workflow-api flow graph. An optional dependency: called only after {@link RunSnapshotReader} has checked
 * that workflow-api's classes are present, and only for Pipeline builds.
 */
final class FlowGraphReader {
    /** A class of workflow-api, to test whether it is installed. */
    static final String MARKER_CLASS = "org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner";

    private FlowGraphReader() {
    }

    /**
     * What the flow graph says about a failure.
     *
     * @param nodes          failed stages and branches, outermost first
     * @param failingStepLog the log of the most recent step that failed
     * @param stepFailed     whether any step failed, even one whose error a {@code try/catch} caught
     */
    record FlowFailures(List<FailedNode> nodes, Optional<LogSource> failingStepLog, boolean stepFailed) {
        static FlowFailures none() {
            return new FlowFailures(List.of(), Optional.empty(), false);
        }
    }

    static FlowFailures read(final Run<?, ?> run) {
        if (!(run instanceof FlowExecutionOwner.Executable executable)) {
            return FlowFailures.none(); // freestyle and other non-Pipeline builds
        }
        FlowExecutionOwner owner = executable.asFlowExecutionOwner();
        FlowExecution execution = owner == null ? null : owner.getOrNull();
        if (execution == null) {
            return FlowFailures.none();
        }
        List<FlowNode> nodes = new DepthFirstScanner().allNodes(execution);
        List<AtomNode> failingSteps = new ArrayList<>();
        for (FlowNode node : nodes) {
            if (node instanceof AtomNode atom && node.getError() != null) {
                failingSteps.add(atom);
            }
        }
        List<FailedNode> failed = new ArrayList<>();
        for (FlowNode node : nodes) {
            if (node instanceof BlockEndNode<?> end && end.getError() != null) {
                BlockStartNode start = end.getStartNode();
                boolean branch = start.getPersistentAction(ThreadNameAction.class) != null;
                boolean stage = !branch && start.getPersistentAction(LabelAction.class) != null;
                if (branch || stage) {
                    String name = branch ? start.getPersistentAction(ThreadNameAction.class).getThreadName()
                            : start.getDisplayName();
                    String function = innermostStep(failingSteps, start).map(FlowNode::getDisplayFunctionName)
                            .orElse(null);
                    List<String> path = enclosingNames(start);
                    String error = message(end.getError());
                    failed.add(branch ? FailedNode.branch(name, path, error, function)
                            : FailedNode.stage(name, path, error, function));
                }
            }
        }
        // The scanner walks from the end; report the outermost failure first.
        Collections.reverse(failed);
        Optional<LogSource> log = failingSteps.stream().findFirst()
                .map(step -> step.getAction(LogAction.class))
                .map(action -> new LargeTextLogSource(action.getLogText()));
        return new FlowFailures(failed, log, !failingSteps.isEmpty());
    }

    private static Optional<AtomNode> innermostStep(final List<AtomNode> failingSteps, final BlockStartNode start) {
        for (AtomNode step : failingSteps) {
            if (step.getAllEnclosingIds().contains(start.getId())) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private static List<String> enclosingNames(final BlockStartNode start) {
        List<String> names = new ArrayList<>();
        for (BlockStartNode block : start.iterateEnclosingBlocks()) {
            ThreadNameAction thread = block.getPersistentAction(ThreadNameAction.class);
            if (thread != null) {
                names.add(thread.getThreadName());
            }
            else if (block.getPersistentAction(LabelAction.class) != null) {
                names.add(block.getDisplayName());
            }
        }
        Collections.reverse(names); // outermost first
        return names;
    }

    @CheckForNull
    private static String message(final ErrorAction error) {
        Throwable throwable = error.getError();
        String message = throwable.getMessage();
        return message == null || message.isBlank() ? throwable.getClass().getSimpleName() : message;
    }
}
