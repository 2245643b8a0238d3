package org.jenkinsci.plugins.workflow.graphanalysis;

import edu.umd.cs.findbugs.annotations.NonNull;
import com.google.common.base.Predicate;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;


/** Walks a flow graph. */
public abstract class AbstractFlowScanner implements Iterable<FlowNode> {
    AbstractFlowScanner() {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public Iterator<FlowNode> iterator() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public FlowNode findFirstMatch(@CheckForNull FlowExecution exec, @NonNull Predicate<FlowNode> matchCondition) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<FlowNode> allNodes(@CheckForNull FlowExecution exec) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<FlowNode> filteredNodes(@CheckForNull FlowExecution exec, @NonNull Predicate<FlowNode> matchCondition) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<FlowNode> filteredNodes(@CheckForNull Collection<FlowNode> heads,
            @NonNull Predicate<FlowNode> matchPredicate) {
        throw new UnsupportedOperationException();
    }
}
